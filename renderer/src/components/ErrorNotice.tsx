// Shows any error as its kind's friendly title, message and action, in a role="alert" region.
import { AppError } from '../../../shared/app-error';
import { describeError } from '../../../shared/error-kinds';

export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const data = error instanceof AppError ? error.toData() : { kind: 'internal' as const, message: String(error) };
  const friendly = describeError(data);
  const canRetry = onRetry && ['retry', 'check-connection', 'refresh'].includes(friendly.action.kind);
  return (
    <div role="alert" className="error-notice">
      <strong>{friendly.title}</strong>
      <p>{friendly.message}</p>
      {canRetry && (
        <button type="button" onClick={onRetry}>
          {friendly.action.label}
        </button>
      )}
      {data.requestId && <p className="request-id">Request id: <code>{data.requestId}</code></p>}
    </div>
  );
}
