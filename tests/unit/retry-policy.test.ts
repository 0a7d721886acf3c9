import { describe, expect, it } from 'vitest';
import { retryDelayMs, shouldRetry } from '../../utils/stripe/retry-policy';

describe('shouldRetry', () => {
  it.each([
    [{ status: null, shouldRetryHeader: null }, true, 'connection error'],
    [{ status: 409, shouldRetryHeader: null }, true, '409 conflict'],
    [{ status: 429, shouldRetryHeader: null }, true, '429 rate limited'],
    [{ status: 500, shouldRetryHeader: null }, true, '500'],
    [{ status: 503, shouldRetryHeader: null }, true, '503'],
    [{ status: 429, shouldRetryHeader: 'false' }, false, 'Stripe-Should-Retry: false wins'],
    [{ status: 400, shouldRetryHeader: 'true' }, true, 'Stripe-Should-Retry: true wins'],
    [{ status: 400, shouldRetryHeader: null }, false, '400'],
    [{ status: 401, shouldRetryHeader: null }, false, '401'],
    [{ status: 404, shouldRetryHeader: null }, false, '404'],
  ])('%j → %s (%s)', (outcome, expected, _why) => {
    expect(shouldRetry(outcome, 0, 2)).toBe(expected);
  });

  it('stops after the retry budget', () => {
    expect(shouldRetry({ status: 500, shouldRetryHeader: null }, 2, 2)).toBe(false);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, 0, 500],
    [1, 0.999, 500],
    [2, 0, 500],
    [2, 0.999, 1000],
    [3, 0.5, 1500],
    [6, 0.999, 4998],
    [10, 0.999, 4998],
  ])('retry %i with jitter %f waits %i ms', (retry, random, expected) => {
    expect(retryDelayMs(retry, () => random)).toBe(expected);
  });

  it('honours a longer Retry-After, bounded', () => {
    expect(retryDelayMs(1, () => 0, '2')).toBe(2000);
    expect(retryDelayMs(1, () => 0, '60')).toBe(5000);
  });
});
