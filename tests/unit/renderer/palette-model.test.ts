// The command palette's listing: what is typed filters commands and recent items by every word
// (case- and accent-insensitive); recent items come before the server's results, which never
// repeat a recent item; a pasted link or id shows only what it resolved to.
import { describe, expect, it } from 'vitest';
import type { PaletteItem, RecentItem } from '../../../shared/palette';
import { looksLikeLink, matchesWords, paletteSections, type PaletteCommand } from '../../../renderer/src/palette/palette-model';

const commands: PaletteCommand[] = [
  { id: 'upload', label: 'Upload files…', keywords: 'add send' },
  { id: 'go-datasets', label: 'Go to Datasets' },
  { id: 'toggle-theme', label: 'Toggle theme', keywords: 'dark light appearance' },
];
const fileA = { type: 'file', id: '11111111-1111-4111-8111-111111111111', name: 'furnace-temperatures.csv', detail: 'alice · csv' } as const;
const fileB = { type: 'file', id: '22222222-2222-4222-8222-222222222222', name: 'Résumé – growth notes.md', detail: null } as const;
const dataset = { type: 'dataset', id: '33333333-3333-4333-8333-333333333333', name: 'furnace-runs-1k', detail: 'alice' } as const;
const recent: RecentItem[] = [
  { ...fileB, openedAt: 3 },
  { ...fileA, openedAt: 2 },
];
const results: PaletteItem[] = [dataset, fileA];

describe('looksLikeLink', () => {
  it('takes web and ouro:// links and bare ids, not words', () => {
    expect(looksLikeLink('https://ouro.foundation/files/alice/x')).toBe(true);
    expect(looksLikeLink('ouro.foundation/conversations/abc')).toBe(true);
    expect(looksLikeLink('ouro://asset/11111111-1111-4111-8111-111111111111')).toBe(true);
    expect(looksLikeLink('  11111111-1111-4111-8111-111111111111 ')).toBe(true);
    expect(looksLikeLink('furnace')).toBe(false);
    expect(looksLikeLink('11111111-1111')).toBe(false);
  });
});

describe('matchesWords', () => {
  it('needs every word, in any order, ignoring case and accents', () => {
    expect(matchesWords('theme toggle', 'Toggle theme')).toBe(true);
    expect(matchesWords('resume growth', 'Résumé – growth notes.md')).toBe(true);
    expect(matchesWords('DARK', 'Toggle theme', 'dark light')).toBe(true);
    expect(matchesWords('theme upload', 'Toggle theme')).toBe(false);
  });
});

describe('paletteSections', () => {
  it('before anything is typed: every recent item in their order and every command, no results', () => {
    const sections = paletteSections('', { commands, recent, results, resolved: null });
    expect(sections.recent.map((e) => e.kind === 'item' && e.item.name)).toEqual(['Résumé – growth notes.md', 'furnace-temperatures.csv']);
    expect(sections.commands).toHaveLength(3);
    expect(sections.results).toEqual([]);
    expect(sections.link).toEqual([]);
  });

  it('typed words filter commands and recent items; results leave out what is already recent', () => {
    const sections = paletteSections('furnace', { commands, recent, results, resolved: null });
    expect(sections.recent.map((e) => e.key)).toEqual([`recent:file:${fileA.id}`]);
    expect(sections.results.map((e) => e.key)).toEqual([`result:dataset:${dataset.id}`]);
    expect(sections.commands).toEqual([]);
  });

  it('a command is found by its keywords', () => {
    const sections = paletteSections('dark', { commands, recent, results: [], resolved: null });
    expect(sections.commands.map((e) => e.key)).toEqual(['command:toggle-theme']);
  });

  it('a pasted link shows only the item it resolved to (or nothing while it resolves)', () => {
    const link = `ouro://asset/${dataset.id}`;
    expect(paletteSections(link, { commands, recent, results, resolved: null })).toEqual({ link: [], commands: [], recent: [], results: [] });
    const resolved = paletteSections(link, { commands, recent, results, resolved: dataset });
    expect(resolved.link.map((e) => e.key)).toEqual([`link:dataset:${dataset.id}`]);
    expect(resolved.recent).toEqual([]);
  });
});
