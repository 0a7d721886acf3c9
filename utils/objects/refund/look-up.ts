import { lookUpInEitherMode, type Found, type LookUpInput } from '../../kit';
import type { Reply } from '../../messaging/reply';
import type { UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { retrieveRefund } from './api';
import { refundFacts } from './facts';
import { toRefundParts, type RefundView } from './view';

/** A `re_` ID carries no mode: see lookUpInEitherMode. */
export const lookUpRefund = (input: LookUpInput): Promise<Reply<Found<RefundView>>> =>
  lookUpInEitherMode(input, (account, stripe, foundInOtherMode) =>
    readRefund(account, stripe, input.objectId, foundInOtherMode),
  );

export async function readRefund(
  account: UsableAccount,
  stripe: StripeClient,
  id: string,
  foundInOtherMode = false,
): Promise<Found<RefundView>> {
  const { data: refund } = await retrieveRefund(stripe, id);
  const view: RefundView = {
    ...toRefundParts(refund),
    mode: account.mode,
    accountLabel: account.label,
    dashboardUrl: refundFacts.dashboardUrl(refund.id, account.mode),
    foundInOtherMode,
  };
  // The card may open the refund's payment, and nothing else.
  return { view, account, reachable: view.paymentId ? [view.paymentId] : [] };
}
