import { overCreditLimit, type Guardrails } from '../../guardrails/limits';
import {
  formatMinorUnits,
  majorUnitsText,
  minorUnitDigits,
  minorUnitStep,
} from '../../currency-units';
import { parseTypedAmount } from '../../money-input';
import type { Invoice } from '../invoice/schema';

/** Stripe's four reasons, in the agent's words. */
export const CREDIT_NOTE_REASONS = {
  duplicate: 'Duplicate charge',
  fraudulent: 'Fraudulent',
  order_change: 'Order change',
  product_unsatisfactory: 'Product unsatisfactory',
} as const;
export type CreditNoteReason = keyof typeof CREDIT_NOTE_REASONS;

/** Where a paid invoice's money goes: one place, or split across the three. */
export const MONEY_DESTINATIONS = ['refund', 'credit', 'out_of_band', 'split'] as const;
export type MoneyDestination = (typeof MONEY_DESTINATIONS)[number];

/** Stripe's limit on a credit note's memo. */
export const MAX_MEMO_LENGTH = 5000;

/**
 * A credit note as the agent typed it: amounts are text, read in the invoice's currency.
 * The card and the background check the same draft against the same invoice facts.
 */
export interface CreditNoteDraft {
  reason: CreditNoteReason;
  memo: string;
  /** The invoice's currency as the card showed it; anything else is refused. */
  currency: string;
  amount:
    | { by: 'total'; total: string }
    /** One row per line credited; a row with neither quantity nor amount is left out. */
    | { by: 'lines'; lines: Array<{ lineId: string; quantity: string; amount: string }> };
  destination: MoneyDestination;
  /** Used when `destination` is `split`; a blank field is nothing. */
  split: { refund: string; credit: string; outOfBand: string };
}

/** How the invoice was paid, for what a refund may do. */
export type PaidBy =
  /** A card payment through Stripe; `label` reads "Visa •••• 4242". */
  | { kind: 'card'; label: string }
  /** Marked paid outside Stripe: there is nothing to refund to. */
  | { kind: 'outside' }
  /** The key cannot read the invoice's payments, so a refund is not offered. */
  | { kind: 'unknown' };

/** What the checks need of an invoice: read fresh by the background before each send. */
export interface CreditableInvoice {
  id: string;
  number: string | null;
  status: Invoice['status'];
  currency: string;
  total: number;
  amountPaid: number;
  amountRemaining: number;
  /** Credit notes issued on it so far, that still stand. */
  alreadyCredited: number;
  lines: ReadonlyArray<{
    id: string;
    description: string | null;
    quantity: number | null;
    amount: number;
  }>;
  paidBy: PaidBy | null;
}

/** The most a new credit note may come to. */
export const creditableMax = (invoice: CreditableInvoice) =>
  Math.max(0, invoice.total - invoice.alreadyCredited);

export interface CheckedCreditNote {
  ok: true;
  total: number;
  /** What lowers the amount still due. */
  prePayment: number;
  /** The rest, placed exactly across refund, balance credit and outside Stripe. */
  postPayment: number;
  refund: number;
  credit: number;
  outOfBand: number;
  /** Stripe's parameters, but for the metadata the action adds. */
  params: {
    invoice: string;
    amount?: number;
    lines?: Array<{
      type: 'invoice_line_item';
      invoice_line_item: string;
      quantity?: number;
      amount?: number;
    }>;
    reason: CreditNoteReason;
    memo?: string;
    refund_amount?: number;
    credit_amount?: number;
    out_of_band_amount?: number;
  };
}

type Refusal = { ok: false; reason: string };
const refuse = (reason: string): Refusal => ({ ok: false, reason });

/** Why an invoice takes no credit note at all, or null when it does. */
export function notCreditableBecause(invoice: CreditableInvoice): string | null {
  switch (invoice.status) {
    case 'draft':
      return 'This invoice is a draft: change it in the Dashboard instead. Credit notes are for finalized invoices.';
    case 'void':
      return 'This invoice is void: nothing on it can be credited.';
    case 'uncollectible':
      return 'This invoice is marked uncollectible: credit it in the Dashboard, where its write-off shows.';
    case 'open':
    case 'paid':
      break;
    default:
      return 'Stripe gives this invoice no status, so no credit note is offered.';
  }
  if (creditableMax(invoice) === 0) return 'Everything on this invoice has been credited already.';
  return null;
}

/** Why a refund cannot go out for this invoice, or null when it can. */
export function noRefundBecause(invoice: CreditableInvoice): string | null {
  if (invoice.paidBy?.kind === 'card') return null;
  if (invoice.paidBy?.kind === 'unknown')
    return 'This key cannot read how the invoice was paid (it needs Invoices: read and PaymentIntents: read), so no refund is sent: credit the balance or record it as outside Stripe.';
  return 'This invoice was paid outside Stripe, so there is no card to refund: credit the balance or record it as outside Stripe.';
}

/**
 * The rest of the sentence refusing a line's share by quantity that Stripe would not take as
 * an amount (1 of 2 at 2.010 KWD is 1.005), with the nearest amounts to credit instead, or
 * null when it is fine. Refused, not rounded: the API notes leave the choice of 5.120 or
 * 5.130 to the client, and the agent should see which one goes out.
 */
function offStepShare(minor: number, lineAmount: number, currency: string): string | null {
  const step = minorUnitStep(currency);
  if (minor % step === 0) return null;
  const code = currency.toUpperCase();
  const digits = minorUnitDigits(currency);
  // Shown to the last minor digit, where formatMinorUnits would round ISK 1.50 to ISK 2.
  const exact = `${(minor / 10 ** digits).toFixed(digits)} ${code}`;
  const rule =
    digits === 3
      ? `Stripe needs the last of the three ${code} decimals to be 0`
      : `${code} amounts are whole numbers`;
  const down = Math.floor(minor / step) * step;
  const up = down + step;
  const instead = [down, up]
    .filter((amount) => amount > 0 && amount <= lineAmount)
    .map((amount) => majorUnitsText(amount, currency));
  return instead.length > 0
    ? `comes to ${exact}, and ${rule}: credit an amount instead, ${instead.join(' or ')}.`
    : `comes to ${exact}, and ${rule}: credit the invoice by its total instead.`;
}

/** One line's credit, by quantity or by amount, in minor units. */
function lineCredit(
  row: { lineId: string; quantity: string; amount: string },
  invoice: CreditableInvoice,
): Refusal | { line: NonNullable<CheckedCreditNote['params']['lines']>[number]; minor: number } {
  const line = invoice.lines.find((l) => l.id === row.lineId);
  if (!line) return refuse('A line is not on this invoice any more: reopen the card.');
  const name = `“${line.description ?? line.id}”`;
  const quantity = row.quantity.trim();
  const amount = row.amount.trim();
  if (quantity && amount) return refuse(`For ${name}, give a quantity or an amount, not both.`);
  if (quantity) {
    if (line.quantity === null)
      return refuse(`${name} has no quantity to credit: give an amount instead.`);
    if (!/^\d+$/.test(quantity) || Number(quantity) < 1 || Number(quantity) > line.quantity)
      return refuse(`For ${name}, the quantity must be a whole number from 1 to ${line.quantity}.`);
    const unit = line.amount / line.quantity;
    if (!Number.isInteger(unit))
      return refuse(
        `${name} costs ${formatMinorUnits(line.amount, invoice.currency)} for ${line.quantity}, which does not divide evenly: credit an amount instead.`,
      );
    const minor = unit * Number(quantity);
    const offStep = offStepShare(minor, line.amount, invoice.currency);
    if (offStep) return refuse(`For ${name}, ${Number(quantity)} of ${line.quantity} ${offStep}`);
    return {
      line: { type: 'invoice_line_item', invoice_line_item: line.id, quantity: Number(quantity) },
      minor,
    };
  }
  const parsed = parseTypedAmount(amount, invoice.currency);
  if (!parsed.ok) return refuse(`For ${name}: ${parsed.reason}`);
  if (parsed.minorUnits > line.amount)
    return refuse(
      `For ${name}, the amount is more than the line (${formatMinorUnits(line.amount, invoice.currency)}).`,
    );
  return {
    line: { type: 'invoice_line_item', invoice_line_item: line.id, amount: parsed.minorUnits },
    minor: parsed.minorUnits,
  };
}

/** A typed part of a split: blank is nothing, anything else an amount. */
function splitPart(typed: string, label: string, currency: string): Refusal | number {
  if (/^0*(?:[.,]0*)?$/.test(typed.trim())) return 0;
  const parsed = parseTypedAmount(typed, currency);
  return parsed.ok ? parsed.minorUnits : refuse(`${label}: ${parsed.reason}`);
}

/** The credit note's total as typed: one amount, or the lines' credits added up. */
export function readDraftAmount(
  draft: Pick<CreditNoteDraft, 'amount'>,
  invoice: CreditableInvoice,
): Refusal | { ok: true; total: number; lines?: CheckedCreditNote['params']['lines'] } {
  if (draft.amount.by === 'total') {
    const parsed = parseTypedAmount(draft.amount.total, invoice.currency);
    return parsed.ok ? { ok: true, total: parsed.minorUnits } : refuse(parsed.reason);
  }
  const rows = draft.amount.lines.filter((row) => row.quantity.trim() || row.amount.trim());
  if (rows.length === 0) return refuse('Give a quantity or an amount for at least one line.');
  if (new Set(rows.map((row) => row.lineId)).size !== rows.length)
    return refuse('A line is listed twice.');
  const lines: NonNullable<CheckedCreditNote['params']['lines']> = [];
  let total = 0;
  for (const row of rows) {
    const credited = lineCredit(row, invoice);
    if ('ok' in credited) return credited;
    lines.push(credited.line);
    total += credited.minor;
  }
  return { ok: true, total, lines };
}

/** What part of a total lowers the amount due, and what is left to place (paid money). */
export const splitOfTotal = (
  total: number,
  invoice: Pick<CreditableInvoice, 'amountRemaining'>,
) => {
  const prePayment = Math.min(total, Math.max(0, invoice.amountRemaining));
  return { prePayment, postPayment: total - prePayment };
};

/** A split's three parts added up, or null while one of them is not an amount. */
export function placedBySplit(split: CreditNoteDraft['split'], currency: string): number | null {
  const parts = [split.refund, split.credit, split.outOfBand].map((typed) =>
    splitPart(typed, '', currency),
  );
  return parts.every((part) => typeof part === 'number')
    ? (parts as number[]).reduce((sum, part) => sum + part, 0)
    : null;
}

/**
 * Everything that must hold before a credit note is previewed or issued, with a sentence
 * that says what to fix. Nothing here reads Stripe: the invoice facts are given.
 */
export function checkCreditNoteDraft(
  draft: CreditNoteDraft,
  invoice: CreditableInvoice,
  guardrails: Guardrails,
): CheckedCreditNote | Refusal {
  const blocked = notCreditableBecause(invoice);
  if (blocked) return refuse(blocked);
  const currency = invoice.currency;
  const money = (minor: number) => formatMinorUnits(minor, currency);
  if (draft.currency.toLowerCase() !== currency)
    return refuse(
      `This invoice is in ${currency.toUpperCase()}: a credit note is always in the invoice's currency, not ${draft.currency.toUpperCase()}.`,
    );
  if (!Object.hasOwn(CREDIT_NOTE_REASONS, draft.reason)) return refuse('Choose a reason.');

  const amount = readDraftAmount(draft, invoice);
  if (!amount.ok) return amount;
  const { total } = amount;
  const params: CheckedCreditNote['params'] = {
    invoice: invoice.id,
    reason: draft.reason,
    ...(amount.lines ? { lines: amount.lines } : { amount: total }),
  };

  const max = creditableMax(invoice);
  if (total > max)
    return refuse(
      `That is more than this invoice can still be credited: at most ${money(max)}` +
        (invoice.alreadyCredited
          ? ` (total ${money(invoice.total)}, ${money(invoice.alreadyCredited)} credited already).`
          : ` (its total).`),
    );
  const overLimit = overCreditLimit(total, currency, guardrails);
  if (overLimit) return refuse(overLimit);

  const { prePayment, postPayment } = splitOfTotal(total, invoice);
  let parts = { refund: 0, credit: 0, outOfBand: 0 };
  if (postPayment > 0) {
    if (draft.destination === 'split') {
      const refund = splitPart(draft.split.refund, 'Refund', currency);
      const credit = splitPart(draft.split.credit, 'To balance', currency);
      const outOfBand = splitPart(draft.split.outOfBand, 'Outside', currency);
      for (const part of [refund, credit, outOfBand]) if (typeof part !== 'number') return part;
      parts = {
        refund: refund as number,
        credit: credit as number,
        outOfBand: outOfBand as number,
      };
      const placed = parts.refund + parts.credit + parts.outOfBand;
      if (placed !== postPayment)
        return refuse(
          placed < postPayment
            ? `The split comes to ${money(placed)}; it must come to ${money(postPayment)} (${money(postPayment - placed)} still to place).`
            : `The split comes to ${money(placed)}, ${money(placed - postPayment)} more than the ${money(postPayment)} to place.`,
        );
    } else if (draft.destination === 'refund') parts.refund = postPayment;
    else if (draft.destination === 'credit') parts.credit = postPayment;
    else parts.outOfBand = postPayment;
    if (parts.refund > 0) {
      const noRefund = noRefundBecause(invoice);
      if (noRefund) return refuse(noRefund);
    }
  }

  const memo = draft.memo.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(memo))
    return refuse('The memo contains control characters; retype it as plain text.');
  if (memo.length > MAX_MEMO_LENGTH)
    return refuse(
      `The memo is ${memo.length} characters; Stripe keeps at most ${MAX_MEMO_LENGTH}.`,
    );
  if (memo) params.memo = memo;
  if (parts.refund) params.refund_amount = parts.refund;
  if (parts.credit) params.credit_amount = parts.credit;
  if (parts.outOfBand) params.out_of_band_amount = parts.outOfBand;
  return { ok: true, total, prePayment, postPayment, ...parts, params };
}

/**
 * Where a credit note's amount goes, part by part: "$15.00 refunded to Visa •••• 4242",
 * "$5.00 credited to the customer's balance".
 */
export function creditNoteEffects(
  checked: Pick<CheckedCreditNote, 'prePayment' | 'refund' | 'credit' | 'outOfBand'>,
  invoice: Pick<CreditableInvoice, 'currency' | 'paidBy'>,
): string[] {
  const money = (minor: number) => formatMinorUnits(minor, invoice.currency);
  const effects: string[] = [];
  if (checked.prePayment) effects.push(`${money(checked.prePayment)} off what is still due`);
  if (checked.refund)
    effects.push(
      `${money(checked.refund)} refunded to ${invoice.paidBy?.kind === 'card' ? invoice.paidBy.label : 'the original payment method'}`,
    );
  if (checked.credit) effects.push(`${money(checked.credit)} credited to the customer's balance`);
  if (checked.outOfBand)
    effects.push(`${money(checked.outOfBand)} recorded as paid back outside Stripe`);
  return effects;
}

/**
 * The effect in the agent's words: "Invoice ACME-0042 total $120.00 → credit note $20.00:
 * $20.00 refunded to Visa •••• 4242. Amount remaining after: $0.00."
 */
export function describeCreditNote(
  checked: Pick<CheckedCreditNote, 'total' | 'prePayment' | 'refund' | 'credit' | 'outOfBand'>,
  invoice: Pick<
    CreditableInvoice,
    'number' | 'id' | 'total' | 'currency' | 'amountRemaining' | 'paidBy'
  >,
): string {
  const money = (minor: number) => formatMinorUnits(minor, invoice.currency);
  const effects = creditNoteEffects(checked, invoice);
  const after = Math.max(0, invoice.amountRemaining - checked.prePayment);
  return (
    `Invoice ${invoice.number ?? invoice.id} total ${money(invoice.total)} → credit note ` +
    `${money(checked.total)}: ${effects.join(', ')}. Amount remaining after: ${money(after)}.`
  );
}
