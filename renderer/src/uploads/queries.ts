// The upload queue as React Query state, kept current by main's `uploads:changed` deltas (and
// re-read whole when one was missed or the event stream reconnected), plus the actions on it.
// When an upload finishes, the Files and Datasets lists are refetched.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import type { UploadsDelta, UploadsSnapshot } from '../../../shared/uploads';
import { useOuroEvent } from '../events';
import { call } from '../ouro';
import { applyDelta, replay } from './apply-delta';

export const uploadKeys = {
  all: ['uploads'] as const,
  list: () => [...uploadKeys.all, 'list'] as const,
  destinations: () => [...uploadKeys.all, 'destinations'] as const,
};

/** Re-reads in a row before settling for a snapshot that deltas overtook (the next delta heals it). */
const MAX_READS = 3;

export function useUploads() {
  const queryClient = useQueryClient();
  const doneIds = useRef<Set<string> | null>(null);
  // While a snapshot is being read, deltas wait here and are replayed on top of it.
  const reading = useRef<UploadsDelta[] | null>(null);

  const noteDone = (snapshot: UploadsSnapshot) => {
    const done = new Set(snapshot.items.filter((i) => i.state === 'done').map((i) => i.id));
    const before = doneIds.current;
    doneIds.current = done;
    if (before && [...done].some((id) => !before.has(id))) {
      // The browse lists use these key roots; a new asset should show up without a manual refresh.
      void queryClient.invalidateQueries({ queryKey: ['files'] });
      void queryClient.invalidateQueries({ queryKey: ['datasets'] });
      void queryClient.invalidateQueries({ queryKey: ['assets'] });
    }
  };

  useOuroEvent('uploads:changed', (delta) => {
    if (reading.current) {
      reading.current.push(delta);
      return;
    }
    const current = queryClient.getQueryData<UploadsSnapshot>(uploadKeys.list());
    if (!current) return; // the first read is on its way and will include this
    const outcome = applyDelta(current, delta);
    if (outcome.kind === 'applied') {
      queryClient.setQueryData(uploadKeys.list(), outcome.snapshot);
      noteDone(outcome.snapshot);
    } else if (outcome.kind === 'refetch') void queryClient.invalidateQueries({ queryKey: uploadKeys.list() });
  });
  useOuroEvent('events:reconnected', () => void queryClient.invalidateQueries({ queryKey: uploadKeys.list() }));

  return useQuery({
    queryKey: uploadKeys.list(),
    queryFn: async (): Promise<UploadsSnapshot> => {
      const buffered: UploadsDelta[] = [];
      reading.current = buffered;
      try {
        for (let read = 1; ; read++) {
          buffered.length = 0;
          const result = replay(await call('uploads:list'), buffered);
          if (!result.stale || read >= MAX_READS) {
            if (doneIds.current) noteDone(result.snapshot);
            else doneIds.current = new Set(result.snapshot.items.filter((i) => i.state === 'done').map((i) => i.id));
            return result.snapshot;
          }
        }
      } finally {
        if (reading.current === buffered) reading.current = null;
      }
    },
    staleTime: Infinity,
  });
}

export function useDestinations(enabled: boolean) {
  return useQuery({ queryKey: uploadKeys.destinations(), queryFn: () => call('uploads:destinations'), enabled, staleTime: 60_000 });
}

export function useAddUploads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'uploads:add'>) => call('uploads:add', input),
    // Main remembers the destination just used; the next sheet should offer it.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: uploadKeys.destinations() }),
  });
}

export function useUploadAction() {
  return useMutation({
    mutationFn: (action: { kind: 'cancel' | 'retry'; id: string } | { kind: 'cancel-all' | 'clear-finished' }): Promise<void> => {
      switch (action.kind) {
        case 'cancel':
          return call('uploads:cancel', { id: action.id });
        case 'retry':
          return call('uploads:retry', { id: action.id });
        case 'cancel-all':
          return call('uploads:cancel-all');
        case 'clear-finished':
          return call('uploads:clear-finished');
      }
    },
  });
}

/** Drops the uploads other accounts queued; resolves to how many were dropped. */
export function useDropWaiting() {
  return useMutation({ mutationFn: async () => (await call('uploads:drop-waiting')).dropped });
}
