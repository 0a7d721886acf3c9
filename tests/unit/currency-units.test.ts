import { describe, expect, it } from 'vitest';
import { formatMinorUnits, minorUnitDigits } from '../../utils/currency-units';

describe('minor units per Stripe', () => {
  it.each([
    ['usd', 2],
    ['EUR', 2],
    ['jpy', 0],
    ['krw', 0],
    ['xof', 0],
    ['kwd', 3],
    ['bhd', 3],
    ['isk', 2],
    ['ugx', 2],
    ['huf', 2],
    ['twd', 2],
  ])('%s has %i digits', (currency, digits) => {
    expect(minorUnitDigits(currency)).toBe(digits);
  });

  it.each([
    [4900, 'usd', '$49.00'],
    [-1050, 'usd', '-$10.50'],
    [120000, 'jpy', '¥120,000'],
    [5120, 'kwd', 'KWD 5.120'],
    [500, 'isk', 'ISK 5'],
    [1999, 'eur', '€19.99'],
    [100, 'zzz', 'ZZZ 1.00'],
    [100, 'usdx', '1.00 USDX'],
  ])('formats %i %s as %s', (amount, currency, shown) => {
    expect(formatMinorUnits(amount, currency, 'en-US').replace(/\u00a0/g, ' ')).toBe(shown);
  });
});
