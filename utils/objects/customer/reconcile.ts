import { findAttemptInPages } from '../../journal/find-attempt-in-pages';
import type { Reconciler } from '../../journal/stale-attempts';
import { listBalanceTransactions } from './api';

/** Balance transactions read per page when looking for a lost credit. */
const PAGE_SIZE = 100;

/** A credit whose answer was lost: found among the customer's transactions, or not there. */
export const reconcileCredit: Reconciler = (record, stripe) =>
  findAttemptInPages(
    record.id,
    async (startingAfter) =>
      (await listBalanceTransactions(stripe, record.objectId, PAGE_SIZE, startingAfter)).data,
    "Stripe has no credit from this attempt among the customer's balance transactions: nothing was credited.",
  );

/** A portal link whose answer was lost: a link, if made, has expired unseen. */
export const reconcilePortalLink: Reconciler = async () => ({
  outcome: 'failed',
  errorMessage: 'The portal link never arrived, and links are short-lived: create a new one.',
});
