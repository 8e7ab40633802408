// @vitest-environment jsdom
// Messages are written by other people and agents: their Markdown must render as Markdown and
// nothing more — no HTML elements from raw HTML, no script URLs, no remote image loads — and
// links must leave through main (app:open-external), never navigate the app window.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MessagesPage } from '../../../shared/browse';
import { MessageMarkdown, safeMarkdownUrl } from '../../../renderer/src/conversations/MessageMarkdown';
import { flattenMessages } from '../../../renderer/src/conversations/queries';

const invoke = vi.fn(async (_channel: string, _input: unknown) => ({ ok: true as const, data: undefined }));

beforeEach(() => {
  invoke.mockClear();
  Object.defineProperty(window, 'ouro', { configurable: true, value: { invoke, on: () => () => {} } });
});
afterEach(cleanup);

describe('MessageMarkdown', () => {
  it('renders Markdown with GitHub extensions', () => {
    const { container } = render(
      <MessageMarkdown text={'**bold** and _em_\n\n- one\n- two\n\n```python\nprint(1)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~'} />,
    );
    expect(container.querySelector('strong')?.textContent).toBe('bold');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('pre code')?.textContent).toContain('print(1)');
    expect(container.querySelector('table td')?.textContent).toBe('1');
    expect(container.querySelector('del')?.textContent).toBe('gone');
  });

  it('shows raw HTML as text and never creates its elements', () => {
    const { container } = render(
      <MessageMarkdown text={'before <script>window.pwned = true</script> after\n\n<img src="x" onerror="window.pwned = true">\n\n<iframe src="https://example.com"></iframe>\n\n<a href="javascript:alert(1)">html link</a>'} />,
    );
    expect(container.querySelector('script, img, iframe, [onerror]')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('<script>window.pwned = true</script>');
    expect((window as unknown as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('neutralises javascript:, data: and file: links but keeps their text', () => {
    const { container } = render(
      <MessageMarkdown text={'[js](javascript:alert(1)) [JS](JaVaScRiPt:alert(1)) [data](data:text/html,hi) [file](file:///etc/passwd) [rel](/relative)'} />,
    );
    expect(container.querySelectorAll('a')).toHaveLength(0);
    for (const text of ['js', 'JS', 'data', 'file', 'rel']) expect(screen.getByText(text)).toBeTruthy();
  });

  it('opens http(s) links in the OS browser through main instead of navigating', () => {
    render(<MessageMarkdown text={'see [the log](https://ouro.foundation/files/x) and <https://example.com/a>'} />);
    const link = screen.getByRole('link', { name: 'the log' });
    expect(link.getAttribute('href')).toBe('https://ouro.foundation/files/x');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    fireEvent(link, click);
    expect(click.defaultPrevented).toBe(true);
    expect(invoke).toHaveBeenCalledWith('app:open-external', { url: 'https://ouro.foundation/files/x' });
    expect(screen.getByRole('link', { name: 'https://example.com/a' })).toBeTruthy();
  });

  it('shows an image as its alt text without loading it', () => {
    const { container } = render(<MessageMarkdown text={'![furnace plot](https://tracker.example/pixel.png) ![](https://tracker.example/2.png)'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.textContent).toContain('[Image: furnace plot]');
    expect(container.textContent).toContain('[Image]');
    expect(container.innerHTML).not.toContain('tracker.example');
  });

  it('safeMarkdownUrl keeps only absolute http(s) and mailto URLs', () => {
    expect(safeMarkdownUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(safeMarkdownUrl('mailto:a@example.com')).toBe('mailto:a@example.com');
    for (const bad of ['javascript:alert(1)', ' javascript:alert(1)', 'vbscript:x', 'data:text/html,x', 'file:///c', '/rel', '#frag', 'smb://host/share']) {
      expect(safeMarkdownUrl(bad), bad).toBe('');
    }
  });
});

describe('flattenMessages', () => {
  const message = (id: string, minute: number) => ({
    id,
    authorName: 'alice',
    authorId: 'u1',
    text: id,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString(),
    seq: 0,
    type: 'message',
  });

  it('orders loaded pages oldest first and drops duplicates at page boundaries', () => {
    const newest: MessagesPage = { messages: [message('c', 3), message('d', 4)], hasMore: true, nextBefore: 'x' };
    const older: MessagesPage = { messages: [message('a', 1), message('b', 2), message('c', 3)], hasMore: false, nextBefore: null };
    expect(flattenMessages([newest, older]).map((m) => m.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(flattenMessages(undefined)).toEqual([]);
  });
});
