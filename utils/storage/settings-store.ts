import { z } from 'zod';
import { DEFAULT_CREDIT_LIMITS, MAX_CURRENCY_LIMIT } from '../guardrails/defaults';
import { PORTAL_CONFIGURATION_ID } from '../portal-configuration';
import { DEFAULT_GUARDRAILS } from '../guardrails/limits';
import { defineProtectedItem } from './protected-items';

/**
 * Limits by currency code. A code written twice in any case (`usd` and `USD`, from a forged
 * message or hand-edited storage) takes the lower figure: reading it can only tighten, and
 * one duplicate does not cost the agent every other limit they set.
 */
const CurrencyLimits = z
  .record(
    z.string().regex(/^[a-z]{3}$/i, 'not a currency code'),
    z.number().int().min(1).max(MAX_CURRENCY_LIMIT),
  )
  .transform((limits) => {
    const lowest: Record<string, number> = {};
    for (const [code, figure] of Object.entries(limits)) {
      const lower = code.toLowerCase();
      lowest[lower] = Math.min(figure, lowest[lower] ?? figure);
    }
    return lowest;
  });

/** A name as people write it: one line, no control characters. */
export const AgentName = z
  .string()
  .trim()
  .min(1)
  .max(60, 'Keep the agent name to 60 characters.')
  .regex(/^[^\p{Cc}]+$/u, 'The agent name is one line of text.');

export const Settings = z.strictObject({
  /** Per-credit limits set by the agent, in each currency's major unit (see guardrails.ts). */
  creditLimits: CurrencyLimits,
  /** Rolling 24-hour limits per account set by the agent, in major units (guardrails.ts). */
  dailyCreditLimits: CurrencyLimits,
  /** Minutes without use after which the unlocked passphrase lock locks again. */
  autoLockMinutes: z.number().int().min(1).max(1440),
  /** Days the activity log keeps settled records. */
  retentionDays: z.number().int().min(1).max(3650),
  /** Where the billing portal sends the customer back; null for the portal's default. */
  portalReturnUrl: z
    .url({ protocol: /^https$/, error: 'The return URL must be an https:// address.' })
    .max(2000)
    .nullable(),
  /** The billing portal configuration (bpc_…) links are made with; null for the default. */
  portalConfigurationId: z
    .string()
    .regex(PORTAL_CONFIGURATION_ID, 'not a portal configuration ID')
    .nullable(),
  /** Whether pages' email addresses are marked too, to find the requester's customer. */
  markEmails: z.boolean(),
  /**
   * Who the agent is, for a team sharing one key: it goes into each change's Stripe metadata
   * (`agent`), the activity log and the ticket's note. null when unnamed.
   */
  agentName: AgentName.nullable(),
  /**
   * The agent's own addresses (lower case): never marked on a page nor searched from one,
   * as the helpdesk shows them in its header and on every reply.
   */
  ownEmails: z
    .array(
      z
        .string()
        .max(254)
        .regex(/^[^\s@]+@[^\s@]+$/, 'not an email address')
        .transform((address) => address.toLowerCase()),
    )
    .max(20),
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
  creditLimits: DEFAULT_GUARDRAILS.creditLimits,
  dailyCreditLimits: DEFAULT_GUARDRAILS.dailyCreditLimits,
  retentionDays: 90,
  autoLockMinutes: 30,
  portalReturnUrl: null,
  portalConfigurationId: null,
  markEmails: true,
  agentName: null,
  ownEmails: [],
};

/**
 * Each field of stored settings that still reads, the default for any other. One bad field
 * (hand-edited storage, a value from a newer version) costs only itself, not the rest.
 */
export function repairSettings(stored: unknown): Settings {
  const fields = typeof stored === 'object' && stored !== null ? stored : {};
  const repaired: Record<string, unknown> = {};
  for (const [name, fallback] of Object.entries(DEFAULT_SETTINGS)) {
    const field = Settings.shape[name as keyof Settings].safeParse(
      (fields as Record<string, unknown>)[name],
    );
    repaired[name] = field.success ? field.data : fallback;
  }
  return Settings.parse(repaired);
}

/**
 * Versioned so that a later shape (per-currency limits) migrates what the agent set. v1 was
 * read by merging over the defaults and dropped every field when one was invalid; v2 is
 * stored whole and repaired field by field.
 */
export const SETTINGS_MIGRATIONS = {
  2: (v1: unknown): unknown => repairV2(v1),
  3: (v2: unknown): Settings => repairSettings(perCurrencyLimits(v2)),
};

/** v2's fields, each that reads, for v3's migration to start from. */
function repairV2(v1: unknown): Record<string, unknown> {
  const fields = typeof v1 === 'object' && v1 !== null ? (v1 as Record<string, unknown>) : {};
  const max = fields.maxCreditMajorUnits;
  return {
    ...repairSettings(fields),
    maxCreditMajorUnits:
      typeof max === 'number' && Number.isInteger(max) && max >= 1 && max <= MAX_CURRENCY_LIMIT
        ? max
        : 100,
  };
}

/**
 * v2 had one limit read in every currency's major unit: 100 meant $100 and ¥100 alike. A
 * limit the agent changed is kept for the currencies where that reading made sense, those
 * whose default is of the same order (50 to 200 major units: the dollar, euro, pound, franc
 * and the like), so their main currency keeps what they chose; every other currency takes
 * its own default, where the old figure was absurd (¥100) or loose (KWD 100).
 */
function perCurrencyLimits(v2: unknown): unknown {
  if (typeof v2 !== 'object' || v2 === null) return v2;
  const { maxCreditMajorUnits: max, ...rest } = v2 as Record<string, unknown>;
  if (typeof max !== 'number' || max === 100) return { ...rest, creditLimits: {} };
  const dollarLike = Object.entries(DEFAULT_CREDIT_LIMITS).filter(
    ([, limit]) => limit >= 50 && limit <= 200,
  );
  return { ...rest, creditLimits: Object.fromEntries(dollarLike.map(([code]) => [code, max])) };
}

const settingsItem = defineProtectedItem<unknown>('settings', {
  fallback: DEFAULT_SETTINGS,
  version: 3,
  migrations: SETTINGS_MIGRATIONS,
});

/** Stored settings, repaired field by field where unreadable. */
export async function readSettings(): Promise<Settings> {
  return repairSettings(await settingsItem.getValue());
}

export async function writeSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(Settings.parse(settings));
}
