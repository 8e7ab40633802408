// Ouro's rich text `{json: TipTap doc, text}` (ouro-api.md §3.1) built from plain text the way
// ouro-py's `_coerce_description` does offline (`Content(text=…)`): one paragraph per line.

export interface TipTapNode {
  type: string;
  content?: TipTapNode[];
  text?: string;
  attrs?: Record<string, unknown>;
}

export interface RichText {
  json: { type: 'doc'; content: TipTapNode[] };
  text: string;
}

/**
 * Plain text → `{json, text}`. Blank text is the SDK's empty doc (`content: []`, text ''), which
 * is how a description is cleared. A blank line becomes an empty paragraph rather than the SDK's
 * empty text node, which TipTap (ProseMirror) refuses to load.
 */
export function plainTextToRichText(input: string): RichText {
  const text = input.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { json: { type: 'doc', content: [] }, text: '' };
  const content = text.split('\n').map((line): TipTapNode => (line === '' ? { type: 'paragraph' } : { type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { json: { type: 'doc', content }, text };
}
