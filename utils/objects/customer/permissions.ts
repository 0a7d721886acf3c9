import {
  anyAnswer,
  listProbe,
  PROBE_ID,
  probeKey,
  type PermissionProbe,
} from '../../stripe/key-permissions';

export const CUSTOMER_PERMISSIONS: readonly PermissionProbe[] = [
  listProbe('reading customers', '/v1/customers', 'Customers'),
  {
    needFor: 'crediting customer balances',
    dashboard: { resource: 'Customers', access: 'Write' },
    required: true,
    request: () => ({
      method: 'POST',
      path: `/v1/customers/cus_${PROBE_ID}/balance_transactions`,
      params: { amount: -1, currency: 'usd' },
      idempotencyKey: probeKey(),
      schema: anyAnswer,
    }),
  },
  {
    needFor: 'creating portal links',
    dashboard: { resource: 'Customer portal', access: 'Write' },
    required: true,
    request: () => ({
      method: 'POST',
      path: '/v1/billing_portal/sessions',
      params: { customer: `cus_${PROBE_ID}` },
      idempotencyKey: probeKey(),
      schema: anyAnswer,
    }),
  },
  // Stripe's invoice preview (what cancelling a subscription now credits) needs it too.
  listProbe(
    "listing a customer's invoices, and previewing what cancelling a subscription credits",
    '/v1/invoices',
    'Invoices',
    false,
  ),
];
