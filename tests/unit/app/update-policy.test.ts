import { describe, expect, it } from 'vitest';
import { DISABLE_UPDATES_ENV, updatePolicy } from '../../../electron/app/update-policy';

describe('update policy', () => {
  it('checks for updates in an installed (packaged) production app', () => {
    expect(updatePolicy({ isPackaged: true, env: {} })).toEqual({ enabled: true });
  });

  it('is off when not packaged (npm start, unpacked e2e builds)', () => {
    expect(updatePolicy({ isPackaged: false, env: {} })).toMatchObject({ enabled: false });
  });

  it('is off in development even if packaged', () => {
    expect(updatePolicy({ isPackaged: true, env: { NODE_ENV: 'development' } })).toMatchObject({ enabled: false });
  });

  it.each(['1', 'true', 'TRUE', ' yes ', 'on'])('is off when %j is in the disabling variable', (value) => {
    const policy = updatePolicy({ isPackaged: true, env: { [DISABLE_UPDATES_ENV]: value } });
    expect(policy).toMatchObject({ enabled: false });
    expect(policy.enabled || policy.reason).toContain(DISABLE_UPDATES_ENV);
  });

  it.each(['', '0', 'false', 'no'])('stays on when the disabling variable is %j', (value) => {
    expect(updatePolicy({ isPackaged: true, env: { [DISABLE_UPDATES_ENV]: value } })).toEqual({ enabled: true });
  });
});
