import type { Decoded } from './form-decoding';
import type { SeedCreditNote, SeedInvoice } from './seed-data';

/**
 * How Stripe works out a credit note from its parameters, for `POST /v1/credit_notes` and its
 * preview alike: the amount (a total, or line by line), what lowers the invoice's amount
 * remaining first (pre-payment), and the rest (post-payment), which must be placed exactly
 * across refund, customer balance and outside Stripe.
 */
export type CreditNoteOutcome =
  | {
      ok: true;
      total: number;
      prePayment: number;
      postPayment: number;
      refund: number;
      credit: number;
      outOfBand: number;
      lines: Array<{ invoice_line_item: string; quantity: number | null; amount: number }>;
    }
  | { ok: false; message: string; param?: string; code?: string };

const REASONS = ['duplicate', 'fraudulent', 'order_change', 'product_unsatisfactory'];

const integer = (value: Decoded | undefined): number | null =>
  typeof value === 'string' && /^\d+$/.test(value) && Number.isSafeInteger(Number(value))
    ? Number(value)
    : null;

const money = (minor: number, currency: string) => `${minor} ${currency}`;

/** What is still creditable on an invoice: its total less the credit notes issued on it. */
export function creditedSoFar(invoice: SeedInvoice, notes: SeedCreditNote[]) {
  const issued = notes.filter((n) => n.invoice === invoice.id && n.status === 'issued');
  return {
    pre: issued.reduce((sum, n) => sum + n.pre_payment_amount, 0),
    post: issued.reduce((sum, n) => sum + n.post_payment_amount, 0),
  };
}

export function workOutCreditNote(
  invoice: SeedInvoice,
  notes: SeedCreditNote[],
  form: Record<string, Decoded>,
): CreditNoteOutcome {
  const fail = (message: string, param?: string, code?: string): CreditNoteOutcome => ({
    ok: false,
    message,
    ...(param ? { param } : {}),
    ...(code ? { code } : {}),
  });
  if (invoice.status === 'draft')
    return fail(
      `The invoice ${invoice.id} is a draft. You can only create a credit note on a finalized invoice; edit the draft instead.`,
      'invoice',
      'invoice_not_finalized',
    );
  if (invoice.status === 'void' || invoice.status === 'uncollectible')
    return fail(
      `You can't create a credit note on an invoice with status \`${invoice.status}\`.`,
      'invoice',
    );
  if (form.reason !== undefined && !REASONS.includes(String(form.reason)))
    return fail(`Invalid reason: must be one of ${REASONS.join(', ')}`, 'reason');
  if (typeof form.memo === 'string' && form.memo.length > 5000)
    return fail('Invalid string: must be at most 5000 characters', 'memo');

  const lines: Array<{ invoice_line_item: string; quantity: number | null; amount: number }> = [];
  let total: number;
  if (form.lines !== undefined) {
    if (form.amount !== undefined)
      return fail('You may pass either `amount` or `lines`, not both.', 'amount');
    const given = form.lines;
    if (!Array.isArray(given) || given.length === 0) return fail('Invalid array', 'lines');
    for (const [index, raw] of given.entries()) {
      const line = raw as Record<string, Decoded>;
      const param = `lines[${index}]`;
      if (line.type !== 'invoice_line_item')
        return fail(`Invalid ${param}[type]: must be invoice_line_item`, `${param}[type]`);
      const invoiceLine = invoice.lines.find((l) => l.id === line.invoice_line_item);
      if (!invoiceLine)
        return fail(
          `No such invoice line item: '${String(line.invoice_line_item)}' on invoice ${invoice.id}`,
          `${param}[invoice_line_item]`,
        );
      if ((line.quantity === undefined) === (line.amount === undefined))
        return fail(`Pass exactly one of quantity or amount for ${param}.`, param);
      if (line.quantity !== undefined) {
        const quantity = integer(line.quantity);
        if (quantity === null || quantity < 1 || quantity > invoiceLine.quantity)
          return fail(
            `The quantity for ${param} must be between 1 and ${invoiceLine.quantity}.`,
            `${param}[quantity]`,
          );
        lines.push({
          invoice_line_item: invoiceLine.id,
          quantity,
          amount: Math.round((invoiceLine.amount / invoiceLine.quantity) * quantity),
        });
      } else {
        const amount = integer(line.amount);
        if (amount === null || amount < 1 || amount > invoiceLine.amount)
          return fail(
            `The amount for ${param} must be between 1 and ${invoiceLine.amount}.`,
            `${param}[amount]`,
          );
        lines.push({ invoice_line_item: invoiceLine.id, quantity: null, amount });
      }
    }
    total = lines.reduce((sum, l) => sum + l.amount, 0);
  } else {
    const amount = integer(form.amount);
    if (form.amount === undefined)
      return fail('You must pass either `amount` or `lines`.', 'amount');
    if (amount === null || amount < 1)
      return fail(`Invalid positive integer: ${String(form.amount)}`, 'amount');
    total = amount;
  }

  const credited = creditedSoFar(invoice, notes);
  const creditable = invoice.total - credited.pre - credited.post;
  if (total > creditable)
    return fail(
      `The credit note total (${money(total, invoice.currency)}) exceeds the maximum amount that can be credited for this invoice (${money(creditable, invoice.currency)}).`,
      'amount',
    );
  const remaining = invoice.total - invoice.amount_paid - credited.pre;
  const prePayment = Math.min(total, Math.max(0, remaining));
  const postPayment = total - prePayment;

  const parts = { refund: 0, credit: 0, outOfBand: 0 };
  const fields = [
    ['refund_amount', 'refund'],
    ['credit_amount', 'credit'],
    ['out_of_band_amount', 'outOfBand'],
  ] as const;
  for (const [param, part] of fields) {
    if (form[param] === undefined) continue;
    const value = integer(form[param]);
    if (value === null) return fail(`Invalid integer: ${String(form[param])}`, param);
    parts[part] = value;
  }
  if (form.refunds !== undefined)
    return fail('Linking existing refunds is not supported by this emulator.', 'refunds');
  const placed = parts.refund + parts.credit + parts.outOfBand;
  if (placed !== postPayment)
    return fail(
      `The sum of credit amount, refund amount and out of band amount (${money(placed, invoice.currency)}) must equal the credit note's post-payment amount (${money(postPayment, invoice.currency)}).`,
      'amount',
    );
  if (parts.refund > 0) {
    if (invoice.paid_by?.type !== 'card')
      return fail(
        `The invoice ${invoice.id} has no payment through Stripe to refund: it was paid outside Stripe.`,
        'refund_amount',
      );
    const refundable = invoice.amount_paid - invoice.refunded;
    if (refundable <= 0)
      return fail(
        `Charge ch_${invoice.id.slice(3)} has already been refunded.`,
        'refund_amount',
        'charge_already_refunded',
      );
    if (parts.refund > refundable)
      return fail(
        `Refund amount (${money(parts.refund, invoice.currency)}) is greater than the unrefunded amount on the charge (${money(refundable, invoice.currency)}).`,
        'refund_amount',
      );
  }
  return { ok: true, total, prePayment, postPayment, ...parts, lines };
}
