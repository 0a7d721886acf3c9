import { minorUnitDigits } from './currency-units';

/**
 * The limits on money actions, in one place: the card checks them to explain a refusal
 * before anything is sent, and the background checks them again, as it alone decides.
 */
export interface Guardrails {
  /** Largest credit one action may post, in the currency's major unit. */
  maxCreditMajorUnits: number;
}

export const DEFAULT_GUARDRAILS: Guardrails = { maxCreditMajorUnits: 100 };

/** The guardrails out of the settings they are stored with (which hold more). */
export const guardrailsOf = (settings: Guardrails): Guardrails => ({
  maxCreditMajorUnits: settings.maxCreditMajorUnits,
});

/** Why an amount in minor units is over the per-action limit, or null when it is not. */
export function overCreditLimit(
  minorUnits: number,
  currency: string,
  guardrails: Guardrails,
): string | null {
  const limit = guardrails.maxCreditMajorUnits * 10 ** minorUnitDigits(currency);
  if (minorUnits <= limit) return null;
  return `That is over the limit of ${guardrails.maxCreditMajorUnits} ${currency.toUpperCase()} per credit set in Options.`;
}
