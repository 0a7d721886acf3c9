import { describe, expect, it } from 'vitest';
import { parseTypedAmount } from '../../utils/money-input';

describe('parseTypedAmount', () => {
  it.each([
    ['10.50', 'usd', 1050],
    ['10,50', 'usd', 1050],
    ['1,000.00', 'usd', 100000],
    ['1.000,00', 'eur', 100000],
    ['1 000,00', 'eur', 100000],
    ["1'000.50", 'chf', 100050],
    ['1.5', 'usd', 150],
    ['.5', 'usd', 50],
    ['10.', 'usd', 1000],
    ['0.01', 'usd', 1],
    ['500', 'jpy', 500],
    ['1,000', 'jpy', 1000],
    // Two points can only be thousands marks, two digits after one only decimals.
    ['1.000.000', 'jpy', 1000000],
    ['12.00', 'jpy', 12],
    ['500', 'krw', 500],
    ['5.120', 'kwd', 5120],
    ['5.12', 'kwd', 5120],
    ['5', 'bhd', 5000],
    ['5', 'isk', 500],
    ['1,000', 'ugx', 100000],
    ['99.00', 'huf', 9900],
    ['10.50', 'USD', 1050],
    ['999999.99', 'usd', 99999999],
    ['  10.50  ', 'usd', 1050],
    ['10.5', 'usd', 1050],
    ['1,000.5', 'usd', 100050],
    ['12,50', 'eur', 1250],
  ])('reads %j %s as %i', (typed, currency, minorUnits) => {
    expect(parseTypedAmount(typed, currency)).toEqual({ ok: true, minorUnits });
  });

  it.each([
    ['', 'usd', 'Enter an amount'],
    ['0', 'usd', 'greater than zero'],
    ['0.00', 'usd', 'greater than zero'],
    ['-5', 'usd', 'positive amount'],
    ['−5', 'usd', 'positive amount'],
    ['abc', 'usd', 'not an amount'],
    ['$10', 'usd', 'not an amount'],
    ['1e3', 'usd', 'not an amount'],
    ['10.505', 'usd', 'at most 2 decimals'],
    ['500.5', 'jpy', 'whole numbers'],
    ['5.5', 'isk', 'whole numbers'],
    ['5.124', 'kwd', 'last of the three KWD decimals to be 0'],
    ['1,000', 'kwd', 'ambiguous'],
    // One mark and three digits: a thousand to one agent, one to another.
    ['1.500', 'eur', 'could mean €1,500.00 or €1.50: type 1500 or 1.50'],
    ['1,000', 'usd', 'could mean $1,000.00 or $1.00: type 1000 or 1.00'],
    ['10.500', 'usd', 'could mean $10,500.00 or $10.50'],
    ['2.050', 'gbp', 'could mean £2,050.00 or £2.05'],
    // Where there are no decimals, a point and three digits reads as thousands to many.
    ['12.000', 'jpy', 'could mean ¥12,000 or ¥12: type 12000 or 12, with no thousands mark'],
    ['5.000', 'isk', 'could mean ISK\u00a05,000 or ISK\u00a05: type 5000 or 5'],
    ['1.500', 'krw', '"1.500" could mean ₩1,500, and KRW has no decimals: type 1500'],
    ['1.2.3', 'usd', 'not an amount'],
    ['1,00,000', 'usd', 'not an amount'],
    ['10.5.0,1', 'usd', 'not an amount'],
    ['1000000.00', 'usd', 'at most 8 digits'],
    ['100000000', 'jpy', 'at most 8 digits'],
    ['10', 'usdx', 'three-letter currency code'],
    ['10', 'zzz', 'not a currency code Stripe knows'],
    ['10', '', 'three-letter currency code'],
    ['1\u200b0', 'usd', 'not an amount'],
    ['<b>10</b>', 'usd', 'not an amount'],
  ])('refuses %j %s: %s', (typed, currency, reason) => {
    const parsed = parseTypedAmount(typed, currency);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.reason).toContain(reason);
  });
});
