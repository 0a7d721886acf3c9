import { onStripeRefusal, runAttempt, type ActionBase } from '../../kit';
import { success, type Reply } from '../../messaging/reply';
import { cancelRefundRequest } from './api';
import { readRefund } from './look-up';
import { reconcileCancelRefund } from './reconcile';
import { Refund } from './schema';
import type { RefundView } from './view';

/** Cancels a refund (`objectId`) that requires action, journaled like every change. */
export function cancelRefundAction(input: ActionBase): Promise<Reply<RefundView>> {
  const { stripe, account, objectId: refundId } = input;
  return runAttempt(input, {
    action: 'cancel_refund',
    request: cancelRefundRequest(refundId),
    schema: Refund,
    reconcile: reconcileCancelRefund,
    done: async () => success((await readRefund(account, stripe, refundId)).view),
    alreadyDone: async () => success((await readRefund(account, stripe, refundId)).view),
    // Stripe refuses a refund that no longer requires action: say what it is now.
    explainError: onStripeRefusal(async () => {
      const { view } = await readRefund(account, stripe, refundId);
      return view.status === 'requires_action'
        ? null
        : `Only a refund that requires action can be canceled; this one is ${view.status ?? 'without a status'}. ${view.statusWords}`;
    }),
  });
}
