// Deterministic seed data (fixed PRNG seed, fixed dates): users alice/bob/carol, orgs and teams,
// files of every kind with real bytes, datasets of 10 / 1,000 / 100,000 rows, and conversations
// (one with 520 Markdown messages). `extraFiles` adds generated `sample-NNNNN.txt` files whose
// bytes are computed on demand.
import { createHash } from 'node:crypto';
import { doc } from './asset-view';
import { SENSOR_COLUMNS, sensorRow, rowCount, pageRows } from './dataset-rows';
import { contentSize, csvPreview, mimeForExtension, extensionOf } from './file-content';
import { markdownToDoc } from './markdown';
import { addNotification } from './notifications';
import type { AssetRecord, FileContent, MessageRecord, OrgRecord, Role, TeamRecord, UserRecord, Visibility } from './model';
import { encodePng } from './png';
import { Prng, hash32 } from './prng';
import { GLOBAL_ID, Store } from './store';
import type { SeedSummary } from './types';

const ANCHOR_MS = Date.parse('2026-11-20T12:00:00.000Z');
const DAY = 86_400_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace('Z', '+00:00');
}

function baseAsset(partial: Pick<AssetRecord, 'id' | 'asset_type' | 'name' | 'visibility' | 'user_id' | 'org_id' | 'team_id'> & { createdMs: number; description?: string | null }): AssetRecord {
  const text = partial.description ?? null;
  return {
    id: partial.id,
    asset_type: partial.asset_type,
    name: partial.name,
    description: text === null ? null : { json: doc(text), text },
    visibility: partial.visibility,
    user_id: partial.user_id,
    org_id: partial.org_id,
    team_id: partial.team_id,
    parent_id: null,
    created_at: iso(partial.createdMs),
    last_updated: iso(partial.createdMs + 3_600_000),
    metadata: null,
    preview: null,
    state: 'success',
    source: 'web',
    license_id: 'CC-BY-4.0',
    monetization: 'none',
    price: null,
    attribution: { originality: 'original' },
    views: 0,
    downloads: 0,
  };
}

export interface SeedResult {
  store: Store;
  summary: SeedSummary;
}

export function seedStore(extraFiles: number): SeedResult {
  const rng = new Prng(20261120);
  const store = new Store();

  const mkUser = (username: string, display_name: string, bio: string, actor_type: UserRecord['actor_type'], days: number): UserRecord => {
    const id = rng.uuid();
    const user: UserRecord = {
      id,
      email: `${username}@example.com`,
      username,
      display_name,
      bio,
      actor_type,
      avatar_path: `${id}/${rng.uuid()}`,
      created_at: iso(ANCHOR_MS - days * DAY),
    };
    store.users.set(id, user);
    return user;
  };
  const alice = mkUser('alice', 'Alice Moreau', 'Materials scientist. Crystal growth, X-ray diffraction, too much coffee.', 'verified', 400);
  const bob = mkUser('bob', 'Bob Okafor', 'Data engineer building sensor pipelines.', 'base', 380);
  const carol = mkUser('carol-agent', 'Carol (research agent)', 'An AI research assistant that summarises runs and drafts reports.', 'agent', 200);

  const mkOrg = (id: string, name: string, display_name: string, mission: string, members: [string, Role][]): OrgRecord => {
    const org: OrgRecord = {
      id,
      name,
      display_name,
      mission,
      avatar_path: id === GLOBAL_ID ? null : `${id}/avatar`,
      source_policy: 'any',
      join_policy: id === GLOBAL_ID ? 'open' : 'invite_only',
      visibility: 'public',
      members: new Map(members),
      created_at: iso(ANCHOR_MS - 500 * DAY),
    };
    store.orgs.set(id, org);
    return org;
  };
  const globalOrg = mkOrg(GLOBAL_ID, 'all', 'Ouro', 'The public commons of Ouro.', []);
  const helios = mkOrg(rng.uuid(), 'helios-lab', 'Helios Materials Lab', 'Growing better crystals, openly.', [[alice.id, 'admin'], [bob.id, 'write'], [carol.id, 'read']]);
  const northwind = mkOrg(rng.uuid(), 'northwind', 'Northwind Analytics', 'Forecasts you can audit.', [[alice.id, 'write']]);
  const workshop = mkOrg(rng.uuid(), 'okafor-workshop', 'Okafor Workshop', 'Bob tinkers here.', [[bob.id, 'admin']]);

  const mkTeam = (id: string, org: OrgRecord, name: string, source_policy: TeamRecord['source_policy'], members: [string, Role][]): TeamRecord => {
    const team: TeamRecord = {
      id,
      org_id: org.id,
      name,
      slug: name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      description: `${name} team of ${org.display_name}.`,
      default_role: 'read',
      visibility: 'public',
      source_policy,
      members: new Map(members),
      created_at: iso(ANCHOR_MS - 450 * DAY),
    };
    store.teams.set(id, team);
    return team;
  };
  const globalTeam = mkTeam(GLOBAL_ID, globalOrg, 'all', null, []);
  const crystal = mkTeam(rng.uuid(), helios, 'Crystal Growth', null, [[alice.id, 'admin'], [bob.id, 'write'], [carol.id, 'read']]);
  const publications = mkTeam(rng.uuid(), helios, 'Publications', 'web_only', [[alice.id, 'write'], [bob.id, 'read']]);
  const forecasting = mkTeam(rng.uuid(), northwind, 'Forecasting', 'api_only', [[alice.id, 'admin']]);
  const prototypes = mkTeam(rng.uuid(), workshop, 'Prototypes', null, [[bob.id, 'admin']]);

  const summary: SeedSummary = {
    users: {
      alice: { id: alice.id, username: alice.username },
      bob: { id: bob.id, username: bob.username },
      carol: { id: carol.id, username: carol.username },
    },
    globalOrgId: GLOBAL_ID,
    globalTeamId: GLOBAL_ID,
    orgs: [globalOrg, helios, northwind, workshop].map((o) => ({ id: o.id, name: o.name, members: [...o.members.keys()] })),
    teams: [globalTeam, crystal, publications, forecasting, prototypes].map((t) => ({ id: t.id, name: t.name, org_id: t.org_id, source_policy: t.source_policy })),
    files: [],
    generatedFiles: extraFiles,
    datasets: [],
    conversations: [],
    notifications: [],
  };

  // ---- Files -------------------------------------------------------------------------------
  const addFile = (
    name: string,
    owner: UserRecord,
    team: TeamRecord,
    visibility: Visibility,
    content: FileContent,
    createdMs: number,
    description: string | null,
    views: number,
  ): AssetRecord => {
    const id = rng.uuid();
    const extension = extensionOf(name);
    const type = mimeForExtension(extension);
    const size = contentSize(content);
    const bucket = visibility === 'public' ? 'public-files' : 'files';
    const storagePath = `${owner.id}/${id}.${extension}`;
    const asset = baseAsset({ id, asset_type: 'file', name, visibility, user_id: owner.id, org_id: team.org_id, team_id: team.id, createdMs, description });
    asset.metadata = { id, name: `${id}.${extension}`, path: storagePath, bucket, type, mimeType: type, extension, size };
    asset.views = views;
    if (content.kind === 'buffer' && extension === 'png') {
      asset.metadata.width = content.bytes.readUInt32BE(16);
      asset.metadata.height = content.bytes.readUInt32BE(20);
    }
    if (content.kind === 'buffer' && extension === 'csv') asset.preview = csvPreview(content.bytes);
    store.addAsset(asset);
    store.fileContents.set(id, content);
    store.objects.set(id, {
      id,
      owner: owner.id,
      fileName: name,
      bucket,
      storagePath,
      contentType: type,
      content,
      sha256: content.kind === 'buffer' ? createHash('sha256').update(content.bytes).digest('hex') : '',
      createdAt: asset.created_at,
    });
    store.objectPaths.set(`${bucket}/${storagePath}`, id);
    summary.files.push({ id, name, extension, size, visibility, owner: owner.username, owner_id: owner.id, org_id: team.org_id, team_id: team.id });
    return asset;
  };
  const buf = (text: string): FileContent => ({ kind: 'buffer', bytes: Buffer.from(text, 'utf8') });

  let furnaceCsv = 'timestamp,zone,temperature_c,setpoint_c\n';
  for (let i = 0; i < 48; i++) {
    furnaceCsv += `${new Date(ANCHOR_MS - 3 * DAY + i * 1_800_000).toISOString()},zone-${(i % 3) + 1},${(850 + rng.next() * 40).toFixed(2)},${i < 24 ? 860 : 875}\n`;
  }
  let salesCsv = 'region,quarter,revenue_usd,units\n';
  for (const region of ['North', 'South', 'East', 'West', 'Central']) {
    for (const q of ['2026-Q1', '2026-Q2', '2026-Q3']) salesCsv += `${region},${q},${rng.int(40_000, 250_000)},${rng.int(100, 900)}\n`;
  }
  let bobCsv = 'sensor,"location, building",value\n';
  for (let i = 0; i < 20; i++) bobCsv += `s-${i},"Lab ${i % 4}, B${(i % 2) + 1}",${(rng.next() * 10).toFixed(3)}\n`;

  const diffraction = encodePng(64, 48, (x, y) => [Math.floor((x / 63) * 255), Math.floor((y / 47) * 255), Math.floor(128 + 127 * Math.sin((x + y) / 6))]);
  const logo = encodePng(32, 32, (x, y) => ((x - 16) ** 2 + (y - 16) ** 2 < 144 ? [240, 180, 40] : [20, 30, 60]));
  const binBytes = Buffer.alloc(256 * 1024);
  for (let i = 0; i < binBytes.length; i += 4) binBytes.writeUInt32LE(hash32(7, i), i);

  let t = ANCHOR_MS;
  const next = (): number => (t -= rng.int(2, 30) * 3_600_000);
  addFile('furnace-temperatures.csv', alice, crystal, 'organization', buf(furnaceCsv), next(), 'Furnace zone temperatures from the November growth run.', 42);
  addFile('sales-q3.csv', alice, forecasting, 'private', buf(salesCsv), next(), 'Regional revenue per quarter.', 5);
  addFile('diffraction-pattern.png', alice, globalTeam, 'public', { kind: 'buffer', bytes: diffraction }, next(), 'Powder X-ray diffraction pattern of sample MnBi-7.', 130);
  addFile('team-logo.png', alice, crystal, 'organization', { kind: 'buffer', bytes: logo }, next(), null, 12);
  addFile('lab-notes.txt', alice, globalTeam, 'private', buf('Lab notes\n=========\n\n- Seed crystal placed at 09:40.\n- Pull rate 2 mm/h.\n- Observed faceting at 14:10; lowered zone 2 by 5 C.\n'), next(), 'Daily lab notebook.', 3);
  addFile('README.md', alice, globalTeam, 'public', buf('# Crystal growth toolkit\n\nScripts and notes for **Bridgman** growth runs.\n\n## Usage\n\n```bash\npython fit_spectrum.py data.csv\n```\n'), next(), 'Overview of the crystal growth toolkit.', 88);
  addFile('experiment-config.json', alice, crystal, 'private', buf(`${JSON.stringify({ run: 'MnBi-7', zones: [860, 875, 840], pull_rate_mm_h: 2, atmosphere: 'argon' }, null, 2)}\n`), next(), 'Run configuration for MnBi-7.', 9);
  addFile('fit_spectrum.py', alice, globalTeam, 'public', buf('"""Fit a Lorentzian to a measured spectrum."""\nimport numpy as np\n\n\ndef lorentzian(x, x0, gamma, a):\n    return a * gamma**2 / ((x - x0) ** 2 + gamma**2)\n'), next(), 'Spectrum fitting helper.', 57);
  addFile('detector-dump.bin', alice, globalTeam, 'private', { kind: 'buffer', bytes: binBytes }, next(), 'Raw detector frame buffer.', 1);
  addFile('Résumé – growth notes.md', alice, globalTeam, 'private', buf('# Résumé\n\nNotes with ünïcödé — and an en dash.\n'), next(), 'Notes with a non-ASCII file name.', 2);
  addFile('bob-public-measurements.csv', bob, globalTeam, 'public', buf(bobCsv), next(), 'Public sensor measurements shared by Bob.', 64);
  addFile('bob-private-diary.txt', bob, globalTeam, 'private', buf('Dear diary, nobody else should read this.\n'), next(), 'Private to Bob.', 0);
  addFile('workshop-plan.md', bob, prototypes, 'organization', buf('# Workshop plan\n\n- Build a new enclosure.\n'), next(), 'Visible only inside Okafor Workshop.', 4);
  addFile('shared-analysis.py', bob, crystal, 'organization', buf('print("shared with Helios")\n'), next(), 'Analysis script shared with the Helios lab.', 21);
  addFile('agent-summary.md', carol, globalTeam, 'public', buf('## Run summary\n\nThe MnBi-7 run completed with **no faults**.\n'), next(), 'Automated summary of the latest run.', 33);

  // Generated sample files: bytes are computed on demand from the index.
  const sampleTeams = [globalTeam, crystal, forecasting, publications];
  const sampleVis: Visibility[] = ['private', 'public', 'organization'];
  const sampleStart = ANCHOR_MS - 40 * DAY;
  for (let i = 1; i <= extraFiles; i++) {
    const owner = i % 10 === 0 ? bob : alice;
    const team = owner === bob ? globalTeam : (sampleTeams[i % sampleTeams.length] ?? globalTeam);
    const visibility: Visibility = owner === bob ? 'public' : (sampleVis[i % 3] ?? 'private');
    const name = `sample-${String(i).padStart(5, '0')}.txt`;
    const size = 120 + (hash32(11, i) % 2000);
    const content: FileContent = { kind: 'generated', size, generate: () => sampleText(i, size) };
    const id = uuidForSample(i);
    const createdMs = sampleStart - i * 7 * 60_000;
    const asset = baseAsset({ id, asset_type: 'file', name, visibility, user_id: owner.id, org_id: team.org_id, team_id: team.id, createdMs, description: `Generated sample file number ${i}.` });
    const storagePath = `${owner.id}/${id}.txt`;
    const bucket = visibility === 'public' ? 'public-files' : 'files';
    asset.metadata = { id, name: `${id}.txt`, path: storagePath, bucket, type: 'text/plain', mimeType: 'text/plain', extension: 'txt', size };
    asset.views = hash32(13, i) % 50;
    store.addAsset(asset);
    store.fileContents.set(id, content);
    store.objects.set(id, { id, owner: owner.id, fileName: name, bucket, storagePath, contentType: 'text/plain', content, sha256: '', createdAt: asset.created_at });
    store.objectPaths.set(`${bucket}/${storagePath}`, id);
  }

  // ---- Datasets ----------------------------------------------------------------------------
  const addDataset = (name: string, owner: UserRecord, team: TeamRecord, visibility: Visibility, rows: number, seed: number, createdMs: number, description: string): void => {
    const id = rng.uuid();
    const startMs = createdMs - rows * 60_000;
    const backing = { columns: SENSOR_COLUMNS, generated: { count: rows, rowAt: (i: number) => sensorRow(seed, startMs, i) }, rows: [] };
    store.datasets.set(id, backing);
    const asset = baseAsset({ id, asset_type: 'dataset', name, visibility, user_id: owner.id, org_id: team.org_id, team_id: team.id, createdMs, description });
    asset.metadata = {
      table_name: `ds_${id.replace(/-/g, '')}`,
      schema: 'datasets',
      columns: SENSOR_COLUMNS.map((c) => c.name),
      enum_columns: { status: { values: ['ok', 'warning', 'fault'] } },
    };
    asset.preview = pageRows(backing, 0, 12);
    asset.views = rng.int(0, 200);
    store.addAsset(asset);
    summary.datasets.push({ id, name, rows: rowCount(backing), owner: owner.username, visibility, org_id: team.org_id, team_id: team.id });
  };
  addDataset('station-readings-small', alice, globalTeam, 'public', 10, 1, next(), 'Ten readings from the weather stations.');
  addDataset('furnace-runs-1k', alice, crystal, 'organization', 1000, 2, next(), 'One thousand furnace sensor readings.');
  addDataset('telemetry-100k', alice, globalTeam, 'private', 100_000, 3, next(), 'A large telemetry table with 100,000 rows.');
  addDataset('bob-private-dataset', bob, globalTeam, 'private', 10, 4, next(), 'Only Bob can read this.');

  // ---- Conversations -----------------------------------------------------------------------
  const addConversation = (name: string | null, members: UserRecord[], messages: number, startMs: number, owner: UserRecord = alice): void => {
    const id = rng.uuid();
    const list: MessageRecord[] = [];
    let at = startMs;
    let turn = rng.uuid();
    let seq = 0;
    for (let m = 0; m < messages; m++) {
      if (m % 3 === 0) {
        turn = rng.uuid();
        seq = 0;
      }
      at += 60_000 + rng.int(0, 600) * 1000;
      const author = members[(m + rng.int(0, 1)) % members.length] ?? owner;
      const text = messageText(rng, m, author.username);
      list.push({
        id: rng.uuid(),
        conversation_id: id,
        turn_id: turn,
        seq: seq++,
        user_id: author.id,
        type: author.actor_type === 'agent' && m % 7 === 3 ? 'reasoning' : 'message',
        text,
        json: markdownToDoc(text),
        viewers: members.map((u) => u.id),
        metadata: null,
        created_at: iso(at),
        last_updated: iso(at),
      });
    }
    const asset = baseAsset({ id, asset_type: 'conversation', name, visibility: 'private', user_id: owner.id, org_id: GLOBAL_ID, team_id: GLOBAL_ID, createdMs: startMs, description: null });
    asset.last_updated = list.at(-1)?.created_at ?? asset.created_at;
    asset.summary = name ? `Discussion: ${name}` : null;
    asset.metadata = { members: members.map((u) => u.id) };
    store.conversations.set(id, { members: members.map((u) => u.id), messages: list });
    store.addAsset(asset);
    summary.conversations.push({ id, name, messageCount: messages, members: members.map((u) => u.username) });
  };
  addConversation('MnBi-7 growth run planning', [alice, bob, carol], 520, ANCHOR_MS - 60 * DAY);
  addConversation(null, [alice, carol], 14, ANCHOR_MS - 10 * DAY);
  addConversation('Q3 forecast review', [alice, bob], 40, ANCHOR_MS - 20 * DAY);
  addConversation('Bob and Carol sync', [bob, carol], 6, ANCHOR_MS - 5 * DAY, bob);
  for (let w = 0; w < 22; w++) {
    const start = ANCHOR_MS - (100 + w * 7) * DAY;
    addConversation(`Weekly standup ${new Date(start).toISOString().slice(0, 10)}`, [alice, bob], 3, start);
  }

  // ---- Notifications (after everything else, so no earlier id changes) -----------------------
  const fileId = (name: string) => summary.files.find((f) => f.name === name)?.id ?? '';
  const [planning, unnamed] = summary.conversations;
  const notify = (spec: Parameters<typeof addNotification>[1], read = false) => {
    const record = addNotification(store, spec, rng.uuid());
    if (read) {
      record.read = true;
      record.read_at = record.created_at;
    }
    summary.notifications.push({ id: record.id, type: record.type, to: spec.to ?? 'alice', read: record.read, assetId: record.asset_id });
  };
  notify({ type: 'mention', from: 'bob', assetId: planning?.id ?? '', text: '@alice can you check zone 2?', at: iso(ANCHOR_MS - 2 * DAY) });
  notify({ type: 'comment', from: 'bob', assetId: fileId('diffraction-pattern.png'), text: 'The (110) peak looks split.', at: iso(ANCHOR_MS - 3 * DAY) });
  notify({ type: 'new-message', from: 'carol-agent', assetId: unnamed?.id ?? '', text: 'Run summary is ready.', at: iso(ANCHOR_MS - 4 * DAY) });
  notify({ type: 'share', from: 'bob', assetId: fileId('bob-public-measurements.csv'), at: iso(ANCHOR_MS - 6 * DAY) }, true);
  notify({ type: 'reference', from: 'carol-agent', assetId: summary.datasets[0]?.id ?? '', at: iso(ANCHOR_MS - 8 * DAY) }, true);
  notify({ type: 'mention', to: 'bob', from: 'alice', assetId: planning?.id ?? '', text: '@bob the argon flow?', at: iso(ANCHOR_MS - 2 * DAY) });

  return { store, summary };
}

/** Sample file ids are derived from the index so they are stable whatever the PRNG did before. */
function uuidForSample(i: number): string {
  const words = [hash32(101, i), hash32(102, i), hash32(103, i), hash32(104, i)].map((w) => w.toString(16).padStart(8, '0')).join('');
  const v = `${words.slice(0, 12)}4${words.slice(13, 16)}a${words.slice(17, 32)}`;
  return `${v.slice(0, 8)}-${v.slice(8, 12)}-${v.slice(12, 16)}-${v.slice(16, 20)}-${v.slice(20, 32)}`;
}

/** Exactly `size` bytes of readable text for sample file `i`. */
function sampleText(i: number, size: number): Buffer {
  const header = `Sample file ${i}\nGenerated by the Ouro stand-in.\n`;
  let text = header;
  let line = 0;
  while (text.length < size) text += `line ${++line}: value=${hash32(17, i, line) % 100000}\n`;
  return Buffer.from(text.slice(0, size), 'utf8');
}

const OPENERS = ['Quick update', 'Heads up', 'Follow-up', 'Question', 'Summary', 'Proposal', 'Status', 'Note'];
const TOPICS = ['zone 2 temperature', 'pull rate', 'seed orientation', 'argon flow', 'XRD results', 'the furnace log', 'sample MnBi-7', 'the forecast model'];

function messageText(rng: Prng, m: number, author: string): string {
  const topic = rng.pick(TOPICS);
  switch (m % 6) {
    case 0:
      return `**${rng.pick(OPENERS)}** on ${topic}: looks stable since run ${m}.`;
    case 1:
      return `### Observations (${author})\n\n- ${topic} drifted by ${rng.int(1, 9)}%\n- retry scheduled for tomorrow\n- see [the log](https://ouro.foundation/files/helios-lab/furnace-log)`;
    case 2:
      return `Can we double-check ${topic}? I think \`setpoint_c\` was ${rng.int(840, 880)} during message ${m}.`;
    case 3:
      return `Here is the snippet I used:\n\n\`\`\`python\nrate = ${rng.int(1, 5)} * 0.5  # mm/h\nprint(f"pull rate {rate}")\n\`\`\``;
    case 4:
      return `> ${rng.pick(OPENERS)}: ${topic} is within tolerance.\n\nAgreed, let's _keep going_.`;
    default:
      return `1. Measure ${topic}\n2. Compare with run ${m - 1}\n3. Post the plot here`;
  }
}
