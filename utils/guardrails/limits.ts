import { DAILY_LIMIT_MULTIPLE, DEFAULT_CREDIT_LIMITS } from './defaults';
import { formatMinorUnits, minorUnitDigits } from '../currency-units';

/**
 * The limits on money actions, in one place: the card checks them to explain a refusal
 * before anything is sent, and the background checks them again, as it alone decides.
 */
export interface Guardrails {
  /**
   * Per-credit limits set in Options, in each currency's major unit, by lowercase code.
   * A currency without one takes its default (`defaults.ts`).
   */
  creditLimits: Readonly<Record<string, number>>;
  /**
   * Rolling 24-hour limits per account, in each currency's major unit, by lowercase code.
   * A currency without one takes DAILY_LIMIT_MULTIPLE times its per-credit limit.
   */
  dailyCreditLimits: Readonly<Record<string, number>>;
}

export const DEFAULT_GUARDRAILS: Guardrails = { creditLimits: {}, dailyCreditLimits: {} };

/** The guardrails out of the settings they are stored with (which hold more). */
export const guardrailsOf = (settings: Guardrails): Guardrails => ({
  creditLimits: settings.creditLimits,
  dailyCreditLimits: settings.dailyCreditLimits,
});

/** The per-credit limit in a currency's major unit, or null where none is known. */
export function creditLimitFor(currency: string, guardrails: Guardrails): number | null {
  const code = currency.toLowerCase();
  if (Object.hasOwn(guardrails.creditLimits, code)) return guardrails.creditLimits[code]!;
  return Object.hasOwn(DEFAULT_CREDIT_LIMITS, code) ? DEFAULT_CREDIT_LIMITS[code]! : null;
}

/** A limit in major units, written as the currency is: ¥20,000, $100.00. */
export const formatLimit = (majorUnits: number, currency: string) =>
  formatMinorUnits(majorUnits * 10 ** minorUnitDigits(currency), currency);

/**
 * Why an amount in minor units is over the per-action limit, or null when it is not. One
 * limit holds for every action that gives money back; `noun` names the one at hand.
 */
export function overCreditLimit(
  minorUnits: number,
  currency: string,
  guardrails: Guardrails,
  noun = 'credit',
): string | null {
  const limit = creditLimitFor(currency, guardrails);
  if (limit === null)
    return `No per-credit limit is set for ${currency.toUpperCase()}, so nothing is sent. Set one in Options (Guardrails); it holds for credits, credit notes and refunds alike.`;
  if (minorUnits <= limit * 10 ** minorUnitDigits(currency)) return null;
  return noun === 'credit'
    ? `That is over the limit of ${formatLimit(limit, currency)} per credit (Options → Guardrails).`
    : `That is over the limit of ${formatLimit(limit, currency)} per ${noun}: the limit per credit in Options → Guardrails holds for credits, credit notes and refunds alike.`;
}

/** The rolling day's limit on credits in a currency, per account, in its major unit. */
export function dailyCreditLimitFor(currency: string, guardrails: Guardrails): number | null {
  const code = currency.toLowerCase();
  if (Object.hasOwn(guardrails.dailyCreditLimits, code)) return guardrails.dailyCreditLimits[code]!;
  const perCredit = creditLimitFor(code, guardrails);
  return perCredit === null ? null : perCredit * DAILY_LIMIT_MULTIPLE;
}
