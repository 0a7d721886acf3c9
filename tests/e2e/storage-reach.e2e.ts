import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

describeInChromium("what the extension's content script can reach", () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('finds no key, account, lock or setting in storage.local, and cannot plant one', async () => {
    const { context, emulator, extensionId } = extension();
    const ticket = await TicketPage.open(context);
    await ticket.openCard(SEED_IDS.jenny); // The content script is running.
    // Evaluate in the content script's own world, as a compromised renderer could.
    const cdp = await context.newCDPSession(ticket.page);
    const worlds: Array<{ id: number; origin: string; auxData?: { type?: string } }> = [];
    cdp.on('Runtime.executionContextCreated', ({ context: world }) => worlds.push(world));
    await cdp.send('Runtime.enable');
    await expect
      .poll(() =>
        worlds.some((w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId)),
      )
      .toBe(true);
    const world = worlds.find(
      (w) => w.auxData?.type === 'isolated' && w.origin.includes(extensionId),
    )!;
    const inContentScript = async (expression: string) =>
      (
        await cdp.send('Runtime.evaluate', {
          expression,
          contextId: world.id,
          awaitPromise: true,
          returnByValue: true,
        })
      ).result.value as unknown;

    const seen = (await inContentScript(
      'chrome.storage.local.get(null).then((all) => JSON.stringify(all))',
    )) as string;
    expect(seen).not.toContain(emulator.keys.testSecret);
    expect(JSON.parse(seen)).toEqual({});

    // A planted key and a raised limit are never adopted.
    await inContentScript(
      `chrome.storage.local.set({ settings: { creditLimits: { usd: 99999999 }, retentionDays: 90, portalReturnUrl: 'https://evil.example/' } })`,
    );
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('150');
    await card.getByRole('button', { name: 'Review credit' }).click();
    expect(await card.getByRole('alert').textContent()).toContain(
      'over the limit of $100.00 per credit',
    );
    expect(emulator.apiPosts()).toHaveLength(0);
    await ticket.page.close();
  });
});
