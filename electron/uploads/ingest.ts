// What Ouro did with the rows it was sent (ouro-api.md §5.4, §5.6): each `/datasets/{id}/data`
// answer read into inserted / skipped / ignored columns, and a running tally across batches and
// resumes. An answer that does not say how many rows went in is a failure, never a silent success,
// and rows an answer leaves unaccounted for count as skipped.
import { AppError } from '../../shared/app-error';
import type { Envelope, ResponseFacts } from '../ouro/envelope';
import { RowIngestSchema, RowsAnswerSchema, type IngestWarning } from '../ouro/upload-models';

export interface BatchOutcome {
  inserted: number;
  skipped: number;
  /** Columns Ouro ignored in this batch (unknown to the table), by name. */
  ignoredColumns: string[];
  /** Ouro's own words, when it sent a warning. */
  message?: string;
}

/** At most this many distinct warning messages are kept per upload (they repeat per batch). */
const MAX_NOTES = 3;
const MAX_NOTE_CHARS = 300;

function notUnderstood(sent: number, why: string, facts?: ResponseFacts): AppError {
  return new AppError({
    kind: 'invalid-response',
    message: `Ouro's answer to a batch of ${sent} rows ${why}, so it is not known whether they were stored`,
    ...(facts?.status !== undefined ? { status: facts.status } : {}),
    ...(facts?.requestId !== undefined ? { requestId: facts.requestId } : {}),
  });
}

/** Reads one `POST /datasets/{id}/data` answer to a batch of `sent` rows. */
export function readBatchAnswer(body: Envelope, sent: number, facts?: ResponseFacts): BatchOutcome {
  const envelope = RowsAnswerSchema.safeParse(body);
  if (!envelope.success) throw notUnderstood(sent, 'had an unexpected shape', facts);
  // ouro-py's order: a top-level `row_ingest` wins, else counts under `data`.
  const counts = envelope.data.row_ingest ?? RowIngestSchema.safeParse(envelope.data.data).data;
  if (!counts) throw notUnderstood(sent, 'did not say how many rows were added', facts);
  if (counts.inserted > sent) throw notUnderstood(sent, `claimed ${counts.inserted} rows were added`, facts);
  const warning: IngestWarning | undefined = envelope.data.warning ?? undefined;
  const reported = counts.skipped ?? warning?.refs?.skipped_row_count ?? 0;
  if (counts.inserted + reported > sent) throw notUnderstood(sent, `claimed ${counts.inserted} added and ${reported} skipped`, facts);
  // Rows neither added nor reported as skipped were not stored either: they count as skipped.
  const skipped = sent - counts.inserted;
  const outcome: BatchOutcome = {
    inserted: counts.inserted,
    skipped,
    ignoredColumns: (warning?.ignored_columns ?? []).map((c) => c.column).filter((c) => c.trim() !== ''),
  };
  const message = warning?.message?.trim();
  if (message) outcome.message = message.slice(0, MAX_NOTE_CHARS);
  return outcome;
}

/** Totals across batches; saved with the queue item so a resumed upload keeps counting. */
export interface IngestTally {
  rowsInserted: number;
  rowsSkipped: number;
  ignoredColumns: string[];
  ingestNotes: string[];
}

export function emptyTally(): IngestTally {
  return { rowsInserted: 0, rowsSkipped: 0, ignoredColumns: [], ingestNotes: [] };
}

export function addOutcome(tally: IngestTally, outcome: BatchOutcome): IngestTally {
  const ignored = new Set([...tally.ignoredColumns, ...outcome.ignoredColumns]);
  const notes = [...tally.ingestNotes];
  if (outcome.message && !notes.includes(outcome.message) && notes.length < MAX_NOTES) notes.push(outcome.message);
  return {
    rowsInserted: tally.rowsInserted + outcome.inserted,
    rowsSkipped: tally.rowsSkipped + outcome.skipped,
    ignoredColumns: [...ignored],
    ingestNotes: notes,
  };
}
