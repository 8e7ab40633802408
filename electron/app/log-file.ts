// The main process's log on disk (`main.log` in the logs folder, app.getPath('logs')): a Finder or
// Start-menu launch has no terminal, so this is where a failure leaves its trail. Lines arrive
// already redacted (log.ts). Rotated by size: main.log → main.1.log → … → main.<keep>.log.
import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export interface LogFile {
  /** The current file ("Help → Show Logs" reveals it). */
  path: string;
  write(line: string): void;
}

export interface LogFileOptions {
  dir: string;
  name?: string;
  /** Rotate once the file would grow past this. Default 1 MiB. */
  maxBytes?: number;
  /** Rotated files kept beside the current one. Default 3. */
  keep?: number;
  /** Told once if the folder cannot be written; the log then goes on to stdout only. */
  onError?(error: unknown): void;
}

export function openLogFile(options: LogFileOptions): LogFile {
  const name = options.name ?? 'main.log';
  const maxBytes = options.maxBytes ?? 1024 * 1024;
  const keep = Math.max(0, options.keep ?? 3);
  const file = path.join(options.dir, name);
  const ext = path.extname(name);
  const rotated = (n: number) => path.join(options.dir, `${path.basename(name, ext)}.${n}${ext}`);
  let size: number | null = null;
  let broken = false;

  const rotate = () => {
    // Oldest first, so nothing is overwritten before it has moved along.
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) {
      try {
        renameSync(rotated(n), rotated(n + 1));
      } catch {
        // that generation does not exist yet
      }
    }
    if (keep > 0) renameSync(file, rotated(1));
    else rmSync(file, { force: true });
    size = 0;
  };

  return {
    path: file,
    write(line) {
      if (broken) return;
      const text = `${line}\n`;
      const bytes = Buffer.byteLength(text);
      try {
        if (size === null) {
          mkdirSync(options.dir, { recursive: true });
          size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
        }
        if (size > 0 && size + bytes > maxBytes) rotate();
        // Synchronous: the lines before a crash or an app.exit() must reach the disk.
        appendFileSync(file, text, { mode: 0o600 });
        size += bytes;
      } catch (error) {
        broken = true;
        options.onError?.(error);
      }
    },
  };
}
