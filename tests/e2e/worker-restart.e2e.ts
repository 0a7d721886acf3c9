import type { Frame } from 'playwright-core';
import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import type { StripeEmulator } from '../emulator/stripe-emulator';
import { clickCardButton } from './pages/card-frame';
import { saveTestKey } from './pages/options-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

interface ActionUnderTest {
  name: string;
  objectId: string;
  /** Opens the action and stops at its Confirm step. */
  prepare(card: Frame): Promise<void>;
  /** Goes back to the Confirm step after the "did not answer" error. */
  again(card: Frame): Promise<void>;
  effects(emulator: StripeEmulator): number;
}

const ACTIONS: ActionUnderTest[] = [
  {
    name: 'a credit',
    objectId: SEED_IDS.jenny,
    async prepare(card) {
      await card.getByRole('button', { name: 'Add credit' }).click();
      await card.getByLabel('Amount').fill('7');
      await clickCardButton(card, 'Review credit');
    },
    again: (card) => clickCardButton(card, 'Review credit'),
    effects: (emulator) => emulator.balanceTransactions().length,
  },
  {
    name: 'an expiry',
    objectId: SEED_IDS.openSession,
    prepare: (card) => card.getByRole('button', { name: 'Expire session' }).click(),
    again: (card) => card.getByRole('button', { name: 'Expire session' }).click(),
    effects: (emulator) =>
      emulator.apiRequests().filter((r) => r.executed && r.path.endsWith('/expire')).length,
  },
  {
    name: 'a credit note',
    objectId: SEED_IDS.jennyPaidInvoice,
    async prepare(card) {
      await card.getByRole('button', { name: 'Issue credit note' }).click();
      await card.getByLabel('Reason').selectOption('duplicate');
      await card.getByLabel('Amount to credit (USD)').fill('20');
      await card.getByLabel('Refund to Visa •••• 4242').check();
      await clickCardButton(card, 'Review credit note');
    },
    again: (card) => clickCardButton(card, 'Review credit note'),
    // The seed has one already.
    effects: (emulator) => emulator.creditNotes().length - 1,
  },
  {
    name: 'a portal link',
    objectId: SEED_IDS.jenny,
    prepare: (card) => card.getByRole('button', { name: 'Create portal link' }).click(),
    again: async () => {},
    effects: (emulator) => emulator.portalSessions().length,
  },
];

describeInChromium('the service worker stopped in the middle of an action', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it.each(ACTIONS.map((a) => [a.name, a] as const))(
    'does %s once: the restart replays the journal, and the retry reuses the key',
    async (_name, action) => {
      const { context, emulator } = extension();
      const ticket = await TicketPage.open(context);
      const card = await ticket.openCard(action.objectId);
      await action.prepare(card);
      // Stripe takes its time; the worker is stopped while the request is out.
      emulator.injectFault({ kind: 'delay', ms: 1500 }, { method: 'POST' });
      const confirm = card.getByRole('button', { name: /^(Confirm|Create link)$/ });
      await confirm.click();
      await expect.poll(() => emulator.apiPosts().length).toBe(1);
      const cdp = await context.newCDPSession(ticket.page);
      await cdp.send('ServiceWorker.enable');
      await cdp.send('ServiceWorker.stopAllWorkers');
      await card
        .getByRole('alert')
        .getByText('The extension did not answer')
        .waitFor({ timeout: 15_000 });

      // The agent tries again: the same attempt, so Stripe replays or the journal says done.
      await action.again(card);
      await card.getByRole('button', { name: /^(Confirm|Create link)$/ }).click();
      await card
        .getByRole('status')
        .or(card.getByRole('alert'))
        .first()
        .waitFor({ timeout: 15_000 });
      await expect.poll(() => action.effects(emulator), { timeout: 10_000 }).toBe(1);
      const posts = emulator.apiPosts();
      expect(new Set(posts.map((p) => p.headers['idempotency-key'])).size).toBe(1);
      await ticket.page.close();
    },
  );
});
