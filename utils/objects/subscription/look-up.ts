import type { Reply } from '../../messaging/reply';
import type { UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { lookUpInEitherMode, type Found, type LookUpInput } from '../../kit';
import { retrieveSubscription } from './api';
import { subscriptionFacts } from './facts';
import { customerIdOf, latestInvoiceIdOf, toSubscriptionView, type SubscriptionView } from './view';

/** A `sub_` ID carries no mode: see lookUpInEitherMode. */
export const lookUpSubscription = (input: LookUpInput): Promise<Reply<Found<SubscriptionView>>> =>
  lookUpInEitherMode(input, (account, stripe, foundInOtherMode) =>
    readSubscription(account, stripe, input.objectId, foundInOtherMode),
  );

export async function readSubscription(
  account: UsableAccount,
  stripe: StripeClient,
  id: string,
  foundInOtherMode = false,
): Promise<Found<SubscriptionView>> {
  const { data: subscription } = await retrieveSubscription(stripe, id);
  const view = toSubscriptionView(subscription, {
    mode: account.mode,
    accountLabel: account.label,
    dashboardUrl: subscriptionFacts.dashboardUrl(subscription.id, account.mode),
    foundInOtherMode,
  });
  const invoiceId = latestInvoiceIdOf(subscription);
  // The card may open its customer and its latest invoice, and nothing else.
  return {
    view,
    account,
    reachable: [customerIdOf(subscription), ...(invoiceId ? [invoiceId] : [])],
  };
}
