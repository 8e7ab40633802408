// A start-up that fails says so: the reason in a native error box (a Finder or Start-menu launch
// has no terminal to print to), the full detail in the log file, then the app exits. Everything
// shown passes through the logger's redaction first.
import { isAppError } from '../../shared/app-error';
import type { Logger } from '../log';

export interface ErrorBox {
  /** dialog.showErrorBox: safe before `ready` (on Linux it prints to stderr then). */
  showErrorBox(title: string, content: string): void;
}

export interface StartupFailureDeps {
  dialog: ErrorBox;
  log: Logger;
  /** The log file, named in the dialog so support can ask for it. */
  logFilePath?: string | null;
  exit(code: number): void;
}

export const STARTUP_FAILURE_TITLE = 'Ouro could not start';

export function startupFailureMessage(error: unknown, log: Pick<Logger, 'redact'>, logFilePath?: string | null): string {
  const reason = isAppError(error) || error instanceof Error ? error.message : String(error);
  const lines = [log.redact(reason.trim() || 'An unexpected error stopped Ouro from starting.')];
  if (logFilePath) lines.push('', `More detail is in the log: ${logFilePath}`);
  return lines.join('\n');
}

export function reportStartupFailure(error: unknown, deps: StartupFailureDeps): void {
  deps.log.error('Ouro Desktop failed to start', error);
  try {
    deps.dialog.showErrorBox(STARTUP_FAILURE_TITLE, startupFailureMessage(error, deps.log, deps.logFilePath));
  } finally {
    deps.exit(1);
  }
}
