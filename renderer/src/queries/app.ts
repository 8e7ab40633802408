// React Query hooks for the `app:*` channels: version and platform, and a downloaded update.
import { useQuery } from '@tanstack/react-query';
import { call } from '../ouro';
import { queryKeys } from './keys';

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.app.info(), queryFn: () => call('app:info'), staleTime: Infinity });
}

/** Kept current by `app:update-ready` (queries/main-events.ts). */
export function useUpdateState() {
  return useQuery({ queryKey: queryKeys.app.update(), queryFn: () => call('app:update-state'), staleTime: Infinity });
}
