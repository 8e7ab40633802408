// Agents for streamed upload bodies, which go over node:http(s) (for backpressure) and so get none
// of the proxy and certificate handling Electron's `net` gives every other call: a tunnel through
// the proxy the host names (HTTP CONNECT, via https-proxy-agent), trusting the certificate
// authorities the host supplies. One agent per proxy is kept, so connections are reused.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { AgentFor } from '../ouro/body-transport';

export interface AgentSource {
  /** The proxy for a URL as `http://host:port` (or https://), or null to connect directly. */
  proxyFor(url: URL): Promise<string | null> | string | null;
  /**
   * Certificate authorities to trust besides Node's bundled Mozilla list: the OS store's (Electron,
   * or NODE_EXTRA_CA_CERTS-like setups in the web host). Undefined: Node's defaults only.
   */
  extraCa?: readonly string[] | undefined;
}

/**
 * The first usable entry of a PAC-style answer (`session.resolveProxy`): `PROXY host:port` or
 * `HTTPS host:port` become a proxy URL; `DIRECT` (or nothing usable) means no proxy. SOCKS entries
 * are skipped: a CONNECT tunnel cannot go through them.
 */
export function proxyFromPac(answer: string): string | null {
  for (const entry of answer.split(';')) {
    const [type, hostPort] = entry.trim().split(/\s+/);
    if (!type) continue;
    const kind = type.toUpperCase();
    if (kind === 'DIRECT') return null;
    if ((kind === 'PROXY' || kind === 'HTTP') && hostPort) return `http://${hostPort}`;
    if (kind === 'HTTPS' && hostPort) return `https://${hostPort}`;
  }
  return null;
}

/**
 * The OS certificate store, where this Node has `tls.getCACertificates` (added in Node 22.15, so
 * present in Electron 45's Node 22); an older Node (the web host on Node 20) gets none and trusts
 * its bundled list, plus OURO_EXTRA_CA_CERTS in the web host.
 */
export function systemCertificates(): string[] {
  const read = (tls as { getCACertificates?: (type: 'system') => string[] }).getCACertificates;
  try {
    return read ? read('system') : [];
  } catch {
    return [];
  }
}

/**
 * https-proxy-agent starts the TLS to Ouro inside the tunnel with the request's own options, not
 * the agent's: the CAs are added to every connection here.
 */
class TrustingProxyAgent extends HttpsProxyAgent<string> {
  constructor(
    proxy: string,
    private readonly ca: string[] | undefined,
  ) {
    super(proxy, { keepAlive: true, ...(ca ? { ca } : {}) });
  }

  override connect(req: http.ClientRequest, opts: Parameters<HttpsProxyAgent<string>['connect']>[1]) {
    // Only a TLS endpoint takes `ca`; a plain-HTTP Ouro inside the tunnel needs none.
    return super.connect(req, this.ca && opts.secureEndpoint ? { ...opts, ca: this.ca } : opts);
  }
}

export function createAgentFor(source: AgentSource): AgentFor {
  const ca = source.extraCa?.length ? [...tls.rootCertificates, ...source.extraCa] : undefined;
  const tlsOptions = ca ? { ca } : {};
  const direct = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true, ...tlsOptions }) };
  const tunnels = new Map<string, TrustingProxyAgent>();
  return async (url) => {
    const proxy = await source.proxyFor(url);
    if (!proxy) return url.protocol === 'https:' ? direct.https : direct.http;
    let agent = tunnels.get(proxy);
    if (!agent) {
      // The TLS to Ouro inside the tunnel, and an https:// proxy's own, trust the same authorities.
      agent = new TrustingProxyAgent(proxy, ca);
      tunnels.set(proxy, agent);
    }
    return agent;
  };
}
