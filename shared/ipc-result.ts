// The envelope every IPC call answers with. Thrown errors lose their shape across Electron IPC,
// so nothing is thrown across the boundary: failures travel as data.
import type { CachedMark } from './cache';
import type { AppErrorData } from './error-kinds';

/** `cached` is set when Ouro was unreachable and main answered with what it had kept. */
export type IpcResult<T> = { ok: true; data: T; cached?: CachedMark } | { ok: false; error: AppErrorData };

export function ok<T>(data: T): IpcResult<T> {
  return { ok: true, data };
}

export function fail(error: AppErrorData): IpcResult<never> {
  return { ok: false, error };
}
