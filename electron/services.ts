// The one factory both hosts use to build the main-process side of the app: the handlers for
// every contract channel and the event sink they push through. main.ts passes Electron's
// pieces; the web host passes Node's; tests pass fakes.
import type { AppInfo, EventName, EventPayload } from '../shared/contract';
import type { Logger } from './log';
import type { Handlers } from './ipc/handlers';

export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface ServiceDeps {
  appVersion: string;
  platform: string;
  apiBaseUrl: string;
  dataDir: string;
  host: AppInfo['host'];
  log: Logger;
  emit: EmitEvent;
}

export interface MainServices {
  handlers: Handlers;
  /** Releases timers, sockets and files on quit. */
  dispose(): Promise<void>;
}

export function createMainServices(deps: ServiceDeps): MainServices {
  const handlers: Handlers = {
    'app:info': () => ({
      name: 'Ouro',
      version: deps.appVersion,
      platform: deps.platform,
      apiBaseUrl: deps.apiBaseUrl,
      host: deps.host,
    }),
  };
  return { handlers, dispose: async () => {} };
}
