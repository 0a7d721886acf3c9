import { describe, expect, it } from 'vitest';
import {
  expireSessionRequest,
  retrieveCheckoutSession,
} from '../../utils/objects/checkout-session/api';
import { CheckoutSession } from '../../utils/objects/checkout-session/schema';
import { STRIPE_API_VERSION } from '../../utils/stripe/client';
import { StripeApiError, StripeConnectionError } from '../../utils/stripe/stripe-error';
import { SEED_IDS } from '../emulator/seed-data';
import { useEmulator } from './emulator-harness';

const harness = useEmulator();
/** The expire call exactly as the journaled action sends it. */
const expireCheckoutSession = (
  stripe: ReturnType<typeof harness.client>,
  id: string,
  idempotencyKey: string,
) => stripe({ ...expireSessionRequest(id), idempotencyKey, schema: CheckoutSession });

describe('Stripe client against the emulator', () => {
  it('sends a GET with bearer auth, the pinned version and no body', async () => {
    const result = await retrieveCheckoutSession(harness.client(), SEED_IDS.openSession);
    expect(result.data.status).toBe('open');
    expect(result.requestId).toMatch(/^req_/);
    const [request] = harness.emulator.apiRequests();
    expect(request).toMatchObject({
      method: 'GET',
      path: `/v1/checkout/sessions/${SEED_IDS.openSession}`,
      rawBody: '',
    });
    expect(request!.headers.authorization).toBe(`Bearer ${harness.emulator.keys.testSecret}`);
    expect(request!.headers['stripe-version']).toBe(STRIPE_API_VERSION);
    expect(request!.headers['idempotency-key']).toBeUndefined();
  });

  it('sends a POST form-encoded with its idempotency key', async () => {
    const result = await expireCheckoutSession(harness.client(), SEED_IDS.openSession, 'sha-key-1');
    expect(result.data.status).toBe('expired');
    const [request] = harness.emulator.apiRequests();
    expect(request).toMatchObject({
      method: 'POST',
      path: `/v1/checkout/sessions/${SEED_IDS.openSession}/expire`,
    });
    expect(request!.headers['idempotency-key']).toBe('sha-key-1');
    expect(request!.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('refuses a POST without an idempotency key, sending nothing', async () => {
    await expect(
      harness.client()({
        method: 'POST',
        path: '/v1/checkout/sessions/x/expire',
        schema: CheckoutSession,
      }),
    ).rejects.toThrow('idempotency key');
    expect(harness.emulator.apiRequests()).toHaveLength(0);
  });

  it.each([
    ['429', { kind: 'status', status: 429 } as const],
    ['500', { kind: 'status', status: 500 } as const],
    ['503', { kind: 'status', status: 503 } as const],
    ['409', { kind: 'status', status: 409 } as const],
    ['dropped before Stripe acted', { kind: 'drop-before' } as const],
    ['dropped after Stripe acted', { kind: 'drop-after' } as const],
  ])('retries after %s with the same key and acts once', async (_name, fault) => {
    harness.emulator.injectFault(fault, { method: 'POST' });
    const result = await expireCheckoutSession(harness.client(), SEED_IDS.openSession, 'sha-retry');
    expect(result.data.status).toBe('expired');
    expect(result.attempts).toBe(2);
    const posts = harness.emulator.apiRequests().filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(new Set(posts.map((p) => p.headers['idempotency-key']))).toEqual(new Set(['sha-retry']));
    expect(harness.emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('expired');
    expect(result.replayed).toBe(fault.kind === 'drop-after');
  });

  it('never retries when Stripe says Stripe-Should-Retry: false', async () => {
    harness.emulator.injectFault({ kind: 'status', status: 429, shouldRetry: 'false' });
    const error = await retrieveCheckoutSession(harness.client(), SEED_IDS.openSession).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(StripeApiError);
    expect(harness.emulator.apiRequests()).toHaveLength(1);
  });

  it('gives up after two retries with backoff, keeping the last error', async () => {
    harness.delays.length = 0;
    harness.emulator.injectFault({ kind: 'status', status: 500 }, { times: 5 });
    const error = await retrieveCheckoutSession(harness.client(), SEED_IDS.openSession).catch(
      (e) => e,
    );
    expect(error).toMatchObject({ status: 500, type: 'api_error' });
    expect(error.requestId).toMatch(/^req_/);
    expect(harness.emulator.apiRequests()).toHaveLength(3);
    expect(harness.delays).toEqual([500, 750]);
  });

  it('reports a connection error after every attempt dropped', async () => {
    harness.emulator.injectFault({ kind: 'drop-before' }, { times: 3 });
    const error = await retrieveCheckoutSession(harness.client(), SEED_IDS.openSession).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(StripeConnectionError);
    expect(error.attempts).toBe(3);
  });

  it('times out a slow answer and retries', async () => {
    harness.emulator.injectFault({ kind: 'delay', ms: 400 });
    const result = await retrieveCheckoutSession(
      harness.client({ timeoutMs: 150 }),
      SEED_IDS.openSession,
    );
    expect(result.attempts).toBe(2);
  });

  it.each([
    ['unknown key', { apiKey: 'sk_test_unknown0000' }, SEED_IDS.openSession, 401, undefined],
    ['missing object', {}, 'cs_test_doesNotExist', 404, 'resource_missing'],
    ['object of the other mode', {}, SEED_IDS.liveOpenSession, 404, 'resource_missing'],
  ])('keeps Stripe error details for %s', async (_name, options, id, status, code) => {
    const error = await retrieveCheckoutSession(harness.client(options), id).catch((e) => e);
    expect(error).toBeInstanceOf(StripeApiError);
    expect(error).toMatchObject({ status, code, type: 'invalid_request_error' });
    expect(error.requestId).toMatch(/^req_/);
    expect(error.message).not.toContain(harness.emulator.keys.testSecret);
  });

  it('replays the first answer for a repeated key and refuses other parameters', async () => {
    const stripe = harness.client();
    const first = await expireCheckoutSession(stripe, SEED_IDS.openSession, 'sha-same');
    const again = await expireCheckoutSession(stripe, SEED_IDS.openSession, 'sha-same');
    expect(again.replayed).toBe(true);
    expect(again.data).toEqual(first.data);
    const mismatch = await expireCheckoutSession(stripe, SEED_IDS.expiredSession, 'sha-same').catch(
      (e) => e,
    );
    // Another path, same key: Stripe refuses rather than acting.
    expect(mismatch).toMatchObject({ status: 400, type: 'idempotency_error' });
  });

  it('accepts Basic auth at the emulator like Stripe does', async () => {
    const response = await fetch(`${harness.url}/v1/checkout/sessions/${SEED_IDS.openSession}`, {
      headers: { Authorization: `Basic ${btoa(`${harness.emulator.keys.testSecret}:`)}` },
    });
    expect(response.status).toBe(200);
  });
});
