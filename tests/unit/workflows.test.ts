// The GitHub Actions workflows (.github/workflows), checked with GitHub's own workflow parser
// (@actions/workflow-parser, the one behind the Actions language service): a typo in a key, an
// expression or a matrix fails `npm test` here instead of on the first push.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow, type WorkflowTemplate } from '@actions/workflow-parser';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

async function load(name: string, content = readFileSync(path.join(root, '.github/workflows', name), 'utf8')) {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = parsed.context.errors.getErrors().map((error) => error.message);
  if (!parsed.value || errors.length > 0) return { errors, template: undefined };
  const template: WorkflowTemplate = await convertWorkflowTemplate(parsed.context, parsed.value);
  return { errors: [...errors, ...(template.errors ?? []).map((error) => error.Message)], template };
}

/** Every `run:` script and `uses:` action of a job, as text. */
function stepsOf(template: WorkflowTemplate | undefined, jobId: string): string[] {
  const job = template?.jobs.find((j) => j.id.value === jobId);
  if (!job || job.type !== 'job') return [];
  return job.steps.map((step) => ('run' in step ? String(step.run) : 'uses' in step ? String(step.uses) : ''));
}

function matrixOses(content: string): string[] {
  const line = /os: \[([^\]]+)\]/.exec(content)?.[1] ?? '';
  return line.split(',').map((s) => s.trim());
}

describe('.github/workflows', () => {
  it('the validator bites: an unknown key, a bad expression and a job without runs-on are errors', async () => {
    const broken = `on: push
jobs:
  test:
    steps:
      - run: echo \${{ matrix.os }
        bogus: true
`;
    const { errors } = await load('broken.yml', broken);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('ci.yml is valid and runs every layer plus the installers on macOS, Windows and Linux', async () => {
    const content = readFileSync(path.join(root, '.github/workflows/ci.yml'), 'utf8');
    const { errors, template } = await load('ci.yml');
    expect(errors).toEqual([]);
    expect(template?.events.push?.branches).toBeDefined();
    expect(template?.events.pull_request).toBeDefined();
    expect(matrixOses(content)).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const steps = stepsOf(template, 'test').join('\n');
    for (const command of ['npm ci', 'npm run typecheck', 'npm run lint', 'npm run test:unit', 'npm run build', 'npm run test:e2e', 'electron-builder --publish never']) {
      expect(steps).toContain(command);
    }
    // On Linux the keychain tests need the same unlocked Secret Service and display as .ci/run.
    expect(steps).toContain('.ci/with-secret-service xvfb-run -a npm run test:e2e');
    expect(steps).toContain('actions/upload-artifact');
    // Electron's binary is downloaded there: the _electron project must run, not skip.
    expect(content).not.toContain('ELECTRON_SKIP_BINARY_DOWNLOAD');
  });

  it('release.yml is valid and publishes a draft release from a version tag on every OS', async () => {
    const content = readFileSync(path.join(root, '.github/workflows/release.yml'), 'utf8');
    const { errors, template } = await load('release.yml');
    expect(errors).toEqual([]);
    expect(template?.events.push?.tags).toBeDefined();
    expect(matrixOses(content)).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest']);
    const steps = stepsOf(template, 'release').join('\n');
    expect(steps).toContain('electron-builder --publish always');
    expect(content).toContain('GH_TOKEN: ${{ secrets.GITHUB_TOKEN }}');
    expect(content).toMatch(/permissions:\s*\n\s*contents: write/);
  });
});
