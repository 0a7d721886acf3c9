import {
  anyAnswer,
  listProbe,
  PROBE_ID,
  probeKey,
  type PermissionProbe,
} from '../../stripe/key-permissions';

export const CHECKOUT_SESSION_PERMISSIONS: readonly PermissionProbe[] = [
  listProbe('reading Checkout Sessions', '/v1/checkout/sessions'),
  {
    needFor: 'expiring Checkout Sessions',
    required: true,
    request: (mode) => ({
      method: 'POST',
      path: `/v1/checkout/sessions/cs_${mode}_${PROBE_ID}/expire`,
      idempotencyKey: probeKey(),
      schema: anyAnswer,
    }),
  },
];
