// Fault injection: a queue of FaultSpecs matched against incoming requests, plus the runtime
// knobs (body limit, token TTL) exposed through the same controller. Applying a matched fault to a
// response happens in server.ts; this module only stores, validates and matches.
import { z } from 'zod';
import type { FaultController, FaultSpec } from './types';

export const faultSpecSchema = z.object({
  method: z.string().min(1).optional(),
  path: z.string().min(1),
  times: z.number().int().positive().or(z.literal(Infinity)).optional(),
  status: z.number().int().min(100).max(599).optional(),
  body: z.unknown().optional(),
  headers: z.record(z.string(), z.string()).optional(),
  retryAfter: z.string().optional(),
  latencyMs: z.number().nonnegative().optional(),
  reset: z.enum(['immediately', 'mid-body']).optional(),
  skipRows: z.number().int().positive().optional(),
  envelopeError: z
    .object({
      status: z.union([z.number(), z.string()]).optional(),
      statusCode: z.union([z.number(), z.string()]).optional(),
      message: z.string(),
    })
    .optional(),
});

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

export interface RuntimeConfig {
  bodyLimitBytes: number | null;
  tokenTtlSeconds: number;
}

export class Faults implements FaultController {
  private readonly active: ActiveFault[] = [];

  constructor(
    private readonly config: RuntimeConfig,
    private readonly onTtlChange: (seconds: number) => void,
  ) {}

  add(spec: FaultSpec): void {
    const parsed = faultSpecSchema.safeParse(spec);
    if (!parsed.success) throw new Error(`Invalid fault spec: ${parsed.error.message}`);
    this.active.push({ spec, remaining: spec.times ?? 1 });
  }

  clear(): void {
    this.active.length = 0;
  }

  pending(): number {
    return this.active.reduce((sum, f) => sum + f.remaining, 0);
  }

  setBodyLimit(bytes: number | null): void {
    this.config.bodyLimitBytes = bytes;
  }

  setTokenTtl(seconds: number): void {
    this.config.tokenTtlSeconds = seconds;
    this.onTtlChange(seconds);
  }

  /** Consumes one application of the first fault matching this request, if any. */
  take(method: string, path: string): FaultSpec | null {
    const index = this.active.findIndex((f) => matches(f.spec, method, path));
    if (index < 0) return null;
    const fault = this.active[index];
    if (!fault) return null;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.active.splice(index, 1);
    return fault.spec;
  }
}

function matches(spec: FaultSpec, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method.toUpperCase()) return false;
  const prefix = spec.path.endsWith('*');
  const body = prefix ? spec.path.slice(0, -1) : spec.path;
  if (!body.includes('*')) return prefix ? path.startsWith(body) : path === body;
  // An inner '*' is one path segment: '/datasets/*/data'.
  const pattern = body.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
  return new RegExp(`^${pattern}${prefix ? '' : '$'}`).test(path);
}
