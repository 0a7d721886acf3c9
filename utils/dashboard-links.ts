import type { StripeMode } from './stripe-id-grammar';

const DASHBOARD = 'https://dashboard.stripe.com/';

const dashboardRoot = (mode: StripeMode) => (mode === 'test' ? `${DASHBOARD}test/` : DASHBOARD);

export const customerDashboardUrl = (id: string, mode: StripeMode) =>
  `${dashboardRoot(mode)}customers/${encodeURIComponent(id)}`;

/** Checkout Sessions have no page of their own in the Dashboard; search finds them. */
export const checkoutSessionDashboardUrl = (id: string, mode: StripeMode) =>
  `${dashboardRoot(mode)}search?query=${encodeURIComponent(id)}`;
