import type { Found, LookUpInput } from '../../background/request-handler';
import type { Reply } from '../../messaging/reply';
import type { UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { lookUpInEitherMode } from '../either-mode-look-up';
import { listCreditNotesOf, listInvoiceLines, retrieveInvoice } from './api';
import { invoiceFacts } from './facts';
import { toInvoiceSummary, type InvoiceView } from './view';

/** Lines the card lists; past them, "and N more". */
export const LINES_SHOWN = 10;
const CREDIT_NOTES_SHOWN = 10;

/** An `in_` ID carries no mode: see lookUpInEitherMode. */
export const lookUpInvoice = (input: LookUpInput): Promise<Reply<Found<InvoiceView>>> =>
  lookUpInEitherMode(input, (account, stripe, foundInOtherMode) =>
    readInvoice(account, stripe, input.objectId, foundInOtherMode),
  );

async function readInvoice(
  account: UsableAccount,
  stripe: StripeClient,
  invoiceId: string,
  foundInOtherMode: boolean,
): Promise<Found<InvoiceView>> {
  // The three reads go out together. Lines and credit notes are optional: a restricted key
  // without them still gets the invoice.
  const invoiceRead = retrieveInvoice(stripe, invoiceId);
  const linesRead = listInvoiceLines(stripe, invoiceId, LINES_SHOWN).then(
    ({ data }) => data,
    () => null,
  );
  const notesRead = listCreditNotesOf(stripe, invoiceId, CREDIT_NOTES_SHOWN).then(
    ({ data }) => data.data,
    () => null,
  );
  const [{ data: invoice }, lines, notes] = await Promise.all([invoiceRead, linesRead, notesRead]);
  const customerId =
    typeof invoice.customer === 'string' ? invoice.customer : (invoice.customer?.id ?? null);
  const shownLines = lines?.data ?? [];
  const view: InvoiceView = {
    ...toInvoiceSummary(invoice),
    mode: account.mode,
    accountLabel: account.label,
    dashboardUrl: invoiceFacts.dashboardUrl(invoice.id, account.mode),
    foundInOtherMode,
    customer: customerId
      ? {
          id: customerId,
          name: invoice.customer_name ?? null,
          email: invoice.customer_email ?? null,
        }
      : null,
    amountPaid: invoice.amount_paid ?? invoice.total - invoice.amount_remaining,
    dueDate: invoice.due_date ?? null,
    lines: shownLines.map((line) => ({
      id: line.id,
      description: line.description ?? null,
      quantity: line.quantity ?? null,
      amount: line.amount,
    })),
    moreLines: Math.max(0, (lines?.total_count ?? shownLines.length) - shownLines.length),
    creditNotes:
      notes?.map((note) => ({
        id: note.id,
        number: note.number ?? null,
        total: note.total,
        status: note.status,
        reason: note.reason ?? null,
      })) ?? null,
  };
  // The card may open the invoice's customer, and nothing else.
  return { view, account, reachable: customerId ? [customerId] : [] };
}
