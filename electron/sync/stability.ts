// Decides when a file in a sync folder is finished being written: its size and mtime unchanged
// for the quiet period (2 s) and it can be opened for reading (Windows refuses while a writer
// holds it). One timer polls every candidate with stat, so there is no per-file handle.
import { open, stat } from 'node:fs/promises';

export interface FileFacts {
  size: number;
  mtimeMs: number;
}

export interface StabilityOptions {
  quietMs?: number;
  pollMs?: number;
  now?: () => number;
  /** Settled: size and mtime held for the quiet period and the file opens. */
  onStable(rel: string, facts: FileFacts): void;
  /** The candidate no longer exists (deleted or renamed away while being written). */
  onGone(rel: string): void;
}

export interface StabilityTracker {
  /**
   * Watches `rel` (at `abs`) until it settles. `settled`: the scan found it, so an mtime already
   * older than the quiet period counts as settled at once (it was not written since).
   */
  track(rel: string, abs: string, settled?: boolean): void;
  untrack(rel: string): void;
  has(rel: string): boolean;
  readonly size: number;
  clear(): void;
}

interface Candidate {
  abs: string;
  facts: FileFacts | null;
  /** When the facts were last seen to change (our clock). */
  since: number;
  settled: boolean;
}

const STAT_BATCH = 64;

async function openable(abs: string): Promise<boolean> {
  try {
    const handle = await open(abs, 'r');
    await handle.close();
    return true;
  } catch {
    return false;
  }
}

export function createStabilityTracker(options: StabilityOptions): StabilityTracker {
  const quietMs = options.quietMs ?? 2000;
  // Short enough that a change reaches the queue ~2.1 s after the last write; each poll waits for the last.
  const pollMs = options.pollMs ?? 100;
  const now = options.now ?? Date.now;
  const candidates = new Map<string, Candidate>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polling = false;

  const schedule = () => {
    if (timer || polling || candidates.size === 0) return;
    timer = setTimeout(() => {
      timer = undefined;
      void poll();
    }, pollMs);
    timer.unref?.();
  };

  async function check(rel: string, candidate: Candidate): Promise<void> {
    let facts: FileFacts;
    try {
      const info = await stat(candidate.abs);
      if (!info.isFile()) throw new Error('not a file');
      facts = { size: info.size, mtimeMs: Math.trunc(info.mtimeMs) };
    } catch {
      if (candidates.get(rel) === candidate) {
        candidates.delete(rel);
        options.onGone(rel);
      }
      return;
    }
    const at = now();
    const same = candidate.facts !== null && candidate.facts.size === facts.size && candidate.facts.mtimeMs === facts.mtimeMs;
    if (!same) {
      const first = candidate.facts === null;
      candidate.facts = facts;
      candidate.since = at;
      // Found by the scan and untouched for the quiet period already: no need to wait again.
      if (!(first && candidate.settled && at - facts.mtimeMs >= quietMs)) return;
    } else if (at - candidate.since < quietMs) return;
    if (!(await openable(candidate.abs))) {
      candidate.since = at; // still held by its writer: wait another quiet period
      return;
    }
    if (candidates.get(rel) !== candidate) return;
    candidates.delete(rel);
    options.onStable(rel, facts);
  }

  async function poll(): Promise<void> {
    polling = true;
    try {
      const entries = [...candidates.entries()];
      for (let i = 0; i < entries.length; i += STAT_BATCH) {
        await Promise.all(entries.slice(i, i + STAT_BATCH).map(([rel, candidate]) => check(rel, candidate)));
      }
    } finally {
      polling = false;
      schedule();
    }
  }

  return {
    track(rel, abs, settled = false) {
      const existing = candidates.get(rel);
      if (existing) {
        existing.settled = existing.settled && settled;
        existing.since = now(); // written again: the quiet period starts over
      } else candidates.set(rel, { abs, facts: null, since: now(), settled });
      schedule();
    },
    untrack: (rel) => void candidates.delete(rel),
    has: (rel) => candidates.has(rel),
    get size() {
      return candidates.size;
    },
    clear() {
      candidates.clear();
      if (timer) clearTimeout(timer);
      timer = undefined;
    },
  };
}
