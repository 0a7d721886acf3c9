import { listProbe, type PermissionProbe } from '../../stripe/key-permissions';

/** PaymentIntents: read, which a credit note's refund needs too, is the payment kind's probe. */
export const INVOICE_PERMISSIONS: readonly PermissionProbe[] = [
  listProbe('showing credit notes on invoice cards', '/v1/credit_notes', 'Credit notes', false),
];
