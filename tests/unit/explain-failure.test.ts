import { describe, expect, it } from 'vitest';
import { explainStripeFailure } from '../../utils/stripe/explain-failure';
import {
  StripeApiError,
  StripeConnectionError,
  StripeResponseShapeError,
} from '../../utils/stripe/stripe-error';

const apiError = (status: number, message: string, code?: string, type = 'invalid_request_error') =>
  new StripeApiError(status, type, code, message, undefined, 'req_123');

describe('explainStripeFailure', () => {
  it.each([
    [
      apiError(401, 'Invalid API Key provided: sk_test_****1234'),
      'Stripe did not accept the saved API key',
    ],
    [apiError(401, 'This API call cannot be made with a publishable API key.'), 'publishable key'],
    [
      apiError(
        403,
        "The provided key 'rk_test_***1234' does not have the required permissions for this endpoint on account 'acct_1'. Having the 'rak_customer_write' permission would allow this request to continue.",
      ),
      // The Dashboard's name, as the agent finds it on the key's form.
      'lacks the Customers: Write permission',
    ],
    [apiError(403, 'Forbidden'), 'not allowed to do this'],
    [
      apiError(404, "No such customer: 'cus_1'", 'resource_missing'),
      "Stripe has no such object for this account: No such customer: 'cus_1'",
    ],
    [
      apiError(
        404,
        "No such customer: 'cus_1'; a similar object exists in live mode, but a test mode key was used to make this request.",
        'resource_missing',
      ),
      'it exists in live mode: save a live-mode key in Options to open it',
    ],
    [apiError(429, 'Too many requests'), 'limiting requests'],
    [apiError(400, 'Rate limited', 'rate_limit'), 'limiting requests'],
    [
      apiError(400, 'Keys for idempotent requests…', undefined, 'idempotency_error'),
      'refused a repeat',
    ],
    [apiError(503, 'Service unavailable', undefined, 'api_error'), 'problem on its side'],
    [apiError(400, 'Invalid integer: abc'), 'Invalid integer: abc'],
  ])('%#: says "%s"', (error, sentence) => {
    const explained = explainStripeFailure(error);
    expect(explained.message).toContain(sentence);
    expect(explained.requestId).toBe('req_123');
  });

  it('offers Options as the fix only when the saved key itself is the problem', () => {
    const fixInOptions = (error: unknown) => explainStripeFailure(error).fixInOptions ?? false;
    expect(fixInOptions(apiError(401, 'Invalid API Key provided: sk_test_****1234'))).toBe(true);
    expect(
      fixInOptions(apiError(401, 'This API call cannot be made with a publishable API key.')),
    ).toBe(true);
    expect(fixInOptions(apiError(403, 'Forbidden'))).toBe(false);
    expect(fixInOptions(apiError(404, "No such customer: 'cus_1'", 'resource_missing'))).toBe(
      false,
    );
    expect(fixInOptions(new StripeConnectionError('x', 3))).toBe(false);
  });

  it('explains connection failures and odd answers without a request ID', () => {
    expect(explainStripeFailure(new StripeConnectionError('x', 3)).message).toContain(
      'Could not reach Stripe (3 attempts)',
    );
    expect(
      explainStripeFailure(new StripeResponseShapeError('req_9', 'status: bad')).requestId,
    ).toBe('req_9');
    expect(explainStripeFailure(new TypeError('boom')).message).toContain('inside the extension');
  });
});

describe('a fix in Options', () => {
  it('is offered for an object that lives in the other mode, as for a missing key', () => {
    const otherMode = apiError(
      404,
      "No such customer: 'cus_1'; a similar object exists in live mode, but a test mode key was used to make this request.",
      'resource_missing',
    );
    expect(explainStripeFailure(otherMode).fixInOptions).toBe(true);
    expect(
      explainStripeFailure(apiError(404, "No such customer: 'cus_1'", 'resource_missing'))
        .fixInOptions,
    ).toBeUndefined();
  });
});
