// The app's React Query client. Errors are AppErrors; retrying is main's job (it knows which
// requests are safe to repeat), so the renderer does not retry on its own.
import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, staleTime: 30_000, refetchOnWindowFocus: true, refetchOnReconnect: true },
      mutations: { retry: false },
    },
  });
}
