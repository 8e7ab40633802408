// `npm run bench`: runs every tests/bench/*.bench.ts in sequence, each in its own Node process
// (so one bench's heap cannot inflate another's memory figures), and prints each result as a
// small table: the figure, the baseline measured in the same run, their ratio and the target.
// Not part of `npm test`; it takes a few minutes.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Bench, BenchResult, BenchRow } from './bench-types';

const MARKER = '@@bench-result@@';
const dir = import.meta.dirname;

function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** How many times better the figure is than the baseline (> 1 = better), whichever way "better" points. */
export function ratioOf(row: BenchRow): number {
  if (row.better === 'higher') return row.baseline === 0 ? Infinity : row.value / row.baseline;
  return row.value === 0 ? Infinity : row.baseline / row.value;
}

export function targetMet(row: BenchRow): boolean | undefined {
  if (!row.target) return undefined;
  const ratio = ratioOf(row);
  return row.target.comparison === '>=' ? ratio >= row.target.ratio : ratio <= row.target.ratio;
}

export function renderResult(result: BenchResult): string {
  const header = ['metric', 'value', 'baseline', 'ratio', 'target'];
  const body = result.rows.map((row) => {
    const met = targetMet(row);
    return [
      row.metric,
      `${format(row.value)} ${row.unit}`,
      `${format(row.baseline)} ${row.unit} (${row.baselineLabel})`,
      `×${format(ratioOf(row))}`,
      row.target ? `${row.target.comparison} ${row.target.ratio} ${met ? '✓' : '✗'}` : '',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`.trimEnd();
  return [result.title, line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line), ...(result.notes ?? []).map((n) => `  note: ${n}`)].join('\n');
}

async function runOne(file: string): Promise<void> {
  const mod = (await import(pathToFileURL(file).href)) as { default: Bench };
  const result = await mod.default.run();
  process.stdout.write(`${MARKER}${JSON.stringify(result)}\n`);
}

function runInChild(file: string): Promise<BenchResult | null> {
  return new Promise((resolve) => {
    // --expose-gc: benches settle the heap before reading an idle memory level.
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(dir, 'run.ts'), '--one', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let result: BenchResult | null = null;
    let pending = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith(MARKER)) result = JSON.parse(line.slice(MARKER.length)) as BenchResult;
        else process.stdout.write(`  ${line}\n`);
      }
    });
    child.on('exit', () => resolve(result));
  });
}

async function runAll(): Promise<void> {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = (await readdir(dir)).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
  const results: BenchResult[] = [];
  for (const file of files) {
    process.stdout.write(`\n▶ ${file}\n`);
    const result = await runInChild(path.join(dir, file));
    if (!result) {
      process.stdout.write(`  ${file} failed: no result\n`);
      process.exitCode = 1;
      continue;
    }
    results.push(result);
    process.stdout.write(`\n${renderResult(result)}\n`);
  }
  process.stdout.write(`\n=== ${results.length} of ${files.length} benchmarks ran ===\n`);
  for (const result of results) process.stdout.write(`\n${renderResult(result)}\n`);
}

const one = process.argv.indexOf('--one');
if (one >= 0) {
  const file = process.argv[one + 1];
  if (!file) throw new Error('--one needs a bench file');
  await runOne(file);
} else {
  await runAll();
}
