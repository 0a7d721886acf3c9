import type { StripeClient } from '../../stripe/client';
import type { FormValue } from '../../stripe/form-encoding';
import { CreditNote, CreditNoteList } from './schema';

/** Credit notes issued against the invoice, newest first. */
export const listCreditNotesOf = (stripe: StripeClient, invoiceId: string, limit: number) =>
  stripe({
    method: 'GET',
    path: '/v1/credit_notes',
    params: { invoice: invoiceId, limit },
    schema: CreditNoteList,
  });

export const creditNotePath = (id: string) => `/v1/credit_notes/${encodeURIComponent(id)}`;

export const retrieveCreditNote = (stripe: StripeClient, id: string) =>
  stripe({ method: 'GET', path: creditNotePath(id), schema: CreditNote });

/** What Stripe would make of these parameters: the same ones the POST will carry. */
export const previewCreditNote = (stripe: StripeClient, params: Record<string, FormValue>) =>
  stripe({ method: 'GET', path: '/v1/credit_notes/preview', params, schema: CreditNote });

/** A page of an invoice's credit notes, for finding a lost one by its attempt. */
export const listCreditNotesPage = (
  stripe: StripeClient,
  invoiceId: string,
  startingAfter?: string,
) =>
  stripe({
    method: 'GET',
    path: '/v1/credit_notes',
    params: {
      invoice: invoiceId,
      limit: 100,
      ...(startingAfter ? { starting_after: startingAfter } : {}),
    },
    schema: CreditNoteList,
  });
