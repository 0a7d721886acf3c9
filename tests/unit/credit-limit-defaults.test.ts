import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_LIMITS, plainFigure } from '../../utils/guardrails/defaults';
import { formatLimit } from '../../utils/guardrails/limits';
import { checkCurrency } from '../../utils/money-input';

describe('default per-credit limits', () => {
  it.each([
    [14_937, 20_000],
    [12_000, 10_000],
    [15_000, 20_000],
    [31, 20],
    [78, 100],
    [150, 200],
    [3.5, 5],
    [1, 1],
  ])('rounds %d to the plain figure %d', (value, figure) => {
    expect(plainFigure(value)).toBe(figure);
  });

  it('has one for each of the usual currencies, of the same order of value', () => {
    expect(Object.keys(DEFAULT_CREDIT_LIMITS).length).toBeGreaterThanOrEqual(130);
    expect(formatLimit(DEFAULT_CREDIT_LIMITS.usd!, 'usd')).toBe('$100.00');
    expect(formatLimit(DEFAULT_CREDIT_LIMITS.jpy!, 'jpy')).toBe('¥20,000');
    expect(DEFAULT_CREDIT_LIMITS.eur).toBe(100);
    expect(DEFAULT_CREDIT_LIMITS.kwd).toBe(20);
    expect(DEFAULT_CREDIT_LIMITS.idr).toBe(2_000_000);
  });

  it.each(Object.entries(DEFAULT_CREDIT_LIMITS))(
    '%s: a known code and a whole limit',
    (code, figure) => {
      expect(checkCurrency(code)).toBeNull();
      expect(Number.isInteger(figure) && figure >= 1 && figure <= 99_999_999).toBe(true);
    },
  );
});
