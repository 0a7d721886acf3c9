import {
  anyAnswer,
  listProbe,
  PROBE_ID,
  probeKey,
  type PermissionProbe,
} from '../../stripe/key-permissions';

export const SUBSCRIPTION_PERMISSIONS: readonly PermissionProbe[] = [
  listProbe(
    "showing subscriptions, and the portal's cancel-subscription link",
    '/v1/subscriptions',
    'Subscriptions',
    false,
  ),
  {
    needFor: 'cancelling, pausing and resuming subscriptions',
    dashboard: { resource: 'Subscriptions', access: 'Write' },
    required: false,
    request: () => ({
      method: 'POST',
      path: `/v1/subscriptions/sub_${PROBE_ID}`,
      params: { cancel_at_period_end: false },
      idempotencyKey: probeKey(),
      schema: anyAnswer,
    }),
  },
];
