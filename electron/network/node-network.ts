// The web host's (and the tests') network pieces, from the environment as Node tools read it:
// HTTPS_PROXY / HTTP_PROXY / NO_PROXY, and extra certificate authorities (OURO_EXTRA_CA_CERTS, a
// PEM file, or the OS store where this Node can read it). JSON calls use undici's fetch with the
// same proxy and CAs; streamed upload bodies use the agent from proxy-agents.ts.
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { getProxyForUrl } from 'proxy-from-env';
import { Agent, ProxyAgent, fetch as undiciFetch, type Dispatcher } from 'undici';
import type { AgentFor } from '../ouro/body-transport';
import { createAgentFor, systemCertificates } from './proxy-agents';

export interface NetworkPieces {
  /** For JSON calls and downloads. */
  fetch: typeof fetch;
  /** For streamed upload bodies. */
  agentFor: AgentFor;
}

export interface NodeNetworkOptions {
  env: NodeJS.ProcessEnv;
  /** The proxy for a URL, or null; default: HTTPS_PROXY / HTTP_PROXY / NO_PROXY (proxy-from-env). */
  proxyFor?: (url: URL) => string | null;
  /** The "system" certificate authorities; default: the OS store where Node offers it, else none. */
  systemCa?: readonly string[];
}

function extraCaFromEnv(env: NodeJS.ProcessEnv): string[] {
  const file = env.OURO_EXTRA_CA_CERTS;
  if (!file) return [];
  return [readFileSync(file, 'utf8')];
}

export function createNodeNetwork(options: NodeNetworkOptions): NetworkPieces {
  const { env } = options;
  const extraCa = [...(options.systemCa ?? systemCertificates()), ...extraCaFromEnv(env)];
  const ca = extraCa.length ? [...tls.rootCertificates, ...extraCa] : undefined;
  // proxy-from-env reads process.env itself (the same variables curl and npm honour).
  const proxyFor = options.proxyFor ?? ((url: URL): string | null => getProxyForUrl(url.href) || null);

  const direct = new Agent(ca ? { connect: { ca } } : {});
  const proxies = new Map<string, Dispatcher>();
  const dispatcherFor = (url: URL): Dispatcher => {
    const proxy = proxyFor(url);
    if (!proxy) return direct;
    let dispatcher = proxies.get(proxy);
    if (!dispatcher) {
      dispatcher = new ProxyAgent({ uri: proxy, ...(ca ? { requestTls: { ca }, proxyTls: { ca } } : {}) });
      proxies.set(proxy, dispatcher);
    }
    return dispatcher;
  };
  const fetchVia = ((input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    return undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher: dispatcherFor(url) });
  }) as unknown as typeof fetch;

  return { fetch: fetchVia, agentFor: createAgentFor({ proxyFor, extraCa }) };
}
