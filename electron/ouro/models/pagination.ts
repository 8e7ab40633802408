// Ouro's two pagination shapes (offset and cursor) and the page the client hands back.
import { z } from 'zod';
import { opt } from './lenient';

// ---- pagination --------------------------------------------------------------------------------

export const OffsetPaginationSchema = z.looseObject({
  offset: opt(z.number()),
  limit: opt(z.number()),
  hasMore: opt(z.boolean()),
  total: opt(z.number()),
});

export const CursorPaginationSchema = z.looseObject({
  limit: opt(z.number()),
  hasMore: opt(z.boolean()),
  nextCursor: opt(z.looseObject({ before: opt(z.string()) })),
});

/** One page of an offset-paged list. */
export interface Page<T> {
  items: T[];
  hasMore: boolean;
  /** Offset of the next page: this page's offset plus the items actually received. */
  nextOffset: number;
  total?: number;
}
