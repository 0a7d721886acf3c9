import { describe, expect, it } from 'vitest';
import { formatDay, formatMoment } from '../../utils/dates';

describe('one date format', () => {
  const at = Date.UTC(2026, 11, 8, 14, 2);

  it("writes a day in the locale's words, never as digits that read two ways", () => {
    expect(formatDay(at / 1000, 'en-GB')).toBe('8 Dec 2026');
    expect(formatDay(at / 1000, 'en-US')).toBe('Dec 8, 2026');
  });

  it('gives a moment its time zone', () => {
    expect(formatMoment(at, 'en-GB')).toMatch(/^8 Dec 2026, \d{1,2}:02 \S+/);
    expect(formatMoment(at, 'en-GB')).toMatch(/(UTC|GMT|[A-Z]{2,5})[+-]?\d*$/);
  });
});
