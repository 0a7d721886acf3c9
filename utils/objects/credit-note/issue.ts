import {
  toSendAsReviewed,
  attemptMetadata,
  runAttempt,
  type AccountBase,
  type ActionBase,
} from '../../kit';
import type { JournaledRequest } from '../../journal/activity-journal';
import { creditNoteDestinations } from './destinations';
import { failure, success, type Reply } from '../../messaging/reply';
import type { StripeClient } from '../../stripe/client';
import { explainStripeFailure } from '../../stripe/explain-failure';
import { formatMinorUnits } from '../../currency-units';
import { previewCreditNote } from './api';
import {
  checkCreditNoteDraft,
  describeCreditNote,
  type CheckedCreditNote,
  type CreditableInvoice,
  type CreditNoteDraft,
} from './draft';
import { readCreditableInvoice } from './creditable';
import { reconcileCreditNote } from './reconcile';
import { CreditNote } from './schema';

/** What the card shows of a credit note before it is issued, in the agent's words. */
export interface CreditNotePreview {
  sentence: string;
  total: number;
  currency: string;
}

export interface IssuedCreditNote {
  id: string;
  number: string | null;
  total: number;
  currency: string;
  pdf: string | null;
  sentence: string;
}

type Input = ActionBase & { draft: CreditNoteDraft };

/** The credit note's request for the draft: the preview sends its parameters, Confirm all of it. */
const requestOf = (checked: CheckedCreditNote, input: Input) => ({
  method: 'POST' as const,
  path: '/v1/credit_notes',
  params: { ...checked.params, metadata: attemptMetadata(input) },
});

/** What a change to the invoice since the review would make of the note, in a sentence. */
const whatChanged = (currency: string) => (reviewed: JournaledRequest, now: JournaledRequest) => {
  const before = creditNoteDestinations(reviewed.params, currency);
  const after = creditNoteDestinations(now.params, currency);
  return before === after
    ? null
    : `The invoice changed since your review: this credit note would now be ${after}, not ${before}.`;
};

/** The invoice read fresh and the draft checked against it; the first refusal wins. */
async function checkAgainstStripe(
  stripe: StripeClient,
  input: AccountBase & { draft: CreditNoteDraft },
): Promise<Reply<{ checked: CheckedCreditNote; invoice: CreditableInvoice }>> {
  let invoice: CreditableInvoice;
  try {
    invoice = (await readCreditableInvoice(stripe, input.objectId)).creditable;
  } catch (error) {
    return { ok: false, error: explainStripeFailure(error) };
  }
  const checked = checkCreditNoteDraft(input.draft, invoice, input.guardrails);
  if (!checked.ok) return failure(checked.reason);
  return success({ checked, invoice });
}

/**
 * Asks Stripe what this credit note would do, with exactly the parameters Confirm will post,
 * and says it in a sentence. A read: nothing is journaled.
 */
export async function previewCreditNoteAction(input: Input): Promise<Reply<CreditNotePreview>> {
  const checked = await checkAgainstStripe(input.stripe, input);
  if (!checked.ok) return checked;
  const { checked: note, invoice } = checked.value;
  try {
    const { data: preview } = await previewCreditNote(input.stripe, requestOf(note, input).params);
    // Stripe's total differs from ours only where lines carry tax or discounts: the agent
    // would confirm an amount they never saw, so the draft is refused.
    if (preview.total !== note.total)
      return failure(
        `Stripe works this credit note out at ${formatMinorUnits(preview.total, invoice.currency)}, not ${formatMinorUnits(note.total, invoice.currency)} (tax or discounts on the lines). Credit a total amount instead.`,
      );
    const sentence = describeCreditNote(note, invoice);
    // Confirm will send exactly this, or nothing (see asReviewed).
    await input.previews.bind(input.attemptId, {
      request: requestOf(note, input),
      money: { minorUnits: note.total, currency: invoice.currency },
      sentence,
    });
    return success({ sentence, total: note.total, currency: invoice.currency });
  } catch (error) {
    return { ok: false, error: explainStripeFailure(error) };
  }
}

/**
 * Issues the credit note: journaled with its idempotency key before it is sent, so a retry,
 * a double click or a restarted worker sends the same request and Stripe makes one note.
 */
export async function issueCreditNoteAction(input: Input): Promise<Reply<IssuedCreditNote>> {
  // Checked again against the invoice as Stripe has it now: Confirm sends what the review
  // showed only if that is still what the draft makes.
  const toSend = await toSendAsReviewed(input, async () => {
    const checked = await checkAgainstStripe(input.stripe, input);
    if (!checked.ok) return checked;
    const { checked: note, invoice } = checked.value;
    return success({
      request: requestOf(note, input),
      money: { minorUnits: note.total, currency: invoice.currency },
      whatChanged: whatChanged(invoice.currency),
    });
  });
  if (!toSend.ok) return toSend;
  const { sentence, ...sent } = toSend.value;
  return runAttempt(input, {
    action: 'issue_credit_note',
    ...sent,
    schema: CreditNote,
    reconcile: reconcileCreditNote,
    done: ({ data: note }) =>
      success({
        id: note.id,
        number: note.number ?? null,
        total: note.total,
        currency: note.currency,
        pdf: note.pdf ?? null,
        sentence,
      }),
  });
}
