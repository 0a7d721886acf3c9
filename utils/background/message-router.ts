import { failure, REFUSED, type Reply } from '../messaging/reply';
import { classifySender, type MessageSenderLike } from '../messaging/sender-policy';
import { definitionOf } from '../objects/registry';
import { parseCardSubject } from '../card-subject';
import type { BackgroundContext } from './background-context';
import { createCardBook } from './card-book';
import { findCardGrant } from './card-grants';
import { answerContentScript } from './card-requests';
import { replyForThrown } from './error-mapping';
import { noteAgentUse } from '../storage/vault-store';
import { buildRequestTable } from './request-table';

export type { BackgroundContext } from './background-context';

/** The extension's own documents that no page embeds: the popup and Options. */
const TRUSTED_DOCUMENTS = new Set(['/popup.html', '/options.html']);
const isPopupOrOptions = (sender: MessageSenderLike, extensionOrigin: string) =>
  TRUSTED_DOCUMENTS.has(new URL(sender.url!).pathname) && sender.url!.startsWith(extensionOrigin);

/**
 * The background's one door. Who sent a message is decided first; then its type picks one
 * handler from the table (an unknown type is refused), whose schema must admit it whole;
 * a card's request must name a live grant, of the kind the request belongs to.
 */
export function createMessageHandler(background: BackgroundContext) {
  const cards = createCardBook(background);
  const table = buildRequestTable();

  async function handleExtensionPage(raw: unknown, sender: MessageSenderLike) {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : null;
    const entry = typeof type === 'string' ? table.get(type) : undefined;
    if (!entry) return failure(REFUSED);
    const parsed = entry.handler.schema.safeParse(raw);
    if (!parsed.success) return failure(REFUSED);
    // Only what the agent does in the extension's own pages keeps the passphrase lock open.
    await noteAgentUse();
    if (entry.scope === 'page') {
      if (!entry.handler.alsoFromCards && !isPopupOrOptions(sender, background.extensionOrigin))
        return failure(REFUSED);
      return entry.handler.handle(parsed.data, { background, sender, cards });
    }

    const grant = await findCardGrant((parsed.data as { token: string }).token, sender.tab?.id);
    if (!grant) return failure('This card has expired. Click the ID on the page again.');
    const kind = parseCardSubject(grant.objectId)?.kind;
    // A grant of no kind the registry knows (stored by another version), or a request that
    // belongs to another kind than the card's, is refused.
    if (!kind || !definitionOf(kind)) return failure(REFUSED);
    if (entry.kind !== null && entry.kind !== kind) return failure(REFUSED);
    return entry.handler.handle(parsed.data, {
      ...cards.contextFor(grant, kind),
      background,
      sender,
      cards,
    });
  }

  return async function handleMessage(
    raw: unknown,
    sender: MessageSenderLike,
  ): Promise<Reply<unknown>> {
    switch (classifySender(sender, background.runtimeId, background.extensionOrigin)) {
      case 'extension-page':
        try {
          return await handleExtensionPage(raw, sender);
        } catch (error) {
          return replyForThrown(error);
        }
      case 'content-script':
        return (await answerContentScript(raw, sender, cards)) ?? failure(REFUSED);
      default:
        return failure(REFUSED);
    }
  };
}
