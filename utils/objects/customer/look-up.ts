import type { Reply } from '../../messaging/reply';
import type { UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { lookUpInEitherMode, type Found, type LookUpInput } from '../../kit';
import { listOpenSessionsOf } from '../checkout-session/api';
import { listInvoicesOf } from '../invoice/api';
import { toInvoiceSummary } from '../invoice/view';
import { listPaymentsOf } from '../payment/api';
import { toPaymentSummary } from '../payment/look-up';
import { listSubscriptionsOf } from '../subscription/api';
import { toSubscriptionSummary } from '../subscription/view';
import { listBalanceTransactions, retrieveCustomer } from './api';
import { customerFacts } from './facts';
import type { CustomerView } from './view';

const RECENT_TRANSACTIONS = 5;
const RECENT_INVOICES = 5;
/** Enough to see a payment made twice, and what was refunded of it. */
export const RECENT_PAYMENTS = 10;
/** Subscriptions of every status, newest first. */
export const SUBSCRIPTIONS_SHOWN = 10;
/** Open sessions the card lists to expire; a customer rarely has more than one or two. */
export const OPEN_SESSIONS_SHOWN = 10;

type FoundCustomer = Found<CustomerView>;

/** A `cus_` ID carries no mode: see lookUpInEitherMode. */
export const lookUpCustomer = (input: LookUpInput): Promise<Reply<FoundCustomer>> =>
  lookUpInEitherMode(input, (account, stripe, foundInOtherMode) =>
    readCustomer(account, stripe, input.objectId, foundInOtherMode),
  );

async function readCustomer(
  account: UsableAccount,
  stripe: StripeClient,
  customerId: string,
  foundInOtherMode: boolean,
): Promise<FoundCustomer> {
  // The reads go out together: one wait on Stripe, not several in a row. For a deleted or
  // missing customer, what the lists answer is dropped.
  const customerRead = retrieveCustomer(stripe, customerId);
  const transactionsRead = listBalanceTransactions(stripe, customerId, RECENT_TRANSACTIONS);
  // Optional: a restricted key without subscription, session or invoice read still gets the
  // rest of the card (null: not readable with this key, shown as such).
  const subscriptionsRead = listSubscriptionsOf(stripe, customerId, SUBSCRIPTIONS_SHOWN).then(
    (result) =>
      result.data.data
        .filter((sub) => sub.livemode === (account.mode === 'live'))
        .map(toSubscriptionSummary)
        .sort((a, b) => b.created - a.created),
    () => null,
  );
  const openSessionsRead = listOpenSessionsOf(stripe, customerId, OPEN_SESSIONS_SHOWN).then(
    (result) => result.data.data,
    () => null,
  );
  const invoicesRead = listInvoicesOf(stripe, customerId, RECENT_INVOICES).then(
    (result) => result.data.data.map(toInvoiceSummary),
    () => null,
  );
  const paymentsRead = listPaymentsOf(stripe, customerId, RECENT_PAYMENTS).then(
    (result) => result.data.data.map(toPaymentSummary),
    () => null,
  );
  transactionsRead.catch(() => undefined); // Read below, unless the customer read fails.
  const { data: customer } = await customerRead;
  const base = {
    id: customer.id,
    mode: account.mode,
    foundInOtherMode,
    accountLabel: account.label,
    dashboardUrl: customerFacts.dashboardUrl(customer.id, account.mode),
  };
  if ('deleted' in customer && customer.deleted === true) {
    const view: CustomerView = {
      ...base,
      deleted: true,
      name: null,
      email: null,
      balance: 0,
      currency: null,
      activeSubscriptions: [],
      subscriptions: [],
      recentTransactions: [],
      openSessions: [],
      recentInvoices: [],
      recentPayments: [],
    };
    return { view, account };
  }
  const [{ data: list }, subscriptions, openSessions, recentInvoices, recentPayments] =
    await Promise.all([
      transactionsRead,
      subscriptionsRead,
      openSessionsRead,
      invoicesRead,
      paymentsRead,
    ]);
  const full = customer as {
    name?: string | null;
    email?: string | null;
    balance?: number | null;
    currency?: string | null;
  };
  const view: CustomerView = {
    ...base,
    deleted: false,
    name: full.name ?? null,
    email: full.email ?? null,
    balance: full.balance ?? 0,
    currency: full.currency ?? null,
    // The portal's cancel flow takes only a subscription still running.
    activeSubscriptions: (subscriptions ?? [])
      .filter((sub) => sub.status === 'active' || sub.status === 'trialing')
      .map((sub) => ({ id: sub.id, label: sub.label })),
    subscriptions,
    recentTransactions: list.data.map((t) => ({
      id: t.id,
      amount: t.amount,
      currency: t.currency,
      created: t.created,
      description: t.description ?? null,
      ending_balance: t.ending_balance,
    })),
    // Only sessions Stripe lists as this customer's own and open: the card may expire these.
    openSessions:
      openSessions
        ?.filter(
          (session) => session.status === 'open' && session.livemode === (account.mode === 'live'),
        )
        .map((session) => ({
          id: session.id,
          amountTotal: session.amount_total,
          currency: session.currency,
          created: session.created ?? null,
          expiresAt: session.expires_at,
        })) ?? null,
    recentInvoices,
    recentPayments,
  };
  // The card may expire the sessions it lists, open the invoices, payments and subscriptions
  // it lists, and nothing else.
  return {
    view,
    account,
    reachable: [
      ...(view.openSessions?.map((session) => session.id) ?? []),
      ...(view.recentInvoices?.map((invoice) => invoice.id) ?? []),
      ...(view.recentPayments?.map((payment) => payment.id) ?? []),
      ...(view.subscriptions?.map((sub) => sub.id) ?? []),
    ],
  };
}
