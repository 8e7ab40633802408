import { createHash } from 'node:crypto';
import { request } from 'node:http';
import { readFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { StandIn } from '../../stand-in/index';
import { useStandIn, type Api, type AssetRowLike, type Envelope } from './helpers';

let s: StandIn;
let alice: Api;
let bob: Api;
useStandIn((world) => ({ s, alice, bob } = world));

interface UploadResult {
  id: string;
  bucket: string;
  path: string;
}

/** The metadata a finished file's record must carry (ouro-api.md §4.3): the stored object's own. */
function storedMetadata(up: UploadResult, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { id: up.id, name: up.path.split('/').pop(), bucket: up.bucket, path: up.path, type: 'text/plain', extension: 'txt', size: 2, ...extra };
}

async function upload(api: Api, fileName: string, bytes: Buffer, visibility = 'private'): Promise<UploadResult> {
  const res = await api.post('/files/upload', { file_name: fileName, file_base64: bytes.toString('base64'), visibility, content_type: null });
  expect(res.status).toBe(200);
  return ((await res.json()) as Envelope<UploadResult>).data;
}

/** Streams a JSON upload body through node:http without ever holding it whole. */
function streamUpload(url: string, token: string, rawChunks: Iterable<Buffer>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/files/upload`, { method: 'POST', headers: { Authorization: token, 'Content-Type': 'application/json' } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    const iterator = rawChunks[Symbol.iterator]();
    req.write('{"file_name": "big-stream.bin", "visibility": "private", "content_type": "application/octet-stream", "file_base64": "');
    const pump = (): void => {
      for (;;) {
        const next = iterator.next();
        if (next.done) {
          req.end('"}');
          return;
        }
        if (!req.write(next.value.toString('base64'))) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

describe('three-step upload', () => {
  it('uploads, extracts metadata, creates the file and round-trips bytes', async () => {
    const csv = Buffer.from('name,score\nA,0.82\nB,0.91\n"C, quoted",1\n');
    const up = await upload(alice, 'scores.csv', csv, 'public');
    // Like Ouro's, the storage name is its own uuid: neither the object id nor the file name.
    expect(up.bucket).toBe('public-files');
    expect(up.path).toMatch(new RegExp(`^${s.seed.users.alice.id}/[0-9a-f-]{36}\\.csv$`));
    expect(up.path).not.toContain(up.id);
    const stored = s.uploads().find((u) => u.id === up.id);
    expect(stored).toMatchObject({ fileName: 'scores.csv', size: csv.length, sha256: createHash('sha256').update(csv).digest('hex') });
    expect(await readFile(stored?.path ?? '')).toEqual(csv);
    const uploadLog = s.log.find((e) => e.path === '/files/upload');
    expect(uploadLog?.upload).toEqual({ size: csv.length, sha256: stored?.sha256 });

    const meta = await alice.json<Envelope<{ metadata: Record<string, unknown>; preview: unknown }>>(`/files/${up.id}/metadata`);
    // Partial, like the real extraction: never name, path, bucket (nor a mimeType duplicate).
    expect(meta.body.data.metadata).toEqual({ type: 'text/csv', extension: 'csv', size: csv.length });
    expect(meta.body.data.preview).toEqual([{ name: 'A', score: '0.82' }, { name: 'B', score: '0.91' }, { name: 'C, quoted', score: '1' }]);

    const sent = storedMetadata(up, { ...meta.body.data.metadata, mimeType: 'text/csv' });
    const created = await alice.json<Envelope<AssetRowLike>>('/files/create', {
      method: 'POST',
      body: JSON.stringify({ file: { id: up.id, name: 'Scores', visibility: 'public', metadata: sent, preview: meta.body.data.preview, source: 'api', asset_type: 'file', attribution: { originality: 'original' } } }),
    });
    expect(created.status).toBe(200);
    expect(created.body.data).toMatchObject({ id: up.id, name: 'Scores', asset_type: 'file', org_id: s.seed.globalOrgId, team_id: s.seed.globalTeamId });
    // Stored exactly as sent: nothing added, nothing corrected.
    expect(created.body.data.metadata).toEqual(sent);

    const again = await alice.json('/files/create', { method: 'POST', body: JSON.stringify({ file: { id: up.id, name: 'dup', metadata: sent } }) });
    expect(again.status).toBe(409);

    const fetched = await alice.json<Envelope<AssetRowLike>>(`/files/${up.id}`);
    expect(fetched.body.data.name).toBe('Scores');
    const dataUrl = await alice.json<Envelope<{ url: string }>>(`/files/${up.id}/data`);
    expect(dataUrl.body.data.url.startsWith(`${s.url}/__storage/public-files/`)).toBe(true);
    const plain = await fetch(dataUrl.body.data.url); // no auth header needed
    expect(Buffer.from(await plain.arrayBuffer())).toEqual(csv);

    const download = await fetch(`${s.url}/assets/${up.id}/download`, { method: 'POST', headers: { Authorization: alice.token } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv');
    expect(download.headers.get('content-disposition')).toBe(`attachment; filename="Scores.csv"; filename*=UTF-8''Scores.csv`);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(csv);

    const search = await alice.json<Envelope<AssetRowLike[]>>(`/search/assets?query=${up.id}`);
    expect(search.body.data.map((r) => r.id)).toEqual([up.id]);
    expect((await alice.json<Envelope<{ asset_type: string }>>(`/assets/${up.id}/type`)).body.data).toEqual({ asset_type: 'file' });
    expect((await alice.post(`/assets/${up.id}/view`, { source: 'api', type: 'full', pathname: `/assets/${up.id}` })).status).toBe(200);
    expect((await alice.json<Envelope<{ views: number }>>(`/assets/${up.id}/counts`)).body.data.views).toBe(1);
    // The SDK's body or nothing: a view without its pathname, or naming another asset, is refused.
    expect((await alice.post(`/assets/${up.id}/view`, { source: 'api', type: 'full' })).status).toBe(400);
    expect((await alice.post(`/assets/${up.id}/view`, { source: 'api', type: 'full', pathname: '/assets/other' })).status).toBe(400);

    // Bob may read the public file but not delete it.
    expect((await bob.get(`/files/${up.id}`)).status).toBe(200);
    const bobDelete = await bob.json(`/files/${up.id}`, { method: 'DELETE' });
    expect(bobDelete.status).toBe(403);
    const dry = await alice.json<Envelope<{ dry_run: boolean }>>(`/files/${up.id}?dry_run=true`, { method: 'DELETE' });
    expect(dry.body.data).toMatchObject({ id: up.id, dry_run: true, deleted_children: [] });
    const del = await alice.json<Envelope<{ id: string }>>(`/files/${up.id}`, { method: 'DELETE' });
    expect(del.status).toBe(200);
    const gone = await alice.json(`/files/${up.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ data: null, error: { name: 'HttpError', message: `Asset ${up.id} not found`, status: 404, code: 'asset_not_found' } });
  });

  it('reports PNG dimensions computed from the stored bytes', async () => {
    const png = s.seed.files.find((f) => f.name === 'diffraction-pattern.png');
    const dl = await fetch(`${s.url}/assets/${png?.id ?? ''}/download`, { method: 'POST', headers: { Authorization: alice.token } });
    const bytes = Buffer.from(await dl.arrayBuffer());
    expect(bytes.length).toBe(png?.size);
    const up = await upload(alice, 'copy.png', bytes);
    const meta = await alice.json<Envelope<{ metadata: Record<string, unknown> }>>(`/files/${up.id}/metadata`);
    expect(meta.body.data.metadata).toMatchObject({ type: 'image/png', extension: 'png', width: 64, height: 48, size: bytes.length });
    // Someone else's unclaimed upload is invisible.
    expect((await bob.get(`/files/${up.id}/metadata`)).status).toBe(404);
  });

  it('rejects missing fields and invalid base64 with 400', async () => {
    const missing = await alice.json<{ detail: { loc: string[] }[] }>('/files/upload', { method: 'POST', body: JSON.stringify({ file_name: 'a.txt', visibility: 'private' }) });
    expect(missing.status).toBe(400);
    expect(missing.body.detail[0]?.loc).toEqual(['body', 'file_base64']);
    const noName = await alice.json('/files/upload', { method: 'POST', body: JSON.stringify({ file_base64: 'aGk=' }) });
    expect(noName.status).toBe(400);
    const bad = await alice.json('/files/upload', { method: 'POST', body: JSON.stringify({ file_name: 'a.txt', file_base64: 'not*base64!' }) });
    expect(bad.status).toBe(400);
    const badPadding = await alice.json('/files/upload', { method: 'POST', body: JSON.stringify({ file_name: 'a.txt', file_base64: 'aGk' }) });
    expect(badPadding.status).toBe(400);
    const notJson = await alice.json('/files/upload', { method: 'POST', body: '{"file_name": "a.txt", "file_base64": "aGk=" ' });
    expect(notJson.status).toBe(400);
    // Field order does not matter, and escaped slashes are fine.
    const reordered = await alice.json<Envelope<UploadResult>>('/files/upload', { method: 'POST', body: '{"file_base64": "Pz8\\/", "content_type": null, "file_name": "odd.bin"}' });
    expect(reordered.status).toBe(200);
    expect(s.uploads().find((u) => u.id === reordered.body.data.id)?.size).toBe(3);
  });

  it('blocks creation in web_only teams with a clear 403', async () => {
    const team = s.seed.teams.find((t) => t.source_policy === 'web_only');
    const up = await upload(alice, 'paper.md', Buffer.from('# Draft'));
    const res = await alice.json<{ error: { message: string; status: number } }>('/files/create', {
      method: 'POST',
      body: JSON.stringify({ file: { id: up.id, name: 'Paper', visibility: 'organization', org_id: team?.org_id, team_id: team?.id, source: 'api', asset_type: 'file', metadata: storedMetadata(up) } }),
    });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/web_only/);
    const crystal = s.seed.teams.find((t) => t.name === 'Crystal Growth');
    const ok = await alice.json<Envelope<AssetRowLike>>('/files/create', {
      method: 'POST',
      body: JSON.stringify({ file: { id: up.id, name: 'Paper', visibility: 'organization', team_id: crystal?.id, source: 'api', asset_type: 'file', metadata: storedMetadata(up) } }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.data).toMatchObject({ team_id: crystal?.id, org_id: crystal?.org_id, visibility: 'organization' });
  });

  it('creates ouro-py stubs, which send no metadata at all', async () => {
    const res = await alice.json<Envelope<AssetRowLike & { state: string }>>('/files/create', { method: 'POST', body: JSON.stringify({ file: { name: 'py-stub', visibility: 'private', state: 'in-progress' } }) });
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('in-progress');
  });

  it('creates in-progress stubs without bytes', async () => {
    const res = await alice.json<Envelope<AssetRowLike & { state: string }>>('/files/create', { method: 'POST', body: JSON.stringify({ file: { name: 'stub', visibility: 'private', state: 'in-progress', metadata: { type: 'text/plain' } } }) });
    expect(res.status).toBe(200);
    expect(res.body.data.state).toBe('in-progress');
    expect((await alice.get(`/files/${res.body.data.id}/data`)).status).toBe(404);
  });
});

describe('a strict create', () => {
  it('refuses a finished file without its storage fields with 400, naming each one', async () => {
    const up = await upload(alice, 'strict.txt', Buffer.from('hi'));
    const full = storedMetadata(up);
    for (const field of ['name', 'path', 'bucket', 'id', 'type', 'extension', 'size']) {
      const { [field]: _dropped, ...metadata } = full;
      const res = await alice.json<{ detail: { loc: string[]; msg: string; type: string }[] }>('/files/create', {
        method: 'POST',
        body: JSON.stringify({ file: { id: up.id, name: 'strict', visibility: 'private', source: 'api', asset_type: 'file', metadata } }),
      });
      expect(res.status, field).toBe(400);
      expect(res.body.detail).toEqual([{ loc: ['body', 'file', 'metadata', field], msg: 'field required', type: 'missing' }]);
    }
    const noMetadata = await alice.json<{ detail: { loc: string[] }[] }>('/files/create', { method: 'POST', body: JSON.stringify({ file: { id: up.id, name: 'strict' } }) });
    expect(noMetadata.status).toBe(400);
    expect(noMetadata.body.detail[0]?.loc).toEqual(['body', 'file', 'metadata']);
    const wrongBucket = await alice.json<{ detail: { loc: string[] }[] }>('/files/create', { method: 'POST', body: JSON.stringify({ file: { id: up.id, name: 'strict', metadata: { ...full, bucket: 'elsewhere' } } }) });
    expect(wrongBucket.status).toBe(400);
    expect(wrongBucket.body.detail[0]?.loc).toEqual(['body', 'file', 'metadata', 'bucket']);
    const stringDescription = await alice.json('/files/create', { method: 'POST', body: JSON.stringify({ file: { id: up.id, name: 'strict', metadata: full, description: 'plain' } }) });
    expect(stringDescription.status).toBe(400);
    // None of the refused creates made anything.
    expect((await alice.get(`/files/${up.id}`)).status).toBe(404);
  });

  it('a record naming no stored object has no bytes: its data URL and download fail', async () => {
    const up = await upload(alice, 'orphan.txt', Buffer.from('hi'));
    const res = await alice.json<Envelope<AssetRowLike>>('/files/create', {
      method: 'POST',
      body: JSON.stringify({ file: { id: up.id, name: 'orphan', visibility: 'private', metadata: storedMetadata(up, { path: `${s.seed.users.alice.id}/${up.id}.txt` }) } }),
    });
    expect(res.status).toBe(200);
    expect((await alice.get(`/files/${up.id}/data`)).status).toBe(404);
    const download = await fetch(`${s.url}/assets/${up.id}/download`, { method: 'POST', headers: { Authorization: alice.token } });
    expect(download.status).toBe(404);
  });

  it("refuses a record naming someone else's stored object", async () => {
    const theirs = await upload(bob, 'bobs.txt', Buffer.from('hi'));
    const mine = await upload(alice, 'mine.txt', Buffer.from('hi'));
    const res = await alice.json('/files/create', { method: 'POST', body: JSON.stringify({ file: { id: mine.id, name: 'stolen', metadata: storedMetadata(theirs, { id: mine.id }) } }) });
    expect(res.status).toBe(403);
  });
});

describe('updates', () => {
  it('updates metadata and replaces content in place', async () => {
    const up = await upload(alice, 'notes.txt', Buffer.from('v1'));
    await alice.json('/files/create', { method: 'POST', body: JSON.stringify({ file: { id: up.id, name: 'notes', visibility: 'private', metadata: storedMetadata(up) } }) });
    const renamed = await alice.json<Envelope<AssetRowLike>>(`/files/${up.id}`, { method: 'PUT', body: JSON.stringify({ file: { id: up.id, name: 'notes v2', visibility: 'public' } }) });
    expect(renamed.body.data).toMatchObject({ name: 'notes v2', visibility: 'public' });
    expect((await bob.json(`/files/${up.id}`, { method: 'PUT', body: JSON.stringify({ file: { name: 'mine now' } }) })).status).toBe(403);
    const v2 = Buffer.from('name,n\nx,1\n');
    const replaced = await alice.json<Envelope<AssetRowLike>>(`/files/${up.id}/content`, {
      method: 'PUT',
      body: JSON.stringify({ file_name: 'notes.csv', file_base64: v2.toString('base64'), content_type: 'text/csv', file: { id: up.id, name: 'notes.csv' } }),
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body.data.metadata).toMatchObject({ size: v2.length, path: up.path, type: 'text/csv' });
    expect(replaced.body.data.preview).toEqual([{ name: 'x', n: '1' }]);
    const dl = await fetch(`${s.url}/assets/${up.id}/download`, { method: 'POST', headers: { Authorization: alice.token } });
    expect(Buffer.from(await dl.arrayBuffer())).toEqual(v2);
  });

  it('deletes with dry_run and delete_children as true/false only; children are listed and go along', async () => {
    const up = await upload(alice, 'parent.txt', Buffer.from('p1'));
    await alice.json('/files/create', { method: 'POST', body: JSON.stringify({ file: { id: up.id, name: 'parent', metadata: storedMetadata(up) } }) });
    const child = await alice.json<Envelope<AssetRowLike>>('/files/create', { method: 'POST', body: JSON.stringify({ file: { name: 'child', state: 'in-progress', parent_id: up.id } }) });
    for (const query of ['dry_run=yes', 'delete_children=1']) {
      expect((await alice.json(`/files/${up.id}?${query}`, { method: 'DELETE' })).status).toBe(422);
    }
    expect((await bob.json(`/files/${up.id}?dry_run=true`, { method: 'DELETE' })).status).toBe(403); // visible, not his
    const preview = await alice.json<Envelope<Record<string, unknown>>>(`/files/${up.id}?dry_run=true&delete_children=true`, { method: 'DELETE' });
    expect(preview.body.data).toEqual({ id: up.id, name: 'parent', asset_type: 'file', dry_run: true, deleted_children: [{ id: child.body.data.id, name: 'child', asset_type: 'file' }] });
    expect((await alice.json(`/files/${child.body.data.id}`)).status).toBe(200);
    const gone = await alice.json<Envelope<Record<string, unknown>>>(`/files/${up.id}?dry_run=false&delete_children=true`, { method: 'DELETE' });
    expect(gone.body.data).not.toHaveProperty('dry_run');
    expect((await alice.json(`/files/${up.id}`)).status).toBe(404);
    expect((await alice.json(`/files/${child.body.data.id}`)).status).toBe(404);
  });

  it('refuses a move into a web_only team with 403 source_policy_violation, changing nothing', async () => {
    const up = await upload(alice, 'mover.txt', Buffer.from('m1'));
    await alice.json('/files/create', { method: 'POST', body: JSON.stringify({ file: { id: up.id, name: 'mover', metadata: storedMetadata(up) } }) });
    const publications = s.seed.teams.find((t) => t.name === 'Publications');
    const refused = await alice.json<{ error: { code: string; status: number } }>(`/files/${up.id}`, {
      method: 'PUT',
      body: JSON.stringify({ file: { id: up.id, name: 'moved', team_id: publications?.id, org_id: publications?.org_id } }),
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'source_policy_violation', status: 403 });
    expect((await alice.json<Envelope<AssetRowLike>>(`/files/${up.id}`)).body.data.name).toBe('mover');
  });

  it('answers CORS preflights', async () => {
    const res = await fetch(`${s.url}/files/upload`, { method: 'OPTIONS' });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toContain('Authorization');
  });
});

describe('downloads of seeded files', () => {
  it('returns exactly metadata.size bytes with RFC 5987 Content-Disposition', async () => {
    for (const name of ['detector-dump.bin', 'Résumé – growth notes.md', 'README.md']) {
      const file = s.seed.files.find((f) => f.name === name);
      const res = await fetch(`${s.url}/assets/${file?.id ?? ''}/download`, { method: 'POST', headers: { Authorization: alice.token } });
      expect(res.status).toBe(200);
      expect((await res.arrayBuffer()).byteLength).toBe(file?.size);
      const cd = res.headers.get('content-disposition') ?? '';
      expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
      expect(decodeURIComponent(cd.split("UTF-8''")[1] ?? '')).toBe(name);
    }
  });
});

describe('body limit', () => {
  it('answers 413 with a JSON error over the limit, and can fake a proxy HTML 413', async () => {
    s.faults.setBodyLimit(1_000);
    try {
      const big = await alice.json<{ error: { status: number; message: string } }>('/files/upload', {
        method: 'POST',
        body: JSON.stringify({ file_name: 'big.bin', file_base64: Buffer.alloc(5_000).toString('base64') }),
      });
      expect(big.status).toBe(413);
      expect(big.body.error).toMatchObject({ status: 413, code: 'payload_too_large' });
      expect(big.body.error.message).toContain('1000');
      // Chunked body without Content-Length: the limit is enforced while streaming.
      const chunked = await streamUpload(s.url, alice.token, [Buffer.alloc(3_000)]);
      expect(chunked.status).toBe(413);
      // The connection is still usable afterwards.
      expect((await alice.get('/user')).status).toBe(200);
    } finally {
      s.faults.setBodyLimit(null);
    }
    s.faults.add({ path: '/files/upload', status: 413, body: '<html><body><h1>413 Request Entity Too Large</h1></body></html>' });
    const html = await alice.post('/files/upload', { file_name: 'x.txt', file_base64: 'aGk=' });
    expect(html.status).toBe(413);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(await html.text()).toContain('Request Entity Too Large');
  });
});

describe('streaming upload', () => {
  it('streams a ~50 MB body to disk fast without buffering it (server in its own process)', async () => {
    // A separate process so the measured RSS is the server's alone, not the test client's.
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../stand-in/cli.ts', import.meta.url)), '--port', '0', '--quiet'], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      let out = '';
      child.stdout.setEncoding('utf8');
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: string) => {
          out += d;
          if (/API key: \w+/.test(out)) resolve();
        });
        child.once('exit', () => reject(new Error(`stand-in exited: ${out}`)));
      });
      const url = /Ouro stand-in: (\S+)/.exec(out)?.[1] ?? '';
      const key = /API key: (\w+)/.exec(out)?.[1] ?? '';
      const tokenRes = await fetch(`${url}/users/get-token`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pat: key }) });
      const token = ((await tokenRes.json()) as { access_token: string }).access_token;
      const mem = async (): Promise<{ rss: number; maxRss: number }> => ((await (await fetch(`${url}/__stand-in/process`)).json()) as Envelope<{ rss: number; maxRss: number }>).data;

      const chunkSize = 3 * 64 * 1024; // multiple of 3 so base64 pieces concatenate cleanly
      const chunks = 200; // 37.5 MiB raw → 50 MiB of base64
      const hash = createHash('sha256');
      function* raw(): Generator<Buffer> {
        for (let i = 0; i < chunks; i++) {
          const buf = Buffer.alloc(chunkSize, i % 251);
          buf.writeUInt32LE(i, 0);
          hash.update(buf);
          yield buf;
        }
      }
      const before = await mem();
      const started = performance.now();
      const res = await streamUpload(url, token, raw());
      const seconds = (performance.now() - started) / 1000;
      const after = await mem();
      expect(res.status).toBe(200);
      const { id } = (JSON.parse(res.body) as Envelope<UploadResult>).data;
      const uploads = ((await (await fetch(`${url}/__stand-in/uploads`)).json()) as Envelope<{ id: string; size: number; sha256: string }[]>).data;
      const stored = uploads.find((u) => u.id === id);
      expect(stored?.size).toBe(chunkSize * chunks);
      expect(stored?.sha256).toBe(hash.digest('hex'));
      const bodyBytes = Math.ceil((chunkSize * chunks) / 3) * 4;
      const log = ((await (await fetch(`${url}/__stand-in/log`)).json()) as Envelope<{ path: string; bodyBytes: number; upload?: { sha256: string } }[]>).data;
      expect(log.find((e) => e.upload?.sha256 === stored?.sha256)?.bodyBytes).toBeGreaterThanOrEqual(bodyBytes);
      // Peak RSS during the upload versus RSS before it: must stay far below the body size.
      const growthMb = (Math.max(after.maxRss, after.rss) - before.rss) / 1e6;
      console.log(`50 MB upload: ${(bodyBytes / 1e6 / seconds).toFixed(0)} MB/s (client and server), server RSS growth ${growthMb.toFixed(1)} MB`);
      expect(growthMb).toBeLessThan(bodyBytes / 1e6 / 2);
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0); // the CLI shuts down cleanly on SIGTERM
    }
  });
});
