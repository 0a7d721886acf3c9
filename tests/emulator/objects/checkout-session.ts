import {
  allowOnly,
  defineRoute,
  findIn,
  invalid,
  listPage,
  type EmulatedObject,
} from '../route-kit';
import { seedSessions, type SeedPayment, type SeedSession } from '../seed-data';

export interface CheckoutSessionState {
  checkoutSessions: Map<string, SeedSession>;
}

/** A completed session's payment: the PaymentIntent made in it. */
const paymentIn = (s: SeedSession, payments: SeedPayment[]) =>
  payments.find((p) => p.checkoutSession === s.id)?.id ?? null;

const sessionJson = (s: SeedSession, payments: SeedPayment[]) => ({
  id: s.id,
  object: 'checkout.session',
  amount_total: s.amount_total,
  currency: s.currency,
  customer: s.customer,
  customer_details: s.email ? { email: s.email } : null,
  customer_email: s.email,
  created: s.created,
  expires_at: s.expires_at,
  livemode: s.livemode,
  mode: 'payment',
  payment_intent: s.status === 'complete' ? paymentIn(s, payments) : null,
  subscription: null,
  invoice: null,
  payment_status: s.payment_status,
  status: s.status,
  url:
    s.status === 'open'
      ? `https://checkout.stripe.com/c/pay/${s.id}#fidkdWxOYHwnPyd1blpxYHZxWjA0`
      : null,
});

export const emulatedCheckoutSession: EmulatedObject<CheckoutSessionState> = {
  // Seeded around the emulator's clock: an open session expires tomorrow, whenever the run is.
  seed: ({ now }) => ({
    checkoutSessions: new Map(seedSessions(now()).map((s) => [s.id, { ...s }])),
  }),
  routes: [
    defineRoute({
      method: 'GET',
      path: '/v1/checkout/sessions',
      permission: 'rak_checkout_session_read',
      handle(
        { query, livemode, path },
        { checkoutSessions, payments }: CheckoutSessionState & { payments: SeedPayment[] },
      ) {
        allowOnly(query, [
          'limit',
          'customer',
          'status',
          'payment_intent',
          'starting_after',
          'expand',
        ]);
        if (
          query.status !== undefined &&
          !['open', 'complete', 'expired'].includes(String(query.status))
        )
          throw invalid(`Invalid status: must be one of open, complete, or expired`, 'status');
        return listPage(
          [...checkoutSessions.values()]
            .filter((s) => s.livemode === livemode)
            .filter((s) => query.customer === undefined || s.customer === query.customer)
            .filter((s) => query.status === undefined || s.status === query.status)
            .filter(
              (s) =>
                query.payment_intent === undefined ||
                paymentIn(s, payments) === query.payment_intent,
            ),
          query,
          (s) => sessionJson(s, payments),
          path,
        );
      },
    }),
    defineRoute({
      method: 'GET',
      path: '/v1/checkout/sessions/:id',
      permission: 'rak_checkout_session_read',
      handle: ({ params, mode }, { checkoutSessions, payments }) =>
        sessionJson(findIn(checkoutSessions, 'checkout.session', params.id, mode), payments),
    }),
    defineRoute({
      method: 'POST',
      path: '/v1/checkout/sessions/:id/expire',
      permission: 'rak_checkout_session_write',
      handle(
        { params, form, mode },
        { checkoutSessions, payments }: CheckoutSessionState & { payments: SeedPayment[] },
      ) {
        allowOnly(form, ['expand']);
        const session = findIn(checkoutSessions, 'checkout.session', params.id, mode);
        if (session.status !== 'open')
          throw invalid(
            `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${session.status}\`.`,
            undefined,
            true,
          );
        session.status = 'expired';
        return sessionJson(session, payments);
      },
    }),
  ],
};
