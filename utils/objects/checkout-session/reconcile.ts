import type { Reconciler } from '../../journal/stale-attempts';
import { retrieveCheckoutSession } from './api';

/** An expire whose answer was lost: the session's status says whether it is expired now. */
export const reconcileExpire: Reconciler = async (record, stripe) => {
  const { data: session } = await retrieveCheckoutSession(stripe, record.objectId);
  if (session.status === 'expired') return { outcome: 'succeeded', found: session };
  return {
    outcome: 'failed',
    errorMessage:
      session.status === 'open'
        ? 'Stripe did not expire this session: it is still open. Expire it again if you still mean to.'
        : `Stripe did not expire this session: its status is ${session.status ?? 'unknown'}.`,
  };
};
