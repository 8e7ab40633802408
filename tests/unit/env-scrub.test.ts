// OURO_API_KEY leaves process.env at start-up, so nothing started afterwards inherits it. What
// /proc/<pid>/environ shows is another matter: it is the block the process was started with and
// deleting from process.env does not change it (measured here, on Linux). README ("Trust
// boundaries") says why the app does not re-exec itself to hide it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { takeHostConfig, takeHostConfigOrError } from '../../electron/config';

describe('OURO_API_KEY', () => {
  it('is taken out of the environment object it was read from', () => {
    const env: Record<string, string | undefined> = { OURO_API_KEY: ' key-123 ', OURO_BACKEND_URL: 'http://127.0.0.1:9' };
    const config = takeHostConfig(env, ['--api-url=http://127.0.0.1:10']);
    expect(config).toMatchObject({ envApiKey: 'key-123', apiBaseUrl: 'http://127.0.0.1:10', apiBaseFromEnv: true });
    expect('OURO_API_KEY' in env).toBe(false);
  });

  it('leaves even when the API address is bad: Electron keeps the error to report once it can show it', () => {
    const env: Record<string, string | undefined> = { OURO_API_KEY: 'key-456', OURO_BACKEND_URL: 'http://attacker.example' };
    const config = takeHostConfigOrError(env, []);
    expect(config).toBeInstanceOf(Error);
    expect((config as Error).message).toMatch(/OURO_BACKEND_URL must use https:\/\//);
    expect('OURO_API_KEY' in env).toBe(false);
    const flagged = takeHostConfigOrError({}, ['--api-url', 'ftp://x']);
    expect(flagged).toBeInstanceOf(Error);
    expect((flagged as Error).message).toMatch(/--api-url must start with https:\/\//);
  });

  it.runIf(existsSync('/proc/self/environ'))('in Node: children no longer inherit it, but /proc/<pid>/environ still shows it', () => {
    const script = `
      delete process.env.OURO_API_KEY;
      const child = require('node:child_process').spawnSync('sh', ['-c', 'printf %s "$OURO_API_KEY"'], { encoding: 'utf8' });
      const environ = require('node:fs').readFileSync('/proc/' + process.pid + '/environ', 'latin1');
      process.stdout.write(JSON.stringify({ child: child.stdout, inProc: environ.includes('OURO_API_KEY=probe-key') }));
    `;
    const result = spawnSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH, OURO_API_KEY: 'probe-key' }, encoding: 'utf8' });
    expect(JSON.parse(result.stdout)).toEqual({ child: '', inProc: true });
  });
});
