// Work that must stop, and clean up after itself, when the app quits: a download in progress is
// aborted, which removes its temporary `.part` file, and quitting waits until that has happened.

export interface InFlight {
  /** Runs `work` with a signal that aborts at close(); close() waits for it to settle. */
  run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** Aborts everything running and waits for it, errors included, to finish. */
  close(): Promise<void>;
}

export function createInFlight(): InFlight {
  const controller = new AbortController();
  const running = new Set<Promise<unknown>>();
  return {
    run(work) {
      const task = work(controller.signal);
      const settled = task.then(
        () => undefined,
        () => undefined,
      );
      running.add(settled);
      void settled.then(() => running.delete(settled));
      return task;
    },
    async close() {
      controller.abort();
      await Promise.all([...running]);
    },
  };
}
