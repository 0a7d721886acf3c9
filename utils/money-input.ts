import { formatMinorUnits, minorUnitDigits, typedDecimalDigits } from './currency-units';

/**
 * Turns what a person types ("10.50", "10,50", "1,000.00", "500" for JPY) into Stripe's
 * integer minor units for a currency, or a sentence saying what to fix. Everything Stripe
 * would refuse is refused here first, before any request.
 */
export type ParsedAmount = { ok: true; minorUnits: number } | { ok: false; reason: string };

/** Stripe takes at most 8 digits for an amount in most currencies. */
export const MAX_AMOUNT_DIGITS = 8;

const SUPPORTED_CURRENCIES = new Set(
  (Intl as { supportedValuesOf?: (key: 'currency') => string[] })
    .supportedValuesOf?.('currency')
    .map((c) => c.toLowerCase()) ?? [],
);

export function checkCurrency(currency: string): string | null {
  if (!/^[A-Za-z]{3}$/.test(currency))
    return 'Enter a three-letter currency code, such as USD or EUR.';
  if (SUPPORTED_CURRENCIES.size && !SUPPORTED_CURRENCIES.has(currency.toLowerCase()))
    return `${currency.toUpperCase()} is not a currency code Stripe knows.`;
  return null;
}

const GROUPS_OF_THREE = /^\d{1,3}(?:\d{3})*$/;

/** Splits typed text into whole and fraction digits, resolving which mark is the decimal one. */
function splitNumber(text: string, decimals: number): { whole: string; fraction: string } | string {
  const dots = text.split('.').length - 1;
  const commas = text.split(',').length - 1;
  let decimalMark: '.' | ',' | null = null;
  if (dots && commas) decimalMark = text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',';
  else if (dots === 1 || commas === 1) {
    const mark = dots ? '.' : ',';
    const after = text.length - text.indexOf(mark) - 1;
    // "1,000" is a thousand where three decimals are impossible; ambiguous where they are not.
    if (after === 3 && decimals !== 3 && mark === ',') decimalMark = null;
    else if (after === 3 && decimals === 3 && mark === ',')
      return `"${text}" is ambiguous for a currency with three decimals: write it with a point, e.g. 1.000 or 1000.`;
    else decimalMark = mark;
  }
  const groupMark = decimalMark === '.' ? ',' : decimalMark === ',' ? '.' : dots ? '.' : ',';
  const [wholePart, fraction = '', ...rest] = decimalMark ? text.split(decimalMark) : [text];
  if (rest.length) return `"${text}" has more than one decimal mark.`;
  const whole = wholePart!.includes(groupMark)
    ? wholePart!
        .split(groupMark)
        .every((g, i) => (i === 0 ? /^\d{1,3}$/.test(g) : /^\d{3}$/.test(g)))
      ? wholePart!.split(groupMark).join('')
      : null
    : wholePart!;
  if (
    whole === null ||
    !GROUPS_OF_THREE.test(whole || '0') ||
    (fraction && !/^\d+$/.test(fraction))
  )
    return `"${text}" is not an amount. Type digits, e.g. 10.50.`;
  return { whole: whole || '0', fraction };
}

export function parseTypedAmount(typed: string, currency: string): ParsedAmount {
  const currencyProblem = checkCurrency(currency);
  if (currencyProblem) return { ok: false, reason: currencyProblem };
  const code = currency.toUpperCase();
  const text = typed.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (!text) return { ok: false, reason: 'Enter an amount.' };
  if (/^[-−]/.test(text))
    return {
      ok: false,
      reason: 'Enter the credit as a positive amount; it is recorded as a credit to the customer.',
    };
  if (!/^[\d.,]+$/.test(text))
    return {
      ok: false,
      reason: `"${typed.trim()}" is not an amount. Type digits only, e.g. 10.50.`,
    };

  const typedDecimals = typedDecimalDigits(currency);
  const ambiguous = bothReadings(text, currency, typedDecimals);
  if (ambiguous) return { ok: false, reason: ambiguous };
  const split = splitNumber(text, typedDecimals);
  if (typeof split === 'string') return { ok: false, reason: split };
  const fraction = split.fraction.replace(/0+$/, '');
  if (fraction.length > typedDecimals)
    return {
      ok: false,
      reason:
        typedDecimals === 0
          ? `${code} amounts are whole numbers; remove the decimals.`
          : `${code} takes at most ${typedDecimals} decimals.`,
    };
  const digits = minorUnitDigits(currency);
  if (digits === 3 && fraction.length === 3 && !fraction.endsWith('0'))
    return {
      ok: false,
      reason: `Stripe needs the last of the three ${code} decimals to be 0 (e.g. 5.120, not 5.124).`,
    };
  const minorText = (split.whole + fraction.padEnd(digits, '0')).replace(/^0+(?=\d)/, '');
  const minorUnits = Number(minorText);
  if (minorUnits === 0) return { ok: false, reason: 'Enter an amount greater than zero.' };
  if (minorText.length > MAX_AMOUNT_DIGITS)
    return {
      ok: false,
      reason: `That is more than Stripe accepts in one amount (at most ${MAX_AMOUNT_DIGITS} digits in ${code}'s smallest unit).`,
    };
  return { ok: true, minorUnits };
}

/**
 * "1.500" is one and a half to an agent in London and fifteen hundred to one in Berlin, and
 * "1,000" the other way round. One mark followed by exactly three digits, where both readings
 * are amounts: refused, with both readings shown. In a currency with no decimals (JPY, or ISK
 * as typed) a point and three digits is read as thousands by many ("¥12.000" in Germany), so
 * it is refused too, never read as ¥12; a comma there is only ever thousands ("¥1,000").
 * Three-decimal currencies are handled by `splitNumber`.
 */
function bothReadings(text: string, currency: string, typedDecimals: number): string | null {
  const match = /^(\d{1,3})([.,])(\d{3})$/.exec(text);
  if (!match || typedDecimals > 2) return null;
  const [, whole, mark, three] = match as unknown as [string, string, string, string];
  const digits = minorUnitDigits(currency);
  const asThousands = Number(`${whole}${three}`) * 10 ** digits;
  const plainThousands = `${whole}${three}`;
  if (typedDecimals === 0) {
    if (mark === ',' || asThousands === 0) return null;
    if (/^0+$/.test(three))
      return `"${text}" could mean ${formatMinorUnits(asThousands, currency)} or ${formatMinorUnits(Number(whole) * 10 ** digits, currency)}: type ${plainThousands} or ${Number(whole)}, with no thousands mark.`;
    return `"${text}" could mean ${formatMinorUnits(asThousands, currency)}, and ${currency.toUpperCase()} has no decimals: type ${plainThousands}, with no thousands mark.`;
  }
  if (three.replace(/0+$/, '').length > typedDecimals) return null; // Only a thousands mark.
  const asDecimals = Number(`${whole}${three.slice(0, digits).padEnd(digits, '0')}`);
  const plainDecimals = `${Number(whole)}.${three.slice(0, typedDecimals)}`;
  return `"${text}" could mean ${formatMinorUnits(asThousands, currency)} or ${formatMinorUnits(asDecimals, currency)}: type ${plainThousands} or ${plainDecimals}, with no thousands mark.`;
}
