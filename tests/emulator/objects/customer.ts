import type { Decoded } from '../form-decoding';
import {
  allowOnly,
  defineRoute,
  findIn,
  invalid,
  randomId,
  type EmulatedObject,
  type Mode,
} from '../route-kit';
import { seedCustomers, type SeedCustomer } from '../seed-data';
import type { SubscriptionState } from './subscription';

export type BalanceTransaction = Record<string, unknown> & { customer: string; livemode: boolean };

/** A customer, and what its card reaches through it: balance and portal. */
export interface CustomerState {
  customers: Map<string, SeedCustomer>;
  /** Oldest first; a credit note's balance credit adds one too. */
  balanceTransactions: BalanceTransaction[];
  portalSessions: Array<Record<string, unknown>>;
  /** Stripe refuses a portal session until the account's portal settings are saved. */
  portalConfigured: Record<Mode, boolean>;
}

export const customerJson = (c: SeedCustomer) =>
  c.deleted
    ? { id: c.id, object: 'customer', deleted: true }
    : {
        id: c.id,
        object: 'customer',
        name: c.name,
        email: c.email,
        balance: c.balance,
        currency: c.currency,
        livemode: c.livemode,
        created: c.created,
      };

export const emulatedCustomer: EmulatedObject<CustomerState> = {
  seed: ({ options }) => ({
    customers: new Map(seedCustomers().map((c) => [c.id, { ...c }])),
    balanceTransactions: [],
    portalSessions: [],
    portalConfigured: { test: true, live: true, ...options.portalConfigured },
  }),
  routes: [
    defineRoute({
      method: 'GET',
      path: '/v1/customers/:id',
      permission: 'rak_customer_read',
      handle: ({ params, mode }, { customers }) =>
        customerJson(findIn(customers, 'customer', params.id, mode)),
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/customers/:id/balance_transactions',
      permission: 'rak_customer_read',
      handle(
        { params, query, mode, livemode, path },
        { customers, balanceTransactions }: CustomerState,
      ) {
        findIn(customers, 'customer', params.id, mode);
        const all = balanceTransactions
          .filter((t) => t.customer === params.id && t.livemode === livemode)
          .reverse();
        const after =
          typeof query.starting_after === 'string'
            ? all.findIndex((t) => t.id === query.starting_after) + 1
            : 0;
        const limit = Math.min(Number(query.limit ?? 10), 100);
        const page = all.slice(after, after + limit);
        return { object: 'list', data: page, has_more: after + limit < all.length, url: path };
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/customers/:id/balance_transactions',
      permission: 'rak_customer_write',
      handle(
        { params, form, mode, livemode, now },
        { customers, balanceTransactions }: CustomerState,
      ) {
        allowOnly(form, ['amount', 'currency', 'description', 'metadata', 'expand']);
        const customer = findIn(customers, 'customer', params.id, mode);
        if (customer.deleted) throw invalid(`No such customer: '${params.id}'`, 'customer');
        if (form.amount === undefined) throw invalid('Missing required param: amount.', 'amount');
        if (form.currency === undefined)
          throw invalid('Missing required param: currency.', 'currency');
        const amount = Number(form.amount);
        if (
          typeof form.amount !== 'string' ||
          !/^-?\d+$/.test(form.amount) ||
          !Number.isSafeInteger(amount)
        )
          throw invalid('Invalid integer: ' + String(form.amount), 'amount');
        const currency = String(form.currency).toLowerCase();
        if (!/^[a-z]{3}$/.test(currency))
          throw invalid(`Invalid currency: ${currency}.`, 'currency');
        if (typeof form.description === 'string' && form.description.length > 350)
          throw invalid('Invalid string: must be at most 350 characters', 'description');
        customer.currency ??= currency;
        let ending: number;
        if (customer.currency === currency) {
          customer.balance += amount;
          ending = customer.balance;
        } else {
          ending = amount;
        }
        const transaction = {
          id: randomId('cbtxn_', 24),
          object: 'customer_balance_transaction',
          amount,
          currency,
          customer: params.id,
          description: typeof form.description === 'string' ? form.description : null,
          ending_balance: ending,
          metadata: form.metadata ?? {},
          type: 'adjustment',
          created: Math.floor(now() / 1000),
          livemode,
        };
        balanceTransactions.push(transaction);
        return transaction;
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/billing_portal/sessions',
      permission: 'rak_customer_portal_write',
      handle({ form, mode, livemode, now }, state: CustomerState & SubscriptionState) {
        allowOnly(form, [
          'customer',
          'return_url',
          'configuration',
          'locale',
          'on_behalf_of',
          'flow_data',
          'expand',
        ]);
        if (typeof form.customer !== 'string')
          throw invalid('Missing required param: customer.', 'customer');
        findIn(state.customers, 'customer', form.customer, mode);
        const flow = form.flow_data as Record<string, Decoded> | undefined;
        if (flow?.type === 'subscription_cancel') {
          const subscriptionId = (flow.subscription_cancel as Record<string, Decoded> | undefined)
            ?.subscription;
          if (typeof subscriptionId !== 'string')
            throw invalid(
              'Missing required param: flow_data[subscription_cancel][subscription].',
              'flow_data[subscription_cancel][subscription]',
            );
          const subscription = state.subscriptions.find(
            (sub) => sub.id === subscriptionId && sub.livemode === livemode,
          );
          if (!subscription || subscription.customer !== form.customer)
            throw invalid(
              `The subscription ${subscriptionId} does not belong to customer ${form.customer}.`,
              'flow_data[subscription_cancel][subscription]',
            );
        }
        if (!state.portalConfigured[mode])
          throw invalid(
            `You can’t create a portal session in ${mode} mode until you save your customer portal settings in ${mode} mode at https://dashboard.stripe.com/${mode === 'test' ? 'test/' : ''}settings/billing/portal.`,
          );
        const id = randomId('bps_', 24);
        const portal = {
          id,
          object: 'billing_portal.session',
          customer: form.customer,
          return_url: form.return_url ?? null,
          flow: form.flow_data ?? null,
          livemode,
          url: `https://billing.stripe.com/p/session/${mode}_${randomId('', 32)}`,
          created: Math.floor(now() / 1000),
        };
        state.portalSessions.push(portal);
        return portal;
      },
    }),
  ],
};
