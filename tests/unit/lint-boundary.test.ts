// Proves the process-boundary lint bites: DOM-only code importing Node or Electron fails lint,
// and only the preload may use ipcRenderer.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('process-boundary lint', () => {
  it.each([
    ["import fs from 'node:fs';", 'node:fs'],
    ["import { readFileSync } from 'fs';", 'fs'],
    ["import { ipcRenderer } from 'electron';", 'electron'],
    ["import keytar from 'keytar';", 'keytar'],
    ["import { createLogger } from '../../electron/log';", 'electron/'],
  ])('rejects `%s` in the renderer', async (code) => {
    const errors = await restrictedImportErrors('renderer/src/__lint_probe__.ts', `${code}\nexport {};\n`);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('rejects node:path in shared code', async () => {
    expect(await restrictedImportErrors('shared/__lint_probe__.ts', "import path from 'node:path';\nexport { path };\n")).not.toHaveLength(0);
  });

  it('allows the renderer to import shared code and React', async () => {
    const code = "import { useState } from 'react';\nimport { describeError } from '../../shared/error-kinds';\nexport { useState, describeError };\n";
    expect(await restrictedImportErrors('renderer/src/__lint_probe__.ts', code)).toEqual([]);
  });

  it('lets only the preload use ipcRenderer', async () => {
    const code = "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n";
    expect(await restrictedImportErrors('electron/preload.ts', code)).toEqual([]);
    expect(await restrictedImportErrors('electron/main-probe.ts', code)).not.toHaveLength(0);
  });
});
