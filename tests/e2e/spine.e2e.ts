import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { OptionsPage } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';
import { clickCardButton } from './pages/card-frame';

describeInChromium('from an ID in a ticket to an expired Checkout Session', () => {
  const extension = useExtensionBrowser();

  it('before any key is saved, the card says so, sends nothing, and opens Options', async () => {
    const browser = extension();
    const ticket = await TicketPage.open(browser.context);
    const card = await ticket.openCard(SEED_IDS.openSession);
    await card.getByRole('alert').getByText('No test-mode API key is saved').waitFor();
    const optionsOpened = browser.context.waitForEvent('page', {
      predicate: (p) => p.url().endsWith('/options.html'),
    });
    await card.getByRole('button', { name: 'Open Options' }).click();
    const options = await optionsOpened;
    await options.getByLabel('API key', { exact: true }).waitFor();
    expect(browser.emulator.apiRequests()).toHaveLength(0);
    await options.close();
    await ticket.page.close();
  });

  it('saves a test key on the options page and shows it masked', async () => {
    const browser = extension();
    const options = await OptionsPage.open(browser.context, browser.extensionId);
    await options.saveKey(browser.emulator.keys.testSecret);
    await expect
      .poll(() => options.status().textContent())
      .toContain('Saved test key sk_test_…0000');
    expect(await options.page.getByLabel('API key', { exact: true }).inputValue()).toBe('');
    const listed = await options.savedKeys().textContent();
    expect(listed).toContain('sk_test_…0000');
    expect(await options.page.content()).not.toContain(browser.emulator.keys.testSecret);
    const check = browser.emulator.apiRequests().at(-1)!;
    expect(check).toMatchObject({ method: 'GET', path: '/v1/account' });
    expect(check.headers.authorization).toBe(`Bearer ${browser.emulator.keys.testSecret}`);
    await options.page.close();
  });

  it('expires an open session from the ticket after a confirmation', async () => {
    const browser = extension();
    const ticket = await TicketPage.open(browser.context);
    const card = await ticket.openCard(SEED_IDS.openSession);
    await card.getByText('Open', { exact: true }).waitFor();
    expect(await card.getByText('$49.00').count()).toBe(1);
    expect(await card.getByText('jenny.rosen@example.com').count()).toBe(1);
    expect(await card.getByText('Expires', { exact: true }).count()).toBe(1);

    const before = browser.emulator.apiRequests().length;
    await card.getByRole('button', { name: 'Expire session' }).click();
    expect(browser.emulator.apiRequests()).toHaveLength(before); // Nothing before Confirm.
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Session expired').waitFor();
    expect(await card.getByTestId('session-status').textContent()).toBe('Expired');
    // The scheduled time Stripe keeps would read as a deadline still to come.
    expect(await card.getByText('Expires', { exact: true }).count()).toBe(0);

    const posts = browser.emulator.apiPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      path: `/v1/checkout/sessions/${SEED_IDS.openSession}/expire`,
      rawBody: '',
    });
    expect(posts[0]!.headers['idempotency-key']).toMatch(/^sha-[0-9a-f-]{36}$/);
    expect(posts[0]!.headers['stripe-version']).toBe('2026-07-29.dahlia');
    expect(posts[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    await ticket.page.close();
  });
});
