// CSV → dataset pieces: column type inference, column names, the DDL, batches whose JSON body
// stays within the limit, and halving a batch on 413.
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/app-error';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ColumnGuess, columnNames, convertCell, inferTable, schemaDdl, type Cell } from '../../../electron/uploads/csv-table';
import { batchBody, RowBatcher, sendBatch } from '../../../electron/uploads/row-batches';

function guess(values: string[]) {
  const g = new ColumnGuess();
  for (const v of values) g.observe(v);
  return g.type;
}

describe('column type inference', () => {
  it.each([
    [['1', '-2', '+3', ''], 'integer'],
    [['1', '2.5', '1e3', '.5'], 'real'],
    [['1', 'x'], 'text'],
    // BOOLEAN is not in the DDL Ouro is known to accept: true/false columns stay text, losslessly.
    [['true', 'FALSE', 'yes', 'No', ''], 'text'],
    [['2026-03-05', '2026-03-05T16:43:09Z', '2026-03-05 16:43:09.299+00:00'], 'timestamp'],
    [['2026-13-45'], 'text'],
    [['0', '1'], 'integer'],
    [['', ' '], 'text'],
    [['9007199254740993'], 'real'],
    [['NaN'], 'text'],
  ])('%j → %s', (values, type) => {
    expect(guess(values)).toBe(type);
  });

  it('converts cells to JSON scalars, empty ones to null', () => {
    expect(convertCell('42', 'integer')).toBe(42);
    expect(convertCell('2.5', 'real')).toBe(2.5);
    expect(convertCell('Yes', 'text')).toBe('Yes');
    expect(convertCell('', 'text')).toBeNull();
    expect(convertCell(' padded ', 'text')).toBe(' padded ');
    expect(convertCell('2026-03-05', 'timestamp')).toBe('2026-03-05');
  });

  it('names columns in lowercase snake_case, unique and never empty', () => {
    expect(columnNames(['Sample ID', 'score', 'Score', '', '2nd run', 'µ-value'])).toEqual(['sample_id', 'score', 'score_2', 'column_4', 'c_2nd_run', 'value']);
  });

  it('writes the DDL ouro-py sends, with the table as a placeholder', () => {
    expect(schemaDdl(['a', 'b', 'c', 'd'], ['integer', 'real', 'text', 'timestamp'])).toBe(
      'CREATE TABLE IF NOT EXISTS datasets."dataset" (\n"a" INTEGER,\n"b" REAL,\n"c" TEXT,\n"d" TIMESTAMP WITH TIME ZONE\n)',
    );
  });
});

describe('row batches', () => {
  const row = (i: number): Record<string, Cell> => ({ id: i, name: `row ${i} ${'x'.repeat(i % 50)}`, ok: i % 2 === 0 ? 'yes' : 'no' });

  it('keeps every batch body within the limit and loses no row', () => {
    const limit = 2_000;
    const batcher = new RowBatcher(limit);
    const batches: Array<Array<Record<string, Cell>>> = [];
    for (let i = 0; i < 500; i++) {
      const closed = batcher.push(row(i));
      if (closed) batches.push(closed);
    }
    batches.push(batcher.take());
    for (const batch of batches) expect(Buffer.byteLength(batchBody(batch))).toBeLessThanOrEqual(limit);
    // Batches are full: adding the next row would have crossed the limit.
    for (let i = 0; i < batches.length - 1; i++) {
      const next = batches[i + 1]?.[0];
      if (next) expect(Buffer.byteLength(batchBody([...(batches[i] ?? []), next]))).toBeGreaterThan(limit);
    }
    expect(batches.flat().map((r) => r['id'])).toEqual(Array.from({ length: 500 }, (_, i) => i));
  });

  it('counts multi-byte characters as bytes', () => {
    const batcher = new RowBatcher(100);
    expect(batcher.push({ t: '数据数据数据数据数据' })).toBeNull();
    const closed = batcher.push({ t: '数据数据数据数据数据数据' });
    expect(closed).toHaveLength(1);
  });

  it('halves a batch on 413 until it fits, keeping order; a single row that is too large fails', async () => {
    const sent: number[][] = [];
    const tooLarge = new AppError({ kind: 'too-large', message: 'Request body too large', status: 413 });
    const send = async (rows: ReadonlyArray<Record<string, Cell>>) => {
      if (rows.length > 3) throw tooLarge;
      sent.push(rows.map((r) => Number(r['id'])));
      return `answer to ${rows.length}`;
    };
    const accepted: Array<[number[], string]> = [];
    await sendBatch(send, Array.from({ length: 10 }, (_, i) => ({ id: i })), (rows, answer) => {
      accepted.push([rows.map((r) => Number(r['id'])), answer]);
    });
    expect(sent).toEqual([[0, 1, 2], [3, 4], [5, 6, 7], [8, 9]]);
    // Each accepted part is reported once, in order, with Ouro's answer to that part.
    expect(accepted).toEqual([
      [[0, 1, 2], 'answer to 3'],
      [[3, 4], 'answer to 2'],
      [[5, 6, 7], 'answer to 3'],
      [[8, 9], 'answer to 2'],
    ]);
    await expect(sendBatch(async () => Promise.reject(tooLarge), [{ id: 1 }], () => {})).rejects.toBe(tooLarge);
  });

  it('does not split on other errors', async () => {
    const server = new AppError({ kind: 'server', message: 'boom', status: 500 });
    let calls = 0;
    await expect(
      sendBatch(async () => {
        calls++;
        throw server;
      }, [{ id: 1 }, { id: 2 }], () => {}),
    ).rejects.toBe(server);
    expect(calls).toBe(1);
  });
});

describe('inferTable', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ouro-csv-'));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads names, types and the row count in one streaming pass (TSV, BOM, blank lines, ragged rows)', async () => {
    const file = write('t.tsv', '\ufeffName\tCount\tWhen\n\na\t1\t2026-01-02\nb\t\t2026-01-03\nc\t3\n');
    expect(await inferTable(file, '\t')).toEqual({ names: ['name', 'count', 'when'], types: ['text', 'integer', 'timestamp'], rows: 3 });
  });

  it('a malformed file fails as file-unreadable with the parser\'s reason', async () => {
    const file = write('bad.csv', 'a,b\n"unterminated,1\n');
    await expect(inferTable(file, ',')).rejects.toMatchObject({ kind: 'file-unreadable', message: expect.stringContaining('could not be read as CSV') });
  });

  it('an empty file has no header', async () => {
    await expect(inferTable(write('empty.csv', ''), ',')).rejects.toMatchObject({ kind: 'file-unreadable', message: 'The file has no header row' });
  });
});
