// The Notifications view's groups: Mentions, Comments, New messages, Shares, Other — in that
// order whatever order the rows come in, newest first within a group, empty groups left out.
import { describe, expect, it } from 'vitest';
import { groupNotifications, type NotificationRow } from '../../../shared/notifications';

let n = 0;
function row(kind: NotificationRow['kind'], createdAt: string): NotificationRow {
  n++;
  return { id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, kind, type: kind, read: false, createdAt, actorName: 'bob', title: `${kind} ${n}`, body: '', target: null };
}

describe('groupNotifications', () => {
  it('orders groups by kind, keeps the rows newest first, and leaves out empty groups', () => {
    const rows = [row('share', '2026-11-30T10:00:00Z'), row('mention', '2026-11-30T09:00:00Z'), row('other', '2026-11-29T00:00:00Z'), row('mention', '2026-11-28T00:00:00Z')];
    const groups = groupNotifications(rows);
    expect(groups.map((g) => g.label)).toEqual(['Mentions', 'Shares', 'Other']);
    expect(groups[0]?.items.map((r) => r.createdAt)).toEqual(['2026-11-30T09:00:00Z', '2026-11-28T00:00:00Z']);
  });

  it('has no groups for no rows', () => {
    expect(groupNotifications([])).toEqual([]);
  });
});
