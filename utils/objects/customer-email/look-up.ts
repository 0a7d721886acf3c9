import type { Found, LookUpInput, NarrowTo } from '../../kit';
import { mapFewAtATime } from '../../few-at-a-time';
import { success, type Reply } from '../../messaging/reply';
import { policyRefusesKey } from '../../policy/account-policy';
import { otherAccountOfMode, type UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { explainStripeFailure } from '../../stripe/explain-failure';
import type { StripeMode } from '../../stripe-id-grammar';
import { listOpenSessionsOf } from '../checkout-session/api';
import { listInvoicesOf } from '../invoice/api';
import { listCustomersByEmail } from './api';
import { customerEmailFacts } from './facts';
import type { ListedCustomer } from './schema';
import type { CustomerEmailView, Tally } from './view';

/** Customers the card lists; past it, "10 of N" and the Dashboard's search. */
export const CUSTOMERS_SHOWN = 10;
/** Each customer shown costs two short reads; this many customers are read at once. */
const CUSTOMERS_TALLIED_AT_ONCE = 3;
/** Enough to say "how many" for a customer's open sessions or unpaid invoices. */
const TALLY_LIMIT = 10;

/**
 * The customers of an address in the grant's account: as written, and lower-cased when that
 * differs (Stripe compares case-sensitively; most addresses are stored lower-cased), merged.
 * One customer stands for the address: its card opens instead.
 */
export async function lookUpCustomersByEmail({
  account,
  clientFor,
  objectId: email,
}: LookUpInput): Promise<Reply<Found<CustomerEmailView> | NarrowTo>> {
  const stripe = clientFor(account);
  try {
    const lowered = email.toLowerCase();
    const lists = await Promise.all(
      [email, ...(lowered !== email ? [lowered] : [])].map((asked) =>
        listCustomersByEmail(stripe, asked),
      ),
    );
    const byId = new Map<string, ListedCustomer>();
    for (const { data: list } of lists) for (const c of list.data) byId.set(c.id, c);
    const all = [...byId.values()].sort((a, b) => b.created - a.created);
    const totalIsAtLeast = lists.some(({ data: list }) => list.has_more);
    if (all.length === 1 && !totalIsAtLeast) return success({ narrowTo: all[0]!.id, account });

    const shown = all.slice(0, CUSTOMERS_SHOWN);
    const tallies = await mapFewAtATime(shown, CUSTOMERS_TALLIED_AT_ONCE, (c) =>
      tallyOf(stripe, c.id),
    );
    const view: CustomerEmailView = {
      email,
      mode: account.mode,
      accountLabel: account.label,
      dashboardUrl: customerEmailFacts.dashboardUrl(email, account.mode),
      customers: shown.map((c, i) => ({
        id: c.id,
        name: c.name ?? null,
        email: c.email ?? null,
        created: c.created,
        balance: c.balance ?? 0,
        currency: c.currency ?? null,
        ...tallies[i]!,
      })),
      total: all.length,
      totalIsAtLeast,
      otherMode: all.length === 0 ? ((await otherModeAccount(account))?.mode ?? null) : null,
    };
    // The card may open these customers, and no others.
    return success({ view, account, reachable: shown.map((c) => c.id) });
  } catch (error) {
    return { ok: false, error: explainStripeFailure(error) };
  }
}

export const oppositeMode = (mode: StripeMode): StripeMode => (mode === 'test' ? 'live' : 'test');

/**
 * The saved account of the other mode than `account`'s, when there is one and the
 * organisation allows its key: what the card offers to search with, and searches with.
 */
export async function otherModeAccount(account: UsableAccount): Promise<UsableAccount | null> {
  const mode = oppositeMode(account.mode);
  if (await policyRefusesKey(mode)) return null;
  return otherAccountOfMode(mode, account.id);
}

async function tallyOf(stripe: StripeClient, customerId: string) {
  // Either read may be refused (a restricted key): that count is then unknown, not zero.
  const [openSessions, unpaidInvoices] = await Promise.all([
    listOpenSessionsOf(stripe, customerId, TALLY_LIMIT).then(
      ({ data }) => tally(data.data.length, data.has_more),
      () => null,
    ),
    listInvoicesOf(stripe, customerId, TALLY_LIMIT, 'open').then(
      ({ data }) => tally(data.data.length, data.has_more),
      () => null,
    ),
  ]);
  return { openSessions, unpaidInvoices };
}

const tally = (count: number, more: boolean): Tally => ({ count, more });
