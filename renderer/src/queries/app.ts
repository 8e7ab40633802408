// React Query hooks for the `app:*` channels.
import { useQuery } from '@tanstack/react-query';
import { call } from '../ouro';

export const appKeys = {
  all: ['app'] as const,
  info: () => [...appKeys.all, 'info'] as const,
};

export function useAppInfo() {
  return useQuery({ queryKey: appKeys.info(), queryFn: () => call('app:info'), staleTime: Infinity });
}
