import { z } from 'zod';

const StripeErrorBody = z.object({
  error: z
    .object({
      type: z.string().optional(),
      code: z.string().optional(),
      decline_code: z.string().optional(),
      message: z.string().optional(),
      param: z.string().optional(),
    })
    .loose(),
});

/** An error answered by Stripe, keeping what agents and Stripe support need to trace it. */
export class StripeApiError extends Error {
  override readonly name = 'StripeApiError';
  constructor(
    readonly status: number,
    readonly type: string,
    readonly code: string | undefined,
    message: string,
    readonly param: string | undefined,
    readonly requestId: string | undefined,
  ) {
    super(message);
  }

  static fromResponse(status: number, body: unknown, requestId: string | undefined) {
    const parsed = StripeErrorBody.safeParse(body);
    const error = parsed.success ? parsed.data.error : {};
    return new StripeApiError(
      status,
      error.type ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
      error.code,
      error.message ?? `Stripe answered with HTTP ${status}.`,
      error.param,
      requestId,
    );
  }
}

/** No usable answer from Stripe: the connection failed, dropped, or timed out on every attempt. */
export class StripeConnectionError extends Error {
  override readonly name = 'StripeConnectionError';
  constructor(
    message: string,
    readonly attempts: number,
  ) {
    super(message);
  }
}

/** Stripe answered 2xx, but with a body we cannot read as the object we asked for. */
export class StripeResponseShapeError extends Error {
  override readonly name = 'StripeResponseShapeError';
  constructor(
    readonly requestId: string | undefined,
    readonly issues: string,
  ) {
    super(`Stripe's answer was not in the expected shape (${issues}).`);
  }
}

/** The `rak_…` permission a 403 for a restricted key names, if any. */
export const permissionNamedIn = (message: string) => /'(rak_[a-z_]+)'/.exec(message)?.[1];

/** The mode a 404 says the object exists in ("a similar object exists in live mode"). */
export const otherModeNamedIn = (message: string) =>
  /similar object exists in (live|test) mode/.exec(message)?.[1] as 'live' | 'test' | undefined;

/** The Dashboard's names for the resources Stripe's `rak_…` names stand for. */
const DASHBOARD_RESOURCES: Readonly<Record<string, string>> = {
  checkout_session: 'Checkout Sessions',
  customer: 'Customers',
  customer_portal: 'Customer portal',
  subscription: 'Subscriptions',
  invoice: 'Invoices',
  credit_note: 'Credit notes',
  payment_intent: 'PaymentIntents',
  refund: 'Refunds',
  charge: 'Charges',
  account: 'Account',
};

/**
 * A `rak_…` name as the Dashboard's restricted-key form shows it: rak_customer_write is
 * "Customers: Write". The agent never sees `rak_…` there, so it is never shown to them.
 */
export function dashboardNameOfRak(rak: string): string {
  const match = /^rak_([a-z_]+)_(read|write)$/.exec(rak);
  if (!match) return rak.replace(/^rak_/, '').replaceAll('_', ' ');
  const [, resource, access] = match as unknown as [string, string, 'read' | 'write'];
  const words = resource.replaceAll('_', ' ');
  const name = DASHBOARD_RESOURCES[resource] ?? `${words[0]!.toUpperCase()}${words.slice(1)}`;
  return `${name}: ${access === 'read' ? 'Read' : 'Write'}`;
}
