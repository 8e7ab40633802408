import { describe, expect, it } from 'vitest';
import { createLogger, REDACTED } from '../../electron/log';

describe('redacting logger', () => {
  it('removes registered secrets, JWTs and secret-looking fields wherever they appear', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'debug', write: (_l, line) => lines.push(line) });
    const key = 'a1b2c3d4e5f6a7b8c9d0';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
    log.addSecret(key);
    log.debug(`exchanging ${key}`, { pat: 'other-secret-value', nested: { access_token: jwt } });
    log.error('failed', new Error(`Authorization: ${jwt} for key ${key}`));
    const text = lines.join('\n');
    expect(text).not.toContain(key);
    expect(text).not.toContain(jwt);
    expect(text).not.toContain('other-secret-value');
    expect(text).toContain(REDACTED);
  });

  it('drops lines below the level', () => {
    const lines: string[] = [];
    const log = createLogger({ level: 'warn', write: (_l, line) => lines.push(line) });
    log.info('quiet');
    log.warn('loud');
    expect(lines).toHaveLength(1);
  });
});
