import {
  alreadyDoneMessage,
  failedReply,
  journalIntent,
  runJournaledPost,
  unresolvedReply,
  type ActionBase,
} from '../../journal/run-journaled-post';
import { failure, success, type Reply } from '../../messaging/reply';
import { StripeApiError } from '../../stripe/stripe-error';
import { creditNotePath } from '../invoice/api';
import { CreditNote } from '../invoice/schema';
import { readCreditNote } from './look-up';
import { reconcileVoid } from './reconcile';
import type { CreditNoteView } from './view';

/** Voids an issued credit note (`objectId`), journaled like every change. */
export async function voidCreditNoteAction(input: ActionBase): Promise<Reply<CreditNoteView>> {
  const { stripe, account, objectId: noteId } = input;
  const outcome = await runJournaledPost(
    stripe,
    input.journal,
    journalIntent(input, 'void_credit_note', {
      method: 'POST',
      path: `${creditNotePath(noteId)}/void`,
      params: {},
    }),
    CreditNote,
    { reconcile: reconcileVoid },
  );
  if (outcome.kind === 'done') return success((await readCreditNote(account, stripe, noteId)).view);
  if (outcome.kind === 'already-done') return failure(alreadyDoneMessage(outcome.record));
  if (outcome.kind === 'unresolved') return unresolvedReply(outcome.record);
  if (outcome.kind === 'refused') return failure(outcome.reason);
  if (outcome.error instanceof StripeApiError && outcome.error.status === 400) {
    // Stripe's words for a note already void carry no code: read it and say so plainly.
    try {
      const { view } = await readCreditNote(account, stripe, noteId);
      if (view.status === 'void')
        return failure('This credit note is already void; nothing was changed.', {
          requestId: outcome.error.requestId,
        });
    } catch {
      // Fall through to Stripe's own words.
    }
  }
  return failedReply(outcome);
}
