import { formatMinorUnits } from '../../currency-units';
import type { StripeMode } from '../../stripe-id-grammar';
import type { InvoiceSummary } from '../invoice/view';
import type { PaymentSummary } from '../payment/view';
import type { SubscriptionSummary } from '../subscription/view';
import type { CustomerBalanceTransaction } from './schema';

/** An open Checkout Session as a line of its customer's card, with Expire beside it. */
export interface OpenSessionSummary {
  id: string;
  amountTotal: number | null;
  currency: string | null;
  created: number | null;
  expiresAt: number;
}

/** What the card shows of a customer. Built in the background; holds no secrets. */
export interface CustomerView {
  id: string;
  deleted: boolean;
  name: string | null;
  email: string | null;
  /** Stripe's sign: negative is credit the customer holds, positive is what they owe. */
  balance: number;
  currency: string | null;
  mode: StripeMode;
  /** Set when the customer was found with an account other than the active one. */
  foundInOtherMode: boolean;
  accountLabel: string;
  dashboardUrl: string;
  /** Active subscriptions the portal can deep-link to cancel; empty when the key cannot list them. */
  activeSubscriptions: Array<{ id: string; label: string }>;
  /** Every status, newest first (up to 10); null when the key cannot list subscriptions. */
  subscriptions: SubscriptionSummary[] | null;
  recentTransactions: Array<
    Pick<
      CustomerBalanceTransaction,
      'id' | 'amount' | 'currency' | 'created' | 'description' | 'ending_balance'
    >
  >;
  /** Open sessions, newest first; null when the key cannot list Checkout Sessions. */
  openSessions: OpenSessionSummary[] | null;
  /** The last few invoices, newest first; null when the key cannot list invoices. */
  recentInvoices: InvoiceSummary[] | null;
  /** The last payments, newest first; null when the key cannot list PaymentIntents. */
  recentPayments: PaymentSummary[] | null;
}

/** "Credit $10.50", "Owes $4.00", or "No balance" — the sign made plain. */
export function describeBalance(balance: number, currency: string | null): string {
  if (balance === 0 || !currency) return 'No balance';
  const amount = formatMinorUnits(Math.abs(balance), currency);
  return balance < 0 ? `Credit ${amount}` : `Owes ${amount}`;
}
