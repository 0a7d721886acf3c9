import type { Reconciler } from '../../journal/stale-attempts';
import { retrieveCreditNote } from '../invoice/api';

/** A void whose answer was lost: the note's status says whether it is void now. */
export const reconcileVoid: Reconciler = async (record, stripe) => {
  const { data: note } = await retrieveCreditNote(stripe, record.objectId);
  if (note.status === 'void') return { outcome: 'succeeded' };
  return {
    outcome: 'failed',
    errorMessage:
      'Stripe did not void this credit note: it is still issued. Void it again if you still mean to.',
  };
};
