import type { Decoded } from '../form-decoding';
import {
  allowOnly,
  defineRoute,
  expansions,
  invalid,
  listPage,
  notFound,
  randomId,
  type EmulatedObject,
  type Mode,
} from '../route-kit';
import {
  seedSubscriptions,
  type SeedCustomer,
  type SeedInvoice,
  type SeedSubscription,
} from '../seed-data';

export interface SubscriptionState {
  subscriptions: SeedSubscription[];
}

/** What a subscription's routes reach besides its own part: its customer and invoices. */
type Reached = SubscriptionState & {
  customers: Map<string, SeedCustomer>;
  balanceTransactions: Array<Record<string, unknown>>;
  invoices: SeedInvoice[];
};

const FEEDBACK = [
  'customer_service',
  'low_quality',
  'missing_features',
  'other',
  'switched_service',
  'too_complex',
  'too_expensive',
  'unused',
];
const PAUSE_BEHAVIORS = ['keep_as_draft', 'mark_uncollectible', 'void'];

/** Since API version 2025-03-31 the period is the items', not the subscription's. */
function subscriptionJson(sub: SeedSubscription, state: Reached, expand: string[]) {
  const customer = state.customers.get(sub.customer);
  const invoice = sub.latest_invoice
    ? state.invoices.find((i) => i.id === sub.latest_invoice)
    : undefined;
  const method = sub.default_payment_method;
  return {
    id: sub.id,
    object: 'subscription',
    customer:
      expand.includes('customer') && customer
        ? customer.deleted
          ? { id: customer.id, object: 'customer', deleted: true }
          : {
              id: customer.id,
              object: 'customer',
              name: customer.name,
              email: customer.email,
              livemode: customer.livemode,
            }
        : sub.customer,
    status: sub.status,
    currency: sub.currency,
    created: sub.created,
    livemode: sub.livemode,
    cancel_at_period_end: sub.cancel_at_period_end,
    cancel_at: sub.cancel_at,
    canceled_at: sub.canceled_at,
    ended_at: sub.ended_at,
    trial_end: sub.trial_end,
    pause_collection: sub.pause_collection,
    cancellation_details: sub.cancellation_details,
    collection_method: 'charge_automatically',
    latest_invoice:
      expand.includes('latest_invoice') && invoice
        ? {
            id: invoice.id,
            object: 'invoice',
            number: invoice.number,
            status: invoice.status,
            total: invoice.total,
            currency: invoice.currency,
          }
        : sub.latest_invoice,
    default_payment_method:
      method && expand.includes('default_payment_method')
        ? {
            id: method.id,
            object: 'payment_method',
            type: 'card',
            card: { brand: method.brand, last4: method.last4 },
          }
        : (method?.id ?? null),
    metadata: sub.metadata,
    items: {
      object: 'list',
      data: sub.items.map((item) => ({
        id: item.id,
        object: 'subscription_item',
        quantity: item.quantity,
        current_period_start: item.current_period_start,
        current_period_end: item.current_period_end,
        price: {
          id: item.price.id,
          object: 'price',
          nickname: item.price.nickname,
          currency: sub.currency,
          unit_amount: item.price.unit_amount,
          recurring: { interval: item.price.interval, interval_count: 1 },
          product: expand.includes('items.data.price.product')
            ? { id: item.price.product.id, object: 'product', name: item.price.product.name }
            : item.price.product.id,
        },
      })),
      has_more: false,
      url: `/v1/subscription_items?subscription=${sub.id}`,
    },
  };
}

function findSubscription(state: SubscriptionState, id: string, mode: Mode): SeedSubscription {
  const found = state.subscriptions.find((s) => s.id === id);
  if (found && found.livemode === (mode === 'live')) return found;
  throw notFound('subscription', id, found ? (found.livemode ? 'live' : 'test') : null, mode);
}

const isEnded = (sub: SeedSubscription) =>
  sub.status === 'canceled' || sub.status === 'incomplete_expired';

const flag = (value: Decoded | undefined, param: string): boolean | undefined => {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw invalid(`Invalid boolean: ${String(value)}`, param);
};

/** A Unix time in seconds, as Stripe takes one. */
const timestamp = (value: Decoded | undefined, param: string): number | undefined => {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^\d+$/.test(value))
    throw invalid(`Invalid timestamp: must be an integer Unix timestamp.`, param);
  return Number(value);
};

/**
 * The credit for each item's unused time at `at` (seconds), as Stripe prorates: the part of
 * the period left, of what the period costs, rounded to the minor unit. Negative amounts.
 */
function prorations(sub: SeedSubscription, at: number) {
  return sub.items
    .filter((item) => at < item.current_period_end)
    .map((item) => {
      const period = item.current_period_end - item.current_period_start;
      const unused = item.current_period_end - Math.max(at, item.current_period_start);
      const amount = -Math.round((item.price.unit_amount * item.quantity * unused) / period);
      return {
        id: randomId('il_tmp_', 24),
        object: 'line_item',
        amount,
        currency: sub.currency,
        description: `Unused time on ${item.quantity} × ${item.price.product.name} after ${new Date(at * 1000).toISOString().slice(0, 10)}`,
        quantity: item.quantity,
        period: { start: at, end: item.current_period_end },
        parent: {
          type: 'subscription_item_details',
          subscription_item_details: {
            subscription: sub.id,
            subscription_item: item.id,
            proration: true,
          },
        },
      };
    });
}

/** Stripe's `cancellation_details`, checked. */
function cancellationDetails(value: Decoded | undefined) {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || Array.isArray(value))
    throw invalid('Invalid hash', 'cancellation_details');
  allowOnly(value, ['comment', 'feedback']);
  const { comment, feedback } = value;
  if (feedback !== undefined && feedback !== '' && !FEEDBACK.includes(String(feedback)))
    throw invalid(
      `Invalid cancellation_details[feedback]: must be one of ${FEEDBACK.join(', ')}`,
      'cancellation_details[feedback]',
    );
  if (typeof comment === 'string' && comment.length > 5000)
    throw invalid(
      'Invalid string: must be at most 5000 characters',
      'cancellation_details[comment]',
    );
  return {
    ...(comment !== undefined ? { comment: comment === '' ? null : String(comment) } : {}),
    ...(feedback !== undefined ? { feedback: feedback === '' ? null : String(feedback) } : {}),
  };
}

export const emulatedSubscription: EmulatedObject<SubscriptionState> = {
  seed: ({ now }) => ({ subscriptions: seedSubscriptions(now()) }),
  routes: [
    defineRoute({
      method: 'GET',
      path: '/v1/subscriptions',
      permission: 'rak_subscription_read',
      handle({ query, livemode, path }, state: Reached) {
        allowOnly(query, ['customer', 'status', 'limit', 'starting_after', 'expand', 'price']);
        const status = query.status;
        return listPage(
          state.subscriptions
            .filter((sub) => sub.livemode === livemode)
            .filter((sub) => query.customer === undefined || sub.customer === query.customer)
            // Left out unless asked for: canceled (and expired) ones, as at Stripe.
            .filter((sub) =>
              status === 'all'
                ? true
                : status === undefined
                  ? !isEnded(sub)
                  : sub.status === status,
            ),
          query,
          (sub) =>
            subscriptionJson(
              sub,
              state,
              expansions(query).map((e) => e.replace(/^data\./, '')),
            ),
          path,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/subscriptions/:id',
      permission: 'rak_subscription_read',
      handle: ({ params, query, mode }, state: Reached) =>
        subscriptionJson(findSubscription(state, params.id, mode), state, expansions(query)),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/subscriptions/:id',
      permission: 'rak_subscription_write',
      handle({ params, form, mode, now }, state: Reached) {
        allowOnly(form, [
          'cancel_at_period_end',
          'pause_collection',
          'cancellation_details',
          'metadata',
          'proration_behavior',
          'expand',
        ]);
        const sub = findSubscription(state, params.id, mode);
        const details = cancellationDetails(form.cancellation_details);
        if (isEnded(sub)) {
          const others = Object.keys(form).filter(
            (k) => !['metadata', 'cancellation_details', 'expand'].includes(k),
          );
          if (others.length)
            throw invalid(
              'A canceled subscription can only update its cancellation_details and metadata.',
              others[0],
              true,
            );
        }
        const cancel = flag(form.cancel_at_period_end, 'cancel_at_period_end');
        let pause: SeedSubscription['pause_collection'] | undefined;
        if (form.pause_collection === '') pause = null;
        else if (form.pause_collection !== undefined) {
          const given = form.pause_collection;
          if (typeof given !== 'object' || Array.isArray(given))
            throw invalid('Invalid hash', 'pause_collection');
          allowOnly(given, ['behavior', 'resumes_at']);
          if (!PAUSE_BEHAVIORS.includes(String(given.behavior)))
            throw invalid(
              `Invalid pause_collection[behavior]: must be one of ${PAUSE_BEHAVIORS.join(', ')}`,
              'pause_collection[behavior]',
            );
          const resumesAt = timestamp(given.resumes_at, 'pause_collection[resumes_at]');
          if (resumesAt !== undefined && resumesAt <= Math.floor(now() / 1000))
            throw invalid(
              'pause_collection[resumes_at] must be in the future.',
              'pause_collection[resumes_at]',
            );
          pause = { behavior: String(given.behavior), resumes_at: resumesAt ?? null };
        }
        if (cancel !== undefined) {
          sub.cancel_at_period_end = cancel;
          sub.cancel_at = cancel
            ? Math.min(...sub.items.map((item) => item.current_period_end))
            : null;
          sub.cancellation_details = cancel
            ? { ...sub.cancellation_details, reason: 'cancellation_requested' }
            : { comment: null, feedback: null, reason: null };
        }
        if (pause !== undefined) sub.pause_collection = pause;
        if (details) sub.cancellation_details = { ...sub.cancellation_details, ...details };
        if (form.metadata && typeof form.metadata === 'object')
          sub.metadata = { ...sub.metadata, ...(form.metadata as Record<string, unknown>) };
        return subscriptionJson(sub, state, []);
      },
    }),
    defineRoute({
      method: 'DELETE',
      path: '/v1/subscriptions/:id',
      permission: 'rak_subscription_write',
      handle({ params, query, mode, now }, state: Reached) {
        allowOnly(query, [
          'prorate',
          'invoice_now',
          'proration_date',
          'cancellation_details',
          'expand',
        ]);
        const sub = findSubscription(state, params.id, mode);
        // Stripe's answer to a second DELETE: DELETE is idempotent by definition there.
        if (isEnded(sub))
          throw invalid('This subscription has already been canceled.', undefined, true);
        const prorate = flag(query.prorate, 'prorate') ?? false;
        const invoiceNow = flag(query.invoice_now, 'invoice_now') ?? false;
        const details = cancellationDetails(query.cancellation_details);
        const seconds = Math.floor(now() / 1000);
        const at = timestamp(query.proration_date, 'proration_date') ?? seconds;
        if (prorate) {
          const credit = prorations(sub, at).reduce((sum, line) => sum + line.amount, 0);
          // Invoiced now, a final invoice below zero leaves its credit on the customer's
          // balance; otherwise it waits, as pending items, for their next invoice.
          const customer = state.customers.get(sub.customer);
          if (invoiceNow && credit < 0 && customer) {
            customer.currency ??= sub.currency;
            customer.balance += credit;
            state.balanceTransactions.push({
              id: randomId('cbtxn_', 24),
              object: 'customer_balance_transaction',
              amount: credit,
              currency: sub.currency,
              customer: customer.id,
              description: `Unused time on ${sub.id}`,
              ending_balance: customer.balance,
              metadata: {},
              type: 'applied_to_invoice',
              created: seconds,
              livemode: sub.livemode,
            });
          }
        }
        sub.status = 'canceled';
        sub.canceled_at = seconds;
        sub.ended_at = seconds;
        sub.cancel_at_period_end = false;
        sub.pause_collection = null;
        sub.cancellation_details = {
          ...sub.cancellation_details,
          ...details,
          reason: 'cancellation_requested',
        };
        return subscriptionJson(sub, state, []);
      },
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/invoices/create_preview',
      permission: 'rak_invoice_read',
      handle({ form, mode, now }, state: Reached) {
        allowOnly(form, ['customer', 'subscription', 'subscription_details', 'expand']);
        if (typeof form.customer !== 'string' && typeof form.subscription !== 'string')
          throw invalid('Missing required param: customer.', 'customer');
        if (typeof form.customer === 'string') {
          const customer = state.customers.get(form.customer);
          if (!customer || customer.livemode !== (mode === 'live'))
            throw notFound('customer', form.customer, null, mode);
        }
        if (typeof form.subscription !== 'string')
          return {
            object: 'invoice',
            currency: 'usd',
            total: 0,
            amount_due: 0,
            lines: { object: 'list', data: [], has_more: false },
          };
        const sub = findSubscription(state, form.subscription, mode);
        if (typeof form.customer === 'string' && sub.customer !== form.customer)
          throw invalid(
            `The subscription ${sub.id} does not belong to customer ${form.customer}.`,
            'subscription',
          );
        if (isEnded(sub))
          throw invalid(
            `The subscription ${sub.id} has been canceled: there is no upcoming invoice to preview.`,
            'subscription',
          );
        const details = (form.subscription_details ?? {}) as Record<string, Decoded>;
        if (typeof details !== 'object' || Array.isArray(details))
          throw invalid('Invalid hash', 'subscription_details');
        allowOnly(details, [
          'cancel_now',
          'proration_behavior',
          'proration_date',
          'cancel_at_period_end',
        ]);
        const behavior = details.proration_behavior ?? 'create_prorations';
        if (!['create_prorations', 'always_invoice', 'none'].includes(String(behavior)))
          throw invalid(
            'Invalid subscription_details[proration_behavior]',
            'subscription_details[proration_behavior]',
          );
        const at =
          timestamp(details.proration_date, 'subscription_details[proration_date]') ??
          Math.floor(now() / 1000);
        const lines =
          flag(details.cancel_now, 'subscription_details[cancel_now]') === true
            ? behavior === 'none'
              ? []
              : prorations(sub, at)
            : sub.items.map((item) => ({
                id: randomId('il_tmp_', 24),
                object: 'line_item',
                amount: item.price.unit_amount * item.quantity,
                currency: sub.currency,
                description: `${item.quantity} × ${item.price.product.name}`,
                quantity: item.quantity,
                parent: {
                  type: 'subscription_item_details',
                  subscription_item_details: {
                    subscription: sub.id,
                    subscription_item: item.id,
                    proration: false,
                  },
                },
              }));
        const total = lines.reduce((sum, line) => sum + line.amount, 0);
        return {
          object: 'invoice',
          id: null,
          customer: sub.customer,
          subscription: sub.id,
          currency: sub.currency,
          livemode: sub.livemode,
          total,
          subtotal: total,
          amount_due: Math.max(0, total),
          lines: {
            object: 'list',
            data: lines,
            has_more: false,
            url: '/v1/invoices/upcoming/lines',
          },
        };
      },
    }),
  ],
};
