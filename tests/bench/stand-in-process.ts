// The stand-in in its own process for benchmarks (its CPU and memory stay out of the figures),
// storing uploads under the given folder.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';

export interface StandInChild {
  url: string;
  apiKey: string;
  stop(): Promise<void>;
}

export async function startStandInChild(storageDir: string): Promise<StandInChild> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'stand-in-child.ts'), storageDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8');
  const ready = await new Promise<{ url: string; apiKey: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const url = /Ouro stand-in: (\S+)/.exec(out)?.[1];
      const apiKey = /API key: (\S+)/.exec(out)?.[1];
      if (url && apiKey) resolve({ url, apiKey });
    });
    child.once('exit', (code) => reject(new Error(`stand-in exited with ${code}: ${out}`)));
  });
  return {
    ...ready,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGINT');
      await once(child, 'exit');
    },
  };
}
