import type { StripeMode } from '../../stripe-id-grammar';
import { REFUND_REASONS } from '../payment/refundable';
import { idOf, type Refund } from './schema';
import { describeRefundStatus } from './status-words';

/** What the refund card shows. Built in the background; holds no secrets. */
export interface RefundView {
  id: string;
  amount: number;
  currency: string;
  status: string | null;
  statusWords: string;
  /** The reason in words, or null when none was given. */
  reason: string | null;
  note: string | null;
  /** The payment refunded: its PaymentIntent, else its charge. */
  paymentId: string | null;
  created: number;
  mode: StripeMode;
  accountLabel: string;
  dashboardUrl: string;
  foundInOtherMode: boolean;
}

export const reasonWords = (reason: string | null | undefined): string | null =>
  !reason
    ? null
    : Object.hasOwn(REFUND_REASONS, reason)
      ? REFUND_REASONS[reason as keyof typeof REFUND_REASONS]
      : reason.replaceAll('_', ' ');

export const toRefundParts = (refund: Refund) => ({
  id: refund.id,
  amount: refund.amount,
  currency: refund.currency,
  status: refund.status,
  statusWords: describeRefundStatus(refund),
  reason: reasonWords(refund.reason),
  note: typeof refund.metadata?.note === 'string' ? refund.metadata.note : null,
  paymentId: idOf(refund.payment_intent) ?? idOf(refund.charge),
  created: refund.created,
});
