// Every request body the stand-in accepts, by route, with one way to enforce them: a body that
// does not match answers 400 with FastAPI-style `detail` (ouro-api.md §2.2), as the real backend
// does. The contract tests import this same table to check what the client actually sends.
import type { z } from 'zod';
import { validationError, type HttpError, type ValidationIssue } from '../errors';
import { AssetViewBody, DownloadBody, GetTokenBody } from './assets';
import { ConversationCreateBody, ConversationUpdateBody, FromMarkdownBody, MessageCreateBody, MessagePatchBody } from './conversations';
import { DatasetCreateBody, DatasetRowsBody, DatasetUpdateBody } from './datasets';
import { FileContentBody, FileCreateBody, FileUpdateBody, FileUploadBody } from './files';

export * from './assets';
export * from './conversations';
export * from './datasets';
export * from './files';

export interface BodyRoute {
  method: string;
  /** Router-style pattern, `:name` for a path parameter. */
  pattern: string;
  schema: z.ZodType;
  /** An empty body is allowed (treated as `{}`). */
  optional?: boolean;
}

export const bodyRoutes: readonly BodyRoute[] = [
  { method: 'POST', pattern: '/users/get-token', schema: GetTokenBody },
  { method: 'POST', pattern: '/files/upload', schema: FileUploadBody },
  { method: 'POST', pattern: '/files/create', schema: FileCreateBody },
  { method: 'PUT', pattern: '/files/:id', schema: FileUpdateBody },
  { method: 'PUT', pattern: '/files/:id/content', schema: FileContentBody },
  { method: 'POST', pattern: '/datasets/create/from-schema', schema: DatasetCreateBody },
  { method: 'POST', pattern: '/datasets/:id/data', schema: DatasetRowsBody },
  { method: 'PUT', pattern: '/datasets/:id', schema: DatasetUpdateBody },
  { method: 'POST', pattern: '/conversations/create', schema: ConversationCreateBody },
  { method: 'PUT', pattern: '/conversations/:id', schema: ConversationUpdateBody },
  { method: 'POST', pattern: '/conversations/:id/messages/create', schema: MessageCreateBody },
  { method: 'PATCH', pattern: '/conversations/:id/messages/:messageId', schema: MessagePatchBody },
  { method: 'POST', pattern: '/utilities/convert/from-markdown', schema: FromMarkdownBody },
  { method: 'POST', pattern: '/assets/:id/view', schema: AssetViewBody },
  { method: 'POST', pattern: '/assets/:id/download', schema: DownloadBody, optional: true },
];

/** The body route for a concrete request, e.g. `POST /datasets/0194…/data`. */
export function bodyRouteFor(method: string, path: string): BodyRoute | undefined {
  const parts = path.split('?')[0]?.split('/').filter(Boolean) ?? [];
  // Literal segments beat parameters (`/files/upload` is not `/files/:id`): most literals first.
  const literals = (route: BodyRoute): number => route.pattern.split('/').filter((s) => s && !s.startsWith(':')).length;
  return [...bodyRoutes]
    .sort((a, b) => literals(b) - literals(a))
    .find((route) => {
      const segments = route.pattern.split('/').filter(Boolean);
      return route.method === method.toUpperCase() && segments.length === parts.length && segments.every((s, i) => s.startsWith(':') || s === parts[i]);
    });
}

/** The value at `path` inside `body`, or undefined when any step is missing. */
function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueOf(issue: z.core.$ZodIssue, body: unknown): ValidationIssue {
  const loc = ['body', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  // An absent key is FastAPI's "field required", whatever the key's own rule would have said.
  if (issue.code !== 'custom' && valueAt(body, issue.path) === undefined) return { loc, msg: 'field required', type: 'missing' };
  return { loc, msg: issue.message, type: issue.code };
}

/** The 400 a body failing its schema gets. */
export function bodyError(error: z.ZodError, body: unknown): HttpError {
  return validationError(error.issues.slice(0, 20).map((issue) => issueOf(issue, body)));
}

/** Validates a parsed body or throws the 400 the real backend would send. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body);
  if (!result.success) throw bodyError(result.error, body);
  return result.data;
}
