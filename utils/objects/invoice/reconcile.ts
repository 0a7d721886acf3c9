import type { Reconciler } from '../../journal/stale-attempts';
import { listCreditNotesPage } from './api';

/** Pages of an invoice's credit notes read when looking for a lost one. */
const PAGES = 3;

/** A credit note whose answer was lost: found on its invoice by its attempt, or not there. */
export const reconcileCreditNote: Reconciler = async (record, stripe) => {
  let startingAfter: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const { data: list } = await listCreditNotesPage(stripe, record.objectId, startingAfter);
    if (list.data.some((note) => note.metadata?.attempt_id === record.id))
      return { outcome: 'succeeded' };
    if (!list.has_more) break;
    startingAfter = list.data.at(-1)?.id;
  }
  return {
    outcome: 'failed',
    errorMessage:
      'Stripe has no credit note from this attempt on the invoice: nothing was credited.',
  };
};
