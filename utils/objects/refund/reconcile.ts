import type { Reconciler } from '../../journal/stale-attempts';
import { retrieveRefund } from './api';

/** A cancel whose answer was lost: the refund's status says whether it is canceled now. */
export const reconcileCancelRefund: Reconciler = async (record, stripe) => {
  const { data: refund } = await retrieveRefund(stripe, record.objectId);
  if (refund.status === 'canceled') return { outcome: 'succeeded', found: refund };
  return {
    outcome: 'failed',
    errorMessage: `Stripe did not cancel this refund: its status is ${refund.status ?? 'unknown'}.`,
  };
};
