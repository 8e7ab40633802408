// Renders a message's Markdown (with GitHub extensions) safely. Messages come from other people
// and agents, so: raw HTML is shown as text, never parsed into elements; only http(s) and mailto
// links survive (javascript:, data:, file: … lose their href); links open in the OS browser
// through main, never in the app window; images are never fetched — their alt text is shown.
import type { MouseEvent, ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { call } from '../ouro';
import './markdown.css';

/** http(s) and mailto only, and only absolute: anything else is dropped rather than guessed at. */
export function safeMarkdownUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return '';
  }
  return ['http:', 'https:', 'mailto:'].includes(parsed.protocol) ? parsed.href : '';
}

function openExternally(event: MouseEvent<HTMLAnchorElement>, href: string): void {
  event.preventDefault();
  // mailto: is left to the OS too, but the contract only opens http(s).
  if (!/^https?:/i.test(href)) return;
  call('app:open-external', { url: href }).catch(() => {
    // Main re-checks the URL and may refuse it; there is nothing useful to show for that here.
  });
}

function Link({ href, children }: { href?: string | undefined; children?: ReactNode }) {
  if (!href) return <span className="md-link-removed">{children}</span>;
  return (
    <a href={href} title={href} rel="noopener noreferrer" onClick={(event) => openExternally(event, href)}>
      {children}
    </a>
  );
}

function ImageAlt({ alt }: { alt?: string | undefined }) {
  return <span className="md-image">{alt?.trim() ? `[Image: ${alt.trim()}]` : '[Image]'}</span>;
}

const components: Components = {
  // `node` is react-markdown's AST node: never pass it on to the DOM.
  a: ({ href, children }) => <Link href={href}>{children}</Link>,
  img: ({ alt }) => <ImageAlt alt={alt} />,
};

const plugins = [remarkGfm];

export function MessageMarkdown({ text }: { text: string }) {
  return (
    <div className="md">
      <Markdown remarkPlugins={plugins} urlTransform={safeMarkdownUrl} components={components} skipHtml={false}>
        {text}
      </Markdown>
    </div>
  );
}
