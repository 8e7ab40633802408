// Where every `ouro://` link arrives — macOS `open-url`, a second instance's argv on Windows and
// Linux, the launch's own argv, the web host's test entry point — and becomes a request for the
// page to open an item, or a refusal with its reason. Navigation is all a link can ever cause.
import type { Logger } from '../log';
import { linksInArgv, parseDesktopLink } from './desktop-link';
import type { ItemResolver } from './item-resolver';
import type { OpenRequests } from './open-requests';

export interface LinkIntake {
  receive(raw: string): Promise<void>;
  /** The ouro:// arguments among a command line's (the rest is ignored). */
  receiveArgv(argv: readonly string[]): Promise<void>;
}

/** Links waiting on a lookup; beyond this a flood of links is dropped, not queued. */
const MAX_WAITING = 10;

export function createLinkIntake(deps: { requests: OpenRequests; resolver: Pick<ItemResolver, 'typeOf'>; log: Logger }): LinkIntake {
  // One at a time, so links open in the order they arrived even when one needs a lookup.
  let chain: Promise<void> = Promise.resolve();
  let waiting = 0;

  async function handle(raw: string): Promise<void> {
    const parsed = parseDesktopLink(raw);
    if (!parsed.ok) {
      deps.log.info(`Refused an ouro:// link: ${parsed.reason}`);
      deps.requests.push({ outcome: 'refused', message: parsed.reason, source: 'link' });
      return;
    }
    const { target } = parsed;
    if (target.kind === 'conversation') {
      deps.requests.push({ outcome: 'open', target: { type: 'conversation', id: target.id }, source: 'link' });
      return;
    }
    const type = await deps.resolver.typeOf(target.id);
    if (type.found) deps.requests.push({ outcome: 'open', target: { type: type.type, id: target.id }, source: 'link' });
    else deps.requests.push({ outcome: 'refused', message: type.message, source: 'link' });
  }

  const intake: LinkIntake = {
    receive(raw) {
      if (waiting >= MAX_WAITING) {
        deps.log.warn('Too many ouro:// links at once; ignoring the rest');
        return Promise.resolve();
      }
      waiting += 1;
      const next = chain.then(() => handle(raw)).catch((error: unknown) => deps.log.warn('Handling an ouro:// link failed', error));
      chain = next.finally(() => {
        waiting -= 1;
      });
      return chain;
    },
    async receiveArgv(argv) {
      for (const link of linksInArgv(argv)) await intake.receive(link);
    },
  };
  return intake;
}
