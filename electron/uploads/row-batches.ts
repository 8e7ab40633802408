// Rows grouped into `POST /datasets/{id}/data` batches whose JSON body stays within 1,000,000
// bytes (ouro-py's limit, §5.6), and sending one batch with ouro-py's 413 rule: halve and retry.
import { isAppError } from '../../shared/app-error';
import type { Cell } from './csv-table';

export const MAX_BATCH_BODY_BYTES = 1_000_000;

/** Rows grouped so each `{"rows":[…],"mode":"append"}` body stays within `limit` bytes. */
export class RowBatcher {
  private rows: Array<Record<string, Cell>> = [];
  private bytes: number;
  private static readonly OVERHEAD = Buffer.byteLength('{"rows":[],"mode":"append"}');

  constructor(private readonly limit = MAX_BATCH_BODY_BYTES) {
    this.bytes = RowBatcher.OVERHEAD;
  }

  /** Adds a row; returns the full batch it closed, if adding it would have crossed the limit. */
  push(row: Record<string, Cell>): Array<Record<string, Cell>> | null {
    const rowBytes = Buffer.byteLength(JSON.stringify(row));
    let closed: Array<Record<string, Cell>> | null = null;
    // Rows are joined by one comma each inside the array.
    if (this.rows.length && this.bytes + rowBytes + 1 > this.limit) closed = this.take();
    this.bytes += this.rows.length ? rowBytes + 1 : rowBytes;
    this.rows.push(row);
    return closed;
  }

  take(): Array<Record<string, Cell>> {
    const out = this.rows;
    this.rows = [];
    this.bytes = RowBatcher.OVERHEAD;
    return out;
  }

  get pending(): number {
    return this.rows.length;
  }
}

export function batchBody(rows: ReadonlyArray<Record<string, Cell>>): string {
  return JSON.stringify({ rows, mode: 'append' });
}

/**
 * Sends one batch; on 413 splits it in half and sends each half (a single row that is too big
 * fails). `onSent` sees every accepted part with Ouro's answer to it, in order.
 */
export async function sendBatch<T>(
  send: (rows: ReadonlyArray<Record<string, Cell>>) => Promise<T>,
  rows: ReadonlyArray<Record<string, Cell>>,
  onSent: (rows: ReadonlyArray<Record<string, Cell>>, answer: T) => void | Promise<void>,
): Promise<void> {
  let answer: T;
  try {
    answer = await send(rows);
  } catch (error) {
    if (!(isAppError(error) && error.kind === 'too-large') || rows.length <= 1) throw error;
    const half = Math.ceil(rows.length / 2);
    await sendBatch(send, rows.slice(0, half), onSent);
    await sendBatch(send, rows.slice(half), onSent);
    return;
  }
  await onSent(rows, answer);
}
