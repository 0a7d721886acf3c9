import type { z } from 'zod';
import { encodeStripeForm, type FormValue } from './form-encoding';
import { DEFAULT_MAX_RETRIES, retryDelayMs, shouldRetry } from './retry-policy';
import { observeStripeDate } from './stripe-clock';
import { StripeApiError, StripeConnectionError, StripeResponseShapeError } from './stripe-error';

export const STRIPE_API_BASE = 'https://api.stripe.com';
/** Pinned so Stripe's answers keep the shape our schemas expect; stripe-node v22 pins the same. */
export const STRIPE_API_VERSION = '2026-07-29.dahlia';
const DEFAULT_TIMEOUT_MS = 20_000;

export interface StripeClientOptions {
  apiKey: string;
  baseUrl?: string;
  stripeAccount?: string;
  maxRetries?: number;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface StripeRequest<T> {
  /**
   * DELETE carries its parameters in the query, as GET does (stripe-node's encoding), and no
   * idempotency key: Stripe treats DELETE as idempotent by definition and ignores one.
   */
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  params?: Record<string, FormValue>;
  /** Required on every POST: the caller journals it before the request is sent. */
  idempotencyKey?: string;
  schema: z.ZodType<T>;
}

export interface StripeResult<T> {
  data: T;
  requestId: string | undefined;
  replayed: boolean;
  attempts: number;
}

export type StripeClient = <T>(request: StripeRequest<T>) => Promise<StripeResult<T>>;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createStripeClient(options: StripeClientOptions): StripeClient {
  const baseUrl = (options.baseUrl ?? STRIPE_API_BASE).replace(/\/+$/, '');
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;

  return async function send<T>(request: StripeRequest<T>): Promise<StripeResult<T>> {
    if (request.method === 'POST' && !request.idempotencyKey)
      throw new Error('Every POST to Stripe needs an idempotency key.');
    const encoded = encodeStripeForm(request.params ?? {});
    const url =
      request.method !== 'POST' && encoded
        ? `${baseUrl}${request.path}?${encoded}`
        : `${baseUrl}${request.path}`;
    const headers: Record<string, string> = {
      Authorization: `Bearer ${options.apiKey}`,
      'Stripe-Version': STRIPE_API_VERSION,
      Accept: 'application/json',
    };
    if (options.stripeAccount) headers['Stripe-Account'] = options.stripeAccount;
    if (request.method === 'POST') {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Idempotency-Key'] = request.idempotencyKey!;
    }

    for (let retries = 0; ; retries++) {
      let status: number | null = null;
      let responseHeaders: Headers | null = null;
      let bodyText: string | null = null;
      try {
        const response = await doFetch(url, {
          method: request.method,
          headers,
          body: request.method === 'POST' ? encoded : undefined,
          signal: AbortSignal.timeout(timeoutMs),
          credentials: 'omit',
          cache: 'no-store',
        });
        responseHeaders = response.headers;
        bodyText = await response.text();
        status = response.status;
      } catch {
        // Fetch errors carry nothing Stripe-specific; the outcome below says what happened.
        status = null;
      }
      const requestId = responseHeaders?.get('request-id') ?? undefined;
      observeStripeDate(responseHeaders?.get('date'));
      const outcome = {
        status,
        shouldRetryHeader: responseHeaders?.get('stripe-should-retry') ?? null,
      };

      if (status !== null && status >= 200 && status < 300) {
        const parsed = request.schema.safeParse(parseJson(bodyText));
        if (!parsed.success) {
          throw new StripeResponseShapeError(
            requestId,
            parsed.error.issues
              .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
              .join('; '),
          );
        }
        return {
          data: parsed.data,
          requestId,
          replayed: responseHeaders?.get('idempotent-replayed') === 'true',
          attempts: retries + 1,
        };
      }

      if (!shouldRetry(outcome, retries, maxRetries)) {
        if (status === null) {
          throw new StripeConnectionError(
            `Could not reach Stripe after ${retries + 1} attempt${retries ? 's' : ''}.`,
            retries + 1,
          );
        }
        throw StripeApiError.fromResponse(status, parseJson(bodyText), requestId);
      }
      await sleep(retryDelayMs(retries + 1, random, responseHeaders?.get('retry-after')));
    }
  };
}

function parseJson(text: string | null): unknown {
  if (text === null) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
