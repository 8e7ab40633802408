// Items the app can open by id, and what main asks the page to open: an `ouro://` link, a clicked
// OS notification. The page drains these requests (`links:take`) when told there are some
// (`links:requested`), so a link that launched the app is not lost before the page listens.

/** What the app opens in its own window. */
export const itemTypes = ['file', 'dataset', 'conversation'] as const;
export type ItemType = (typeof itemTypes)[number];

export interface ItemRef {
  type: ItemType;
  id: string;
}

export type OpenRequest =
  | { seq: number; outcome: 'open'; target: ItemRef; source: 'link' | 'notification' }
  /** A link main would not follow: the page shows `message` as a notice and does nothing else. */
  | { seq: number; outcome: 'refused'; message: string; source: 'link' };

export interface DesktopLink {
  /** `ouro://asset/<uuid>` for files and datasets, `ouro://conversation/<uuid>` for conversations. */
  url: string;
  /** True when main put it on the clipboard (Electron); the web host's page copies it itself. */
  copied: boolean;
}
