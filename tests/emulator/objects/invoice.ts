import type { Decoded } from '../form-decoding';
import {
  allowOnly,
  defineRoute,
  expansions,
  invalid,
  listPage,
  notFound,
  pageLimit,
  type EmulatedObject,
  type Mode,
} from '../route-kit';
import { seedInvoices, type SeedCreditNote, type SeedInvoice } from '../seed-data';

export interface InvoiceState {
  invoices: SeedInvoice[];
}

/** What the credit notes issued on an invoice took off before payment, and after. */
export function creditedSoFar(invoice: SeedInvoice, notes: SeedCreditNote[]) {
  const issued = notes.filter((n) => n.invoice === invoice.id && n.status === 'issued');
  return {
    pre: issued.reduce((sum, n) => sum + n.pre_payment_amount, 0),
    post: issued.reduce((sum, n) => sum + n.post_payment_amount, 0),
  };
}

/** An invoice's amounts are its own less its credit notes', so they are worked out on reading. */
export function invoiceJson(i: SeedInvoice, creditNotes: SeedCreditNote[]) {
  const credited = creditedSoFar(i, creditNotes);
  const finalized = i.status !== 'draft';
  return {
    id: i.id,
    object: 'invoice',
    customer: i.customer,
    customer_name: i.customer_name,
    customer_email: i.customer_email,
    number: i.number,
    status: i.status,
    total: i.total,
    amount_due: i.total - credited.pre,
    amount_paid: i.amount_paid,
    amount_remaining: i.status === 'void' ? 0 : i.total - i.amount_paid - credited.pre,
    pre_payment_credit_notes_amount: credited.pre,
    post_payment_credit_notes_amount: credited.post,
    currency: i.currency,
    created: i.created,
    due_date: null,
    hosted_invoice_url: finalized
      ? `https://invoice.stripe.com/i/acct_1Emulator/test_${i.id.slice(3)}`
      : null,
    invoice_pdf: finalized
      ? `https://pay.stripe.com/invoice/acct_1Emulator/test_${i.id.slice(3)}/pdf`
      : null,
    livemode: i.livemode,
  };
}

export function findInvoice(invoices: SeedInvoice[], id: string, mode: Mode): SeedInvoice {
  const found = invoices.find((i) => i.id === id);
  if (found && found.livemode === (mode === 'live')) return found;
  throw notFound('invoice', id, found ? (found.livemode ? 'live' : 'test') : null, mode);
}

export const emulatedInvoice: EmulatedObject<InvoiceState> = {
  seed: () => ({ invoices: seedInvoices() }),
  routes: [
    defineRoute({
      method: 'GET',
      path: '/v1/invoices',
      permission: 'rak_invoice_read',
      handle(
        { query, livemode, path },
        { invoices, creditNotes }: InvoiceState & { creditNotes: SeedCreditNote[] },
      ) {
        allowOnly(query, ['limit', 'customer', 'status', 'starting_after', 'expand']);
        return listPage(
          invoices
            .filter((i) => i.livemode === livemode)
            .filter((i) => query.customer === undefined || i.customer === query.customer)
            .filter((i) => query.status === undefined || i.status === query.status),
          query,
          (i) => invoiceJson(i, creditNotes),
          path,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/invoices/:id',
      permission: 'rak_invoice_read',
      handle: ({ params, mode }, { invoices, creditNotes }) =>
        invoiceJson(findInvoice(invoices, params.id, mode), creditNotes),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/invoices/:id/lines',
      permission: 'rak_invoice_read',
      handle(
        { params, query, mode, path },
        { invoices }: InvoiceState & { creditNotes: SeedCreditNote[] },
      ) {
        allowOnly(query, ['limit', 'starting_after', 'expand']);
        const invoice = findInvoice(invoices, params.id, mode);
        const limit = pageLimit(query);
        const data = invoice.lines.slice(0, limit).map((line) => ({
          ...line,
          object: 'line_item',
          currency: invoice.currency,
        }));
        return {
          object: 'list',
          data,
          has_more: invoice.lines.length > limit,
          total_count: invoice.lines.length,
          url: path,
        };
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/invoice_payments',
      permission: 'rak_invoice_read',
      handle(
        { query, mode, path, requirePermission },
        { invoices }: InvoiceState & { creditNotes: SeedCreditNote[] },
      ) {
        allowOnly(query, ['invoice', 'status', 'limit', 'starting_after', 'expand', 'payment']);
        // By payment: the invoice this PaymentIntent paid, if any (its ID's body is the invoice's).
        const payment = query.payment as Record<string, Decoded> | undefined;
        if (typeof query.invoice !== 'string' && typeof payment?.payment_intent !== 'string')
          throw invalid('Missing required param: invoice.', 'invoice');
        const byPayment =
          typeof query.invoice === 'string'
            ? null
            : invoices.find(
                (i) =>
                  `pi_${i.id.slice(3)}` === payment!.payment_intent &&
                  i.livemode === (mode === 'live'),
              );
        if (byPayment === undefined)
          return { object: 'list', data: [], has_more: false, url: path };
        const invoice = byPayment ?? findInvoice(invoices, String(query.invoice), mode);
        const expand = expansions(query);
        const expandIntent = expand.some((e) => e.startsWith('data.payment.payment_intent'));
        if (expandIntent) requirePermission('rak_payment_intent_read');
        const paidBy = invoice.paid_by;
        const data =
          paidBy?.type === 'card' && (query.status === undefined || query.status === 'paid')
            ? [
                {
                  id: `inpay_${invoice.id.slice(3)}`,
                  object: 'invoice_payment',
                  amount_paid: invoice.amount_paid,
                  amount_requested: invoice.total,
                  currency: invoice.currency,
                  invoice: invoice.id,
                  is_default: true,
                  livemode: invoice.livemode,
                  status: 'paid',
                  payment: {
                    type: 'payment_intent',
                    payment_intent: expandIntent
                      ? {
                          id: `pi_${invoice.id.slice(3)}`,
                          object: 'payment_intent',
                          payment_method: expand.includes(
                            'data.payment.payment_intent.payment_method',
                          )
                            ? {
                                id: `pm_${invoice.id.slice(3)}`,
                                object: 'payment_method',
                                type: 'card',
                                card: { brand: paidBy.brand, last4: paidBy.last4 },
                              }
                            : `pm_${invoice.id.slice(3)}`,
                        }
                      : `pi_${invoice.id.slice(3)}`,
                  },
                  created: invoice.created,
                },
              ]
            : [];
        return { object: 'list', data, has_more: false, url: path };
      },
    }),
  ],
};
