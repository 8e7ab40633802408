// No import cycles anywhere in the app, type-only imports included (lint's import-x/no-cycle (eslint.config.js)
// follows runtime imports only, because type imports vanish at build time; a type-only cycle
// still ties two modules' designs together, so it is counted here with dependency-cruiser).
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';

async function cycles(roots: string[]): Promise<string[]> {
  const { output } = await cruise(roots, {
    validate: true,
    ruleSet: { forbidden: [{ name: 'no-circular', severity: 'error', from: {}, to: { circular: true } }] },
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: 'node_modules' },
  });
  const result = output as ICruiseResult;
  return result.summary.violations.map((v) => [v.from, ...(v.cycle ?? []).map((step) => step.name)].join(' > '));
}

describe('import cycles', () => {
  it('electron/, shared/ and renderer/src have none, counting type-only imports', async () => {
    expect(await cycles(['electron', 'shared', 'renderer/src'])).toEqual([]);
  }, 60_000);

  it('the check sees a type-only cycle', async () => {
    const found = await cycles(['tests/fixtures/import-cycle']);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/import-cycle\/(a|b)\.ts > .*import-cycle\/(a|b)\.ts/);
  }, 60_000);
});
