// Reading `POST /datasets/{id}/data` answers (ouro-api.md §5.6): counts under `data` or a
// top-level `row_ingest`, skipped rows reported or implied, ignored columns and warning messages,
// and answers that do not say what happened to the rows failing rather than passing as done.
import { describe, expect, it } from 'vitest';
import { addOutcome, emptyTally, readBatchAnswer } from '../../../electron/uploads/ingest';

describe('readBatchAnswer', () => {
  it('reads {inserted} under data (sdk-data-append)', () => {
    expect(readBatchAnswer({ data: { inserted: 10 }, error: null }, 10)).toEqual({ inserted: 10, skipped: 0, ignoredColumns: [] });
  });

  it('prefers a top-level row_ingest, as ouro-py does', () => {
    expect(readBatchAnswer({ data: { inserted: 10 }, row_ingest: { inserted: 7, skipped: 3 }, error: null }, 10)).toMatchObject({ inserted: 7, skipped: 3 });
  });

  it('takes skipped rows from the answer, a warning, or the rows nobody accounted for', () => {
    expect(readBatchAnswer({ data: { inserted: 8, skipped: 2, mode: 'append' } }, 10).skipped).toBe(2);
    expect(readBatchAnswer({ data: { inserted: 8 }, warning: { message: 'refs', refs: { skipped_row_count: 2 } } }, 10).skipped).toBe(2);
    // No skipped count at all: the 2 rows that did not go in are still skipped, not lost in silence.
    expect(readBatchAnswer({ data: { inserted: 8 } }, 10).skipped).toBe(2);
    expect(readBatchAnswer({ data: { inserted: '8', skipped: '2' } }, 10)).toMatchObject({ inserted: 8, skipped: 2 });
  });

  it('reads ignored columns and the warning message', () => {
    const outcome = readBatchAnswer({ data: { inserted: 2, skipped: 0 }, warning: { message: 'Ignored 2 unknown column(s)', ignored_columns: [{ column: 'extra', count: 2 }, { column: 'notes', count: 1 }] } }, 2);
    expect(outcome).toEqual({ inserted: 2, skipped: 0, ignoredColumns: ['extra', 'notes'], message: 'Ignored 2 unknown column(s)' });
  });

  it.each([
    ['no counts at all', { data: { ok: true } }],
    ['data null', { data: null, error: null }],
    ['a count that is not a number', { data: { inserted: 'many' } }],
    ['more rows added than sent', { data: { inserted: 11 } }],
    ['added and skipped beyond what was sent', { data: { inserted: 8, skipped: 5 } }],
  ])('an answer with %s is a failure, not a success', (_label, body) => {
    expect(() => readBatchAnswer(body as Record<string, unknown>, 10, { status: 200, requestId: 'req-7' })).toThrow(
      expect.objectContaining({ kind: 'invalid-response', status: 200, requestId: 'req-7', message: expect.stringContaining('batch of 10 rows') }),
    );
  });
});

describe('the tally across batches', () => {
  it('adds counts, merges ignored columns, and keeps a few distinct messages', () => {
    let tally = emptyTally();
    for (let i = 0; i < 6; i++) tally = addOutcome(tally, { inserted: 9, skipped: 1, ignoredColumns: ['extra'], message: `warning ${i % 4}` });
    tally = addOutcome(tally, { inserted: 10, skipped: 0, ignoredColumns: ['notes'] });
    expect(tally).toEqual({ rowsInserted: 64, rowsSkipped: 6, ignoredColumns: ['extra', 'notes'], ingestNotes: ['warning 0', 'warning 1', 'warning 2'] });
  });
});
