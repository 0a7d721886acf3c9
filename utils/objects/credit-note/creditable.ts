import type { StripeClient } from '../../stripe/client';
import { listInvoiceLines, listInvoicePayments, retrieveInvoice } from '../invoice/api';
import type { CreditableInvoice, PaidBy } from './draft';
import type { Invoice } from '../invoice/schema';
import { cardLabel } from '../payment/method-label';

/** Lines the card lists and may credit one by one; past them, "and N more". */
export const LINES_SHOWN = 10;

type Payments = Awaited<ReturnType<typeof listInvoicePayments>>['data'];

/** How the invoice was paid, from its payments; null while nothing is paid. */
export function paidByOf(invoice: Invoice, payments: Payments | null): PaidBy | null {
  if (!invoice.amount_paid) return null;
  if (payments === null) return { kind: 'unknown' };
  const throughStripe = payments.data.find(
    (p) =>
      p.status === 'paid' && (p.payment.type === 'payment_intent' || p.payment.type === 'charge'),
  );
  if (!throughStripe) return { kind: 'outside' };
  const intent = throughStripe.payment.payment_intent;
  const method = typeof intent === 'object' && intent ? intent.payment_method : null;
  const card = typeof method === 'object' && method?.type === 'card' ? method.card : null;
  return {
    kind: 'card',
    label: card ? cardLabel(card) : 'the original payment method',
  };
}

/**
 * The invoice with what a credit note's checks need: its first lines and how it was paid,
 * read together. Lines and payments are optional reads: a key without them still gets the
 * invoice (no line-by-line credit, no refund).
 */
export async function readCreditableInvoice(stripe: StripeClient, invoiceId: string) {
  // A payments read that fails for any reason leaves how it was paid unknown: no refund.
  const optional = <T>(read: Promise<{ data: T }>) =>
    read.then(
      ({ data }) => data,
      () => null,
    );
  const [{ data: invoice }, lines, payments] = await Promise.all([
    retrieveInvoice(stripe, invoiceId),
    optional(listInvoiceLines(stripe, invoiceId, LINES_SHOWN)),
    optional(listInvoicePayments(stripe, invoiceId)),
  ]);
  const shownLines = lines?.data ?? [];
  const creditable: CreditableInvoice = {
    id: invoice.id,
    number: invoice.number ?? null,
    status: invoice.status,
    currency: invoice.currency,
    total: invoice.total,
    amountPaid: invoice.amount_paid ?? invoice.total - invoice.amount_remaining,
    amountRemaining: invoice.amount_remaining,
    alreadyCredited:
      (invoice.pre_payment_credit_notes_amount ?? 0) +
      (invoice.post_payment_credit_notes_amount ?? 0),
    lines: shownLines.map((line) => ({
      id: line.id,
      description: line.description ?? null,
      quantity: line.quantity ?? null,
      amount: line.amount,
    })),
    paidBy: paidByOf(invoice, payments),
  };
  const moreLines = Math.max(0, (lines?.total_count ?? shownLines.length) - shownLines.length);
  return { invoice, creditable, moreLines };
}
