import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { OptionsPage, saveTestKey } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

// Runs inside the extension's service worker.
declare const chrome: any;

describeInChromium('passphrase lock', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('encrypts the keys, refuses to act while locked, and unlocks from the popup', async () => {
    const { context, extensionId, emulator, serviceWorker } = extension();
    const options = await OptionsPage.open(context, extensionId);
    await options.page.getByLabel('New passphrase').fill('correct horse battery staple');
    await options.page.getByLabel('Repeat passphrase').fill('correct horse battery staple');
    await options.page.getByRole('button', { name: 'Turn on lock' }).click();
    await options.page.getByRole('button', { name: 'Lock now' }).waitFor({ timeout: 20_000 });
    // At rest: nothing in storage.local, and the protected store holds the key sealed only.
    const stored = await serviceWorker.evaluate(async () => ({
      local: await chrome.storage.local.get(null),
      protectedItems: await new Promise((resolve, reject) => {
        const open = indexedDB.open('protected-storage');
        open.addEventListener('error', () => reject(open.error));
        open.addEventListener('success', () => {
          const read = open.result.transaction('items').objectStore('items').getAll();
          read.addEventListener('success', () => resolve(read.result));
        });
      }),
    }));
    expect(stored.local).toEqual({});
    expect(JSON.stringify(stored.protectedItems)).toContain('sk_test_…');
    expect(JSON.stringify(stored.protectedItems)).not.toContain(emulator.keys.testSecret);
    await options.page.getByRole('button', { name: 'Lock now' }).click();
    await options.page.getByRole('button', { name: 'Unlock' }).waitFor();
    await options.page.close();

    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.openSession);
    await card.getByRole('alert').getByText('Stripe Actions is locked').waitFor();
    expect(emulator.apiRequests()).toHaveLength(0);

    const popup = await PopupPage.open(extension());
    await popup.page.getByLabel('Passphrase', { exact: true }).fill('not it');
    await popup.page.getByRole('button', { name: 'Unlock' }).click();
    await popup.page.getByRole('alert').getByText('Wrong passphrase').waitFor({ timeout: 20_000 });
    await popup.page.getByLabel('Passphrase', { exact: true }).fill('correct horse battery staple');
    await popup.page.getByRole('button', { name: 'Unlock' }).click();
    await popup.page
      .getByRole('button', { name: 'Unlock' })
      .waitFor({ state: 'detached', timeout: 20_000 });
    await popup.page.close();

    const again = await ticket.openCard(SEED_IDS.openSession);
    await again.getByRole('button', { name: 'Expire session' }).waitFor();

    // Leaving the desk: the popup locks at once.
    const later = await PopupPage.open(extension());
    await later.page.getByRole('button', { name: 'Lock now' }).click();
    await later.page.getByRole('button', { name: 'Unlock' }).waitFor();
    await later.page.close();
    const locked = await ticket.openCard(SEED_IDS.openSession);
    await locked.getByRole('alert').getByText('Stripe Actions is locked').waitFor();
    await ticket.page.close();
  });
});
