import {
  anyAnswer,
  listProbe,
  PROBE_ID,
  probeKey,
  type PermissionProbe,
} from '../../stripe/key-permissions';

export const PAYMENT_PERMISSIONS: readonly PermissionProbe[] = [
  listProbe(
    'showing payments, refunding them, and refunding a credit note to the card that paid',
    '/v1/payment_intents',
    'PaymentIntents',
    false,
  ),
  listProbe('showing charges: card, refunded so far, disputes', '/v1/charges', 'Charges', false),
  {
    needFor: 'refunding payments',
    dashboard: { resource: 'Refunds', access: 'Write' },
    required: false,
    // Canceling a refund that does not exist: 404 when the key may write refunds, 403 if not.
    request: () => ({
      method: 'POST',
      path: `/v1/refunds/re_${PROBE_ID}/cancel`,
      idempotencyKey: probeKey(),
      schema: anyAnswer,
    }),
  },
];
