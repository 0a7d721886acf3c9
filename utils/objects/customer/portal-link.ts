import {
  alreadyDoneMessage,
  journalIntent,
  runJournaledPost,
  unresolvedReply,
  failedReply,
  type ActionBase,
} from '../../journal/run-journaled-post';
import { failure, success, type Reply } from '../../messaging/reply';
import { explainStripeFailure } from '../../stripe/explain-failure';
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
  const outcome = await runJournaledPost(
    input.stripe,
    input.journal,
    journalIntent(input, 'create_portal_link', {
      method: 'POST',
      path: '/v1/billing_portal/sessions',
      params,
    }),
    BillingPortalSession,
    // The URL is not journaled (it logs the customer in), so a repeat asks Stripe again: it
    // replays the same session within 24 hours, and a later extra session is harmless.
    { resendWhenDone: true, reconcile: reconcilePortalLink },
  );
  if (outcome.kind === 'done') return success({ url: outcome.result.data.url });
  if (outcome.kind === 'already-done') return failure(alreadyDoneMessage(outcome.record));
  if (outcome.kind === 'unresolved') return unresolvedReply(outcome.record);
  if (outcome.kind === 'refused') return failure(outcome.reason);
  const explained = explainStripeFailure(outcome.error);
  if (/portal settings|customer portal/i.test(String((outcome.error as Error).message)))
    return failure(
      `The customer portal is not set up for ${input.account.mode} mode yet. Save its settings in the Stripe Dashboard (Settings → Billing → Customer portal: ${PORTAL_SETTINGS_URL[input.account.mode]}), then try again.`,
      { requestId: explained.requestId },
    );
  return failedReply(outcome);
}
