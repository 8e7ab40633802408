// The About panel (the App menu's "About Ouro" on macOS, Help → About elsewhere): the version
// people quote in bug reports, with the Electron and Chromium it runs on.

export interface AboutPanelOptionsLike {
  applicationName: string;
  applicationVersion: string;
  version?: string;
  copyright: string;
  website?: string;
  iconPath?: string;
  credits?: string;
}

export interface AboutApp {
  setAboutPanelOptions(options: AboutPanelOptionsLike): void;
}

export interface AboutInfo {
  appVersion: string;
  versions: { electron?: string; chrome?: string };
  /** The 512 px icon: Linux and Windows show it; macOS uses the bundle's icon. */
  iconPath?: string;
}

export function aboutPanelOptions(info: AboutInfo): AboutPanelOptionsLike {
  const runtime = [info.versions.electron && `Electron ${info.versions.electron}`, info.versions.chrome && `Chromium ${info.versions.chrome}`]
    .filter(Boolean)
    .join(', ');
  return {
    applicationName: 'Ouro',
    applicationVersion: info.appVersion,
    // macOS shows `version` in brackets after the application version.
    ...(runtime ? { version: runtime } : {}),
    copyright: `Copyright © ${new Date().getFullYear()} Ouro Foundation`,
    website: 'https://ouro.foundation',
    ...(info.iconPath ? { iconPath: info.iconPath } : {}),
  };
}

export function applyAboutPanel(app: AboutApp, info: AboutInfo): void {
  app.setAboutPanelOptions(aboutPanelOptions(info));
}
