import { listProbe, type PermissionProbe } from '../../stripe/key-permissions';

export const INVOICE_PERMISSIONS: readonly PermissionProbe[] = [
  listProbe('showing credit notes on invoice cards', '/v1/credit_notes', 'Credit notes', false),
  listProbe(
    'refunding a credit note to the card that paid',
    '/v1/payment_intents',
    'PaymentIntents',
    false,
  ),
];
