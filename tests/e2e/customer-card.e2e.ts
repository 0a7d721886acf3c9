import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { OptionsPage, saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';
import { clickCardButton, reviewLines } from './pages/card-frame';

describeInChromium('customer card: balance credits and portal links', () => {
  const extension = useExtensionBrowser(saveTestKey);
  const posts = () => extension().emulator.apiPosts();

  async function jennyCard() {
    const ticket = await TicketPage.open(extension().context);
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByTestId('customer-balance').waitFor();
    return { ticket, card };
  }

  it('shows the customer and posts a credit after a preview', async () => {
    const { ticket, card } = await jennyCard();
    expect(await card.getByText('Jenny Rosen').count()).toBe(1);
    expect(await card.getByTestId('customer-balance').textContent()).toBe('No balance');

    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('10,50');
    expect(await card.getByLabel('Currency').inputValue()).toBe('USD');
    await card.getByLabel('Note').fill('Goodwill for ticket 4821');
    await clickCardButton(card, 'Review credit');
    // Every field that will be sent, the balance in the card's own words: no bare sign.
    expect(await reviewLines(card)).toEqual({
      Credit: '$10.50 to Jenny Rosen',
      Balance: 'No balance → Credit $10.50 (taken off their next invoices)',
      Note: 'Goodwill for ticket 4821 (kept with the credit in Stripe)',
    });
    expect(posts()).toHaveLength(0);
    await clickCardButton(card, 'Confirm');
    await card
      .getByRole('status')
      .getByText('Credited $10.50 to Jenny Rosen. Balance now: Credit $10.50.')
      .waitFor();
    await card.getByTestId('customer-balance').getByText('Credit $10.50').waitFor();
    // The note for the ticket: what was done, Stripe's request, the time; nothing secret.
    const note = await card.getByTestId('ticket-note').textContent();
    expect(note).toMatch(
      new RegExp(
        `^Credited \\$10\\.50 \\(${SEED_IDS.jenny}\\), note: "Goodwill for ticket 4821" — Stripe request req_\\w+, \\d\\d:\\d\\d UTC$`,
      ),
    );
    await card.getByRole('button', { name: 'Copy note' }).waitFor();

    // A second credit reads from the balance as it now is, in the same words.
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('10.50');
    await clickCardButton(card, 'Review credit');
    expect((await reviewLines(card)).Balance).toBe(
      'Credit $10.50 → Credit $21.00 (taken off their next invoices)',
    );
    await clickCardButton(card, 'Back');

    expect(posts()).toHaveLength(1);
    const [credit] = posts();
    expect(credit).toMatchObject({
      path: `/v1/customers/${SEED_IDS.jenny}/balance_transactions`,
      form: {
        amount: '-1050',
        currency: 'usd',
        description: 'Goodwill for ticket 4821',
        metadata: {
          source: 'stripe-helpdesk-actions',
          ticket_url: 'https://acme.zendesk.com/ticket.html',
        },
      },
    });
    expect((credit!.form.metadata as Record<string, string>).attempt_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(credit!.headers['idempotency-key']).toBe(
      `sha-${(credit!.form.metadata as Record<string, string>).attempt_id}`,
    );
    expect(extension().emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(-1050);
    await ticket.page.close();
  });

  it('stays where it opened through review, confirm, result and a portal link; the agent drags it aside', async () => {
    const { ticket, card } = await jennyCard();
    const opened = await ticket.cardPlace();
    const stillThere = async () => expect(await ticket.cardPlace()).toEqual(opened);
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('5');
    await clickCardButton(card, 'Review credit');
    await card.getByRole('button', { name: 'Confirm' }).waitFor();
    await stillThere();
    await clickCardButton(card, 'Confirm');
    await card.getByTestId('ticket-note').waitFor();
    await stillThere();
    await card.getByRole('button', { name: 'Create portal link' }).click();
    await clickCardButton(card, 'Create link');
    await card.getByRole('status', { name: 'Portal link' }).waitFor();
    await stillThere();

    // Dragged by its header, as a person drags: it follows, and stays in the window.
    const grab = { x: opened.left + 120, y: opened.top + 18 };
    await ticket.page.mouse.move(grab.x, grab.y);
    await ticket.page.mouse.down();
    await ticket.page.mouse.move(grab.x + 150, grab.y + 60, { steps: 10 });
    await ticket.page.mouse.up();
    // It follows the drag to within one of its ten steps: in this sequence (review, confirm,
    // portal link, then a drag) Chromium driven by Playwright sometimes reports the first
    // step's pointer position as if the frame had not moved (2 runs of 5), a cause not
    // yet found; a fresh card's drag lands exactly.
    await expect
      .poll(async () => {
        const at = await ticket.cardPlace();
        return (
          Math.abs(at.top - (opened.top + 60)) <= 6 && Math.abs(at.left - (opened.left + 150)) <= 15
        );
      })
      .toBe(true);
    const left = await ticket.cardPlace();
    // The next card of this tab opens where the agent left the last one.
    await ticket.page.mouse.click(5, 5);
    await ticket.page.keyboard.press('Escape');
    await ticket.openCard(SEED_IDS.jennyPaidInvoice);
    expect(await ticket.cardPlace()).toEqual(left);
    await ticket.page.close();
  });

  it('credits nothing from keys typed into a card that has just opened', async () => {
    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Add credit' }).waitFor();
    // C opens the form, 5 is typed as its amount, Enter reviews: then no key may confirm.
    await ticket.page.keyboard.type('c5\n', { delay: 30 });
    const confirm = card.getByRole('button', { name: 'Confirm' });
    // Armed: a key that could confirm would do so now.
    await card.getByRole('button', { name: 'Confirm', disabled: false }).waitFor();
    for (const key of ['Enter', ' ', 'Enter', 'y']) await ticket.page.keyboard.press(key);
    expect(await confirm.evaluate((button) => button === document.activeElement)).toBe(false);
    expect(extension().emulator.apiPosts()).toHaveLength(0);
    expect(extension().emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(0);
    await ticket.page.close();
  });

  it('opens the credit form with C and the portal form with P', async () => {
    const { ticket, card } = await jennyCard();
    await card.locator('body').press('c');
    const amount = card.getByLabel('Amount');
    await amount.waitFor();
    expect(await amount.evaluate((input) => input === document.activeElement)).toBe(true);
    await amount.press('p'); // Typing in a field is typing, not a shortcut.
    expect(await amount.inputValue()).toBe('p');
    await card.getByRole('button', { name: 'Cancel', exact: true }).click();
    await card.locator('body').press('p');
    await card.getByLabel('Open the portal at').waitFor();
    await ticket.page.close();
  });

  it('keeps its actions where they are when it reloads after a credit', async () => {
    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('5');
    await clickCardButton(card, 'Review credit');
    // The reload's reads answer late, so the agent goes on before the card changes.
    extension().emulator.injectFault({ kind: 'delay', ms: 700 }, { method: 'GET', times: 10 });
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Credited $5.00 to Jenny Rosen').waitFor();
    await card.getByRole('button', { name: 'Create portal link' }).click();
    const createLink = card.getByRole('button', { name: 'Create link' });
    const before = await createLink.boundingBox();
    await card.getByText('Recent balance transactions (1)').waitFor();
    expect(await createLink.boundingBox()).toEqual(before);
    await ticket.page.close();
  });

  it('exports the activity log as CSV, filtered, without keys or portal URLs', async () => {
    const { context, extensionId, emulator } = extension();
    // A team sharing one key: this agent names themself, once, in Options.
    const naming = await OptionsPage.open(context, extensionId);
    await naming.page.getByLabel('Your name', { exact: false }).fill('Dana');
    await naming.page.getByLabel('Your name', { exact: false }).press('Tab');
    await naming.page.getByRole('status').getByText('Your name saved.').waitFor();
    await naming.page.close();
    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('12.34');
    await clickCardButton(card, 'Review credit');
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Credited $12.34 to Jenny Rosen').waitFor();
    expect(await card.getByTestId('ticket-note').textContent()).toContain(
      'by Dana — Stripe request',
    );
    expect(emulator.apiPosts()[0]!.form.metadata).toMatchObject({ agent: 'Dana' });
    await card.getByRole('button', { name: 'Create portal link' }).click();
    await clickCardButton(card, 'Create link');
    await card.getByRole('status', { name: 'Portal link' }).waitFor();
    await ticket.page.close();

    const options = await OptionsPage.open(context, extensionId);
    await options.page
      .getByLabel('Action', { exact: true })
      .selectOption('credit_customer_balance');
    const downloaded = options.page.waitForEvent('download');
    await options.page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync((await (await downloaded).path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'time,account,mode,object,action,amount,currency,outcome,stripe_request_id,idempotency_key,page,error,agent',
    );
    const credits = lines.slice(1).filter((line) => line.includes(',1234,usd,succeeded,'));
    expect(credits).toHaveLength(1);
    expect(credits[0]).toMatch(/,Dana$/);
    // The log copies the ticket's note again, and says who acted.
    // Earlier tests' credits are in the log too: this one is the credit Dana made.
    const row = options.page
      .getByRole('row')
      .filter({ hasText: 'Credit balance' })
      .filter({ hasText: 'Dana' });
    await row.getByRole('button', { name: 'Copy note' }).waitFor();
    await row.getByRole('cell', { name: 'Dana', exact: true }).waitFor();
    expect(credits[0]).toContain(emulator.apiPosts()[0]!.requestId);
    expect(csv).not.toContain('portal');
    expect(csv).not.toContain('billing.stripe.com');
    expect(csv).not.toContain(emulator.keys.testSecret);
    await options.page.close();
  });

  it.each([
    ['10.505', 'USD takes at most 2 decimals'],
    ['0', 'greater than zero'],
    ['-5', 'positive amount'],
    ['ten', 'is not an amount'],
    ['150', 'over the limit of $100.00 per credit'],
  ])('refuses %j before sending anything', async (typed, reason) => {
    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill(typed);
    await clickCardButton(card, 'Review credit');
    expect(await card.getByRole('alert').textContent()).toContain(reason);
    expect(posts()).toHaveLength(0);
    await ticket.page.close();
  });

  it('credits once through a 429 and a dropped answer, with one idempotency key', async () => {
    const { emulator } = extension();
    const { ticket, card } = await jennyCard();
    emulator.injectFault({ kind: 'status', status: 429 }, { method: 'POST' });
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('5');
    await clickCardButton(card, 'Review credit');
    emulator.injectFault({ kind: 'drop-after' }, { method: 'POST' });
    await clickCardButton(card, 'Confirm', { double: true });
    await card.getByRole('status').getByText('Credited $5.00 to Jenny Rosen').waitFor();
    expect(new Set(posts().map((p) => p.headers['idempotency-key'])).size).toBe(1);
    expect(emulator.balanceTransactions()).toHaveLength(1);
    expect(emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(-500);
    await ticket.page.close();
  });

  it('shows an unanswered credit beside a new amount, and retries it with its own key', async () => {
    const { emulator } = extension();
    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('5');
    await clickCardButton(card, 'Review credit');
    // No answer on any attempt: whether Stripe applied it is not known to the card. (Chromium
    // itself resends a POST once when a reused connection drops: hence more than three.)
    emulator.injectFault({ kind: 'drop-before' }, { method: 'POST', times: 10 });
    await clickCardButton(card, 'Confirm');
    // Stripe shows no such credit yet: the card says it may still act, never to redo it.
    await card
      .getByRole('alert')
      .getByText('may have acted, or may still', { exact: false })
      .waitFor({ timeout: 15_000 });
    emulator.clearFaults();
    const firstKey = posts()[0]!.headers['idempotency-key'];
    // The agent edits the amount: that is another credit, and the earlier one is shown.
    await card.getByLabel('Amount').fill('6');
    await clickCardButton(card, 'Review credit');
    const earlier = card.getByRole('alert', { name: 'Earlier credit' });
    await earlier.getByText('An earlier credit of $5.00 got no answer').waitFor();
    await earlier.getByText('Stripe has not answered yet').waitFor();
    expect((await reviewLines(card)).Credit).toBe('$6.00 to Jenny Rosen');
    await clickCardButton(card, 'Retry the earlier credit instead');
    expect((await reviewLines(card)).Credit).toBe('$5.00 to Jenny Rosen');
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Credited $5.00 to Jenny Rosen').waitFor();
    expect(new Set(posts().map((p) => p.headers['idempotency-key']))).toEqual(new Set([firstKey]));
    expect(emulator.balanceTransactions()).toHaveLength(1);
    await ticket.page.close();
  });

  it('creates a portal link deep-linked to the payment method, and never journals the URL', async () => {
    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Create portal link' }).click();
    await card.getByLabel('Open the portal at').selectOption('payment_method_update');
    await clickCardButton(card, 'Create link');
    const link = card.getByRole('status', { name: 'Portal link' });
    await link.waitFor();
    const url = await link.locator('code').textContent();
    expect(url).toMatch(/^https:\/\/billing\.stripe\.com\/p\/session\/test_/);
    expect(await link.getByText('short-lived').count()).toBe(1);
    expect(await link.getByRole('button', { name: 'Copy link' }).count()).toBe(1);
    expect(await link.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe(url);
    // The frame grows with the card, so nothing is cut off.
    await expect
      .poll(() => card.evaluate(() => document.documentElement.scrollHeight - innerHeight))
      .toBeLessThanOrEqual(0);
    expect(posts()[0]).toMatchObject({
      path: '/v1/billing_portal/sessions',
      form: { customer: SEED_IDS.jenny, flow_data: { type: 'payment_method_update' } },
    });

    const options = await OptionsPage.open(extension().context, extension().extensionId);
    await options.page.getByRole('row').filter({ hasText: 'Portal link' }).first().waitFor();
    expect(await options.page.content()).not.toContain('billing.stripe.com');
    await options.page.close();
    await ticket.page.close();
  });

  it("deep-links the portal to cancelling one of the customer's subscriptions", async () => {
    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Create portal link' }).click();
    await card
      .getByLabel('Open the portal at')
      .selectOption({ label: 'Cancel subscription: Pro monthly' });
    await clickCardButton(card, 'Create link');
    await card.getByRole('status', { name: 'Portal link' }).waitFor();
    expect(posts()[0]!.form).toEqual({
      customer: SEED_IDS.jenny,
      flow_data: {
        type: 'subscription_cancel',
        subscription_cancel: { subscription: SEED_IDS.jennySubscription },
      },
    });
    await ticket.page.close();
  });

  it('says where to save portal settings when they are missing', async () => {
    extension().emulator.setPortalConfigured('test', false);
    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Create portal link' }).click();
    await clickCardButton(card, 'Create link');
    const alert = card.getByRole('alert');
    await alert.getByText('Settings → Billing → Customer portal').waitFor();
    expect(await alert.textContent()).toContain(
      'https://dashboard.stripe.com/test/settings/billing/portal',
    );
    await ticket.page.close();
  });

  it('says a deleted customer is deleted and offers no actions', async () => {
    const ticket = await TicketPage.open(extension().context);
    const card = await ticket.openCard(SEED_IDS.deletedCustomer);
    await card.getByRole('note').getByText('This customer was deleted').waitFor();
    expect(await card.getByRole('button', { name: 'Add credit' }).count()).toBe(0);
    await ticket.page.close();
  });

  it('says which mode a customer lives in, and finds it there once a key for it is saved', async () => {
    const { context, extensionId, emulator } = extension();
    let ticket = await TicketPage.open(context);
    let card = await ticket.openCard(SEED_IDS.liveOnlyCustomer);
    const alert = card.getByRole('alert');
    await alert.getByText('it exists in live mode: save a live-mode key in Options').waitFor();
    // As on the live session's card, the fix is one click away.
    await alert.getByRole('button', { name: 'Open Options' }).waitFor();
    await ticket.page.close();

    const options = await OptionsPage.open(context, extensionId);
    await options.saveKey(emulator.keys.liveSecret);
    await options.page.close();
    ticket = await TicketPage.open(context);
    card = await ticket.openCard(SEED_IDS.liveOnlyCustomer);
    await card.getByRole('note').getByText('Found in live mode').waitFor();
    expect(await card.getByText('LIVE', { exact: true }).count()).toBe(1);
    expect(await card.getByTestId('customer-balance').textContent()).toBe('Credit €5.00');
    await ticket.page.close();
  });

  it('follows the guardrail and return URL saved in Options', async () => {
    const { context, extensionId } = extension();
    const options = await OptionsPage.open(context, extensionId);
    const perCredit = options.page.getByRole('group', {
      name: 'Largest credit per action, by currency',
    });
    await perCredit.getByLabel('Currency', { exact: true }).fill('usd');
    await perCredit.getByLabel('Limit per credit').fill('200');
    await perCredit.getByRole('button', { name: 'Set limit per credit' }).click();
    await perCredit.getByRole('listitem').getByText('USD: $200.00').waitFor();
    // Saved as it is set: no button further down to find.
    await options.page.getByRole('status').getByText('Largest credit per action saved.').waitFor();
    await options.page.getByLabel('Portal return URL').fill('https://acme.example/account');
    await options.page.getByLabel('Portal return URL').press('Tab');
    await options.page.getByRole('status').getByText('The portal return URL saved.').waitFor();
    // What Options showed is what it stored: a reload shows both again.
    await options.page.reload();
    await perCredit.getByRole('listitem').getByText('USD: $200.00').waitFor();
    expect(await options.page.getByLabel('Portal return URL').inputValue()).toBe(
      'https://acme.example/account',
    );
    await options.page.close();

    const { ticket, card } = await jennyCard();
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').fill('150');
    await clickCardButton(card, 'Review credit');
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Credited $150.00 to Jenny Rosen').waitFor();
    await card.getByRole('button', { name: 'Create portal link' }).click();
    await clickCardButton(card, 'Create link');
    await card.getByRole('status', { name: 'Portal link' }).waitFor();
    expect(posts().map((p) => p.form)).toEqual([
      expect.objectContaining({ amount: '-15000' }),
      { customer: SEED_IDS.jenny, return_url: 'https://acme.example/account' },
    ]);
    await ticket.page.close();
  });
});
