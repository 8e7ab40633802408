// Electron's pieces for streamed upload bodies (node:http, for backpressure): the proxy Chromium
// resolves for the URL (system settings, PAC scripts, --proxy-server) and the OS certificate store
// read through Node's tls.getCACertificates('system'). JSON calls already get both from net.fetch.
import { session } from 'electron';
import type { AgentFor } from '../ouro/body-transport';
import { createAgentFor, proxyFromPac, systemCertificates } from '../network/proxy-agents';

export function electronAgentFor(): AgentFor {
  return createAgentFor({
    proxyFor: async (url) => proxyFromPac(await session.defaultSession.resolveProxy(url.href)),
    extraCa: systemCertificates(),
  });
}
