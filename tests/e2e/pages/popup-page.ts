import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/extension-browser';

/**
 * The toolbar popup. Tests open it in a window of its own (the toolbar button cannot be
 * clicked from Playwright); it then acts on the active tab of the normal window behind it.
 */
export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(browser: ExtensionBrowser) {
    const opened = browser.context.waitForEvent('page', {
      predicate: (p) => p.url().endsWith('/popup.html'),
    });
    await browser.serviceWorker.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: any }).chrome;
      await api.windows.create({
        url: api.runtime.getURL('popup.html'),
        type: 'popup',
        width: 420,
        height: 640,
      });
    });
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    return new PopupPage(page);
  }

  idsOnPage = () => this.page.getByRole('region', { name: 'On this page' }).getByRole('button');

  async lookUp(text: string) {
    await this.page.getByLabel('Stripe ID, Dashboard URL or email').fill(text);
    await this.page.getByRole('button', { name: 'Open', exact: true }).click();
  }
}
