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
  tab?: { id?: number };
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
  let url: URL;
  try {
    url = new URL(sender.url);
  } catch {
    return 'rejected';
  }
  const fromTab = typeof sender.tab?.id === 'number' && typeof sender.frameId === 'number';
  if (fromTab && (url.protocol === 'https:' || url.protocol === 'http:')) return 'content-script';
  return 'rejected';
}
