import { describe, expect, it } from 'vitest';
import { checkApiKey, maskApiKey } from '../../utils/api-keys';

describe('checkApiKey', () => {
  it.each([
    ['sk_test_51Abc', 'secret', 'test'],
    ['sk_live_51Abc', 'secret', 'live'],
    ['rk_test_51Abc', 'restricted', 'test'],
    ['rk_live_51Abc', 'restricted', 'live'],
    ['  sk_test_51Abc\n', 'secret', 'test'],
  ])('accepts %j', (pasted, kind, mode) => {
    expect(checkApiKey(pasted)).toEqual({ ok: true, key: pasted.trim(), kind, mode });
  });

  it.each([
    ['', 'Paste an API key'],
    ['   ', 'Paste an API key'],
    ['pk_test_51Abc', 'publishable key'],
    ['pk_live_51Abc', 'publishable key'],
    ['"sk_test_51Abc"', 'quotation marks'],
    ["'sk_test_51Abc'", 'quotation marks'],
    ['sk_test_51 Abc', 'spaces or line breaks'],
    ['sk_test_51A\nbc', 'spaces or line breaks'],
    ['sk_prod_51Abc', 'not a Stripe API key'],
    ['whsec_51Abc', 'not a Stripe API key'],
    ['sk_test_', 'not a Stripe API key'],
    ['SK_TEST_51Abc', 'not a Stripe API key'],
    ['sk_test_51Abc\u200b', 'not a Stripe API key'],
    ['Bearer sk_test_51Abc', 'spaces or line breaks'],
  ])('refuses %j with a reason', (pasted, reason) => {
    const result = checkApiKey(pasted);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});

describe('maskApiKey', () => {
  it.each([
    ['sk_test_51AbcdWXYZ', 'sk_test_…WXYZ'],
    ['rk_live_51Abcd1234', 'rk_live_…1234'],
  ])('masks %s as %s', (key, masked) => {
    expect(maskApiKey(key)).toBe(masked);
  });
});
