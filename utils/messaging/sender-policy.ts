/**
 * Who sent a message, decided before anything in it is read. Only the extension's own
 * documents may ask for Stripe calls; content scripts run next to a page we do not trust and
 * may only ask for a card to be opened.
 */
export type SenderRole = 'extension-page' | 'content-script' | 'rejected';

export interface MessageSenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export function classifySender(
  sender: MessageSenderLike,
  runtimeId: string,
  extensionOrigin: string,
): SenderRole {
  if (sender.id !== runtimeId || !sender.url) return 'rejected';
  // Compared as text: runtimes disagree on the `origin` of extension-scheme URLs.
  if (sender.url.startsWith(`${extensionOrigin}/`)) return 'extension-page';
  const fromTab = typeof sender.tab?.id === 'number' && typeof sender.frameId === 'number';
  if (fromTab && webAddressOf(sender)) return 'content-script';
  return 'rejected';
}

/**
 * The web page a content script runs for: its frame's address, or, for a frame with no
 * address of its own (`about:srcdoc`, `about:blank`, where helpdesks show emails), the origin
 * that made it, as the browser reports it. Null for anything else (files, opaque origins).
 */
function webAddressOf(sender: MessageSenderLike): string | null {
  if (isWebAddress(sender.url)) return sender.url!;
  if (sender.url?.startsWith('about:') && isWebAddress(sender.origin)) return sender.origin!;
  return null;
}

/**
 * The address to record for what a content script asked (a credit's `ticket_url`, the
 * activity log): in an email frame, the ticket around it rather than `about:srcdoc`. Only
 * origin and path: a query or fragment can hold a session token or a signed link, and the
 * address goes to Stripe's metadata, the journal and the CSV export.
 */
export function pageAddressOf(sender: MessageSenderLike): string {
  const own = webAddressOf(sender) ?? '';
  if (own === sender.url) return withoutQueryOrFragment(own);
  const ticket = sender.tab?.url;
  return isWebAddress(ticket) && new URL(ticket!).origin === own
    ? withoutQueryOrFragment(ticket!)
    : own;
}

function withoutQueryOrFragment(address: string): string {
  const { origin, pathname } = new URL(address);
  return `${origin}${pathname}`;
}

function isWebAddress(address: string | undefined): boolean {
  if (!address) return false;
  try {
    const { protocol } = new URL(address);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
