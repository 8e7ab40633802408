// The upload queue as React Query state, kept current by main's `uploads:changed` events, plus
// the actions on it. When an upload finishes, the Files and Datasets lists are refetched.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { ChannelInput } from '../../../shared/contract';
import type { UploadsSnapshot } from '../../../shared/uploads';
import { useOuroEvent } from '../events';
import { call } from '../ouro';

export const uploadKeys = {
  all: ['uploads'] as const,
  list: () => [...uploadKeys.all, 'list'] as const,
  destinations: () => [...uploadKeys.all, 'destinations'] as const,
};

export function useUploads() {
  const queryClient = useQueryClient();
  const doneIds = useRef<Set<string> | null>(null);
  useOuroEvent('uploads:changed', (snapshot) => {
    queryClient.setQueryData(uploadKeys.list(), snapshot);
    const done = new Set(snapshot.items.filter((i) => i.state === 'done').map((i) => i.id));
    const before = doneIds.current;
    doneIds.current = done;
    if (before && [...done].some((id) => !before.has(id))) {
      // The browse lists use these key roots; a new asset should show up without a manual refresh.
      void queryClient.invalidateQueries({ queryKey: ['files'] });
      void queryClient.invalidateQueries({ queryKey: ['datasets'] });
      void queryClient.invalidateQueries({ queryKey: ['assets'] });
    }
  });
  return useQuery({
    queryKey: uploadKeys.list(),
    queryFn: async (): Promise<UploadsSnapshot> => {
      const snapshot = await call('uploads:list');
      doneIds.current ??= new Set(snapshot.items.filter((i) => i.state === 'done').map((i) => i.id));
      return snapshot;
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
    mutationFn: (action: { kind: 'cancel' | 'retry'; id: string } | { kind: 'cancel-all' | 'clear-finished' }) => {
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
