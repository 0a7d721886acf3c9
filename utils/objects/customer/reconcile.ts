import type { Reconciler } from '../../journal/stale-attempts';
import { listBalanceTransactions } from './api';

/** Balance transactions read when looking for a lost credit: its attempt is in their metadata. */
const PAGES = 3;
const PAGE_SIZE = 100;

/** A credit whose answer was lost: found among the customer's transactions, or not there. */
export const reconcileCredit: Reconciler = async (record, stripe) => {
  let startingAfter: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const { data: list } = await listBalanceTransactions(
      stripe,
      record.objectId,
      PAGE_SIZE,
      startingAfter,
    );
    if (list.data.some((t) => t.metadata?.attempt_id === record.id))
      return { outcome: 'succeeded' };
    if (!list.has_more) break;
    startingAfter = list.data.at(-1)?.id;
  }
  return {
    outcome: 'failed',
    errorMessage:
      "Stripe has no credit from this attempt among the customer's balance transactions: nothing was credited.",
  };
};

/** A portal link whose answer was lost: a link, if made, has expired unseen. */
export const reconcilePortalLink: Reconciler = async () => ({
  outcome: 'failed',
  errorMessage: 'The portal link never arrived, and links are short-lived: create a new one.',
});
