import { formatMinorUnits } from '../../currency-units';
import { overCreditLimit, type Guardrails } from '../../guardrails/limits';
import { parseTypedAmount } from '../../money-input';
import type { StripeMode } from '../../stripe-id-grammar';
import type { PaymentState } from './state';

/** Stripe's three reasons for a refund, in the agent's words. */
export const REFUND_REASONS = {
  requested_by_customer: 'Requested by the customer',
  duplicate: 'Duplicate payment',
  fraudulent: 'Fraudulent',
} as const;
export type RefundReason = keyof typeof REFUND_REASONS;

/** Stripe's limit on a metadata value: the note travels in the refund's metadata. */
export const MAX_REFUND_NOTE_LENGTH = 500;

/** What the checks need of a payment: read fresh by the background before each send. */
export interface RefundablePayment {
  /** The PaymentIntent, or a charge that has none. */
  id: string;
  amount: number;
  currency: string;
  state: PaymentState;
  /** Refunded so far (a charge's `refunded` flag stays false after a partial refund). */
  refunded: number;
  /** "Visa •••• 4242", or the method's type. */
  method: string;
  livemode: boolean;
  dispute: {
    id: string;
    status: string;
    open: boolean;
    dueBy: number | null;
    dashboardUrl: string;
  } | null;
  /** The invoice the payment paid, since basil through its invoice payment. */
  invoice: { id: string } | null;
}

/** A refund as the agent typed it: the amount is text, read in the payment's currency. */
export interface RefundDraft {
  /** The payment's currency as the card showed it; anything else is refused. */
  currency: string;
  /** The whole remainder, or the amount typed. */
  whole: boolean;
  amount: string;
  reason: RefundReason;
  note: string;
}

export interface CheckedRefund {
  ok: true;
  minorUnits: number;
  /** Stripe's parameters, but for the metadata the action adds. */
  params: {
    payment_intent?: string;
    charge?: string;
    amount: number;
    reason: RefundReason;
  };
  note: string;
}

type Refusal = { ok: false; reason: string };
const refuse = (reason: string): Refusal => ({ ok: false, reason });

export const refundableAmount = (payment: RefundablePayment) =>
  Math.max(0, payment.amount - payment.refunded);

/** Why no refund can go out for this payment at all, or null when one can. */
export function notRefundableBecause(payment: RefundablePayment, mode: StripeMode): string | null {
  if (payment.livemode !== (mode === 'live'))
    return `This is a ${payment.livemode ? 'live' : 'test'} payment, read with a ${mode} key: nothing is sent with a key of the other mode.`;
  switch (payment.state) {
    case 'requires_capture':
      return 'This payment is an authorization that was never captured: no money was taken, so there is nothing to refund. Releasing it is done in the Dashboard.';
    case 'failed':
      return 'This payment failed: no money was taken, so there is nothing to refund.';
    case 'canceled':
      return 'This payment was canceled: no money was taken, so there is nothing to refund.';
    case 'processing':
      return 'This payment is still processing: refund it once it has succeeded.';
    case 'requires_action':
    case 'incomplete':
      return 'This payment is not complete: no money was taken, so there is nothing to refund.';
    case 'succeeded':
      break;
  }
  if (payment.dispute?.open)
    return 'This payment is disputed and the dispute is still open: Stripe refuses a refund until it is closed. Respond to it, or accept it, in the Dashboard.';
  if (refundableAmount(payment) === 0) return 'This payment has been refunded in full already.';
  return null;
}

/** The note as sent: trimmed, plain text, within Stripe's metadata limit. */
function checkNote(typed: string): Refusal | string {
  const note = typed.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(note))
    return refuse('The note contains control characters; retype it as plain text.');
  if (note.length > MAX_REFUND_NOTE_LENGTH)
    return refuse(
      `The note is ${note.length} characters; Stripe keeps at most ${MAX_REFUND_NOTE_LENGTH} in a refund's metadata.`,
    );
  return note;
}

/** The typed amount in minor units, or why it is not one: a negative amount said as a refund. */
function readTypedAmount(draft: RefundDraft, currency: string): Refusal | number {
  if (/^\s*[-−]/.test(draft.amount))
    return refuse('Enter the refund as a positive amount: what goes back to the customer.');
  const parsed = parseTypedAmount(draft.amount, currency);
  return parsed.ok ? parsed.minorUnits : parsed;
}

/**
 * What can be refused from the draft alone, before the payment is read from Stripe: a typed
 * amount that is no amount, a reason Stripe does not take, a note it would not keep.
 */
export function refundDraftProblem(draft: RefundDraft): string | null {
  if (!Object.hasOwn(REFUND_REASONS, draft.reason)) return 'Choose a reason.';
  if (!draft.whole) {
    const amount = readTypedAmount(draft, draft.currency.toLowerCase());
    if (typeof amount !== 'number') return amount.reason;
  }
  const note = checkNote(draft.note);
  return typeof note === 'string' ? null : note.reason;
}

/**
 * Everything that must hold before a refund is sent, checked the same way by the card (to
 * review it) and by the background (which alone decides, against the payment read afresh).
 */
export function checkRefundDraft(
  draft: RefundDraft,
  payment: RefundablePayment,
  guardrails: Guardrails,
  mode: StripeMode,
): CheckedRefund | Refusal {
  const blocked = notRefundableBecause(payment, mode);
  if (blocked) return refuse(blocked);
  if (draft.currency.toLowerCase() !== payment.currency)
    return refuse(
      `This payment is in ${payment.currency.toUpperCase()}, not ${draft.currency.toUpperCase()}: reopen the card.`,
    );
  if (!Object.hasOwn(REFUND_REASONS, draft.reason)) return refuse('Choose a reason.');
  const max = refundableAmount(payment);
  let minorUnits = max;
  if (!draft.whole) {
    const typed = readTypedAmount(draft, payment.currency);
    if (typeof typed !== 'number') return typed;
    minorUnits = typed;
    if (minorUnits > max)
      return refuse(
        `That is more than remains refundable: at most ${formatMinorUnits(max, payment.currency)} can be refunded.`,
      );
  }
  const overLimit = overCreditLimit(minorUnits, payment.currency, guardrails, 'refund');
  if (overLimit) return refuse(overLimit);
  const note = checkNote(draft.note);
  if (typeof note !== 'string') return note;
  return {
    ok: true,
    minorUnits,
    params: {
      ...(payment.id.startsWith('pi_') ? { payment_intent: payment.id } : { charge: payment.id }),
      // Always named, the whole remainder too: Stripe refunds exactly what the review said.
      amount: minorUnits,
      reason: draft.reason,
    },
    note,
  };
}

/**
 * The refund in the agent's words, as the review shows it and Confirm sends it: "Refund
 * $20.00 of $49.00 to Visa •••• 4242; $9.00 will remain refundable."
 */
export function describeRefund(checked: CheckedRefund, payment: RefundablePayment): string {
  const money = (minor: number) => formatMinorUnits(minor, payment.currency);
  const left = refundableAmount(payment) - checked.minorUnits;
  const sentences = [
    `Refund ${money(checked.minorUnits)} of ${money(payment.amount)} to ${payment.method}; ${
      left > 0 ? `${money(left)} will remain refundable` : 'nothing will remain refundable'
    }.`,
    payment.refunded > 0 ? `${money(payment.refunded)} was refunded before.` : '',
    `Reason: ${REFUND_REASONS[checked.params.reason].toLowerCase()}.`,
    checked.params.reason === 'fraudulent'
      ? "Stripe also adds this card and the customer's email to the account's block lists."
      : '',
    checked.note ? `Note: “${checked.note}”.` : '',
    payment.invoice
      ? 'The invoice it paid will still show as paid in full: a credit note on the invoice keeps its books right.'
      : '',
  ];
  return sentences.filter(Boolean).join(' ');
}
