// Request addresses and header values: the base joined with a path whose ids are encoded (so an
// id can never change the path), the query as Ouro reads it, and user text made header-safe.
import { AppError } from '../../shared/app-error';

export type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

/** Joins base and path (a base may carry a path prefix) and encodes the query. */
export function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    // Ouro reads booleans as the strings "true"/"false" (ouro-api.md §1.3).
    url.searchParams.set(name, typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));
  }
  return url.toString();
}

/**
 * `/files/{id}` with the id encoded, so an odd id can never change the path: `.` and `..` (which
 * URL resolution would collapse: `/files/..` is `GET /`), empty ids and ids that cannot be
 * encoded (lone surrogates) are refused. The contract only lets UUIDs in from the page; this also
 * covers ids read from Ouro's own answers.
 */
export function pathOf(template: TemplateStringsArray, ...ids: string[]): string {
  const segment = (id: string | undefined): string => {
    if (!id || id === '.' || id === '..') throw badId();
    try {
      return encodeURIComponent(id);
    } catch {
      throw badId();
    }
  };
  return template.reduce((out, part, i) => out + part + (i < ids.length ? segment(ids[i]) : ''), '');
}

function badId(): AppError {
  return new AppError({ kind: 'invalid-input', message: 'Not a valid Ouro id' });
}

/**
 * Header values must be Latin-1 for fetch, and a key name is user-chosen text: keep printable
 * ASCII as is and percent-encode anything else rather than let fetch throw.
 */
export function headerSafe(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : encodeURIComponent(value);
}
