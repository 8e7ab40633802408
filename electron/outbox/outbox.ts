// Messages waiting for Ouro: written offline or refused by a passing failure, kept on disk in the
// account's folder and sent in order when Ouro is reachable again — each with the id it was given
// when written, so a resend after a lost answer is recognised (409, or found already delivered)
// and nothing is ever posted twice. A refusal (403, 404, 400…) leaves it failed, for the person.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { AppError, isAppError } from '../../shared/app-error';
import type { MessageRow } from '../../shared/browse';
import { isTransient, isUnreachable } from '../../shared/error-kinds';
import type { OutboxEntry, OutboxSnapshot, SendOutcome } from '../../shared/outbox';
import type { Logger } from '../log';
import { readJson, writeJsonAtomic } from '../storage/atomic-json';

export interface OutboxMessage {
  clientId: string;
  conversationId: string;
  text: string;
}

export interface OutboxDeps {
  /** Posts the message with `clientId` as its id (issue 13's sender, or message-sender.ts). */
  send(message: OutboxMessage, signal: AbortSignal): Promise<MessageRow | null>;
  /** After an answer was lost: is the message on Ouro already? (null: not found) */
  findDelivered?(message: OutboxMessage, signal: AbortSignal): Promise<MessageRow | null>;
  isOnline(): boolean;
  /** A send found Ouro unreachable: the account shows offline and retries, then says online. */
  noteUnreachable?(): void;
  emit(snapshot: OutboxSnapshot): void;
  log: Logger;
  /** Delays after server errors and 429s while online; the last repeats. */
  retryDelaysMs?: number[];
  maxEntries?: number;
  now?: () => number;
}

export interface Outbox {
  /** Binds the outbox to an account's file (null: signed out), loading what it left unsent. */
  open(file: string | null): Promise<void>;
  /** `clientId`: the page's own id, if it made one; a second submit with it never sends twice. */
  submit(conversationId: string, text: string, clientId?: string): Promise<SendOutcome>;
  retry(clientId: string): Promise<void>;
  discard(clientId: string): Promise<void>;
  snapshot(): OutboxSnapshot;
  /** Ouro is reachable again: send what waits. */
  flush(): Promise<void>;
  /** Sign-out: stop, and forget the account's unsent messages. */
  forget(): Promise<void>;
  dispose(): Promise<void>;
}

const StoredEntry = z.object({ clientId: z.string(), conversationId: z.string(), text: z.string(), createdAt: z.string() });
const Stored = z.object({
  entries: z.array(
    StoredEntry.extend({ state: z.enum(['queued', 'sending', 'failed']), attempts: z.number(), error: z.any().nullable(), maybeDelivered: z.boolean().optional() }),
  ),
});

interface Entry extends OutboxEntry {
  /** An attempt may have reached Ouro without us hearing back: check before sending again. */
  maybeDelivered?: boolean;
}

const AMBIGUOUS = new Set(['network', 'timeout', 'server', 'invalid-response']);
const WAIT_FOR_ACCOUNT = new Set(['unauthorized', 'not-signed-in']);

export function createOutbox(deps: OutboxDeps): Outbox {
  const now = deps.now ?? Date.now;
  const delays = deps.retryDelaysMs ?? [5_000, 15_000, 60_000, 300_000];
  const maxEntries = deps.maxEntries ?? 200;
  let file: string | null = null;
  let entries: Entry[] = [];
  let delivered: OutboxSnapshot['delivered'] = [];
  let controller = new AbortController();
  let chain: Promise<void> = Promise.resolve();
  let saving: Promise<void> = Promise.resolve();
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryAttempt = 0;
  /** What submit() waits to learn: its message went, and Ouro's row for it. */
  const justSent = new Map<string, MessageRow | null>();
  const awaiting = new Set<string>();

  const publicEntry = ({ maybeDelivered: _unused, ...entry }: Entry): OutboxEntry => ({ ...entry });
  const snapshot = (): OutboxSnapshot => ({ entries: entries.map(publicEntry), delivered: [] });

  function changed(): void {
    const target = file;
    const stored = entries.map((entry) => ({ ...entry, state: entry.state === 'sending' ? ('queued' as const) : entry.state }));
    if (target) saving = saving.then(() => writeJsonAtomic(target, { entries: stored }).catch((error: unknown) => deps.log.warn('Could not save unsent messages', error)));
    deps.emit({ entries: entries.map(publicEntry), delivered });
    delivered = [];
  }

  function scheduleRetry(error: AppError): void {
    if (retryTimer) return;
    const delay = Math.max(delays[Math.min(retryAttempt, delays.length - 1)] ?? 60_000, (error.retryAfterSeconds ?? 0) * 1000);
    retryAttempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void outbox.flush();
    }, delay);
    retryTimer.unref?.();
  }

  /** One attempt; false when the flush should stop (Ouro unreachable, or the account is going). */
  async function attempt(entry: Entry, signal: AbortSignal): Promise<boolean> {
    entry.state = 'sending';
    entry.attempts += 1;
    changed();
    const message = { clientId: entry.clientId, conversationId: entry.conversationId, text: entry.text };
    try {
      const already = entry.maybeDelivered && deps.findDelivered ? await deps.findDelivered(message, signal) : null;
      const row = already ?? (await deps.send(message, signal));
      entries = entries.filter((e) => e !== entry);
      if (awaiting.has(entry.clientId)) justSent.set(entry.clientId, row);
      delivered.push({ clientId: entry.clientId, conversationId: entry.conversationId, message: row });
      retryAttempt = 0;
      changed();
      return true;
    } catch (caught) {
      if (signal.aborted) return false;
      const error = isAppError(caught) ? caught : new AppError({ kind: 'internal', message: 'The message could not be sent' });
      if (!isAppError(caught)) deps.log.error('Sending a queued message failed', caught);
      if (error.kind === 'conflict') {
        // Ouro already has a message with this id: an earlier attempt went through.
        entries = entries.filter((e) => e !== entry);
        if (awaiting.has(entry.clientId)) justSent.set(entry.clientId, null);
        delivered.push({ clientId: entry.clientId, conversationId: entry.conversationId, message: null });
        changed();
        return true;
      }
      entry.maybeDelivered = entry.maybeDelivered || AMBIGUOUS.has(error.kind);
      entry.error = error.toData();
      if (isTransient(error) || WAIT_FOR_ACCOUNT.has(error.kind)) {
        entry.state = 'queued';
        changed();
        if (isUnreachable(error)) deps.noteUnreachable?.();
        else if (isTransient(error)) scheduleRetry(error);
        return false;
      }
      entry.state = 'failed';
      changed();
      return true;
    }
  }

  async function flushLoop(): Promise<void> {
    const signal = controller.signal;
    for (;;) {
      if (signal.aborted || !deps.isOnline()) return;
      const next = entries.find((entry) => entry.state === 'queued');
      if (!next) return;
      if (!(await attempt(next, signal))) return;
    }
  }

  const outbox: Outbox = {
    async open(next) {
      if (next === file) return;
      controller.abort();
      await chain.catch(() => {});
      await saving;
      controller = new AbortController();
      file = next;
      const stored = next ? await readJson(next, Stored) : null;
      entries = (stored?.entries ?? []).map((entry) => ({ ...entry, state: entry.state === 'sending' ? 'queued' : entry.state, error: entry.error ?? null }));
      deps.emit(snapshot());
      if (entries.some((entry) => entry.state === 'queued')) void outbox.flush();
    },

    async submit(conversationId, text, clientId) {
      if (!file) throw new AppError({ kind: 'not-signed-in', message: 'Sign in to send messages' });
      const known = clientId ? entries.find((e) => e.clientId === clientId.toLowerCase()) : undefined;
      if (known) {
        // The page sent it again (a double click, a retry): the same message, not a new one.
        if (known.state === 'failed') await outbox.retry(known.clientId);
        const current = entries.find((e) => e.clientId === known.clientId);
        if (!current) return { state: 'sent', clientId: known.clientId, message: null };
        return { state: current.state === 'failed' ? 'failed' : 'queued', clientId: current.clientId, entry: publicEntry(current) };
      }
      if (entries.length >= maxEntries) {
        throw new AppError({ kind: 'invalid-input', message: `${maxEntries} messages are already waiting to be sent. Send or discard some first.` });
      }
      const entry: Entry = { clientId: clientId?.toLowerCase() ?? randomUUID(), conversationId, text, createdAt: new Date(now()).toISOString(), state: 'queued', attempts: 0, error: null };
      entries.push(entry);
      changed();
      awaiting.add(entry.clientId);
      try {
        if (deps.isOnline()) await outbox.flush();
      } finally {
        awaiting.delete(entry.clientId);
      }
      const sent = justSent.get(entry.clientId);
      justSent.delete(entry.clientId);
      // "Queued" means on disk: a crash right after this answer loses nothing.
      await saving;
      if (sent !== undefined) return { state: 'sent', clientId: entry.clientId, message: sent };
      const current = entries.find((e) => e.clientId === entry.clientId) ?? entry;
      return { state: current.state === 'failed' ? 'failed' : 'queued', clientId: entry.clientId, entry: publicEntry(current) };
    },

    async retry(clientId) {
      const entry = entries.find((e) => e.clientId === clientId);
      // A failed message, or one waiting out a server error's delay: the person's Retry is now.
      if (!entry || entry.state === 'sending') return;
      entry.state = 'queued';
      changed();
      await outbox.flush();
    },

    async discard(clientId) {
      const entry = entries.find((e) => e.clientId === clientId);
      if (!entry) return;
      if (entry.state === 'sending') throw new AppError({ kind: 'invalid-input', message: 'This message is being sent right now' });
      entries = entries.filter((e) => e !== entry);
      changed();
      await saving;
    },

    snapshot,

    flush() {
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      chain = chain.then(flushLoop, flushLoop);
      return chain;
    },

    async forget() {
      controller.abort();
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = undefined;
      await chain.catch(() => {});
      file = null;
      entries = [];
      await saving;
      deps.emit(snapshot());
    },

    async dispose() {
      controller.abort();
      if (retryTimer) clearTimeout(retryTimer);
      await chain.catch(() => {});
      await saving;
    },
  };
  return outbox;
}
