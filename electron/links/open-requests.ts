// What main asks the page to open, kept until the page takes it: a link that launched the app
// arrives before the page listens, so requests wait here (a few at most) and the page drains them
// when told there are some, and once when it starts.
import type { OpenRequest } from '../../shared/links';
import type { EmitEvent } from '../event-hub';

type NewRequest = OpenRequest extends infer R ? (R extends OpenRequest ? Omit<R, 'seq'> : never) : never;

export interface OpenRequests {
  push(request: NewRequest): void;
  /** Everything waiting, oldest first; the queue is then empty. */
  take(): OpenRequest[];
  clear(): void;
}

export function createOpenRequests(options: { emit: EmitEvent; max?: number }): OpenRequests {
  const max = options.max ?? 10;
  let queue: OpenRequest[] = [];
  let seq = 0;
  return {
    push(request) {
      seq += 1;
      queue.push({ ...request, seq } as OpenRequest);
      // A flood of links (a script opening hundreds) keeps only the latest few.
      if (queue.length > max) queue = queue.slice(-max);
      options.emit('links:requested', { pending: queue.length });
    },
    take() {
      const taken = queue;
      queue = [];
      return taken;
    },
    clear() {
      queue = [];
    },
  };
}
