// The upload queue as React Query state (kept current by `uploads:changed` deltas, see
// uploads-cache.ts), and the actions on it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/contract';
import { call } from '../ouro';
import { queryKeys } from '../queries/keys';
import { readUploadsQueue } from './uploads-cache';

export function useUploads() {
  const queryClient = useQueryClient();
  return useQuery({ queryKey: queryKeys.uploads.queue(), queryFn: () => readUploadsQueue(queryClient), staleTime: Infinity });
}

export function useAddUploads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<'uploads:add'>) => call('uploads:add', input),
    // Main remembers the destination just used; the next sheet should offer it.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.destinations() }),
  });
}

export type UploadAction = { kind: 'cancel' | 'retry'; id: string } | { kind: 'cancel-all' | 'clear-finished' };

export function useUploadAction() {
  return useMutation({
    mutationFn: (action: UploadAction): Promise<void> => {
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
