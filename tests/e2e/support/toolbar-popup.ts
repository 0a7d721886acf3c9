import type { CDPSession, Page } from 'playwright-core';
import { clickToolbarButton, type ExtensionBrowser } from './extension-browser';

/**
 * The real toolbar popup, opened the way the toolbar button and its shortcut open it
 * (`action.openPopup()`). Playwright does not list it among the context's pages, so it is
 * reached through the DevTools `Target` domain of a page session: evaluate in it, press keys.
 */
export class ToolbarPopup {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly targetId: string,
    private readonly sessionId: string,
  ) {}

  /** Opens the popup over `page`, which must be the active tab, and returns when it exists. */
  static async open(browser: ExtensionBrowser, page: Page, popupPath = '/popup.html') {
    await page.bringToFront();
    const clickedAt = (await browser.serviceWorker.evaluate(
      `(async () => { const at = Date.now(); await chrome.action.openPopup(); return at; })()`,
    )) as number;
    return { popup: await ToolbarPopup.find(browser, page, popupPath), clickedAt };
  }

  /** Opens the popup with a click on the toolbar button over `page` (see clickToolbarButton). */
  static async click(browser: ExtensionBrowser, page: Page) {
    await clickToolbarButton(browser, page);
    return ToolbarPopup.find(browser, page, '/popup.html');
  }

  private static async find(browser: ExtensionBrowser, page: Page, popupPath: string) {
    const cdp = await browser.context.newCDPSession(page);
    for (let tries = 0; tries < 200; tries++) {
      const { targetInfos } = await cdp.send('Target.getTargets');
      const popup = targetInfos.find((t) => t.url.endsWith(popupPath));
      if (popup) {
        const { sessionId } = await cdp.send('Target.attachToTarget', {
          targetId: popup.targetId,
          flatten: false,
        });
        return new ToolbarPopup(cdp, popup.targetId, sessionId);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error('The toolbar popup did not open.');
  }

  private async send<T>(method: string, params: object): Promise<T> {
    const id = Math.floor(Math.random() * 1e9);
    const answer = new Promise<T>((resolve, reject) => {
      const listener = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message);
        if (event.sessionId !== this.sessionId || message.id !== id) return;
        this.cdp.off('Target.receivedMessageFromTarget', listener);
        if (message.error) reject(new Error(message.error.message));
        else resolve(message.result as T);
      };
      this.cdp.on('Target.receivedMessageFromTarget', listener);
    });
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId: this.sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return answer;
  }

  /** Evaluates an expression in the popup (awaiting a promise) and returns its value. */
  async evaluate<T>(expression: string): Promise<T> {
    const { result, exceptionDetails } = await this.send<{
      result: { value: T };
      exceptionDetails?: { text: string };
    }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value;
  }

  /** Waits until `expression` is truthy in the popup. */
  async waitFor(expression: string, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await this.evaluate<boolean>(`!!(${expression})`))) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${expression}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  text = () => this.evaluate<string>('document.body.innerText');

  /** A key press as the agent makes it (trusted, to the focused element). */
  async press(key: string): Promise<void> {
    for (const type of ['keyDown', 'keyUp'])
      await this.send('Input.dispatchKeyEvent', {
        type,
        key,
        text: type === 'keyDown' ? key : undefined,
      });
  }

  async close(): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId });
    await this.cdp.detach().catch(() => undefined);
  }
}
