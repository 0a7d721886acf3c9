import type { Frame } from 'playwright-core';
import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { clickCardButton } from './pages/card-frame';
import { saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

const SUB_PATH = `/v1/subscriptions/${SEED_IDS.jennySubscription}`;

const statusOf = (card: Frame) => card.getByTestId('subscription-status').textContent();

describeInChromium('subscriptions', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('cancels at period end from a Dashboard link in the ticket, then undoes it, each confirmed once', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    // "Cancel my plan but let me keep it until the end of the month", timed as the agent does it.
    const started = Date.now();
    const card = await ticket.openCard(SEED_IDS.jennySubscription);
    await card.getByRole('heading', { name: 'Subscription' }).waitFor();
    expect(await statusOf(card)).toBe('Active');
    const periodEnd = emulator.subscriptions().find((s) => s.id === SEED_IDS.jennySubscription)!
      .items[0]!.current_period_end;
    const endDay = new Date(periodEnd * 1000).toLocaleDateString('en-US', {
      month: 'short',
      day: 'numeric',
      year: 'numeric',
    });
    expect(await card.locator('body').innerText()).toContain(`Period ends\n${endDay}`);
    await clickCardButton(card, 'Cancel at period end');
    expect(
      await card
        .getByRole('group', { name: 'Confirm cancelling at the end of the period' })
        .innerText(),
    ).toContain(`Jenny Rosen keeps the subscription until ${endDay}`);
    await clickCardButton(card, 'Confirm');
    await card
      .getByTestId('subscription-cancel-scheduled')
      .getByText(`Cancels on ${endDay}`)
      .waitFor();
    const elapsed = Date.now() - started;
    console.warn(`cancel at period end, from the ID to done: ${elapsed} ms`);
    expect(elapsed).toBeLessThan(15_000);
    expect(await statusOf(card)).toBe(`Active — cancels on ${endDay}`);

    await clickCardButton(card, 'Undo');
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Cancellation undone').waitFor();
    expect(await statusOf(card)).toBe('Active');
    const posts = emulator.apiPosts().filter((r) => r.path === SUB_PATH);
    expect(posts.map((r) => [r.status, r.form.cancel_at_period_end])).toEqual([
      [200, 'true'],
      [200, 'false'],
    ]);
    expect(new Set(posts.map((r) => r.headers['idempotency-key'])).size).toBe(2);
    await ticket.page.close();
  });

  it('cancels now from the customer card, proration previewed, sent once across a 429 and a stopped service worker', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.jenny);
    const section = card.getByRole('region', { name: 'Subscriptions' });
    await section.waitFor();
    // Every status, newest first; the past-due one marked.
    expect(await section.getByRole('listitem').allInnerTexts()).toEqual([
      expect.stringMatching(/^Team monthly Trialing/),
      expect.stringMatching(/^SMS monthly Past due/),
      expect.stringMatching(/^Pro monthly Active/),
      expect.stringMatching(/^Basic monthly Canceled/),
    ]);
    expect(await section.locator('.status-owing').innerText()).toBe('Past due');
    await clickCardButton(card, 'Open subscription Pro monthly (Active)');
    await card.getByRole('heading', { name: 'Subscription' }).waitFor();
    await clickCardButton(card, 'Cancel now…');
    const form = card.getByRole('form', { name: 'Cancel now' });
    expect(await form.getByLabel(/Credit unused time/).isChecked()).toBe(true);
    expect(await form.getByLabel(/Invoice now/).isChecked()).toBe(true);
    await form
      .getByLabel("Customer's reason (optional)")
      .selectOption({ label: "It's too expensive" });
    await form
      .getByLabel('Comment (optional, kept on the subscription)')
      .fill('Moving to a cheaper plan');
    await clickCardButton(card, 'Review cancellation');
    expect(await card.getByTestId('cancel-now-preview').textContent()).toBe(
      "Cancels now. $30.00 for unused time goes to Jenny Rosen's Stripe balance — it is not refunded to their card (refund their last payment for that).",
    );
    expect(emulator.apiRequests().filter((r) => r.method === 'DELETE')).toHaveLength(0);

    // Stripe asks to slow down once, then takes its time: the worker is stopped meanwhile.
    emulator.injectFault({ kind: 'status', status: 429 }, { method: 'DELETE' });
    emulator.injectFault({ kind: 'delay', ms: 2500 }, { method: 'DELETE' });
    await clickCardButton(card, 'Confirm');
    const deletes = () => emulator.apiRequests().filter((r) => r.method === 'DELETE');
    await expect.poll(() => deletes().length, { timeout: 10_000 }).toBe(2);
    const cdp = await context.newCDPSession(ticket.page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await card
      .getByRole('alert')
      .getByText('The extension did not answer')
      .waitFor({ timeout: 15_000 });
    // Stripe acted on the delayed one all the same.
    await expect
      .poll(() => emulator.subscriptions().find((s) => s.id === SEED_IDS.jennySubscription)!.status)
      .toBe('canceled');

    // The agent retries the same attempt: the journal reads Stripe and sends nothing more.
    await clickCardButton(card, 'Retry the cancellation');
    await clickCardButton(card, 'Confirm');
    await card
      .getByRole('status')
      .getByText(/^Canceled\. \$30\.00 for unused time went to/)
      .waitFor({ timeout: 15_000 });
    expect(await statusOf(card)).toBe('Canceled');

    // Every DELETE answered (one may have waited at Stripe while the restarted worker, reading
    // the subscription still active, sent it again: Stripe acts on one and refuses the other).
    await expect
      .poll(() => deletes().every((r) => r.status !== null), { timeout: 10_000 })
      .toBe(true);
    const executed = deletes().filter((r) => r.executed);
    expect(executed).toHaveLength(1);
    expect(deletes()[0]!.status).toBe(429);
    expect(
      deletes()
        .slice(1)
        .every((r) => r.executed || r.status === 400),
    ).toBe(true);
    const preview = emulator.apiRequests().find((r) => r.path === '/v1/invoices/create_preview')!;
    const prorationDate = (preview.form.subscription_details as Record<string, string>)
      .proration_date;
    expect(executed[0]!.query).toEqual({
      prorate: 'true',
      invoice_now: 'true',
      proration_date: prorationDate,
      cancellation_details: { feedback: 'too_expensive', comment: 'Moving to a cheaper plan' },
    });
    expect(executed[0]!.headers).not.toHaveProperty('idempotency-key');
    expect(executed[0]!.rawBody).toBe('');
    // One cancellation acted: one credit on Jenny's balance.
    expect(emulator.customers().get(SEED_IDS.jenny)!.balance).toBe(-3000);
    expect(emulator.balanceTransactions()).toHaveLength(1);
    await ticket.page.close();
  });

  it('pauses collection with a resume date, refuses one in the past, and resumes', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.jennySubscription);
    await card.getByRole('heading', { name: 'Subscription' }).waitFor();
    await clickCardButton(card, 'Pause collection…');
    const form = card.getByRole('form', { name: 'Pause collection' });
    await form
      .getByText('Invoices made before the pause keep retrying unless you void them.')
      .waitFor();
    await form.getByRole('radio', { name: /Void invoices/ }).check();
    await form.getByLabel('Resume on (optional)').fill('2020-01-01');
    await clickCardButton(card, 'Review pause');
    await form.getByRole('alert').getByText('The resume date is in the past').waitFor();
    const inTwoMonths = new Date(Date.now() + 61 * 24 * 3600 * 1000);
    const day = inTwoMonths.toISOString().slice(0, 10);
    await form.getByLabel('Resume on (optional)').fill(day);
    await clickCardButton(card, 'Review pause');
    expect(await card.getByTestId('pause-preview').textContent()).toMatch(
      /^Pause collection: New invoices are finalized and voided at once: nothing is owed for the pause\. It resumes on /,
    );
    await clickCardButton(card, 'Confirm');
    await card.getByTestId('subscription-paused').waitFor();
    expect(await statusOf(card)).toBe('Active — collection paused');
    const resumesAt = Math.floor(new Date(`${day}T00:00:00`).getTime() / 1000);
    await clickCardButton(card, 'Resume collection');
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Collection resumed').waitFor();
    expect(await card.getByTestId('subscription-paused').count()).toBe(0);
    const posts = emulator.apiPosts().filter((r) => r.path === SUB_PATH);
    expect(posts).toHaveLength(2);
    expect(posts[0]!.form).toMatchObject({
      pause_collection: { behavior: 'void', resumes_at: String(resumesAt) },
    });
    expect(posts[1]!.rawBody).toMatch(/^pause_collection=&metadata/);
    await ticket.page.close();
  });
});
