// The reply box under a conversation: Markdown, Enter sends, Shift-Enter is a new line. Sending
// never waits on the network: the message shows as pending at once (use-outbox.ts).
import { useId, useState, type KeyboardEvent } from 'react';
import { MAX_MESSAGE_CHARS } from '../../../shared/actions';

export function Composer({ title, onSend }: { title: string; onSend(text: string): void }) {
  const [text, setText] = useState('');
  const hintId = useId();
  const send = () => {
    if (text.trim() === '' || text.length > MAX_MESSAGE_CHARS) return;
    onSend(text);
    setText('');
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      send();
    }
  };
  const tooLong = text.length > MAX_MESSAGE_CHARS;
  return (
    <form
      className="composer"
      aria-label="Reply"
      onSubmit={(event) => {
        event.preventDefault();
        send();
      }}
    >
      <textarea
        aria-label={`Message to ${title}`}
        aria-describedby={hintId}
        placeholder="Write a message…"
        rows={Math.min(8, Math.max(1, text.split('\n').length))}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
        aria-invalid={tooLong || undefined}
      />
      <button type="submit" className="primary" disabled={text.trim() === '' || tooLong}>
        Send
      </button>
      <p id={hintId} className="composer-hint muted">
        {tooLong ? `Too long: at most ${MAX_MESSAGE_CHARS.toLocaleString()} characters.` : 'Markdown · Enter sends · Shift+Enter for a new line · drop a file to share it'}
      </p>
    </form>
  );
}
