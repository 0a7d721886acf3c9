import { findAttemptInPages } from '../../journal/find-attempt-in-pages';
import type { Reconciler } from '../../journal/stale-attempts';
import { listCreditNotesPage } from './api';

/** A credit note whose answer was lost: found on its invoice by its attempt, or not there. */
export const reconcileCreditNote: Reconciler = (record, stripe) =>
  findAttemptInPages(
    record.id,
    async (startingAfter) =>
      (await listCreditNotesPage(stripe, record.objectId, startingAfter)).data,
    'Stripe has no credit note from this attempt on the invoice: nothing was credited.',
  );
