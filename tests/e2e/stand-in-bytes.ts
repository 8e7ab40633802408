// Reads an asset's bytes straight from the stand-in, as the reference a download is compared to.
import type { StandIn } from '../stand-in/index';

export async function standInBytes(standIn: StandIn, assetId: string): Promise<Buffer> {
  const token = await fetch(`${standIn.url}/users/get-token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ pat: standIn.apiKey }),
  }).then((r) => r.json() as Promise<{ access_token: string }>);
  const response = await fetch(`${standIn.url}/assets/${assetId}/download`, { method: 'POST', headers: { Authorization: token.access_token } });
  if (!response.ok) throw new Error(`stand-in download failed: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}
