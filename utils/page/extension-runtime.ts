import { browser, type Browser } from 'wxt/browser';

/**
 * The runtime calls the content script makes. Its build maps `wxt/browser` to the browser's
 * own API instead of the polyfill (see wxt.config.ts), and Chrome's native `onMessage` does
 * not take a returned promise as the answer: `sendResponse` + `return true` works in both.
 */
export const extensionUrl = (path: string) => browser.runtime.getURL(path as '/card.html');
/**
 * The origin the card frame's document has, for a message to it to reach it alone. Not the
 * origin of `extensionUrl`: Chrome gives that a per-session ID (`use_dynamic_url`), yet the
 * page it loads is the extension's own origin. Firefox's address is the origin.
 */
export function cardFrameOrigin(): string {
  const { protocol, origin } = new URL(browser.runtime.getURL('/'));
  return protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : origin;
}
export const sendToBackground = (message: unknown) => browser.runtime.sendMessage(message);

/**
 * False once this copy of the content script has lost its extension: it was updated,
 * reloaded, disabled or removed while the page stayed open. Chrome then leaves the copy
 * running, cut off; every extension call throws.
 */
export function extensionIsLoaded(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}

/** Removing a listener throws once the extension is gone; there is nothing left to remove. */
function removeListener(remove: () => void) {
  try {
    remove();
  } catch {
    // The extension is gone, and its events with it.
  }
}

/** Listens for messages from this extension only; a handler's promise becomes the answer. */
export function onExtensionMessage(
  handler: (message: unknown) => Promise<unknown> | void,
  signal: AbortSignal,
): void {
  const listener = (
    message: unknown,
    sender: { id?: string },
    sendResponse: (answer: unknown) => void,
  ): true | undefined => {
    if (sender.id !== browser.runtime.id) return undefined;
    const answer = handler(message);
    if (!answer) return undefined;
    void answer.then(sendResponse);
    return true;
  };
  browser.runtime.onMessage.addListener(listener);
  signal.addEventListener('abort', () =>
    removeListener(() => browser.runtime.onMessage.removeListener(listener)),
  );
}

/** Answers ports this extension opens to the page under `name`; others are left alone. */
export function onExtensionPort(
  name: string,
  handler: (port: Browser.runtime.Port) => void,
  signal: AbortSignal,
): void {
  const listener = (port: Browser.runtime.Port) => {
    if (port.name === name && port.sender?.id === browser.runtime.id) handler(port);
  };
  browser.runtime.onConnect.addListener(listener);
  signal.addEventListener('abort', () =>
    removeListener(() => browser.runtime.onConnect.removeListener(listener)),
  );
}
