import { describe, expect, it } from 'vitest';
import { appWindowOptions } from '../../../electron/app/app-window';

describe('main window options', () => {
  const placement = { x: 10, y: 20, width: 1200, height: 800, maximized: false };

  it('keeps the page sandboxed and isolated, with the preload as its only bridge', () => {
    const options = appWindowOptions({ placement, preload: '/app/dist/preload.cjs', darkMode: false });
    expect(options.webPreferences).toEqual({
      preload: '/app/dist/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    });
  });

  it('starts hidden (shown on ready-to-show) where it was last, in the OS theme’s colour', () => {
    const options = appWindowOptions({ placement, icon: '/app/icon.png', preload: 'p', darkMode: true });
    expect(options).toMatchObject({ show: false, x: 10, y: 20, width: 1200, height: 800, icon: '/app/icon.png', backgroundColor: '#15171c', title: 'Ouro' });
    expect(appWindowOptions({ placement, preload: 'p', darkMode: false })).not.toHaveProperty('icon');
  });
});
