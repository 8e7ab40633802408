// Marks the words of a search in a piece of text (a name, a snippet), case-insensitively.
import type { ReactNode } from 'react';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function Highlight({ text, query }: { text: string; query: string }): ReactNode {
  const words = [...new Set(query.trim().split(/\s+/).filter((w) => w.length > 0))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return text;
  const pattern = new RegExp(`(${words.map(escapeRegExp).join('|')})`, 'gi');
  const parts = text.split(pattern);
  return parts.map((part, i) => (i % 2 === 1 ? <mark key={i}>{part}</mark> : part));
}
