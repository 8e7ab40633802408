// Messages not on Ouro yet, under the sent ones: sending, waiting for Ouro, or failed with the
// reason and Retry (same id: never a duplicate) or Discard; and files being uploaded to share.
import { describeError } from '../../../shared/error-kinds';
import type { Attaching } from './use-attach-drop';
import type { PendingMessage } from './use-outbox';
import { MessageMarkdown } from './MessageMarkdown';

const stateText: Record<PendingMessage['state'], string> = {
  sending: 'Sending…',
  waiting: "Not sent yet — will send when you're back online.",
  failed: 'Not sent.',
};

export function PendingMessages({ pending, attaching, onRetry, onDiscard, onDismiss }: { pending: PendingMessage[]; attaching: Attaching[]; onRetry(m: PendingMessage): void; onDiscard(m: PendingMessage): void; onDismiss(uploadId: string): void }) {
  if (pending.length === 0 && attaching.length === 0) return null;
  return (
    <ol className="message-list pending-list" aria-label="Messages not sent yet">
      {pending.map((message) => (
        <li key={message.clientId} className={`message pending ${message.state}`} data-client-id={message.clientId}>
          <article aria-label={`Your message, ${message.state === 'failed' ? 'not sent' : 'sending'}`}>
            <header className="message-meta">
              <strong className="message-author">You</strong>
              <span className={`pending-state${message.state === 'failed' ? ' failed' : ''}`} role={message.state === 'failed' ? 'alert' : 'status'}>
                {stateText[message.state]}
                {message.state === 'failed' && message.error && ` ${describeError(message.error).title}.`}
              </span>
            </header>
            <MessageMarkdown text={message.text} />
            {message.state === 'failed' && (
              <div className="button-row pending-actions">
                <button type="button" onClick={() => onRetry(message)}>
                  Retry
                </button>
                <button type="button" onClick={() => onDiscard(message)}>
                  Discard
                </button>
              </div>
            )}
          </article>
        </li>
      ))}
      {attaching.map((item) => (
        <li key={item.uploadId} className="message pending attaching">
          <article aria-label={`Sharing ${item.name}`}>
            <header className="message-meta">
              <strong className="message-author">You</strong>
              <span className={`pending-state${item.problem ? ' failed' : ''}`} role={item.problem ? 'alert' : 'status'}>
                {item.problem ? `${item.name} could not be shared: ${item.problem}` : `Uploading ${item.name}… a link follows when it is on Ouro.`}
              </span>
            </header>
            {item.problem && (
              <button type="button" onClick={() => onDismiss(item.uploadId)}>
                Dismiss
              </button>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
