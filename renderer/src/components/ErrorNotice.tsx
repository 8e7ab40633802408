// Shows any error as its kind's friendly title, message and action, in a role="alert" region,
// right where it happened. The request id Ouro sent, if any, can be copied for support.
import { useState } from 'react';
import { AppError } from '../../../shared/app-error';
import { describeError } from '../../../shared/error-kinds';

export interface ErrorNoticeProps {
  error: unknown;
  /** Offered for retry-like actions (retry, check the connection, refresh). */
  onRetry?: () => void;
  /** Offered for "go back" (403, 404). */
  onBack?: () => void;
  compact?: boolean;
}

export function ErrorNotice({ error, onRetry, onBack, compact }: ErrorNoticeProps) {
  const [copied, setCopied] = useState(false);
  const data = error instanceof AppError ? error.toData() : { kind: 'internal' as const, message: String(error) };
  const friendly = describeError(data);
  const action = friendly.action;
  const handler = ['retry', 'check-connection', 'refresh'].includes(action.kind) ? onRetry : action.kind === 'go-back' ? onBack : undefined;

  const copyRequestId = async () => {
    if (!data.requestId) return;
    await navigator.clipboard.writeText(data.requestId).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };

  return (
    <div role="alert" className={`error-notice${compact ? ' compact' : ''}`} data-error-kind={data.kind}>
      <strong>{friendly.title}</strong>
      <p>{friendly.message}</p>
      <div className="error-actions">
        {handler && (
          <button type="button" onClick={handler}>
            {action.label}
          </button>
        )}
        {data.requestId && (
          <>
            <span className="request-id">
              Request id <code>{data.requestId}</code>
            </span>
            <button type="button" onClick={() => void copyRequestId()}>
              {copied ? 'Copied' : 'Copy request id'}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
