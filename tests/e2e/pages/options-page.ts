import type { BrowserContext, Page } from 'playwright-core';
import type { ExtensionBrowser } from '../support/extension-browser';

/** The extension's options page, driven by its labels and roles. */
export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string) {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    return new OptionsPage(page);
  }

  async saveKey(key: string) {
    await this.page.getByLabel('API key', { exact: true }).fill(key);
    await this.page.getByRole('button', { name: 'Save', exact: true }).click();
    await this.page.getByRole('status').or(this.page.getByRole('alert')).first().waitFor();
  }

  status = () => this.page.getByRole('status');
  alert = () => this.page.getByRole('alert');
  savedKeys = () => this.page.getByRole('list', { name: 'Saved keys' });
}

/** The usual set-up: the emulator's test key saved through the options page. */
export async function saveTestKey(browser: ExtensionBrowser) {
  const options = await OptionsPage.open(browser.context, browser.extensionId);
  await options.saveKey(browser.emulator.keys.testSecret);
  await options.page.close();
}
