// The e2e specs' accessibility check: axe-core run inside the page (evaluated, so the app's CSP is
// untouched), keeping serious and critical findings as readable lines — one helper, so every spec
// judges by the same rules and waits for the same things.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Serious and critical axe findings in the page, or only inside the element `within` selects. */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async (selector) => {
    // A panel still fading in (the details drawer's 160 ms drawer-in) has partial opacity, which
    // axe reads as low contrast: let every finite animation end first (spinners never do).
    const finite = document.getAnimations().filter((animation) => animation.effect?.getComputedTiming().iterations !== Infinity);
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)));
    const root = selector ? document.querySelector(selector) : document;
    if (!root) return null;
    const axe = (window as unknown as { axe: { run(context: Element | Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(root, { resultTypes: ['violations'] })).violations;
  }, within ?? null);
  if (!violations) return [`nothing matches ${within ?? 'the document'}`];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}
