// The quiet mark beside data that is not a live answer: "Updated 5 min ago" while a kept answer
// waits for its background refresh, "Offline · Updated 5 min ago" when main answered from its
// cache because Ouro was unreachable. Nothing at all once a live answer is in.
import type { QueryKey } from '@tanstack/react-query';
import { updatedAgo } from '../../../shared/cache';
import { useOffline } from '../account/queries';
import { absoluteTime } from '../browse/format';
import { useNow } from '../conversations/use-now';
import { useFreshness } from '../queries/answer-cache';

/** The words of the mark: exported for the unit tests. */
export function freshnessText(savedAt: number, offline: boolean, now: number): string {
  return `${offline ? 'Offline · ' : ''}${updatedAgo(savedAt, now)}`;
}

export function FreshnessMark({ queryKey, className = '' }: { queryKey: QueryKey; className?: string }) {
  const freshness = useFreshness(queryKey);
  const offline = useOffline();
  const now = useNow(30_000);
  if (!freshness) return null;
  const isOffline = freshness.offline || offline;
  return (
    <span className={`freshness-mark${isOffline ? ' offline' : ''} ${className}`.trim()} data-testid="freshness-mark" title={`Saved on this computer ${absoluteTime(new Date(freshness.savedAt).toISOString())}`}>
      {freshnessText(freshness.savedAt, isOffline, Math.max(now, freshness.savedAt))}
    </span>
  );
}
