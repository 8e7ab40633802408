// Markdown → TipTap doc conversion (coarse: headings, bullet items, code blocks, paragraphs), used
// for seeded messages and POST /utilities/convert/from-markdown.

type Node = Record<string, unknown>;

function textNode(text: string): Node[] {
  return text ? [{ type: 'text', text }] : [];
}

export function markdownToDoc(markdown: string): Node {
  const content: Node[] = [];
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  let bullets: Node[] | null = null;
  let code: string[] | null = null;
  let codeLang = '';
  const flushBullets = (): void => {
    if (bullets) content.push({ type: 'bulletList', content: bullets });
    bullets = null;
  };
  for (const line of lines) {
    if (code) {
      if (line.startsWith('```')) {
        content.push({ type: 'codeBlock', attrs: { language: codeLang || null }, content: textNode(code.join('\n')) });
        code = null;
      } else code.push(line);
      continue;
    }
    if (line.startsWith('```')) {
      flushBullets();
      code = [];
      codeLang = line.slice(3).trim();
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    if (bullet) {
      bullets ??= [];
      bullets.push({ type: 'listItem', content: [{ type: 'paragraph', content: textNode(bullet[1] ?? '') }] });
      continue;
    }
    flushBullets();
    if (heading) content.push({ type: 'heading', attrs: { level: heading[1]?.length ?? 1 }, content: textNode(heading[2] ?? '') });
    else if (line.trim()) content.push({ type: 'paragraph', content: textNode(line) });
  }
  if (code) content.push({ type: 'codeBlock', attrs: { language: codeLang || null }, content: textNode((code as string[]).join('\n')) });
  flushBullets();
  return { type: 'doc', content };
}
