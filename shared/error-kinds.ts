// Every way a request can fail, as one closed set of kinds, and what a person is told for each.
// Main classifies failures into these kinds; the renderer shows the friendly text and the action.

export const ouroErrorKinds = [
  'bad-request', // 400, 422
  'unauthorized', // 401 (after one re-exchange of the key)
  'request-failed', // 402
  'forbidden', // 403
  'not-found', // 404
  'conflict', // 409
  'too-large', // 413
  'rate-limited', // 429
  'server', // 5xx
  'network', // offline, DNS, refused, reset
  'timeout',
  'untrusted-certificate', // TLS: the certificate presented for Ouro is not one this computer trusts
  'invalid-response', // Ouro answered something we could not read
] as const;

/** Failures that happen inside the app rather than on the wire. */
export const appErrorKinds = [
  'invalid-input', // the renderer sent input the contract rejects
  'untrusted-sender', // an IPC call from a frame that is not the app's own page
  'keychain-unavailable',
  'not-signed-in',
  'cancelled',
  'file-unreadable',
  'not-confirmed', // a delete without the confirmation its preview issued (or a stale one)
  'internal',
] as const;

export const errorKinds = [...ouroErrorKinds, ...appErrorKinds] as const;
export type ErrorKind = (typeof errorKinds)[number];

export type ErrorActionKind =
  | 'sign-in'
  | 'retry'
  | 'wait'
  | 'check-connection'
  | 'go-back'
  | 'refresh'
  | 'fix-input'
  | 'copy-request-id'
  | 'dismiss';

export interface ErrorAction {
  kind: ErrorActionKind;
  label: string;
}

export interface FriendlyError {
  title: string;
  message: string;
  action: ErrorAction;
}

/** The serialisable shape of an error: what crosses IPC inside `{ ok: false, error }`. */
export interface AppErrorData {
  kind: ErrorKind;
  /** Specific, safe detail (never a key or token): what Ouro said, or which field was wrong. */
  message: string;
  status?: number;
  /** Ouro's `x-request-id`, for support. */
  requestId?: string;
  /** For rate-limited: how long Ouro asked us to wait. */
  retryAfterSeconds?: number;
  /** For invalid-input / invalid-response: the offending fields. */
  issues?: string[];
  /** Ouro's machine code when it sent one (`update_forbidden`, `source_policy_violation`, …). */
  code?: string;
}

/** 403s whose code says exactly what was refused (ouro-api.md §2.2, §8.4). */
const forbiddenByCode: Record<string, FriendlyError> = {
  update_forbidden: {
    title: "You can't edit this",
    message: 'Only its owner, or a member of its team with write access, can change or delete it. Your change was not saved.',
    action: { kind: 'dismiss', label: 'OK' },
  },
  source_policy_violation: {
    title: 'This team only accepts the website',
    message: 'The team only accepts items created or changed on the Ouro website, not from apps. Choose another team.',
    action: { kind: 'fix-input', label: 'Choose another team' },
  },
};

const friendly: Record<ErrorKind, (e: AppErrorData) => FriendlyError> = {
  'bad-request': (e) => ({
    title: 'Ouro could not accept that request',
    message: `Something in the request was missing or invalid${e.message ? `: ${e.message}` : '.'}`,
    action: { kind: 'fix-input', label: 'Check what you entered' },
  }),
  unauthorized: () => ({
    title: 'Sign in again',
    message: 'Your API key was revoked or has expired. Sign in with a valid key to continue.',
    action: { kind: 'sign-in', label: 'Sign in again' },
  }),
  'request-failed': (e) => ({
    title: 'The request failed',
    message: `Ouro understood the request but could not complete it${e.message ? `: ${e.message}` : '.'}`,
    action: { kind: 'retry', label: 'Try again' },
  }),
  forbidden: (e) =>
    (e.code && Object.hasOwn(forbiddenByCode, e.code) ? forbiddenByCode[e.code] : undefined) ?? {
      title: "You don't have access",
      message:
        'Your Ouro account does not have permission for this. Ask the owner, or an admin of the team, to share it with you.',
      action: { kind: 'go-back', label: 'Go back' },
    },
  'not-found': () => ({
    title: 'It no longer exists',
    message: 'This item was not found on Ouro. It may have been deleted, or it was never shared with you.',
    action: { kind: 'go-back', label: 'Go back' },
  }),
  conflict: () => ({
    title: 'Something changed at the same time',
    message: 'This conflicts with another change on Ouro. Refresh to see the latest, then try again.',
    action: { kind: 'refresh', label: 'Refresh' },
  }),
  'too-large': () => ({
    title: 'Too large for Ouro',
    message: 'This is larger than Ouro accepts. Try a smaller file or split it up.',
    action: { kind: 'dismiss', label: 'Dismiss' },
  }),
  'rate-limited': (e) => ({
    title: 'Ouro asked us to slow down',
    message:
      e.retryAfterSeconds !== undefined
        ? `Too many requests. Retrying automatically in ${Math.max(1, Math.ceil(e.retryAfterSeconds))} s.`
        : 'Too many requests. Retrying automatically in a moment.',
    action: { kind: 'wait', label: 'Wait' },
  }),
  server: (e) => ({
    title: 'Ouro is having trouble',
    message: `Something went wrong on Ouro's side${e.status ? ` (HTTP ${e.status})` : ''}. Try again in a little while; if it keeps happening, copy the request id for Ouro support.`,
    action: { kind: 'retry', label: 'Try again' },
  }),
  network: () => ({
    title: "You're offline",
    message: "Ouro Desktop can't reach Ouro. Check your internet connection; what you already loaded stays visible.",
    action: { kind: 'check-connection', label: 'Retry' },
  }),
  timeout: () => ({
    title: 'Ouro took too long to answer',
    message: 'The request timed out. Your connection may be slow, or Ouro is busy.',
    action: { kind: 'retry', label: 'Try again' },
  }),
  'untrusted-certificate': (e) => ({
    title: "Ouro's connection isn't trusted",
    message: `The certificate presented for Ouro is not one this computer trusts${e.message ? ` (${e.message})` : ''}. If your organization inspects traffic with its own certificate, ask IT to install it in the system's certificate store.`,
    action: { kind: 'check-connection', label: 'Retry' },
  }),
  'invalid-response': (e) => ({
    title: 'Unexpected answer from Ouro',
    message: `Ouro answered in a form this version of the app does not understand${e.issues?.length ? ` (${e.issues.slice(0, 3).join('; ')})` : ''}. Updating Ouro Desktop may help.`,
    action: { kind: 'retry', label: 'Try again' },
  }),
  'invalid-input': (e) => ({
    title: 'Invalid input',
    message: e.issues?.length ? `Please check: ${e.issues.slice(0, 3).join('; ')}` : e.message || 'Some input was not valid.',
    action: { kind: 'fix-input', label: 'Check what you entered' },
  }),
  'untrusted-sender': () => ({
    title: 'Request refused',
    message: 'This request did not come from the Ouro Desktop window, so it was refused.',
    action: { kind: 'dismiss', label: 'Dismiss' },
  }),
  'keychain-unavailable': () => ({
    title: 'The system keychain is unavailable',
    message:
      'Ouro Desktop keeps your API key in the system keychain, which could not be used. You can still sign in for this session only.',
    action: { kind: 'sign-in', label: 'Use for this session only' },
  }),
  'not-signed-in': () => ({
    title: 'Not signed in',
    message: 'Sign in with your Ouro API key to continue.',
    action: { kind: 'sign-in', label: 'Sign in' },
  }),
  cancelled: () => ({
    title: 'Cancelled',
    message: 'The operation was cancelled.',
    action: { kind: 'dismiss', label: 'Dismiss' },
  }),
  'file-unreadable': (e) => ({
    title: "Couldn't read the file",
    message: e.message || 'The file could not be read.',
    action: { kind: 'dismiss', label: 'Dismiss' },
  }),
  'not-confirmed': () => ({
    title: 'Confirm the delete again',
    message: 'Nothing was deleted: the confirmation was missing, already used, or too old. Review what will be deleted and confirm again.',
    action: { kind: 'refresh', label: 'Review again' },
  }),
  internal: () => ({
    title: 'Something went wrong',
    message: 'Ouro Desktop hit an unexpected problem. Try again; if it keeps happening, please report an issue.',
    action: { kind: 'retry', label: 'Try again' },
  }),
};

export function describeError(error: AppErrorData): FriendlyError {
  return friendly[error.kind](error);
}

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (errorKinds as readonly string[]).includes(value);
}

// ---- what a failure means for trying again ------------------------------------------------------
// One predicate per meaning; every module that asks "try again?" or "is Ouro unreachable?" uses
// these, so the answer cannot drift between the client, the queue, the account and the outbox.

type Failure = Pick<AppErrorData, 'kind' | 'status'>;

/** Statuses a repeated idempotent call may get past: Ouro asked us to wait, or a gateway failed. */
const RETRYABLE_CALL_STATUS: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/**
 * Worth repeating an idempotent call at once (with backoff): the connection failed, Ouro asked us
 * to slow down, or a gateway in front of it failed. A plain 500 is not: it is usually a
 * deterministic server bug (Postgres refusing a filter) and repeating it only delays the error. A
 * timeout is not either: a call that already took the whole timeout would multiply the wait.
 */
export function isRetryableCall(error: Failure): boolean {
  if (error.kind === 'network') return true;
  return error.status !== undefined && RETRYABLE_CALL_STATUS.has(error.status) && error.kind !== 'invalid-response';
}

/**
 * Transient: says nothing about the request itself, so the same request may work later. Ouro was
 * unreachable or slow (network, timeout), asked us to wait (429) or failed on its side (any 5xx).
 * The retry rule for uploads (their bytes are re-sent from the start, so a 500 is worth one more
 * try), and what keeps the account signed in (offline) and a message in the outbox until later.
 */
export function isTransient(error: Failure): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'rate-limited' || error.kind === 'server';
}

/** Ouro could not be reached at all (no connection, or no answer in time): the app is offline. */
export function isUnreachable(error: Failure): boolean {
  return error.kind === 'network' || error.kind === 'timeout';
}
