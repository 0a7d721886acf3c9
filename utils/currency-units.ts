/**
 * How many minor-unit digits Stripe uses per currency. These follow Stripe's lists, not
 * ISO 4217 (Stripe sends ISK and UGX as two-decimal values ending in 00).
 * https://docs.stripe.com/currencies#zero-decimal
 */
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);
/** Zero-decimal in practice, but sent to Stripe with two decimals that must be 00. */
const WHOLE_UNITS_SENT_AS_TWO_DECIMALS = new Set(['isk', 'ugx']);

export function minorUnitDigits(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/**
 * The step every amount Stripe accepts in a currency is a multiple of, in minor units: 10
 * where the last of three decimals must be 0, 100 for ISK and UGX (two decimals that must
 * be 00), 1 elsewhere. An amount worked out rather than typed (a line's share by quantity)
 * is held to it as a typed one is.
 */
export function minorUnitStep(currency: string): number {
  const code = currency.toLowerCase();
  if (THREE_DECIMAL.has(code)) return 10;
  if (WHOLE_UNITS_SENT_AS_TWO_DECIMALS.has(code)) return 100;
  return 1;
}

/** Digits a person may type after the decimal separator for this currency. */
export function typedDecimalDigits(currency: string): number {
  const code = currency.toLowerCase();
  return WHOLE_UNITS_SENT_AS_TWO_DECIMALS.has(code) ? 0 : minorUnitDigits(code);
}

/** An amount in minor units as plain digits the amount field reads back exactly: 1050 usd → "10.50". */
export function majorUnitsText(amount: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const shown = typedDecimalDigits(currency);
  return (amount / 10 ** digits).toFixed(shown);
}

/**
 * Formats an amount in minor units for a person, e.g. 1050 usd → "$10.50", 500 jpy → "¥500".
 * Unknown currency codes fall back to "10.50 XYZ" rather than throwing.
 */
export function formatMinorUnits(amount: number, currency: string, locale?: string): string {
  const digits = minorUnitDigits(currency);
  const major = amount / 10 ** digits;
  const shown = typedDecimalDigits(currency);
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: currency.toUpperCase(),
      minimumFractionDigits: shown,
      maximumFractionDigits: shown,
    }).format(major);
  } catch {
    return `${major.toFixed(shown)} ${currency.toUpperCase()}`;
  }
}
