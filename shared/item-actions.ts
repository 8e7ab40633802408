// The item actions the context menu, the File menu and the details pane offer (issue 13): their
// ids, main's labels for them, and one rule for when each applies to a selection.

/** Every action the context menu and the app menu offer on items. */
export const itemActions = [
  'open',
  'download',
  'rename',
  'edit-details',
  'move',
  'visibility-private',
  'visibility-organization',
  'visibility-public',
  'replace',
  'copy-link',
  'copy-desktop-link',
  'open-in-ouro',
  'delete',
] as const;
export type ItemAction = (typeof itemActions)[number];

/** Labels are main's (the page only names actions); the web host's role=menu uses the same words. */
export const itemActionLabels: Record<ItemAction, string> = {
  open: 'Open',
  download: 'Download…',
  rename: 'Rename…',
  'edit-details': 'Edit Details…',
  move: 'Move To…',
  'visibility-private': 'Private',
  'visibility-organization': 'Organization',
  'visibility-public': 'Public',
  replace: 'Replace File…',
  'copy-link': 'Copy Link',
  /** An ouro:// link that opens the item in Ouro Desktop (issue 16; `links:desktop-link`). */
  'copy-desktop-link': 'Copy Desktop Link',
  'open-in-ouro': 'Open in Ouro',
  delete: 'Delete…',
};

/** Whether an item action applies to a selection: one rule for the app menu, the context menu and the details pane. */
export function itemActionEnabled(action: ItemAction, selection: Pick<MenuSelection, 'count' | 'files'>): boolean {
  if (selection.count < 1) return false;
  switch (action) {
    case 'open':
    case 'rename':
    case 'edit-details':
    case 'open-in-ouro':
    case 'copy-desktop-link':
      return selection.count === 1;
    case 'replace':
      return selection.count === 1 && selection.files === 1;
    default:
      return true;
  }
}

/** The context menu's answer: the native menu's choice (null when dismissed), or use your own. */
export type ContextMenuResult = { supported: false } | { supported: true; action: ItemAction | null };

/** `menu:selection-changed`: what is selected, so the app menu's item actions enable to match. */
export interface MenuSelection {
  count: number;
  files: number;
  datasets: number;
  /** Focus is in a text field: item shortcuts that are also typing keys stand down. */
  textFocused: boolean;
}

