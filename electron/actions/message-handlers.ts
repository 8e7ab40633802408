// `conversations:send`: a reply from the composer. Markdown is converted as Ouro's SDK does
// (ouro-api.md §6.3) and sent under the id the page chose, so "Retry" after a failure sends the
// same id again and can only ever store the message once.
import type { AccountService } from '../account/account-service';
import type { Handlers } from '../ipc/handlers';
import { toMessageRow } from '../browse/conversation-handlers';

export interface MessageHandlerDeps {
  account: AccountService;
}

export function createMessageHandlers(deps: MessageHandlerDeps): Pick<Handlers, 'conversations:send'> {
  return {
    async 'conversations:send'({ conversationId, id, text }) {
      const sent = await deps.account.client().conversations.sendMessage(conversationId, { id, markdown: text });
      return { message: toMessageRow(sent.message), alreadySent: sent.alreadySent };
    },
  };
}
