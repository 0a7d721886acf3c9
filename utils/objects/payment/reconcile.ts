import { findAttemptInPages } from '../../journal/find-attempt-in-pages';
import type { Reconciler } from '../../journal/stale-attempts';
import { listRefundsOf } from './api';

/** Refunds read per page when looking for a lost one. */
const PAGE_SIZE = 100;

/** A refund whose answer was lost: found among its payment's refunds by its attempt, or not. */
export const reconcileRefund: Reconciler = (record, stripe) =>
  findAttemptInPages(
    record.id,
    async (startingAfter) =>
      (await listRefundsOf(stripe, record.objectId, PAGE_SIZE, startingAfter)).data,
    "Stripe has no refund from this attempt among the payment's refunds: nothing was refunded.",
  );
