import { runAttempt, type ActionBase } from '../../kit';
import { failure, success, type Reply } from '../../messaging/reply';
import { reconcilePortalLink } from './reconcile';
import { BillingPortalSession } from './schema';

export const PORTAL_FLOWS = ['none', 'payment_method_update', 'subscription_cancel'] as const;
export type PortalFlow = (typeof PORTAL_FLOWS)[number];

const PORTAL_SETTINGS_URL = {
  test: 'https://dashboard.stripe.com/test/settings/billing/portal',
  live: 'https://dashboard.stripe.com/settings/billing/portal',
} as const;

/**
 * Creates a billing-portal session for the customer. Its URL logs the customer in, so it is
 * handed to the card only: never journaled, logged or kept.
 */
export async function createPortalLinkAction(
  input: ActionBase & {
    flow: PortalFlow;
    /** Required with the subscription_cancel flow. */
    subscriptionId?: string;
    returnUrl: string | null;
    /** A billing portal configuration (bpc_…); null for the account's default. */
    configurationId: string | null;
  },
): Promise<Reply<{ url: string }>> {
  if (input.flow === 'subscription_cancel' && !input.subscriptionId)
    return failure('Choose which subscription the customer should be able to cancel.');
  const flowData =
    input.flow === 'payment_method_update'
      ? { type: 'payment_method_update' }
      : input.flow === 'subscription_cancel'
        ? {
            type: 'subscription_cancel',
            subscription_cancel: { subscription: input.subscriptionId! },
          }
        : undefined;
  const params = {
    customer: input.objectId,
    ...(input.returnUrl ? { return_url: input.returnUrl } : {}),
    ...(input.configurationId ? { configuration: input.configurationId } : {}),
    ...(flowData ? { flow_data: flowData } : {}),
  };
  return runAttempt(input, {
    action: 'create_portal_link',
    request: { method: 'POST', path: '/v1/billing_portal/sessions', params },
    schema: BillingPortalSession,
    reconcile: reconcilePortalLink,
    // The URL is not journaled (it logs the customer in), so a repeat asks Stripe again: it
    // replays the same session within 24 hours, and a later extra session is harmless.
    resendWhenDone: true,
    done: ({ data }) => success({ url: data.url }),
    explainError: async (error) =>
      /portal settings|customer portal/i.test(String((error as Error).message))
        ? `The customer portal is not set up for ${input.account.mode} mode yet. Save its settings in the Stripe Dashboard (Settings → Billing → Customer portal: ${PORTAL_SETTINGS_URL[input.account.mode]}), then try again.`
        : null,
  });
}
