import type { Browser, ElementHandle, Frame, JSHandle } from 'puppeteer-core';

/**
 * Debian's Firefox (140 ESR) lacks two things the Puppeteer these tests pin relies on, and
 * these fallbacks stand in for them in the Firefox tests:
 *
 * - It cannot find a frame's element by its browsing context (`browsingContext.locateNodes`
 *   with a "context" locator came later), which Puppeteer needs to turn a point inside a frame
 *   into a point on the page: every click inside a card failed.
 * - Its extension pages' CSP blocks the `Function()` that Puppeteer's waiting builds its
 *   predicate with, so no wait inside a card, Options or the popup could succeed. Waiting
 *   here polls with evaluate and $ instead, in every page alike (a tab's page may still be
 *   about:blank when the wait starts).
 */
export async function useFirefoxEsrFallbacks(browser: Browser) {
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  const frameClass = Object.getPrototypeOf(page.mainFrame()) as Frame & { esrFallbacks?: true };
  if (frameClass.esrFallbacks) return;
  frameClass.esrFallbacks = true;
  const { frameElement, waitForFunction, waitForSelector } = frameClass;

  frameClass.frameElement = async function (this: Frame) {
    try {
      return await frameElement.call(this);
    } catch (error) {
      if (!String(error).includes('"context"')) throw error;
      return (await elementOfFrame(this)) as ElementHandle<HTMLIFrameElement> | null;
    }
  };

  const evaluateHandle = frameClass.evaluateHandle as (
    this: Frame,
    predicate: unknown,
    ...args: unknown[]
  ) => Promise<JSHandle>;
  frameClass.waitForFunction = async function (
    this: Frame,
    predicate: unknown,
    options: { polling?: unknown; timeout?: number } = {},
    ...args: unknown[]
  ) {
    const polling = typeof options.polling === 'number' ? options.polling : POLL_MS;
    return pollUntil(options.timeout, polling, async () => {
      const handle = await evaluateHandle.call(this, predicate, ...args);
      if (await handle.evaluate((value) => Boolean(value))) return handle;
      await handle.dispose();
      return null;
    });
  } as unknown as typeof waitForFunction;

  frameClass.waitForSelector = async function (this: Frame, selector, options = {}) {
    if (options.visible || options.hidden) throw new Error('Not supported on Firefox ESR here');
    return pollUntil(options.timeout, POLL_MS, () => this.$(selector)) as ReturnType<
      typeof waitForSelector
    >;
  } as typeof waitForSelector;
}

const POLL_MS = 50;
const DEFAULT_TIMEOUT_MS = 30_000;

async function pollUntil<T>(
  timeout = DEFAULT_TIMEOUT_MS,
  everyMs: number,
  attempt: () => Promise<T | null>,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let lastError: unknown;
  for (;;) {
    // A page that is navigating has no context to evaluate in for a moment: try again.
    const found = await attempt().catch((error: unknown) => ((lastError = error), null));
    if (found) return found;
    if (Date.now() > deadline) {
      throw new Error(`Waiting failed: ${timeout}ms exceeded`, { cause: lastError });
    }
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

/**
 * The shown card's host (its iframe fills the host from the top left, borderless; a hidden
 * spare may wait beside it), else the iframe whose address is the frame's.
 */
async function elementOfFrame(frame: Frame) {
  const parent = frame.parentFrame();
  if (!parent) return null;
  const handle = await parent.evaluateHandle(
    (url) =>
      [...document.querySelectorAll('stripe-helpdesk-card')].find(
        (host) => getComputedStyle(host).visibility === 'visible',
      ) ??
      [...document.querySelectorAll('iframe')].find((iframe) => iframe.src === url) ??
      null,
    frame.url(),
  );
  const element = handle.asElement();
  if (!element) await handle.dispose();
  return element;
}
