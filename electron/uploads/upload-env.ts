// Upload settings a host may take from the environment: OURO_UPLOAD_CONCURRENCY (1–16) and
// OURO_UPLOAD_MAX_BYTES. Tests use them to make limits and parallelism observable.
import type { UploadOptions } from './upload-service';

type Env = Record<string, string | undefined>;

export function uploadOptionsFromEnv(env: Env): Pick<UploadOptions, 'concurrency' | 'maxFileBytes'> {
  const out: Pick<UploadOptions, 'concurrency' | 'maxFileBytes'> = {};
  const concurrency = Number(env.OURO_UPLOAD_CONCURRENCY);
  if (Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 16) out.concurrency = concurrency;
  const max = Number(env.OURO_UPLOAD_MAX_BYTES);
  if (Number.isSafeInteger(max) && max > 0) out.maxFileBytes = max;
  return out;
}
