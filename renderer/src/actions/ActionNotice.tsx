// The result of an item action, under the list: a quiet status for what went through, an alert
// naming what did not and why (with Ouro's friendly message).
export interface Notice {
  tone: 'info' | 'error';
  title: string;
  message: string;
}

export function ActionNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss(): void }) {
  return (
    <div className="action-notice-region" role={notice?.tone === 'error' ? 'alert' : 'status'} aria-live={notice?.tone === 'error' ? 'assertive' : 'polite'}>
      {notice && (
        <div className={`action-notice ${notice.tone}`}>
          <div>
            <strong>{notice.title}</strong>
            {notice.message && <span> {notice.message}</span>}
          </div>
          <button type="button" className="link" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
