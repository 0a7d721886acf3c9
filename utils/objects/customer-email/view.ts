import type { StripeMode } from '../../stripe-id-grammar';

/** How many of something a customer has, from one short list: `more` past its length. */
export interface Tally {
  count: number;
  more: boolean;
}

export interface CustomerMatch {
  id: string;
  name: string | null;
  email: string | null;
  created: number;
  balance: number;
  currency: string | null;
  /** Null when the key cannot list them (a restricted key), or the read failed. */
  openSessions: Tally | null;
  unpaidInvoices: Tally | null;
}

/** What the card shows for an email address: its customers in one account, newest first. */
export interface CustomerEmailView {
  email: string;
  mode: StripeMode;
  accountLabel: string;
  dashboardUrl: string;
  /** The newest few, each of which the card may open. */
  customers: CustomerMatch[];
  /** How many Stripe listed in all, and whether there are more than it read. */
  total: number;
  totalIsAtLeast: boolean;
  /**
   * With no customer found: the mode of another saved account the agent may search instead,
   * on a click (never searched unasked). Null when there is none, or the policy forbids it.
   */
  otherMode: StripeMode | null;
}

/** "1 customer", "10 of 24 customers", "10 of 100 or more customers". */
export function describeMatchCount(
  view: Pick<CustomerEmailView, 'customers' | 'total' | 'totalIsAtLeast'>,
): string {
  const total = `${view.total}${view.totalIsAtLeast ? ' or more' : ''}`;
  const noun = view.total === 1 && !view.totalIsAtLeast ? 'customer' : 'customers';
  return view.customers.length < view.total || view.totalIsAtLeast
    ? `${view.customers.length} of ${total} ${noun}`
    : `${total} ${noun}`;
}

/** "2 open sessions", "10 or more unpaid invoices", or "—" when unknown. */
export function describeTally(tally: Tally | null, one: string, many: string): string {
  if (!tally) return '—';
  const count = `${tally.count}${tally.more ? ' or more' : ''}`;
  return `${count} ${tally.count === 1 && !tally.more ? one : many}`;
}
