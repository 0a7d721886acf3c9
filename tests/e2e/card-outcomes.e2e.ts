import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { clickCardButton } from './pages/card-frame';
import { OptionsPage, saveTestKey } from './pages/options-page';
import { TicketPage, NO_CARD_SHOWN } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

describeInChromium('what the card says for each session and each failure', () => {
  const extension = useExtensionBrowser(saveTestKey);

  async function cardFor(id: string) {
    const ticket = await TicketPage.open(extension().context);
    return { ticket, card: await ticket.openCard(id) };
  }
  const posts = () => extension().emulator.apiPosts();

  it.each([
    [
      SEED_IDS.completeSession,
      'Complete',
      'This session is complete, so it can no longer be expired.',
      '¥120,000',
    ],
    [SEED_IDS.expiredSession, 'Expired', 'This session has already expired.', '€19.99'],
  ])('offers no Expire for %s and says why', async (id, status, why, amount) => {
    const { ticket, card } = await cardFor(id);
    await card.getByRole('note').getByText(why).waitFor();
    expect(await card.getByTestId('session-status').textContent()).toBe(status);
    expect(await card.getByText(amount).count()).toBe(1);
    expect(await card.getByRole('button', { name: 'Expire session' }).count()).toBe(0);
    await ticket.page.close();
  });

  it('sends nothing for a live session when only a test key is saved', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.liveOpenSession);
    await card
      .getByRole('alert')
      .getByText('No live-mode API key is saved, so nothing was sent.')
      .waitFor();
    expect(await card.getByText('LIVE', { exact: true }).count()).toBe(1);
    expect(extension().emulator.apiRequests()).toHaveLength(0);
    await ticket.page.close();
  });

  it('explains an ID Stripe does not know, with the request ID', async () => {
    const { ticket, card } = await cardFor('cs_test_UnknownSessionTypo123');
    const alert = card.getByRole('alert');
    await alert.getByText('Stripe has no such object for this account').waitFor();
    expect(await alert.textContent()).toMatch(/Stripe request ID: req_\w+/);
    await ticket.page.close();
  });

  it('rides out a 429 and expires once, with the same idempotency key on both attempts', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.openSession);
    extension().emulator.injectFault({ kind: 'status', status: 429 }, { method: 'POST' });
    await card.getByRole('button', { name: 'Expire session' }).click();
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Session expired').waitFor();
    expect(posts()).toHaveLength(2);
    expect(new Set(posts().map((p) => p.headers['idempotency-key'])).size).toBe(1);
    await ticket.page.close();
  });

  it.each([
    // Stripe answered: its answer is final for that key, so trying again is a new attempt.
    [
      '5xx on every attempt',
      { kind: 'status', status: 500 } as const,
      /Stripe had a problem on its side/,
      true,
      2,
    ],
    // No answer, and Stripe shows no expiry yet: it may still act, so trying again must reuse
    // the key. (Chromium itself resends a POST once when a reused connection drops, so the
    // attempt count varies.)
    [
      'a dropped connection on every attempt',
      { kind: 'drop-before' } as const,
      /may have acted, or may still/,
      false,
      1,
    ],
  ])(
    'explains %s, and trying again expires once',
    async (_name, fault, sentence, hasRequestId, keys) => {
      const { emulator } = extension();
      const { ticket, card } = await cardFor(SEED_IDS.openSession);
      emulator.injectFault(fault, { method: 'POST', times: 10 });
      await card.getByRole('button', { name: 'Expire session' }).click();
      await clickCardButton(card, 'Confirm');
      const alert = card.getByRole('alert');
      await alert.getByText(sentence).waitFor({ timeout: 15_000 });
      expect((await alert.textContent())?.includes('Stripe request ID: req_')).toBe(hasRequestId);
      expect(posts().length).toBeGreaterThanOrEqual(3);
      expect(emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('open');

      // Stripe is back: one effect whatever happened before.
      emulator.clearFaults();
      await card.getByRole('button', { name: 'Expire session' }).click();
      await clickCardButton(card, 'Confirm');
      await card.getByRole('status').getByText('Session expired').waitFor();
      expect(posts().filter((p) => p.status === 200)).toHaveLength(1);
      expect(new Set(posts().map((p) => p.headers['idempotency-key'])).size).toBe(keys);
      await ticket.page.close();
    },
  );

  it('expires once when Confirm is clicked twice quickly', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.openSession);
    extension().emulator.injectFault({ kind: 'delay', ms: 300 }, { method: 'POST' });
    await card.getByRole('button', { name: 'Expire session' }).click();
    await clickCardButton(card, 'Confirm', { double: true });
    await card.getByRole('status').getByText('Session expired').waitFor();
    expect(posts()).toHaveLength(1);
    await ticket.page.close();
  });

  it('records each outcome in the activity log', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).click();
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Session expired').waitFor();
    const { requestId } = posts()[0]!;
    const options = await OptionsPage.open(extension().context, extension().extensionId);
    const row = options.page.getByRole('row').filter({ hasText: SEED_IDS.openSession }).first();
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Expire session.*test.*succeeded/);
    expect(await row.textContent()).toContain(requestId);
    await options.page.close();
    await ticket.page.close();
  });

  it('expires nothing from text typed into a card that has just opened', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).waitFor();
    // The agent clicked the ID and goes on typing what they think is the reply box. The card's
    // frame has the focus: E opens the question, and nothing after it answers it.
    await ticket.page.keyboard.type('the Enter key ', { delay: 30 });
    for (const key of ['Enter', ' ', 'Enter']) await ticket.page.keyboard.press(key);
    const confirm = card.getByRole('button', { name: 'Confirm' });
    await confirm.waitFor();
    expect(await confirm.evaluate((button) => button === document.activeElement)).toBe(false);
    await card.getByRole('button', { name: 'Confirm', disabled: false }).waitFor(); // Armed.
    await ticket.page.keyboard.type(' e\n', { delay: 30 });
    expect(posts()).toHaveLength(0);
    expect(extension().emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('open');
    await ticket.page.close();
  });

  it('expires from the keyboard alone: E, Tab to Confirm, then Enter held for a second', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).waitFor();
    await card.locator('body').press('e');
    const confirm = card.getByRole('button', { name: 'Confirm' });
    await confirm.waitFor();
    await ticket.page.keyboard.press('Tab');
    expect(await confirm.evaluate((button) => button === document.activeElement)).toBe(true);
    await expect.poll(() => confirm.getAttribute('aria-disabled')).toBe('false');
    // A single press is not a confirmation: it says how.
    await ticket.page.keyboard.press('Enter');
    await card.getByText('Hold Enter a full second, or click Confirm.').waitFor();
    expect(posts()).toHaveLength(0);
    await ticket.page.keyboard.down('Enter');
    await card.getByRole('button', { name: 'Keep holding…' }).waitFor();
    await card.getByRole('status').getByText('Session expired').waitFor();
    await ticket.page.keyboard.up('Enter');
    expect(posts()).toHaveLength(1);
    await ticket.page.close();
  });

  it('ignores a click on Confirm in its first half second, or just after the card regains focus', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).click();
    const confirm = card.getByRole('button', { name: 'Confirm' });
    await confirm.waitFor();
    expect(await confirm.getAttribute('aria-disabled')).toBe('true');
    await expect.poll(() => confirm.getAttribute('aria-disabled')).toBe('false');
    // The agent works in the page, then clicks Confirm: the click that brings the focus back
    // to the card lands in its first half second again, so it is not taken.
    await ticket.page.locator('body').click({ position: { x: 5, y: 5 } });
    await confirm.click();
    await card.getByText('Not ready yet: read it, then click Confirm again.').waitFor();
    expect(posts()).toHaveLength(0);
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status').getByText('Session expired').waitFor();
    expect(posts()).toHaveLength(1);
    await ticket.page.close();
  });

  it('closes the card with Escape, inside the card or on the page', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.completeSession);
    await card.getByTestId('session-status').waitFor();
    const cardClosed = () =>
      ticket.page.waitForFunction(NO_CARD_SHOWN, null, {
        timeout: 5000,
      });
    // Focus in the card, then the key. The card closes as the key is let go, so the whole
    // press lands in its frame and no key-up goes to a frame being removed.
    await card.locator('body').focus();
    await ticket.page.keyboard.down('Escape');
    await ticket.page.waitForTimeout(200);
    expect(await ticket.cardIsOpen()).toBe(true);
    await ticket.page.keyboard.up('Escape');
    await cardClosed();
    const second = await ticket.openCard(SEED_IDS.completeSession);
    await second.getByTestId('session-status').waitFor();
    // Focus back on the page, as when the agent clicks the ticket: Escape there closes it too.
    await ticket.page.mouse.click(5, 5);
    await ticket.page.keyboard.press('Escape');
    await cardClosed();
    await ticket.page.close();
  });

  it('clears "Not ready yet" once Confirm arms', async () => {
    const { ticket, card } = await cardFor(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).click();
    // Too early: Confirm is not armed yet, and says so. (force: Playwright would otherwise
    // wait for aria-disabled to clear, and click an armed Confirm.)
    await card.getByRole('button', { name: 'Confirm' }).click({ force: true });
    const how = card.locator('#confirm-how');
    // The hint is drawn a frame after the click: wait for it rather than read it at once.
    await card
      .locator('#confirm-how', { hasText: 'Not ready yet: read it, then click Confirm again.' })
      .waitFor();
    // Armed half a second later: the hint no longer says it is not ready.
    await expect
      .poll(() => how.textContent(), { timeout: 3000 })
      .toBe('Click Confirm, or hold Enter on it for a second.');
    expect(posts()).toHaveLength(0);
    await ticket.page.close();
  });

  it('says a slow look-up is slow within seconds, and Retry reads again', async () => {
    const { emulator } = extension();
    emulator.injectFault(
      { kind: 'delay', ms: 15_000 },
      { method: 'GET', pathPrefix: '/v1/checkout/sessions/', times: 1 },
    );
    const { ticket, card } = await cardFor(SEED_IDS.completeSession);
    const slow = card.getByRole('status', { name: 'Look-up is slow' });
    await slow.waitFor({ timeout: 12_000 });
    expect(await slow.textContent()).toContain('Reading changes nothing, so asking again is safe.');
    expect(await slow.textContent()).not.toMatch(/twice/);
    await slow.getByRole('button', { name: 'Retry' }).click();
    await card.getByTestId('session-status').waitFor({ timeout: 5000 });
    await ticket.page.close();
  });

  it('leaves the page DOM alone and opens nothing for near misses', async () => {
    const ticket = await TicketPage.open(extension().context);
    expect(await ticket.markCount()).toBe(18); // 16 Stripe IDs and 2 email addresses.
    for (const nearMiss of ['focus_area', 'cs_testing_flow', 'discus_thrower'])
      await ticket.clickText(nearMiss);
    expect(await ticket.cardIsOpen()).toBe(false);
    const mutations = await ticket.page.evaluate(
      () => (window as unknown as { pageMutations: unknown[] }).pageMutations,
    );
    expect(mutations).toEqual([]);
    await ticket.openCard(SEED_IDS.jenny);
    const afterCard = await ticket.page.evaluate(
      () => (window as unknown as { pageMutations: unknown[] }).pageMutations,
    );
    expect(afterCard).toEqual([
      { type: 'childList', target: 'HTML', added: ['STRIPE-HELPDESK-CARD'], removed: [] },
    ]);
    await ticket.page.close();
  });
});
