import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, delayList, PRODUCTION_API_BASE, resolveApiBaseUrl, resolveDataDir, takeHostConfig } from '../../electron/config';

describe('configuration', () => {
  it('reads OURO_BACKEND_URL, then OURO_BASE_URL, then production', () => {
    expect(resolveApiBaseUrl({})).toBe(PRODUCTION_API_BASE);
    expect(resolveApiBaseUrl({ OURO_BASE_URL: 'http://127.0.0.1:8003/' })).toBe('http://127.0.0.1:8003');
    expect(resolveApiBaseUrl({ OURO_BACKEND_URL: 'http://localhost:9/', OURO_BASE_URL: 'http://127.0.0.1:8003' })).toBe('http://localhost:9');
    expect(resolveApiBaseUrl({ OURO_BACKEND_URL: '  ', OURO_BASE_URL: 'https://api.example' })).toBe('https://api.example');
  });

  it('rejects an API base that is not an http(s) URL', () => {
    expect(() => resolveApiBaseUrl({ OURO_BACKEND_URL: 'ftp://x' })).toThrow(/http/);
    expect(() => resolveApiBaseUrl({ OURO_BACKEND_URL: 'nope' })).toThrow(/valid URL/);
  });

  it('reads the reconnect delays (OURO_RECONNECT_DELAYS_MS) as whole milliseconds, or leaves the defaults', () => {
    expect(takeHostConfig({ OURO_RECONNECT_DELAYS_MS: '600000' }).retryDelaysMs).toEqual([600_000]);
    expect(delayList('2000, 5000,15000')).toEqual([2_000, 5_000, 15_000]);
    for (const bad of [undefined, '', '2000,soon', '-5', '0', '1.5']) expect(delayList(bad)).toBeUndefined();
  });

  it('uses OURO_DESKTOP_DATA_DIR over the OS folder', () => {
    expect(resolveDataDir({ OURO_DESKTOP_DATA_DIR: '/tmp/ouro-test' }, '/home/a/.config/Ouro')).toBe(path.resolve('/tmp/ouro-test'));
    expect(resolveDataDir({}, '/home/a/.config/Ouro')).toBe('/home/a/.config/Ouro');
  });

  it('knows each OS user-data folder', () => {
    expect(defaultUserDataDir('linux', {}, '/home/a')).toBe(path.join('/home/a', '.config', 'Ouro'));
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe(path.join('/x', 'Ouro'));
    expect(defaultUserDataDir('darwin', {}, '/Users/a')).toBe(path.join('/Users/a', 'Library', 'Application Support', 'Ouro'));
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain('Ouro');
  });
});
