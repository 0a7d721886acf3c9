import { describe, expect, it } from 'vitest';
import {
  createStripeIdMatcher,
  describeInvalidStripeId,
  extractStripeId,
  ID_SEPARATOR,
  parseStripeId,
  STRIPE_ID_KINDS,
} from '../../utils/stripe-id-grammar';

const idsIn = (text: string) => [...text.matchAll(createStripeIdMatcher())].map((m) => m[0]);
const session58 = 'cs_test_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0u1V2w3X4y5Z6a7B8';

describe('finding IDs in running text', () => {
  // The scanner skips, natively, every text node without the separator.
  it.each(STRIPE_ID_KINDS.map((k) => k.prefix))('prefix %s holds the separator', (prefix) => {
    expect(prefix).toContain(ID_SEPARATOR);
  });

  it.each([
    ['plain text', `Session ${session58} failed`, [session58]],
    ['customer', 'Customer cus_PzJennyRosen01.', ['cus_PzJennyRosen01']],
    ['live session', 'see cs_live_abc123XY now', ['cs_live_abc123XY']],
    [
      'checkout URL fragment stops the ID',
      `https://checkout.stripe.com/c/pay/${session58}#fidkd`,
      [session58],
    ],
    ['dashboard URL', 'https://dashboard.stripe.com/test/customers/cus_Abc123de', ['cus_Abc123de']],
    [
      'inside parentheses and quotes',
      `("cus_A1b2C3d4") 'cs_test_B2c3D4e5'`,
      ['cus_A1b2C3d4', 'cs_test_B2c3D4e5'],
    ],
    [
      'several in a row',
      'cus_AAAAAAAA, cus_BBBBBBBB; cus_CCCCCCCC',
      ['cus_AAAAAAAA', 'cus_BBBBBBBB', 'cus_CCCCCCCC'],
    ],
    ['the shortest body', 'cus_a1b2c3d4', ['cus_a1b2c3d4']],
    ['an invoice', 'Invoice in_1MtHbELkdIwHu7ixl4OzzPMv.', ['in_1MtHbELkdIwHu7ixl4OzzPMv']],
    [
      'an invoice in a Dashboard URL',
      'https://dashboard.stripe.com/test/invoices/in_1JennyPaidMarch0001',
      ['in_1JennyPaidMarch0001'],
    ],
    [
      'a payment in a test Dashboard URL',
      'https://dashboard.stripe.com/test/payments/pi_3JennyPartRefund00001',
      ['pi_3JennyPartRefund00001'],
    ],
    [
      'a payment in a live Dashboard URL',
      'https://dashboard.stripe.com/payments/pi_3MtwBwLkdIwHu7ix28a3tqPa?tab=refunds',
      ['pi_3MtwBwLkdIwHu7ix28a3tqPa'],
    ],
    [
      'a charge, a payment and a refund in prose',
      'Charged twice (ch_3MtwBwLkdIwHu7ix28a3tqPa, py_3MtwBwLkdIwHu7ix28a3tqPb); refund re_3MtwBwLkdIwHu7ix28a3tqPc.',
      ['ch_3MtwBwLkdIwHu7ix28a3tqPa', 'py_3MtwBwLkdIwHu7ix28a3tqPb', 're_3MtwBwLkdIwHu7ix28a3tqPc'],
    ],
    [
      'a subscription in a Dashboard URL',
      'https://dashboard.stripe.com/test/subscriptions/sub_1JennyProMonthly?tab=invoices',
      ['sub_1JennyProMonthly'],
    ],
    [
      'a subscription in prose',
      'Cancel sub_1MowQVLkdIwHu7ixeRlqHVzs, please.',
      ['sub_1MowQVLkdIwHu7ixeRlqHVzs'],
    ],
    ['long body (no fixed length)', `cus_${'x'.repeat(200)}`, [`cus_${'x'.repeat(200)}`]],
  ])('finds %s', (_name, text, expected) => {
    expect(idsIn(text)).toEqual(expected);
  });

  it.each([
    ['inside a longer word', 'focus_abc abacus_def discus_ghi'],
    ['look-alike prefix', 'cs_testing_abc cs_tests_abc'],
    ['followed by an underscore', 'cus_abc_def'],
    ['prefix alone', 'cus_ cs_test_ cs_live_'],
    // Real IDs have 14 or more characters after the prefix; prose has shorter look-alikes.
    ['a body under 8 characters', 'cus_12 cus_a cs_test_a1B2 cs_live_Q1w2xyz cus_1234567'],
    // `in_` is also a word: its bodies must be longer than any snake_case word's.
    ['snake_case words after in_', 'in_progress in_transit in_stock_now plugin_abcdefghijklmnop'],
    ['other Stripe objects', 'pi_123 ch_123 sk_test_123 cs_123'],
    ['short payment and refund look-alikes', 'pi_123 ch_123 py_abc re_12345678'],
    ['words after payment prefixes', 're_enable_billing pi_estimate ch_anges'],
    [
      'a PaymentIntent client secret',
      'pi_3MtwBwLkdIwHu7ix28a3tqPa_secret_YrKJUKribcBjcG8HVhfZluoGH',
    ],
    // `sub_` is also a word's start: its bodies must be longer than any snake_case word's.
    ['snake_case words after sub_', 'sub_total sub_accounts sub_category sub_item_details'],
    ['upper-case prefix', 'CUS_abc CS_TEST_abc'],
    ['preceded by a digit', '1cus_abc'],
    ['unicode look-alike letters', 'cus_аbc'.replace('cus_', 'сus_')],
  ])('ignores %s', (_name, text) => {
    expect(idsIn(text)).toEqual([]);
  });
});

describe('parseStripeId', () => {
  it.each([
    [session58, 'checkout_session', 'test'],
    ['cs_live_Q1w2e3R4', 'checkout_session', 'live'],
    ['cus_PzJennyRosen01', 'customer', null],
    ['in_1JennyPaidMarch0001', 'invoice', null],
    ['pi_3MtwBwLkdIwHu7ix28a3tqPa', 'payment', null],
    ['ch_3MtwBwLkdIwHu7ix28a3tqPa', 'payment', null],
    ['py_3MtwBwLkdIwHu7ix28a3tqPa', 'payment', null],
    ['re_3MtwBwLkdIwHu7ix28a3tqPa', 'refund', null],
    ['sub_1JennyProMonthly', 'subscription', null],
  ])('classifies %s', (id, kind, mode) => {
    expect(parseStripeId(id)).toEqual({ id, kind, mode });
  });

  it.each([
    ['', 'Enter a Stripe ID'],
    ['cus_abc def', 'no spaces'],
    [`cus_${'a'.repeat(252)}`, 'at most 255'],
    ['sk_test_123', 'should start with one of'],
    ['sub_123', 'at least 14 characters after sub_'],
    ['pi_123', 'at least 14 characters after pi_'],
    ['re_enable_billing', 'only letters and digits'],
    ['cus_abc<script>', 'only letters and digits'],
    ['cus_12', 'too short'],
    ['cs_test_a1B2', 'at least 8 characters after cs_test_'],
    ['in_progress', 'at least 14 characters after in_'],
    ['sub_total', 'at least 14 characters after sub_'],
    ['cus_ab\u200bc', 'only letters and digits'],
  ])('refuses %j with a reason', (candidate, reason) => {
    expect(parseStripeId(candidate)).toBeNull();
    expect(describeInvalidStripeId(candidate)).toContain(reason);
  });

  it("takes a subscription's Dashboard URL pasted in the popup", () => {
    expect(
      extractStripeId('  https://dashboard.stripe.com/test/subscriptions/sub_1JennyProMonthly \n'),
    ).toEqual({ id: 'sub_1JennyProMonthly', kind: 'subscription', mode: null });
  });

  it('accepts exactly 255 characters', () => {
    expect(parseStripeId(`cus_${'a'.repeat(251)}`)).not.toBeNull();
  });
});
