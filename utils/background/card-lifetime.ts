import { CARD_PORT_PREFIX } from '../messaging/card-port';
import { classifySender, type MessageSenderLike } from '../messaging/sender-policy';
import { revokeCardGrants } from './card-grants';

interface PortLike {
  name: string;
  sender?: MessageSenderLike;
  disconnect(): void;
  onDisconnect: { addListener(listener: () => void): void };
}

/**
 * A card's grant lives as long as its frame: the card holds a port open, and when the frame
 * goes (closed, its page navigated or closed, the popup closed) the port disconnects and
 * the grant is revoked. Only the extension's own pages may hold such a port.
 */
export function watchCardPort(port: PortLike, runtimeId: string, extensionOrigin: string) {
  if (!port.name.startsWith(CARD_PORT_PREFIX)) return;
  if (!port.sender || classifySender(port.sender, runtimeId, extensionOrigin) !== 'extension-page')
    return port.disconnect();
  const token = port.name.slice(CARD_PORT_PREFIX.length);
  port.onDisconnect.addListener(() => void revokeCardGrants((grant) => grant.token === token));
}

/** A closed tab takes its cards' grants with it. */
export const revokeGrantsOfTab = (tabId: number) =>
  revokeCardGrants((grant) => grant.tabId === tabId && !grant.inPopup);

/** A disabled site takes the grants of cards opened on its pages with it. */
export const revokeGrantsOfSite = (origin: string) =>
  revokeCardGrants((grant) => {
    try {
      return !grant.inPopup && new URL(grant.pageUrl).origin === origin;
    } catch {
      return false;
    }
  });
