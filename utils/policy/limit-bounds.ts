import { DAILY_LIMIT_MULTIPLE, DEFAULT_CREDIT_LIMITS } from '../guardrails/defaults';
import { formatLimit } from '../guardrails/limits';
import type { ManagedPolicy } from './managed-policy';

/** The two kinds of limit kept per currency, by their settings' names. */
export type LimitField = 'creditLimits' | 'dailyCreditLimits';
export const LIMIT_FIELDS = ['creditLimits', 'dailyCreditLimits'] as const;

/** What of an organisation's policy bounds the limits an agent sets. */
export type LimitPolicy = Pick<ManagedPolicy, 'creditLimits' | 'dailyCreditLimits' | 'lockLimits'>;

/**
 * How far the organisation lets an agent's own limit in a currency go. An organisation only
 * tightens: whatever it says, the agent may still set a lower figure, except where it wrote
 * the figure itself (a pinned value is shown as written, so the team sees one number).
 */
export type LimitBound =
  /** The organisation wrote this figure: it is in force, and the agent's figure is not. */
  | { kind: 'pinned'; figure: number }
  /** The agent's figure counts up to this; the reason says where the ceiling comes from. */
  | { kind: 'atMost'; figure: number; because: 'perCreditPinned' | 'defaultLocked' }
  /** Under `lockLimits`, a currency with no figure of the organisation's and no default. */
  | { kind: 'notAllowed' }
  /** The organisation says nothing: the agent's figure counts, within the product's bounds. */
  | { kind: 'none' };

const own = (limits: Readonly<Record<string, number>> | undefined, code: string) =>
  limits !== undefined && Object.hasOwn(limits, code) ? limits[code]! : undefined;

/**
 * The organisation's bound on the agent's limit of one kind in one currency (lowercase code).
 * A pinned per-credit limit also bounds that currency's day, or an agent could reach the
 * same money by another door: six $20 credits under a $20 pin with a daily of their own.
 */
export function limitBound(field: LimitField, code: string, policy: LimitPolicy): LimitBound {
  const pinned = own(policy[field], code);
  if (pinned !== undefined) return { kind: 'pinned', figure: pinned };
  const perCreditPinned = own(policy.creditLimits, code);
  const perCreditDefault = own(DEFAULT_CREDIT_LIMITS, code);
  if (field === 'dailyCreditLimits' && perCreditPinned !== undefined)
    return {
      kind: 'atMost',
      figure: perCreditPinned * DAILY_LIMIT_MULTIPLE,
      because: 'perCreditPinned',
    };
  if (policy.lockLimits !== true) return { kind: 'none' };
  if (perCreditDefault === undefined) return { kind: 'notAllowed' };
  return {
    kind: 'atMost',
    figure: field === 'creditLimits' ? perCreditDefault : perCreditDefault * DAILY_LIMIT_MULTIPLE,
    because: 'defaultLocked',
  };
}

/**
 * The agent's limits of one kind as the organisation lets them count: a pinned figure in
 * place of theirs, theirs lowered to a ceiling, theirs dropped where none may be added.
 * A currency the agent left alone stays absent, so its default (or five times its per-credit
 * limit, for the day) applies, which is within every ceiling above.
 */
export function limitsUnderPolicy(
  field: LimitField,
  agentLimits: Readonly<Record<string, number>>,
  policy: LimitPolicy,
): Record<string, number> {
  const inForce: Record<string, number> = {};
  for (const [code, figure] of Object.entries(agentLimits)) {
    const bound = limitBound(field, code, policy);
    if (bound.kind === 'none') inForce[code] = figure;
    else if (bound.kind === 'atMost') inForce[code] = Math.min(figure, bound.figure);
  }
  return { ...inForce, ...policy[field] };
}

const KIND_OF_LIMIT: Record<LimitField, string> = {
  creditLimits: 'per-credit',
  dailyCreditLimits: 'daily',
};

/**
 * Why an agent's figure for a currency cannot be saved, without the ending each caller adds
 * ("so nothing was saved"), or null when it can. What to type instead is the caller's too.
 */
export function beyondBound(
  field: LimitField,
  code: string,
  figure: number,
  bound: LimitBound,
): { reason: string; most: string | null } | null {
  const label = `The ${KIND_OF_LIMIT[field]} limit for ${code.toUpperCase()}`;
  switch (bound.kind) {
    case 'none':
      return null;
    case 'pinned':
      return figure === bound.figure
        ? null
        : { reason: `${label} is set by your organisation`, most: null };
    case 'notAllowed':
      return {
        reason: `Your organisation does not let limits be added for ${code.toUpperCase()}, a currency it did not list and that has no default`,
        most: null,
      };
    case 'atMost': {
      if (figure <= bound.figure) return null;
      const most = formatLimit(bound.figure, code);
      return { reason: `${label} can be at most ${most}, ${whyAtMost(field, bound)}`, most };
    }
  }
}

/** Where a ceiling comes from, in words: after "can be at most $100.00, ". */
export function whyAtMost(
  field: LimitField,
  bound: Extract<LimitBound, { kind: 'atMost' }>,
): string {
  if (bound.because === 'perCreditPinned')
    return `${DAILY_LIMIT_MULTIPLE} times the per-credit limit your organisation set`;
  return field === 'creditLimits'
    ? 'its default, as your organisation does not let limits be raised'
    : `${DAILY_LIMIT_MULTIPLE} times its default per-credit limit, as your organisation does not let limits be raised`;
}
