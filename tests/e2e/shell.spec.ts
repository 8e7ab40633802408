import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;

test('shows the app shell and app:info that travelled renderer → main → renderer', async ({ launch }) => {
  const { page, host } = await launch({ env: { OURO_BACKEND_URL: 'http://127.0.0.1:4999/' } });
  await expect(page.getByRole('heading', { level: 1, name: 'Ouro' })).toBeVisible();
  // The API base comes from the host's environment, so it can only appear via the handler.
  await expect(page.getByTestId('app-api-base')).toHaveText('http://127.0.0.1:4999');
  await expect(page.getByTestId('app-version')).toHaveText(version);
  await expect(page.getByTestId('app-host')).toHaveText(host === 'electron' ? 'Desktop app' : 'Browser (web host)');
});

test('the page gets window.ouro with the contract calls only, and no Node or Electron globals', async ({ launch }) => {
  const { page, host } = await launch();
  await expect(page.getByRole('heading', { level: 1, name: 'Ouro' })).toBeVisible();
  const globals = await page.evaluate(() => ({
    keys: Object.keys(window.ouro).sort(),
    frozen: Object.isFrozen(window.ouro),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  // Besides invoke/on, the ways to hand over a dropped file: both stream bytes (stageFile), and
  // Electron's preload also has main grant a File's path (grantFiles) without the page seeing it,
  // and starts dragging rows out as files (startDrag; the web host uses DownloadURL instead).
  expect(globals.keys).toEqual(host === 'electron' ? ['grantFiles', 'invoke', 'on', 'stageFile', 'startDrag'] : ['invoke', 'on', 'stageFile']);
  expect(globals.require).toBe('undefined');
  expect(globals.process).toBe('undefined');
});

test('an unknown channel or bad input comes back as an error envelope, not a crash', async ({ launch }) => {
  const { page } = await launch();
  await expect(page.getByRole('heading', { level: 1, name: 'Ouro' })).toBeVisible();
  const results = await page.evaluate(async () => {
    const bridge = window.ouro as unknown as { invoke(channel: string, input?: unknown): Promise<unknown> };
    return [await bridge.invoke('fs:read', '/etc/passwd'), await bridge.invoke('app:info', { evil: true })];
  });
  expect(results[0]).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  expect(results[1]).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
});

test('the Content-Security-Policy blocks inline script', async ({ launch }) => {
  const { page } = await launch();
  await expect(page.getByRole('heading', { level: 1, name: 'Ouro' })).toBeVisible();
  const ran = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.body.append(script);
    return { directive: await violation, ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
  });
  expect(ran).toEqual({ directive: 'script-src-elem', ran: false });
});
