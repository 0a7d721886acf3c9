import {
  anyAnswer,
  listProbe,
  PROBE_ID,
  probeKey,
  type PermissionProbe,
} from '../../stripe/key-permissions';

export const CHECKOUT_SESSION_PERMISSIONS: readonly PermissionProbe[] = [
  listProbe('reading Checkout Sessions', '/v1/checkout/sessions', 'Checkout Sessions'),
  {
    needFor: 'expiring Checkout Sessions',
    dashboard: { resource: 'Checkout Sessions', access: 'Write' },
    required: true,
    request: (mode) => ({
      method: 'POST',
      path: `/v1/checkout/sessions/cs_${mode}_${PROBE_ID}/expire`,
      idempotencyKey: probeKey(),
      schema: anyAnswer,
    }),
  },
];
