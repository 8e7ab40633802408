// The composer's side of main's outbox — the one way a message is sent. A message shows at once
// as pending under the page's own id; main sends it (converted as Ouro does, posted once under
// that id), keeps it while Ouro is unreachable, and reports it failed with the reason. Retry sends
// the same id again, so a retry can never make a second message.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import type { AppErrorData } from '../../../shared/error-kinds';
import type { OutboxEntry, OutboxSnapshot } from '../../../shared/outbox';
import { mergeNewest, useOutbox as useOutboxEntries } from './outbox';
import { AppError } from '../../../shared/app-error';
import { useOuroEvent } from '../events';
import { call } from '../ouro';
import { queryKeys } from '../queries/keys';

export interface PendingMessage {
  clientId: string;
  text: string;
  /** sending: on its way; waiting: kept by main until Ouro answers; failed: needs the person. */
  state: 'sending' | 'waiting' | 'failed';
  error: AppErrorData | null;
  createdAt: string;
}

function fromEntry(entry: OutboxEntry): PendingMessage {
  const state = entry.state === 'failed' || (entry.state === 'queued' && entry.error && entry.error.kind !== 'network' && entry.error.kind !== 'timeout') ? 'failed' : entry.state === 'sending' ? 'sending' : 'waiting';
  return { clientId: entry.clientId, text: entry.text, state, error: entry.error, createdAt: entry.createdAt };
}

export function useOutbox(conversationId: string) {
  const queryClient = useQueryClient();
  // Main's outbox entries (queries/main-events.ts keeps them current).
  const entries = useOutboxEntries();
  // Sent from this page and not yet in main's outbox snapshot (the first moments of a send).
  const [local, setLocal] = useState<PendingMessage[]>([]);

  useOuroEvent('outbox:changed', (next: OutboxSnapshot) => {
    // The delivered messages themselves reach the list through queries/main-events.ts.
    const mine = next.delivered.filter((d) => d.conversationId === conversationId);
    if (mine.length) setLocal((list) => list.filter((p) => !mine.some((d) => d.clientId === p.clientId)));
  });

  /** Sends under `clientId` (a new one for a new message; the same one for a retry). */
  const deliver = useCallback(
    async (text: string, clientId: string) => {
      const pending: PendingMessage = { clientId, text, state: 'sending', error: null, createdAt: new Date().toISOString() };
      setLocal((list) => [...list.filter((p) => p.clientId !== clientId), pending]);
      try {
        const outcome = await call('outbox:send', { conversationId, text, clientId });
        if (outcome.state === 'sent') {
          if (outcome.message) mergeNewest(queryClient, conversationId, [outcome.message]);
          else void queryClient.invalidateQueries({ queryKey: queryKeys.conversations.messages(conversationId) });
          setLocal((list) => list.filter((p) => p.clientId !== clientId));
        } else {
          setLocal((list) => list.map((p) => (p.clientId === clientId ? fromEntry(outcome.entry) : p)));
        }
      } catch (error) {
        const data = error instanceof AppError ? error.toData() : { kind: 'internal' as const, message: String(error) };
        setLocal((list) => list.map((p) => (p.clientId === clientId ? { ...p, state: 'failed', error: data } : p)));
      }
    },
    [conversationId, queryClient],
  );

  const send = useCallback((text: string) => deliver(text, crypto.randomUUID()), [deliver]);

  const retry = useCallback(
    async (message: PendingMessage) => {
      // Kept by main: main sends it again now. Refused before main kept it: the same id again.
      if (!entries.some((e) => e.clientId === message.clientId)) return deliver(message.text, message.clientId);
      setLocal((list) => list.filter((p) => p.clientId !== message.clientId));
      await call('outbox:retry', { clientId: message.clientId }).catch(() => {});
    },
    [deliver, entries],
  );

  const discard = useCallback(async (message: PendingMessage) => {
    setLocal((list) => list.filter((p) => p.clientId !== message.clientId));
    await call('outbox:discard', { clientId: message.clientId }).catch(() => {});
  }, []);

  // Main's entries are the truth once it has them; the page's own fill the first moments.
  const fromMain = entries.filter((e) => e.conversationId === conversationId).map(fromEntry);
  const pending = [...fromMain, ...local.filter((p) => !fromMain.some((m) => m.clientId === p.clientId))];
  return { pending, send, retry, discard };
}
