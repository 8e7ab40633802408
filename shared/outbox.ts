// Messages written while Ouro was unreachable (or that failed to send), kept by main and sent when
// Ouro is back, each with the id main gave it so a resend can never make a duplicate.
import type { MessageRow } from './browse';
import type { AppErrorData } from './error-kinds';

/** queued → sending → (gone once sent) | queued again (still unreachable) | failed (Ouro refused it). */
export type OutboxState = 'queued' | 'sending' | 'failed';

export interface OutboxEntry {
  /** The message's own id (a uuid): sent to Ouro as `message.id`, so retries are recognised. */
  clientId: string;
  conversationId: string;
  text: string;
  /** When it was written (ISO). */
  createdAt: string;
  state: OutboxState;
  attempts: number;
  /** Why it failed (state `failed`) or why the last attempt did not go through (`queued`). */
  error: AppErrorData | null;
}

export interface OutboxSnapshot {
  /** Unsent messages, oldest first. */
  entries: OutboxEntry[];
  /** Messages delivered since the last snapshot, so the page can swap its pending bubble for the real row. */
  delivered: { clientId: string; conversationId: string; message: MessageRow | null }[];
}

export type SendOutcome =
  | { state: 'sent'; clientId: string; message: MessageRow | null }
  | { state: 'queued' | 'failed'; clientId: string; entry: OutboxEntry };
