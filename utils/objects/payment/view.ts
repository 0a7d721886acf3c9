import type { StripeMode } from '../../stripe-id-grammar';
import type { RefundablePayment } from './refundable';
import type { PaymentState } from './state';

/** A refund as a line of its payment's card. */
export interface RefundSummary {
  id: string;
  amount: number;
  currency: string;
  status: string | null;
  reason: string | null;
  created: number;
}

/** What the payment card shows. Built in the background; holds no secrets. */
export interface PaymentView extends RefundablePayment {
  created: number;
  description: string | null;
  /** Stripe's receipt page: shown to the agent only. */
  receiptUrl: string | null;
  customerId: string | null;
  /** The Checkout Session the payment was made in, when the key can list sessions. */
  checkoutSessionId: string | null;
  /** Why it failed, in Stripe's words, when it did. */
  failureMessage: string | null;
  /** The latest refunds, newest first; null when the key cannot list refunds. */
  refunds: RefundSummary[] | null;
  mode: StripeMode;
  accountLabel: string;
  dashboardUrl: string;
  foundInOtherMode: boolean;
}

/** A payment as a line of its customer's card. */
export interface PaymentSummary {
  id: string;
  amount: number;
  currency: string;
  status: PaymentState;
  created: number;
  refunded: number;
  disputed: boolean;
  method: string;
}

/** A dispute's status in the agent's words. */
export const DISPUTE_STATUS_WORDS: Record<string, string> = {
  warning_needs_response: 'inquiry, needs a response',
  warning_under_review: 'inquiry, under review',
  warning_closed: 'inquiry closed',
  needs_response: 'needs a response',
  under_review: 'under review',
  won: 'won',
  lost: 'lost',
  prevented: 'prevented',
};

/** Statuses in which a dispute is still open: no refund goes out meanwhile. */
export const OPEN_DISPUTE_STATUSES = new Set([
  'warning_needs_response',
  'warning_under_review',
  'needs_response',
  'under_review',
]);
