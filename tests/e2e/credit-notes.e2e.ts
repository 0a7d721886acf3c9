import type { Frame } from 'playwright-core';
import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { clickCardButton, reviewLines } from './pages/card-frame';
import { saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

/** Opens the credit note form with its key, as an agent on a busy day would. */
async function startCreditNote(card: Frame, reason: string) {
  await card.getByRole('button', { name: 'Issue credit note' }).waitFor();
  await card.locator('body').press('c');
  await card.getByLabel('Reason').selectOption({ label: reason });
}

describeInChromium('credit notes', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('credits a paid invoice from its ID, split refund and balance, once across a 429', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.jennyPaidInvoice);
    await startCreditNote(card, 'Duplicate charge');
    await card.getByLabel('Amount to credit (USD)').fill('20');
    await card.getByLabel('Split between them').check();
    await card.getByLabel('Refund', { exact: true }).fill('15');
    // The split must add up before Review is offered.
    expect(await card.getByTestId('split-left').textContent()).toBe(
      '$5.00 still to place of $20.00.',
    );
    expect(await card.getByRole('button', { name: 'Review credit note' }).isDisabled()).toBe(true);
    await card.getByLabel('To balance').fill('5');
    await card.getByLabel('Memo (the customer sees it)').fill('Seat billed twice');
    await clickCardButton(card, 'Review credit note');
    expect(await card.getByTestId('credit-note-preview').textContent()).toBe(
      "Invoice ACME-0041 total $120.00 → credit note $20.00: $15.00 refunded to Visa •••• 4242, $5.00 credited to the customer's balance. Amount remaining after: $0.00.",
    );
    // Every field that will be sent: the memo, who sees it, and the reason too.
    expect(await reviewLines(card)).toEqual({
      'Credit note': '$20.00 on invoice ACME-0041 (invoice total $120.00)',
      'Money goes': "$15.00 refunded to Visa •••• 4242; $5.00 credited to the customer's balance",
      'Still due after': '$0.00',
      Reason: 'Duplicate charge',
      Memo: 'Seat billed twice (the customer sees it on the credit note and its PDF)',
    });
    expect(emulator.apiPosts()).toHaveLength(0);

    emulator.injectFault(
      { kind: 'status', status: 429 },
      { method: 'POST', pathPrefix: '/v1/credit_notes' },
    );
    // Keys alone confirm nothing: a pressed Enter is not the held one Confirm asks for.
    await card.getByRole('button', { name: 'Confirm' }).press('Enter');
    expect(emulator.apiPosts()).toHaveLength(0);
    await clickCardButton(card, 'Confirm', { double: true });
    const issued = card.getByRole('status', { name: 'Credit note issued' });
    await issued.waitFor();
    expect(await issued.textContent()).toContain('Credit note ACME-0041-CN-02 issued.');
    await issued.getByRole('link', { name: 'Credit note PDF' }).waitFor();

    const posts = emulator.apiPosts().filter((r) => r.path === '/v1/credit_notes');
    // The 429 and its retry: one key, one credit note.
    expect(posts.map((r) => r.status)).toEqual([429, 200]);
    expect(new Set(posts.map((r) => r.headers['idempotency-key'])).size).toBe(1);
    expect(decodeURIComponent(posts[1]!.rawBody)).toMatch(
      new RegExp(
        `^invoice=${SEED_IDS.jennyPaidInvoice}&reason=duplicate&amount=2000&memo=Seat billed twice` +
          '&refund_amount=1500&credit_amount=500&metadata\\[source\\]=stripe-helpdesk-actions' +
          '&metadata\\[ticket_url\\]=https://acme\\.zendesk\\.com/[^&]*&metadata\\[attempt_id\\]=[0-9a-f-]{36}$',
      ),
    );
    const preview = emulator.apiRequests().find((r) => r.path === '/v1/credit_notes/preview')!;
    expect(preview.query).toEqual(posts[1]!.form);
    expect(
      emulator.creditNotes().filter((n) => n.invoice === SEED_IDS.jennyPaidInvoice),
    ).toHaveLength(2);
    // The card read the invoice again: the new note is listed.
    await card.getByRole('listitem', { name: 'Credit note ACME-0041-CN-02' }).waitFor();
    await ticket.page.close();
  });

  it('reaches an open invoice from the customer card and lowers what is due', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_IDS.jenny);
    await clickCardButton(card, 'Open invoice ACME-0042');
    await card.getByRole('heading', { name: 'Invoice' }).waitFor();
    await startCreditNote(card, 'Order change');
    expect(await card.getByTestId('credit-note-lowers').textContent()).toContain(
      'This invoice is unpaid: the credit note lowers what the customer owes ($49.00 now). No money moves.',
    );
    // Nothing to refund on an unpaid invoice: where the money goes is not asked.
    expect(await card.getByRole('group', { name: 'Where the money goes' }).count()).toBe(0);
    await card.getByLabel('Amount to credit (USD)').fill('50');
    await clickCardButton(card, 'Review credit note');
    await card
      .getByRole('alert')
      .getByText(
        'That is more than this invoice can still be credited: at most $49.00 (its total).',
      )
      .waitFor();
    expect(
      emulator.apiRequests().filter((r) => r.path.startsWith('/v1/credit_notes/')),
    ).toHaveLength(0);
    await card.getByLabel('Amount to credit (USD)').fill('20');
    await clickCardButton(card, 'Review credit note');
    expect(await card.getByTestId('credit-note-preview').textContent()).toBe(
      'Invoice ACME-0042 total $49.00 → credit note $20.00: $20.00 off what is still due. Amount remaining after: $29.00.',
    );
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status', { name: 'Credit note issued' }).waitFor();
    await expect.poll(() => card.getByTestId('invoice-remaining').textContent()).toBe('$29.00');
    const [posted] = emulator.apiPosts();
    expect(posted!.form).toMatchObject({ amount: '2000', reason: 'order_change' });
    expect(posted!.form).not.toHaveProperty('refund_amount');
    await ticket.page.close();
  });

  it('credits line by line, and refuses a draft invoice with nothing sent', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const draft = await ticket.openCard(SEED_IDS.jennyDraftInvoice);
    await draft
      .getByTestId('not-creditable')
      .getByText(/is a draft: change it in the Dashboard/)
      .waitFor();
    await draft.getByRole('link', { name: 'Open it in the Dashboard' }).waitFor();
    expect(await draft.getByRole('button', { name: 'Issue credit note' }).count()).toBe(0);
    await draft.locator('body').press('c');
    expect(await draft.getByRole('form', { name: 'Issue credit note' }).count()).toBe(0);

    const card = await ticket.openCard(SEED_IDS.jennyPaidInvoice);
    await startCreditNote(card, 'Product unsatisfactory');
    await card.getByLabel('Line by line').check();
    await card.getByLabel('Quantity to credit of Pro plan × 3 seats (of 3)').fill('1');
    await card.getByLabel("Credit to the customer's balance").check();
    await clickCardButton(card, 'Review credit note');
    expect(await card.getByTestId('credit-note-preview').textContent()).toBe(
      "Invoice ACME-0041 total $120.00 → credit note $30.00: $30.00 credited to the customer's balance. Amount remaining after: $0.00.",
    );
    await clickCardButton(card, 'Confirm');
    await card.getByRole('status', { name: 'Credit note issued' }).waitFor();
    const posts = emulator.apiPosts();
    expect(posts).toHaveLength(1);
    expect(decodeURIComponent(posts[0]!.rawBody)).toContain(
      `reason=product_unsatisfactory&lines[0][type]=invoice_line_item&lines[0][invoice_line_item]=il_1JennyProSeats0001&lines[0][quantity]=1&credit_amount=3000`,
    );
    await ticket.page.close();
  });

  it('voids a credit note from its own card and from the invoice card', async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context);
    const note = await ticket.openCard(SEED_IDS.jennyCreditNote);
    await note.getByRole('heading', { name: 'Credit note' }).waitFor();
    expect(await note.getByTestId('credit-note-status').textContent()).toBe('Issued');
    await note.locator('body').press('v');
    await note.getByRole('group', { name: 'Confirm voiding the credit note' }).waitFor();
    // Worded by what this note did: it refunded, so nothing is "due again".
    expect(await reviewLines(note)).toEqual({
      'Credit note': 'ACME-0041-CN-01 ($30.00)',
      Voiding:
        'the $30.00 already refunded stays with the customer (a void does not take a refund back)',
    });
    await clickCardButton(note, 'Confirm');
    await expect.poll(() => note.getByTestId('credit-note-status').textContent()).toBe('Void');
    await note.getByRole('status').getByText('Credit note ACME-0041-CN-01 voided.').waitFor();
    expect(await note.getByTestId('ticket-note').textContent()).toMatch(
      new RegExp(
        `^Voided credit note \\(${SEED_IDS.jennyCreditNote}\\) — Stripe request req_\\w+, \\d\\d:\\d\\d UTC$`,
      ),
    );
    expect(emulator.apiPosts().map((r) => r.path)).toEqual([
      `/v1/credit_notes/${SEED_IDS.jennyCreditNote}/void`,
    ]);

    // Issue one from the invoice card, then void it from the invoice's list.
    await clickCardButton(note, SEED_IDS.jennyPaidInvoice);
    await note.getByRole('heading', { name: 'Invoice' }).waitFor();
    await startCreditNote(note, 'Duplicate charge');
    await note.getByLabel('Amount to credit (USD)').fill('10');
    await note.getByLabel('Refund to Visa •••• 4242').check();
    await clickCardButton(note, 'Review credit note');
    await clickCardButton(note, 'Confirm');
    const listed = note.getByRole('listitem', { name: 'Credit note ACME-0041-CN-02' });
    await listed.waitFor();
    await listed.getByRole('button', { name: 'Void' }).click();
    // The card is now taller than the window and scrolls: the agent scrolls to Confirm, reads
    // it, then clicks (Confirm arms once it has been in view for half a second).
    const confirmVoid = listed.getByRole('button', { name: 'Confirm' });
    await confirmVoid.scrollIntoViewIfNeeded();
    await listed.getByRole('button', { name: 'Confirm', disabled: false }).waitFor();
    await confirmVoid.click();
    await listed.getByText('(void)').waitFor();
    expect(emulator.creditNotes().map((n) => [n.number, n.status])).toEqual([
      ['ACME-0041-CN-01', 'void'],
      ['ACME-0041-CN-02', 'void'],
    ]);
    await ticket.page.close();
  });
});
