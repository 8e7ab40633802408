// The main process's logger. Everything it writes passes through `redact`, which removes any
// registered secret (the API key) and anything shaped like a JWT, wherever it appears.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
  /** Registers a secret to scrub from every later line (e.g. the API key once it is known). */
  addSecret(secret: string): void;
  /** The same scrubbing for text that goes elsewhere (an error dialog). */
  redact(text: string): string;
}

const levels: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const JWT_PATTERN = /\beyJ[\w-]{5,}\.[\w-]{5,}\.[\w-]*/g;
const SECRET_FIELD = /("?(?:pat|api_?key|apiKey|access_token|refresh_token|authorization|token)"?\s*[:=]\s*"?)([^"\s,}]+)/gi;
export const REDACTED = '[redacted]';

export function redact(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  return out.replace(JWT_PATTERN, REDACTED).replace(SECRET_FIELD, `$1${REDACTED}`);
}

function describe(detail: unknown): string {
  if (detail instanceof Error) return `${detail.name}: ${detail.message}${detail.stack ? `\n${detail.stack}` : ''}`;
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail);
  } catch {
    return String(detail);
  }
}

export function createLogger(options: { level?: LogLevel; write?: (level: LogLevel, line: string) => void } = {}): Logger {
  const threshold = levels[options.level ?? 'info'];
  const secrets = new Set<string>();
  const write =
    options.write ??
    ((level: LogLevel, line: string) => {
      (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    });
  const emit = (level: LogLevel, message: string, details: unknown[]) => {
    if (levels[level] < threshold) return;
    const text = [message, ...details.map(describe)].join(' ');
    write(level, `[${new Date().toISOString()}] ${level.toUpperCase()} ${redact(text, secrets)}`);
  };
  return {
    debug: (m, ...d) => emit('debug', m, d),
    info: (m, ...d) => emit('info', m, d),
    warn: (m, ...d) => emit('warn', m, d),
    error: (m, ...d) => emit('error', m, d),
    addSecret: (secret) => {
      if (secret) secrets.add(secret);
    },
    redact: (text) => redact(text, secrets),
  };
}

export function logLevelFromEnv(env: Record<string, string | undefined>): LogLevel {
  const level = env.OURO_LOG_LEVEL?.toLowerCase();
  return level === 'debug' || level === 'info' || level === 'warn' || level === 'error' ? level : 'info';
}
