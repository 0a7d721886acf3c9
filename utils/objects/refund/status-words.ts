/** Why a refund is pending, in the agent's words. */
const PENDING_REASON: Record<string, string> = {
  processing: 'Stripe is processing it',
  insufficient_funds:
    "the account's Stripe balance is too low to pay it; it goes out once funds arrive",
  charge_pending: 'the payment itself is still pending; the refund follows once it settles',
};

/** Why a refund failed, in the agent's words. */
const FAILURE_REASON: Record<string, string> = {
  lost_or_stolen_card: 'the card was reported lost or stolen',
  expired_or_canceled_card: 'the card has expired or was canceled',
  charge_for_pending_refund_disputed: 'the payment was disputed while the refund was pending',
  insufficient_funds: "the account's Stripe balance was too low",
  declined: "the customer's bank declined it",
  merchant_request: 'it was canceled at the account’s request',
  unknown: 'Stripe gives no reason',
};

/**
 * A refund's status in a sentence: succeeded; pending and why; requires action; failed and
 * why (the money returns to the Stripe balance); canceled.
 */
export function describeRefundStatus(refund: {
  status: string | null;
  pending_reason?: string | null;
  failure_reason?: string | null;
}): string {
  switch (refund.status) {
    case 'succeeded':
      return 'Succeeded: the money is on its way back to the customer (a card statement shows it within 5–10 business days).';
    case 'pending': {
      const why = refund.pending_reason ? PENDING_REASON[refund.pending_reason] : undefined;
      return `Pending: ${why ?? 'Stripe has not finished it yet'}.`;
    }
    case 'requires_action':
      return 'Requires action: the customer must give Stripe their refund details before it can go out. It can still be canceled.';
    case 'failed': {
      const why = refund.failure_reason ? FAILURE_REASON[refund.failure_reason] : undefined;
      return `Failed: ${why ?? 'Stripe gives no reason'}. The money stays in the Stripe balance; nothing reached the customer.`;
    }
    case 'canceled':
      return 'Canceled: nothing was returned to the customer.';
    default:
      return 'Stripe gives this refund no status yet.';
  }
}

export const REFUND_STATUS_LABEL: Record<string, string> = {
  succeeded: 'Succeeded',
  pending: 'Pending',
  requires_action: 'Requires action',
  failed: 'Failed',
  canceled: 'Canceled',
};
