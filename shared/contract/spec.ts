// What every part of the contract is built from: the phantom output marker, a channel's shape, and
// the id schemas (an id can never change the API path it is put into).
import { z } from 'zod';

/** Phantom marker: carries an output type in the contract without a runtime value. */
export function returns<T>(): T {
  return undefined as T;
}

export interface ChannelSpec {
  input: z.ZodType;
  output: unknown;
}

/**
 * Ouro ids are UUIDs (v4 and v7 both occur, and the all-zero id names the global organization).
 * Accepting only the 8-4-4-4-12 hex form means an id can never be `..`, contain a `/` or a lone
 * surrogate, or otherwise change the API path it is put into. `guid` rather than `uuid`: any
 * version and variant, since Ouro's choice of generator is not ours to police.
 */
export const ouroId = z.guid('Not an Ouro id');
export const assetId = ouroId;
export const byId = z.object({ id: assetId });
