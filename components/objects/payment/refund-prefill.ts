import type { RefundReason } from '../../../utils/objects/payment/refundable';

/**
 * A refund form asked for from another card (the customer's "Refund the later one"): the
 * payment card it opens takes it once, for that payment only.
 */
let waiting: { paymentId: string; reason: RefundReason } | null = null;

export function askForRefundForm(paymentId: string, reason: RefundReason) {
  waiting = { paymentId, reason };
}

/** The reason to open the refund form with, if one was asked for this payment. */
export function takeRefundForm(paymentId: string): RefundReason | null {
  const asked = waiting?.paymentId === paymentId ? waiting.reason : null;
  waiting = null;
  return asked;
}
