// Which API the app talks to: production unless the launch says otherwise (--api-url, then
// OURO_BACKEND_URL, then OURO_BASE_URL); plain http only on this computer; and the native
// dialog main shows before a page-requested address is used.
import { describe, expect, it } from 'vitest';
import { apiAddressDialogOptions, confirmApiAddressWith } from '../../electron/app/api-address-dialog';
import { isLoopbackHost, launchApiAddress, parseApiAddress, PRODUCTION_API_BASE } from '../../electron/account/api-address';

describe('API address rules', () => {
  it('takes https anywhere and http only for loopback', () => {
    expect(parseApiAddress('https://api.example.com/')).toBe('https://api.example.com');
    expect(parseApiAddress('https://ouro.example.com/api/')).toBe('https://ouro.example.com/api');
    for (const ok of ['http://127.0.0.1:8003', 'http://localhost:9', 'http://[::1]:8003', 'http://127.1:80', 'http://LOCALHOST']) {
      expect(() => parseApiAddress(ok), ok).not.toThrow();
    }
    for (const bad of ['http://api.example.com', 'http://10.0.0.5', 'http://127.0.0.1.nip.io', 'http://localhost.evil.example', 'ftp://x', 'nope']) {
      expect(() => parseApiAddress(bad), bad).toThrow();
    }
    expect(() => parseApiAddress('https://u:p@api.example.com')).toThrow(/user name or password/);
    expect(() => parseApiAddress('https://api.example.com/?x=1')).toThrow(/query/);
  });

  it('knows which hosts are this computer', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('127.255.0.9')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('localhost')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
    expect(isLoopbackHost('127.0.0.1.example')).toBe(false);
  });

  it('the launch decides: --api-url, then OURO_BACKEND_URL, then OURO_BASE_URL, then production', () => {
    expect(launchApiAddress({})).toEqual({ url: PRODUCTION_API_BASE, explicit: false });
    expect(launchApiAddress({ OURO_BASE_URL: 'http://127.0.0.1:8003/' })).toEqual({ url: 'http://127.0.0.1:8003', explicit: true });
    expect(launchApiAddress({ OURO_BACKEND_URL: 'https://a.example', OURO_BASE_URL: 'https://b.example' }).url).toBe('https://a.example');
    expect(launchApiAddress({ OURO_BACKEND_URL: 'https://a.example' }, ['--api-url=https://flag.example']).url).toBe('https://flag.example');
    expect(launchApiAddress({}, ['/app', '--api-url', 'https://flag2.example']).url).toBe('https://flag2.example');
    expect(() => launchApiAddress({ OURO_BACKEND_URL: 'http://api.example.com' })).toThrow(/OURO_BACKEND_URL must use https/);
    expect(() => launchApiAddress({}, ['--api-url=http://10.1.1.1'])).toThrow(/--api-url/);
  });
});

describe('the confirmation dialog', () => {
  it('names the host, defaults to Cancel, and only the explicit button confirms', async () => {
    const options = apiAddressDialogOptions({ host: 'ouro.corp.example:8443', url: 'https://ouro.corp.example:8443' });
    expect(options.message).toContain('ouro.corp.example:8443');
    expect(options.detail).toContain('https://ouro.corp.example:8443');
    expect(options.buttons).toEqual(['Cancel', 'Use ouro.corp.example:8443']);
    expect(options).toMatchObject({ defaultId: 0, cancelId: 0 });
    const answers = [0, 1];
    const confirm = confirmApiAddressWith(async () => ({ response: answers.shift() ?? 0 }));
    expect(await confirm({ host: 'h', url: 'https://h' })).toBe(false);
    expect(await confirm({ host: 'h', url: 'https://h' })).toBe(true);
  });
});
