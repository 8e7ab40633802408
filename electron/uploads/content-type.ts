// A file's MIME type guessed from its extension (what ouro-py's mimetypes.guess_type does), and
// its extension as Ouro stores it: lowercase, no dot, falling back to the MIME type's usual
// extension (ouro-py's mimetypes.guess_extension), then `bin`.
const TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  xml: 'application/xml',
  html: 'text/html',
  pdf: 'application/pdf',
  zip: 'application/zip',
  gz: 'application/gzip',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  mp3: 'audio/mpeg',
  wav: 'audio/wav',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  cif: 'chemical/x-cif',
  pdb: 'chemical/x-pdb',
  py: 'text/x-python',
  ipynb: 'application/x-ipynb+json',
  parquet: 'application/vnd.apache.parquet',
  bin: 'application/octet-stream',
};

function rawExtension(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

export function contentTypeFor(name: string): string | null {
  return TYPES[rawExtension(name)] ?? null;
}

/** The usual extension for a MIME type (first listed wins: jpg before jpeg). */
const EXTENSIONS = new Map<string, string>();
for (const [ext, type] of Object.entries(TYPES)) if (!EXTENSIONS.has(type)) EXTENSIONS.set(type, ext);

export function extensionOf(name: string, type?: string): string {
  const ext = rawExtension(name);
  if (ext) return ext;
  // Like mimetypes.guess_extension: a type's usual extension when it has one, else `bin`.
  return (type ? EXTENSIONS.get(type.split(';')[0]?.trim().toLowerCase() ?? '') : undefined) ?? 'bin';
}
