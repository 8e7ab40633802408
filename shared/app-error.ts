// The one error class used on both sides of IPC. Main throws it; the binder turns it into
// `{ ok: false, error: AppErrorData }`; the renderer rebuilds it from that data.
import type { AppErrorData, ErrorKind } from './error-kinds';

export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly status?: number;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly issues?: string[];
  readonly code?: string;

  constructor(data: AppErrorData, options?: { cause?: unknown }) {
    super(data.message, options);
    this.name = 'AppError';
    this.kind = data.kind;
    if (data.status !== undefined) this.status = data.status;
    if (data.requestId !== undefined) this.requestId = data.requestId;
    if (data.retryAfterSeconds !== undefined) this.retryAfterSeconds = data.retryAfterSeconds;
    if (data.issues !== undefined) this.issues = data.issues;
    if (data.code !== undefined) this.code = data.code;
  }

  toData(): AppErrorData {
    const data: AppErrorData = { kind: this.kind, message: this.message };
    if (this.status !== undefined) data.status = this.status;
    if (this.requestId !== undefined) data.requestId = this.requestId;
    if (this.retryAfterSeconds !== undefined) data.retryAfterSeconds = this.retryAfterSeconds;
    if (this.issues !== undefined) data.issues = this.issues;
    if (this.code !== undefined) data.code = this.code;
    return data;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
