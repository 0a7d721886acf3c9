import { findAttemptInPages } from '../../journal/find-attempt-in-pages';
import type { Reconciler } from '../../journal/stale-attempts';
import { listCreditNotesPage, retrieveCreditNote } from './api';

/** A credit note whose answer was lost: found on its invoice by its attempt, or not there. */
export const reconcileCreditNote: Reconciler = (record, stripe) =>
  findAttemptInPages(
    record.id,
    async (startingAfter) =>
      (await listCreditNotesPage(stripe, record.objectId, startingAfter)).data,
    'Stripe has no credit note from this attempt on the invoice: nothing was credited.',
  );

/** A void whose answer was lost: the note's status says whether it is void now. */
export const reconcileVoid: Reconciler = async (record, stripe) => {
  const { data: note } = await retrieveCreditNote(stripe, record.objectId);
  if (note.status === 'void') return { outcome: 'succeeded', found: note };
  return {
    outcome: 'failed',
    errorMessage:
      'Stripe did not void this credit note: it is still issued. Void it again if you still mean to.',
  };
};
