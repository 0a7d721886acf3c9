import type { Decoded } from '../form-decoding';
import {
  allowOnly,
  ApiError,
  defineRoute,
  invalid,
  listPage,
  notFound,
  randomId,
  type EmulatedObject,
  type Mode,
} from '../route-kit';
import { seedCreditNotes, type SeedCreditNote, type SeedInvoice } from '../seed-data';
import type { CustomerState } from './customer';
import { creditedSoFar, findInvoice, invoiceJson, type InvoiceState } from './invoice';

export interface CreditNoteState {
  creditNotes: SeedCreditNote[];
}

/** Its currency, customer and mode are its invoice's. */
const creditNoteJson = (note: SeedCreditNote, invoices: SeedInvoice[]) => {
  const invoice = invoices.find((i) => i.id === note.invoice)!;
  return {
    id: note.id,
    object: 'credit_note',
    amount: note.total,
    total: note.total,
    subtotal: note.total,
    currency: invoice.currency,
    customer: invoice.customer,
    invoice: note.invoice,
    number: note.number,
    status: note.status,
    reason: note.reason,
    memo: note.memo,
    metadata: note.metadata,
    type:
      note.pre_payment_amount && note.post_payment_amount
        ? 'mixed'
        : note.pre_payment_amount
          ? 'pre_payment'
          : 'post_payment',
    pre_payment_amount: note.pre_payment_amount,
    post_payment_amount: note.post_payment_amount,
    out_of_band_amount: note.out_of_band_amount || null,
    refunds: note.refund_amount
      ? [{ refund: `re_${note.id.slice(3)}`, amount_refunded: note.refund_amount }]
      : [],
    customer_balance_transaction: note.credit_amount ? `cbtxn_${note.id.slice(3)}` : null,
    pdf: `https://pay.stripe.com/credit_notes/acct_1Emulator/test_${note.id.slice(3)}/pdf`,
    created: note.created,
    livemode: invoice.livemode,
    voided_at: note.voided_at,
  };
};

function findCreditNote(
  { creditNotes, invoices }: CreditNoteState & InvoiceState,
  id: string,
  mode: Mode,
): SeedCreditNote {
  const found = creditNotes.find((n) => n.id === id);
  const livemode = found && invoices.find((i) => i.id === found.invoice)!.livemode;
  if (found && livemode === (mode === 'live')) return found;
  throw notFound('credit_note', id, found ? (livemode ? 'live' : 'test') : null, mode);
}

/** A credit note worked out from its parameters, as the preview and the POST both do. */
function creditNoteFrom(
  state: CreditNoteState & InvoiceState,
  params: Record<string, Decoded>,
  mode: Mode,
  now: () => number,
) {
  allowOnly(params, [
    'invoice',
    'amount',
    'lines',
    'credit_amount',
    'refund_amount',
    'refunds',
    'out_of_band_amount',
    'reason',
    'memo',
    'metadata',
    'email_type',
    'effective_at',
    'expand',
  ]);
  if (typeof params.invoice !== 'string')
    throw invalid('Missing required param: invoice.', 'invoice');
  const invoice = findInvoice(state.invoices, params.invoice, mode);
  const worked = workOutCreditNote(invoice, state.creditNotes, params);
  if (!worked.ok)
    throw new ApiError(
      400,
      {
        type: 'invalid_request_error',
        message: worked.message,
        ...(worked.param ? { param: worked.param } : {}),
        ...(worked.code ? { code: worked.code } : {}),
      },
      true,
    );
  const sequence = state.creditNotes.filter((n) => n.invoice === invoice.id).length + 1;
  const note: SeedCreditNote = {
    id: randomId('cn_', 24),
    number: `${invoice.number}-CN-${String(sequence).padStart(2, '0')}`,
    invoice: invoice.id,
    total: worked.total,
    status: 'issued',
    reason: typeof params.reason === 'string' ? params.reason : null,
    memo: typeof params.memo === 'string' ? params.memo : null,
    created: Math.floor(now() / 1000),
    pre_payment_amount: worked.prePayment,
    post_payment_amount: worked.postPayment,
    refund_amount: worked.refund,
    credit_amount: worked.credit,
    out_of_band_amount: worked.outOfBand,
    metadata: (params.metadata as Record<string, unknown> | undefined) ?? {},
    voided_at: null,
  };
  return { invoice, note };
}

/** What a customer's balance gains or loses with a credit note's balance credit. */
function moveBalance(
  { customers, balanceTransactions }: CustomerState,
  invoice: SeedInvoice,
  amount: number,
  description: string,
  now: () => number,
) {
  const customer = customers.get(invoice.customer)!;
  customer.currency ??= invoice.currency;
  customer.balance += amount;
  balanceTransactions.push({
    id: randomId('cbtxn_', 24),
    object: 'customer_balance_transaction',
    amount,
    currency: invoice.currency,
    customer: customer.id,
    description,
    ending_balance: customer.balance,
    metadata: {},
    type: amount < 0 ? 'credit_note' : 'adjustment',
    created: Math.floor(now() / 1000),
    livemode: invoice.livemode,
  });
}

export const emulatedCreditNote: EmulatedObject<CreditNoteState> = {
  seed: () => ({ creditNotes: seedCreditNotes() }),
  routes: [
    defineRoute({
      method: 'GET',
      path: '/v1/credit_notes',
      permission: 'rak_credit_note_read',
      handle(
        { query, livemode, path },
        { creditNotes, invoices }: CreditNoteState & InvoiceState & CustomerState,
      ) {
        allowOnly(query, ['limit', 'invoice', 'customer', 'starting_after', 'expand']);
        return listPage(
          creditNotes
            .filter((note) =>
              invoices.some((i) => i.id === note.invoice && i.livemode === livemode),
            )
            .filter((note) => query.invoice === undefined || note.invoice === query.invoice),
          query,
          (note) => creditNoteJson(note, invoices),
          path,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/credit_notes/preview',
      permission: 'rak_credit_note_read',
      handle({ query, mode, now }, state: CreditNoteState & InvoiceState & CustomerState) {
        const { note } = creditNoteFrom(state, query, mode, now);
        return {
          ...creditNoteJson(note, state.invoices),
          id: `cn_preview_${note.id.slice(3)}`,
          number: null,
        };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/credit_notes',
      permission: 'rak_credit_note_write',
      handle({ form, mode, now }, state: CreditNoteState & InvoiceState & CustomerState) {
        const { invoice, note } = creditNoteFrom(state, form, mode, now);
        state.creditNotes.push(note);
        invoice.refunded += note.refund_amount;
        if (note.credit_amount)
          moveBalance(state, invoice, -note.credit_amount, `Credit note ${note.number}`, now);
        // Credited down to nothing left to pay, an open invoice is paid.
        if (
          invoice.status === 'open' &&
          invoiceJson(invoice, state.creditNotes).amount_remaining === 0
        )
          invoice.status = 'paid';
        return creditNoteJson(note, state.invoices);
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/credit_notes/:id',
      permission: 'rak_credit_note_read',
      handle: ({ params, mode }, state: CreditNoteState & InvoiceState & CustomerState) =>
        creditNoteJson(findCreditNote(state, params.id, mode), state.invoices),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/credit_notes/:id/void',
      permission: 'rak_credit_note_write',
      handle({ params, form, mode, now }, state: CreditNoteState & InvoiceState & CustomerState) {
        allowOnly(form, ['expand']);
        const note = findCreditNote(state, params.id, mode);
        if (note.status !== 'issued')
          throw invalid(`The credit note ${note.id} has already been voided.`, undefined, true);
        const invoice = state.invoices.find((i) => i.id === note.invoice)!;
        note.status = 'void';
        note.voided_at = Math.floor(now() / 1000);
        // What it took off the amount due is due again; the balance credit is taken back. A
        // refund has left for the card and stays.
        if (
          note.pre_payment_amount &&
          invoice.status === 'paid' &&
          invoice.amount_paid < invoice.total
        )
          invoice.status = 'open';
        if (note.credit_amount)
          moveBalance(state, invoice, note.credit_amount, `Credit note ${note.number} voided`, now);
        return creditNoteJson(note, state.invoices);
      },
    }),
  ],
};

type CreditNoteOutcome =
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

/**
 * How Stripe works out a credit note from its parameters, for `POST /v1/credit_notes` and its
 * preview alike: the amount (a total, or line by line), what lowers the invoice's amount
 * remaining first (pre-payment), and the rest (post-payment), which must be placed exactly
 * across refund, customer balance and outside Stripe.
 */
function workOutCreditNote(
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
