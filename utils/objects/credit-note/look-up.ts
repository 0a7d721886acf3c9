import type { Reply } from '../../messaging/reply';
import type { UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { lookUpInEitherMode, type Found, type LookUpInput } from '../../kit';
import { retrieveCreditNote } from './api';
import { creditNoteFacts } from './facts';
import { invoiceIdOf, toCreditNoteParts, type CreditNoteView } from './view';

/** A `cn_` ID carries no mode: see lookUpInEitherMode. */
export const lookUpCreditNote = (input: LookUpInput): Promise<Reply<Found<CreditNoteView>>> =>
  lookUpInEitherMode(input, (account, stripe, foundInOtherMode) =>
    readCreditNote(account, stripe, input.objectId, foundInOtherMode),
  );

export async function readCreditNote(
  account: UsableAccount,
  stripe: StripeClient,
  id: string,
  foundInOtherMode = false,
): Promise<Found<CreditNoteView>> {
  const { data: note } = await retrieveCreditNote(stripe, id);
  const invoiceId = invoiceIdOf(note);
  const view: CreditNoteView = {
    id: note.id,
    number: note.number ?? null,
    invoiceId,
    status: note.status,
    total: note.total,
    currency: note.currency,
    reason: note.reason ?? null,
    memo: note.memo ?? null,
    pdf: note.pdf ?? null,
    ...toCreditNoteParts(note),
    mode: account.mode,
    accountLabel: account.label,
    dashboardUrl: creditNoteFacts.dashboardUrl(note.id, account.mode),
    foundInOtherMode,
  };
  // The card may open the note's invoice, and nothing else.
  return { view, account, reachable: [invoiceId] };
}
