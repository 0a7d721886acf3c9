import { z } from 'zod';
import { DEFAULT_CREDIT_LIMITS, MAX_CURRENCY_LIMIT } from '../guardrails/defaults';
import { PORTAL_CONFIGURATION_ID } from '../portal-configuration';
import { AgentName } from '../storage/settings-store';

/**
 * What an organisation's administrator may set for every agent (Chrome's `3rdparty`
 * extension policy, Firefox's managed storage). Each field is checked on its own: a bad value
 * costs only itself, is reported, and leaves the last valid value of that field in force, so
 * a typo in a policy can never loosen a limit the organisation had set.
 */
const CurrencyLimits = z.record(z.string(), z.unknown());

const SitePattern = z
  .string()
  .max(300)
  .regex(
    /^https:\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+(:\d{1,5})?$/,
    'each site is an https origin such as https://support.acme.com or https://*.acme.com',
  );

const FIELDS = {
  helpdeskSites: z.array(SitePattern).max(500),
  replaceBuiltInHelpdesks: z.boolean(),
  creditLimits: CurrencyLimits,
  dailyCreditLimits: CurrencyLimits,
  lockLimits: z.boolean(),
  portalReturnUrl: z
    .url({ protocol: /^https$/, error: 'it must be a full https:// address' })
    .max(2000),
  portalConfigurationId: z
    .string()
    .regex(PORTAL_CONFIGURATION_ID, 'it must be a portal configuration ID (bpc_…)'),
  liveKeysAllowed: z.boolean(),
  passphraseLockRequired: z.boolean(),
  autoLockMinutes: z.number().int().min(1).max(1440),
  activityLogRetentionDays: z.number().int().min(1).max(3650),
  markEmailAddresses: z.boolean(),
  agentName: AgentName,
} as const;

export type PolicyField = keyof typeof FIELDS;
export const POLICY_FIELDS = Object.keys(FIELDS) as PolicyField[];

export interface ManagedPolicy {
  helpdeskSites?: string[];
  replaceBuiltInHelpdesks?: boolean;
  /** Per-action limits by lowercase currency code, in major units. */
  creditLimits?: Record<string, number>;
  /** Rolling 24-hour limits by lowercase currency code, in major units. */
  dailyCreditLimits?: Record<string, number>;
  /**
   * `true`: no agent's limit counts above the organisation's figure or, for a currency it
   * did not list, the default; a lower one still does (see limit-bounds.ts).
   */
  lockLimits?: boolean;
  portalReturnUrl?: string;
  portalConfigurationId?: string;
  liveKeysAllowed?: boolean;
  passphraseLockRequired?: boolean;
  autoLockMinutes?: number;
  activityLogRetentionDays?: number;
  markEmailAddresses?: boolean;
  /** The agent's name, for an organisation that sets one per user (see settings-store.ts). */
  agentName?: string;
}

export interface ReadPolicy {
  /** What is in force: each valid field, else the last valid value of a field now invalid. */
  policy: ManagedPolicy;
  /** Sentences for Options, one per value that was ignored. */
  warnings: string[];
}

const LIMIT_FIELDS = new Set<PolicyField>(['creditLimits', 'dailyCreditLimits']);

/** Why a limit in a policy cannot be used, or null. */
function limitProblem(code: string, figure: unknown): string | null {
  if (!/^[a-z]{3}$/i.test(code) || !Object.hasOwn(DEFAULT_CREDIT_LIMITS, code.toLowerCase()))
    return `"${code}" is not a currency code Stripe supports`;
  if (typeof figure !== 'number' || !Number.isFinite(figure)) return 'the limit is not a number';
  if (!Number.isInteger(figure)) return 'the limit must be a whole number of major units';
  if (figure < 1) return 'the limit must be at least 1';
  if (figure > MAX_CURRENCY_LIMIT)
    return `the limit must be at most ${MAX_CURRENCY_LIMIT.toLocaleString('en')}`;
  return null;
}

/**
 * Per-currency limits, entry by entry: an entry that does not read keeps the last valid
 * figure for its currency (or none), never a looser one. A currency written more than once,
 * in any case (`usd` and `USD`), takes the lowest of its figures, in whatever order they come, and
 * says so: a policy's duplicate can only tighten.
 */
function readLimits(
  field: PolicyField,
  raw: Record<string, unknown>,
  lastValid: Record<string, number> | undefined,
  warnings: string[],
): { inForce: Record<string, number>; valid: Record<string, number> } {
  const byCurrency = new Map<string, { written: string[]; figures: number[] }>();
  for (const [code, figure] of Object.entries(raw)) {
    const lower = code.toLowerCase();
    const entries = byCurrency.get(lower) ?? { written: [], figures: [] };
    byCurrency.set(lower, entries);
    entries.written.push(`${code}: ${JSON.stringify(figure)}`);
    const problem = limitProblem(code, figure);
    if (problem === null) {
      entries.figures.push(figure as number);
      continue;
    }
    // Remembered as valid too, or the next read would find nothing to keep.
    const kept = lastValid?.[lower];
    if (kept !== undefined) entries.figures.push(kept);
    warnings.push(
      `Policy ${field}.${code} was ignored: ${problem}. ${kept !== undefined ? `The organisation's previous limit (${kept}) stays in force.` : 'The limit set here stays in force.'}`,
    );
  }
  const inForce: Record<string, number> = {};
  for (const [lower, { written, figures }] of byCurrency) {
    if (figures.length === 0) continue;
    const lowest = Math.min(...figures);
    inForce[lower] = lowest;
    if (written.length > 1)
      warnings.push(
        `Policy ${field} names ${lower.toUpperCase()} more than once (${written.join(', ')}), so the lowest, ${lowest}, is in force. Write each currency once.`,
      );
  }
  return { inForce, valid: { ...inForce } };
}

/**
 * Reads what the browser gives as managed storage. `lastValid` is what this returned as
 * valid the time before (kept by the caller), so a field that has become invalid keeps it.
 * Returns the policy in force, what to remember as valid, and what to warn about.
 */
export function readManagedPolicy(
  raw: unknown,
  lastValid: ManagedPolicy,
): ReadPolicy & { valid: ManagedPolicy } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return {
      policy: lastValid,
      valid: lastValid,
      warnings: [
        "The organisation's policy is not an object of settings, so it was ignored; its previous valid values stay in force.",
      ],
    };
  const fields = raw as Record<string, unknown>;
  const policy: Record<string, unknown> = {};
  const valid: Record<string, unknown> = {};
  const warnings: string[] = [];
  for (const name of Object.keys(fields))
    if (!Object.hasOwn(FIELDS, name))
      warnings.push(`Policy ${name} is not a setting this extension knows, so it was ignored.`);
  for (const name of POLICY_FIELDS) {
    if (fields[name] === undefined) continue; // Not set by the organisation.
    const parsed = FIELDS[name].safeParse(fields[name]);
    const previous = lastValid[name];
    if (parsed.success && LIMIT_FIELDS.has(name)) {
      const limits = readLimits(
        name,
        parsed.data as Record<string, unknown>,
        previous as Record<string, number> | undefined,
        warnings,
      );
      policy[name] = limits.inForce;
      valid[name] = limits.valid;
    } else if (parsed.success) {
      policy[name] = valid[name] = parsed.data;
    } else {
      if (previous !== undefined) policy[name] = valid[name] = previous;
      const problem = parsed.error.issues[0]?.message ?? 'it does not read';
      warnings.push(
        `Policy ${name} was ignored: ${problem}. ${previous !== undefined ? "The organisation's previous value stays in force." : 'The setting made here stays in force.'}`,
      );
    }
  }
  return { policy: policy as ManagedPolicy, valid: valid as ManagedPolicy, warnings };
}
