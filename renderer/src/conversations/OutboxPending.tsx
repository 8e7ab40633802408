// A conversation's messages still in the outbox, under its newest messages: written but not on
// Ouro yet ("Not sent yet — will send when you're back online"), being sent, or refused with the
// reason and Retry / Discard. Each carries the id it will have on Ouro, so it is sent once.
import { describeError } from '../../../shared/error-kinds';
import type { OutboxEntry } from '../../../shared/outbox';
import { absoluteTime } from '../browse/format';
import { useOutbox, useOutboxAction } from './outbox';

function stateText(entry: OutboxEntry): string {
  if (entry.state === 'sending') return 'Sending…';
  if (entry.state === 'failed') return entry.error ? `Not sent: ${describeError(entry.error).message}` : 'Not sent.';
  return "Not sent yet — will send when you're back online.";
}

export function OutboxPending({ conversationId }: { conversationId: string }) {
  const entries = useOutbox().filter((entry) => entry.conversationId === conversationId);
  const act = useOutboxAction();
  if (entries.length === 0) return null;
  return (
    <ol className="message-list outbox-pending" aria-label="Messages not sent yet">
      {entries.map((entry) => (
        <li key={entry.clientId} className={`message pending pending-${entry.state}`} data-client-id={entry.clientId}>
          <article aria-label={`Your message, ${stateText(entry)}`}>
            <header className="message-meta">
              <strong className="message-author">You</strong>
              <time dateTime={entry.createdAt}>{absoluteTime(entry.createdAt)}</time>
            </header>
            <p className="pending-text">{entry.text}</p>
            <p className="pending-state" role={entry.state === 'failed' ? 'alert' : undefined}>
              {stateText(entry)}
            </p>
            {entry.state === 'failed' && (
              <div className="button-row">
                <button type="button" onClick={() => act.mutate({ action: 'retry', clientId: entry.clientId })} disabled={act.isPending}>
                  Retry
                </button>
                <button type="button" onClick={() => act.mutate({ action: 'discard', clientId: entry.clientId })} disabled={act.isPending}>
                  Discard
                </button>
              </div>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
