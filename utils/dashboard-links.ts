import type { StripeMode } from './stripe-id-grammar';

const DASHBOARD = 'https://dashboard.stripe.com/';

/** The Dashboard's root for a mode; each object kind's facts add its own page. */
export const dashboardRoot = (mode: StripeMode) =>
  mode === 'test' ? `${DASHBOARD}test/` : DASHBOARD;
