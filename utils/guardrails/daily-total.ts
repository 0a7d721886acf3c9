import { dailyCreditLimitFor, type Guardrails } from './limits';
import { formatMinorUnits, minorUnitDigits } from '../currency-units';
import type { ActivityJournal } from '../journal/activity-journal';
import { movesMoney } from '../objects/kind-facts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Credits count against the day unless Stripe said no: pending, unknown and unverified ones
 * may have been applied, so they count too.
 */
const COUNTS = new Set(['succeeded', 'pending', 'unknown', 'unverified']);

export interface DailyCreditUse {
  /** Credited in the last 24 hours, in minor units. */
  usedMinor: number;
  limitMinor: number;
}

/**
 * What an account has given back in a currency in the last 24 hours, and the day's limit.
 * Every action its kind's facts declare as moving money counts (a balance credit, a credit
 * note whether refunded, credited or recorded outside Stripe), and shares one limit.
 */
export async function dailyCreditUse(input: {
  journal: ActivityJournal;
  accountId: string;
  currency: string;
  guardrails: Guardrails;
  now?: number;
}): Promise<DailyCreditUse | null> {
  const limit = dailyCreditLimitFor(input.currency, input.guardrails);
  if (limit === null) return null;
  const since = (input.now ?? Date.now()) - DAY_MS;
  const usedMinor = (await input.journal.listSince(since))
    .filter(
      (r) =>
        movesMoney(r.action) &&
        r.accountId === input.accountId &&
        r.currency === input.currency &&
        COUNTS.has(r.outcome),
    )
    .reduce((sum, r) => sum + (r.amount ?? 0), 0);
  return { usedMinor, limitMinor: limit * 10 ** minorUnitDigits(input.currency) };
}

/**
 * Why a credit would take an account's credits in a currency over the rolling day's limit
 * (the last 24 hours, from the journal), or null. Fifty credits just under the per-credit
 * limit are stopped too.
 */
export async function overDailyCreditLimit(input: {
  journal: ActivityJournal;
  accountId: string;
  currency: string;
  minorUnits: number;
  guardrails: Guardrails;
  /** The action at hand, as its facts call it: "credit", "refund". */
  noun?: string;
  now?: number;
}): Promise<string | null> {
  const use = await dailyCreditUse(input);
  if (use === null) return null; // The per-credit check has refused it already.
  const { usedMinor: used, limitMinor } = use;
  if (used + input.minorUnits <= limitMinor) return null;
  const shown = (minor: number) => formatMinorUnits(minor, input.currency);
  const what =
    !input.noun || input.noun === 'credit'
      ? 'credits'
      : 'credits, credit notes and refunds (they share one daily limit)';
  return `That would take this account's ${what} in the last 24 hours to ${shown(used + input.minorUnits)}, over the daily limit of ${shown(limitMinor)}: ${shown(used)} used, ${shown(Math.max(0, limitMinor - used))} left.`;
}
