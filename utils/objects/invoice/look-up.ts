import type { Reply } from '../../messaging/reply';
import type { UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { lookUpInEitherMode, type Found, type LookUpInput } from '../../kit';
import { listCreditNotesOf } from '../credit-note/api';
import { readCreditableInvoice } from '../credit-note/creditable';
import { invoiceFacts } from './facts';
import { toInvoiceSummary, type InvoiceView } from './view';

export { LINES_SHOWN } from '../credit-note/creditable';
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
  // Every read goes out together. Credit notes are optional: a restricted key without them
  // still gets the invoice.
  const notesRead = listCreditNotesOf(stripe, invoiceId, CREDIT_NOTES_SHOWN).then(
    ({ data }) => data.data,
    () => null,
  );
  const [{ invoice, creditable, moreLines }, notes] = await Promise.all([
    readCreditableInvoice(stripe, invoiceId),
    notesRead,
  ]);
  const customerId =
    typeof invoice.customer === 'string' ? invoice.customer : (invoice.customer?.id ?? null);
  const view: InvoiceView = {
    ...toInvoiceSummary(invoice),
    ...creditable,
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
    dueDate: invoice.due_date ?? null,
    moreLines,
    creditNotes:
      notes?.map((note) => ({
        id: note.id,
        number: note.number ?? null,
        total: note.total,
        status: note.status,
        reason: note.reason ?? null,
      })) ?? null,
  };
  // The card may open the invoice's customer and its credit notes, and void those issued.
  const reachable = [...(customerId ? [customerId] : []), ...(notes ?? []).map((note) => note.id)];
  return { view, account, reachable };
}
