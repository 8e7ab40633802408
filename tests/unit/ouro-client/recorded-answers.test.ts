// Every answer recorded from the real Ouro (tests/fixtures/ouro, see its README) goes through the
// client's own models and calls, and nothing may be lost on the way: each key of the recording,
// at every depth, must come out with the same value. Error envelopes go through the client's
// error mapping instead and must produce the right kind, status and a friendly message. A new
// fixture without a check here fails the suite.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { ErrorKind } from '../../../shared/error-kinds';
import { describeError } from '../../../shared/error-kinds';
import { DatasetRowSchema, FileDataSchema, ProfileSummarySchema, assetShape } from '../../../electron/ouro/models';
import { readEnvelope } from '../../../electron/ouro/envelope';
import { DatasetCreateAnswerSchema } from '../../../electron/ouro/upload-models';
import { readBatchAnswer } from '../../../electron/uploads/ingest';
import { GetTokenBody, bodyRouteFor } from '../../stand-in/schemas';
import { failure, json, setup } from './helpers';
import { isObject, lostPaths } from '../../helpers/lost-paths';
import type { OuroClient } from '../../../electron/ouro/client';

const ROOT = path.resolve(import.meta.dirname, '../../fixtures/ouro');

interface Fixture {
  kind: string;
  recorded_as: string;
  request: { method: string; path: string; body?: unknown; query?: Record<string, unknown> } | null;
  response: unknown;
  notes: string;
}

function fixtureNames(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(ROOT, d.name)).filter((f) => f.endsWith('.json')).map((f) => `${d.name}/${f.slice(0, -5)}`))
    .sort();
}

function load(name: string): Fixture {
  return JSON.parse(readFileSync(path.join(ROOT, `${name}.json`), 'utf8')) as Fixture;
}

describe('lostPaths (the checker itself)', () => {
  it('finds a dropped key at any depth, a changed value, a shortened list, and allows extra keys', () => {
    expect(lostPaths({ a: { b: [{ c: 1, d: null }] } }, { a: { b: [{ c: 1 }] } })).toEqual(['$.a.b[0].d']);
    expect(lostPaths({ a: 1 }, { a: 2 })).toEqual(['$.a (1 → 2)']);
    expect(lostPaths({ a: [1, 2] }, { a: [1] })).toEqual(['$.a[1] (2 → undefined)', '$.a (length 2 → 1)']);
    expect(lostPaths({ a: 1 }, { a: 1, b: 2 })).toEqual([]);
  });
});

/**
 * The recording as a full `{data, error}` body. Raw bodies carry `error` (null on success); model
 * reprs are `data` alone (a File repr's own `data` key is its FileData, not an envelope).
 */
function envelopeOf(fixture: Fixture): Record<string, unknown> {
  const response = fixture.response;
  if (isObject(response) && 'error' in response) return response;
  return { data: response, error: null };
}

function dataOf(fixture: Fixture): unknown {
  return envelopeOf(fixture)['data'];
}

/** Serves `body` for one route and runs `call` through the real client. */
async function through<T>(route: string, body: unknown, call: (client: OuroClient) => Promise<T>, status = 200): Promise<T> {
  const { client, server } = setup();
  server.on(route, () => (body === null ? new Response(null, { status }) : json(body, status)));
  return call(client);
}

function expectKept(input: unknown, output: unknown): void {
  expect(lostPaths(input, output)).toEqual([]);
}

const file = (name: string) => async (fx: Fixture) => {
  const data = name === 'route' ? (fx.response as { file: unknown }).file : dataOf(fx);
  const body = name === 'route' ? { data, error: null } : envelopeOf(fx);
  expectKept(data, await through('GET /files/f1', body, (c) => c.files.get('f1')));
};

/** An update's answer, through the update call itself (`PUT /files/{id}`). */
const fileUpdate = async (fx: Fixture) => {
  expectKept(dataOf(fx), await through('PUT /files/f1', envelopeOf(fx), (c) => c.files.update('f1', { name: 'Fe2BiNi (Pmmm) updated' })));
};

const dataset = async (fx: Fixture) => expectKept(dataOf(fx), await through('GET /datasets/d1', envelopeOf(fx), (c) => c.datasets.get('d1')));

const columns = async (fx: Fixture) => {
  const out = await through('GET /datasets/d1/schema', envelopeOf(fx), (c) => c.datasets.schema('d1'));
  expectKept(dataOf(fx), out);
};

/** A whole body the client keeps as it is (envelope reader), e.g. answers with no model of their own. */
const wholeBody = async (fx: Fixture) => expectKept(fx.response, readEnvelope(JSON.stringify(fx.response), { status: 200 }));

const rows = async (fx: Fixture) => expectKept(dataOf(fx), z.array(DatasetRowSchema).parse(dataOf(fx)));

/** Nothing JSON was recorded: the check is that this stays so (a new body here needs a check). */
const noBody = (why: string) => async (fx: Fixture) => {
  expect(why).not.toBe('');
  expect(fx.response === null || typeof fx.response === 'string').toBe(true);
};

interface ErrorExpectation {
  status: number;
  kind: ErrorKind;
  errorStatus: number;
  message?: RegExp;
}

/** The HTTP status each recording was answered with (from its `recorded_as`/`sequence`). */
const errorCases: Record<string, ErrorExpectation> = {
  'errors/dataset-data-postgrest-error-in-200': { status: 200, kind: 'request-failed', errorStatus: 200, message: /JSON object requested.*PGRST116/ },
  'errors/name-to-id-not-found-in-200': { status: 200, kind: 'request-failed', errorStatus: 200, message: /^Asset not found$/ },
  'errors/file-by-owner-slug-404': { status: 404, kind: 'not-found', errorStatus: 404 },
  'errors/sdk-404-string-error': { status: 404, kind: 'not-found', errorStatus: 404, message: /^Asset not found$/ },
  'errors/sdk-404-structured-in-200': { status: 200, kind: 'not-found', errorStatus: 404, message: /Asset abc not found \(asset_not_found\)/ },
  'errors/sdk-403-structured-in-200': { status: 200, kind: 'forbidden', errorStatus: 403, message: /permission.*update_forbidden/ },
  'errors/sdk-403-statusCode-string': { status: 200, kind: 'forbidden', errorStatus: 403, message: /^Forbidden$/ },
  'errors/sdk-unstructured-error-in-200': { status: 200, kind: 'request-failed', errorStatus: 200, message: /^Something exploded$/ },
  'errors/sdk-400-dataset-query-column-missing': { status: 400, kind: 'bad-request', errorStatus: 400, message: /mae_ev.*42703/ },
  'errors/sdk-503-service-unavailable': { status: 503, kind: 'server', errorStatus: 503, message: /Service unavailable/ },
  'errors/sdk-route-action-external-service-error': { status: 200, kind: 'server', errorStatus: 503, message: /Service unavailable \(external_service_error\)/ },
  'errors/sdk-413-payload-too-large': { status: 413, kind: 'too-large', errorStatus: 413, message: /^413$/ },
};

const errorCheck = (expected: ErrorExpectation) => async (fx: Fixture) => {
  const error = await failure(through('GET /files/f1', fx.response, (c) => c.files.get('f1'), expected.status));
  expect({ kind: error.kind, status: error.status }).toEqual({ kind: expected.kind, status: expected.errorStatus });
  if (expected.message) expect(error.message).toMatch(expected.message);
  const friendly = describeError(error.toData());
  expect(friendly.title.length).toBeGreaterThan(0);
  expect(friendly.message.length).toBeGreaterThan(0);
};

const checks: Record<string, (fx: Fixture) => Promise<void>> = {
  'auth/access-token-jwt': noBody('the JWT value is redacted; its claims are described in notes only'),
  'auth/login-sequence': noBody('log lines only'),
  'auth/get-token-request-doc': async (fx) => {
    // A request recording: the body the SDK sends is one the stand-in accepts.
    expect(GetTokenBody.safeParse(fx.request?.body).success).toBe(true);
    await noBody('the answer was not recorded')(fx);
  },
  'auth/route-call-with-apikey-header': wholeBody,
  'conversations/retrieve-2024': async (fx) => expectKept(dataOf(fx), await through('GET /conversations/c1', envelopeOf(fx), (c) => c.conversations.get('c1'))),
  'conversations/sdk-webhook-new-conversation': noBody('a webhook payload the app does not receive'),
  'conversations/sdk-webhook-new-message': noBody('a webhook payload the app does not receive'),
  'datasets/create-from-schema-2026-03': dataset,
  'datasets/legacy-create-from-schema-2024': dataset,
  'datasets/legacy-rows-direct-postgrest-2024': rows,
  'datasets/query-data-paged-request': noBody('a pandas text rendering, not JSON'),
  'datasets/retrieve-2025-02': dataset,
  'datasets/schema-2025-02': columns,
  'datasets/schema-company-is-partial': columns,
  'datasets/sdk-schema-with-semantics': columns,
  'datasets/sdk-column-add': wholeBody,
  'datasets/sdk-column-drop': wholeBody,
  'datasets/sdk-column-update': wholeBody,
  'datasets/sdk-query-custom-sql': rows,
  'datasets/sdk-stats': async (fx) => expectKept(dataOf(fx), await through('GET /datasets/d1/stats', envelopeOf(fx), (c) => c.datasets.stats('d1'))),
  'datasets/sdk-data-page-resolved-refs': async (fx) => {
    const page = await through('GET /datasets/d1/data', envelopeOf(fx), (c) => c.datasets.rows('d1', { resolveRefs: true }));
    const body = envelopeOf(fx);
    expectKept({ data: body['data'], resolved_refs: body['resolved_refs'] }, { data: page.rows, resolved_refs: page.resolvedRefs });
  },
  'datasets/sdk-create-response-with-row-ingest': async (fx) => expectKept(fx.response, DatasetCreateAnswerSchema.parse(fx.response)),
  'datasets/sdk-create-partial-ingest-warning': async (fx) => expectKept(fx.response, DatasetCreateAnswerSchema.parse(fx.response)),
  'datasets/sdk-data-append': async (fx) => {
    // The request the SDK sent is one the stand-in accepts; the answer reads as 1 added of 1.
    const route = bodyRouteFor('POST', '/datasets/019df875-7957-7888-888f-f8140ff62564/data');
    expect(route?.schema.safeParse(fx.request?.body).success).toBe(true);
    expect(readBatchAnswer(fx.response as Record<string, unknown>, 1)).toEqual({ inserted: 1, skipped: 0, ignoredColumns: [] });
  },
  'files/create-2026-03': file('data'),
  'files/create-production-2025-07': file('data'),
  'files/create-raw-2025-06': file('data'),
  'files/update-raw-2025-07': fileUpdate,
  'files/update-with-new-file-2026-03': fileUpdate,
  'files/retrieve-private-signed-url-dev': file('data'),
  'files/sdk-csv-file-preview': file('data'),
  'files/route-created-file-asset-cif': file('route'),
  'files/route-created-file-asset-zip': file('route'),
  'files/delete': async (fx) => {
    await wholeBody(fx);
    // The older backends' `{error: null}`: deleted, without a summary.
    expect(await through('DELETE /files/f1', fx.response, (c) => c.files.delete('f1'))).toBeNull();
  },
  'files/read-data-public-url': async (fx) => {
    expectKept(fx.response, FileDataSchema.parse(fx.response));
    expect(await through('GET /files/f1/data', envelopeOf(fx), (c) => c.files.contentUrl('f1'))).toBe((fx.response as { url: string }).url);
  },
  'search/sdk-search-pages': async (fx) => {
    const pages = fx.response as Array<{ data: unknown[] }>;
    const { client, server } = setup();
    server.queue('GET /search/assets', ...pages.map((page) => () => json(page)));
    const first = await client.search.assets({ assetType: 'file', limit: 200 });
    const second = await client.search.assets({ assetType: 'file', limit: 200, offset: first.nextOffset });
    expectKept(pages.map((p) => p.data), [first.items, second.items]);
    expect(second.hasMore).toBe(false);
  },
  'search/sdk-search-blank-filters': async (fx) => {
    const page = await through('GET /search/assets', fx.response, (c) => c.search.assets({ query: 'energy gate' }));
    expect(page).toMatchObject({ items: [], hasMore: false });
  },
  'search/sdk-search-hit': async (fx) => {
    const page = await through('GET /search/assets', { data: [fx.response], error: null }, (c) => c.search.assets({ query: 'energy gate' }));
    expectKept([fx.response], page.items);
  },
  'users-orgs/embedded-user-org-team': async (fx) => {
    // An excerpt of a file row: the embeds through the same schemas the asset model uses.
    const excerpt = fx.response as Record<string, unknown>;
    const parsed = z.looseObject({ ...assetShape, id: z.string().optional(), user: ProfileSummarySchema }).parse(excerpt);
    expectKept(excerpt, parsed);
  },
  'users-orgs/sdk-asset-share': wholeBody,
  'users-orgs/sdk-team-with-members': async (fx) => {
    const teams = await through('GET /teams', { data: [fx.response], error: null }, (c) => c.teams.list());
    expectKept([fx.response], teams);
  },
  ...Object.fromEntries(Object.entries(errorCases).map(([name, expected]) => [name, errorCheck(expected)])),
};

describe('the check can fail', () => {
  it('a model that strips keys loses fields of a real recording, and is caught', () => {
    const body = load('files/create-raw-2025-06').response as { data: Record<string, unknown> };
    const stripping = z.object({ id: z.string(), metadata: z.object({ id: z.string() }) });
    expect(lostPaths(body.data, stripping.parse(body.data))).toEqual(expect.arrayContaining(['$.name', '$.metadata.path', '$.metadata.bucket']));
  });
});

describe('recorded real answers parse with the client without losing a field', () => {
  const names = fixtureNames();

  it('there are recordings, and every check names one of them', () => {
    expect(names.length).toBe(53);
    expect(Object.keys(checks).filter((name) => !names.includes(name))).toEqual([]);
  });

  it.each(names)('%s', async (name) => {
    const check = checks[name];
    expect(check, `no check for the recording ${name}`).toBeDefined();
    await check?.(load(name));
  });
});
