/**
 * Which Stripe IDs the extension recognises, as a table. Adding a kind (in_, cn_, acct_)
 * means adding it to `StripeObjectKind` and a row here; every registry keyed by the kind
 * (`utils/objects/`) then fails to compile until the kind has its entry there too.
 *
 * Stripe: IDs are case-sensitive, at most 255 characters, and may change length at any
 * time (a backwards-compatible change), so no length is hard-coded beyond that ceiling.
 */
export type StripeObjectKind =
  | 'checkout_session'
  | 'customer'
  | 'invoice'
  | 'credit_note'
  | 'payment'
  | 'refund'
  | 'subscription';
export type StripeMode = 'test' | 'live';

export interface StripeIdKind {
  prefix: string;
  kind: StripeObjectKind;
  /** Mode carried by the ID itself; customers carry none. */
  mode: StripeMode | null;
  /**
   * The fewest characters after the prefix, when more than MIN_ID_BODY_LENGTH: a short
   * prefix that is also an English word (`in_`) needs a body no word has (`in_progress`).
   */
  minBody?: number;
}

export const STRIPE_ID_KINDS = [
  { prefix: 'cs_test_', kind: 'checkout_session', mode: 'test' },
  { prefix: 'cs_live_', kind: 'checkout_session', mode: 'live' },
  { prefix: 'cus_', kind: 'customer', mode: null },
  // Invoices' bodies have 24 characters today; 14 leaves room and rules out snake_case words.
  { prefix: 'in_', kind: 'invoice', mode: null, minBody: 14 },
  { prefix: 'cn_', kind: 'credit_note', mode: null, minBody: 14 },
  // A payment is a PaymentIntent, or a charge or payment (`py_`) without one; all three have
  // 24-character bodies today, and 14 rules out words (`pi_estimate`, `re_enable_…`).
  { prefix: 'pi_', kind: 'payment', mode: null, minBody: 14 },
  { prefix: 'ch_', kind: 'payment', mode: null, minBody: 14 },
  { prefix: 'py_', kind: 'payment', mode: null, minBody: 14 },
  { prefix: 're_', kind: 'refund', mode: null, minBody: 14 },
  // Subscriptions' bodies have 24 characters today; `sub_total` or `sub_accounts` are words.
  { prefix: 'sub_', kind: 'subscription', mode: null, minBody: 14 },
] as const satisfies readonly StripeIdKind[];

/** A kind with no row here is a compile error, checked by types alone (no bytes shipped). */
type MustHold<Check extends true> = Check;
export type EveryKindHasAPrefix = MustHold<
  StripeObjectKind extends (typeof STRIPE_ID_KINDS)[number]['kind'] ? true : false
>;

export const MAX_STRIPE_ID_LENGTH = 255;

/**
 * The fewest characters after a prefix that make an ID. Real ones have 14 or more (a
 * customer's 14, a session's 58); `cus_12` or `cs_test_a1` in prose is not an object, and
 * marking it would offer a card that can only fail.
 */
export const MIN_ID_BODY_LENGTH = 8;

/**
 * Every prefix holds it, so a text without it holds no ID: the scanner's cheap first filter,
 * applied natively before any text reaches the script. A new prefix must keep it.
 */
export const ID_SEPARATOR = '_';

const escapeForRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Source of the pattern that finds IDs in running text. An ID starts after a character that
 * cannot be part of a word (so `focus_…`, `abacus_…` never match) and its body is letters and
 * digits only, ending before anything else (`#` of a checkout URL fragment, punctuation).
 * A body followed by `_` is a different token (`cs_testing_…`-like look-alikes), so it is
 * refused too.
 */
const minBodyOf = (kind: StripeIdKind) => Math.max(kind.minBody ?? 0, MIN_ID_BODY_LENGTH);
/** Each prefix with its body: `(?:cs_test_|…)[A-Za-z0-9]{8,}|in_[A-Za-z0-9]{14,}`. */
const idAlternatives = [...new Set(STRIPE_ID_KINDS.map(minBodyOf))]
  .map((min) => {
    const prefixes = STRIPE_ID_KINDS.filter((k) => minBodyOf(k) === min).map((k) =>
      escapeForRegExp(k.prefix),
    );
    return `(?:${prefixes.join('|')})[A-Za-z0-9]{${min},}`;
  })
  .join('|');
export const STRIPE_ID_PATTERN_SOURCE = `(?<![A-Za-z0-9_])(?:${idAlternatives})(?![A-Za-z0-9_])`;

/** A fresh global matcher: callers own its `lastIndex`. */
export const createStripeIdMatcher = () => new RegExp(STRIPE_ID_PATTERN_SOURCE, 'g');

const WHOLE_ID = new RegExp(`^(?:${idAlternatives})$`);

export interface ParsedStripeId {
  id: string;
  kind: StripeObjectKind;
  mode: StripeMode | null;
}

/** Classifies a complete ID, or returns null when it is not one we act on. */
export function parseStripeId(candidate: string): ParsedStripeId | null {
  if (candidate.length > MAX_STRIPE_ID_LENGTH || !WHOLE_ID.test(candidate)) return null;
  const kind = STRIPE_ID_KINDS.find((k) => candidate.startsWith(k.prefix));
  if (!kind) return null;
  return { id: candidate, kind: kind.kind, mode: kind.mode };
}

/** A sentence that says what is wrong with something that was meant to be an ID. */
export function describeInvalidStripeId(candidate: string): string {
  if (candidate.length === 0) return 'Enter a Stripe ID such as cus_…, pi_…, cs_test_… or in_….';
  if (candidate.length > MAX_STRIPE_ID_LENGTH)
    return `That is ${candidate.length} characters long; Stripe IDs are at most ${MAX_STRIPE_ID_LENGTH}.`;
  if (/\s/.test(candidate)) return 'Stripe IDs contain no spaces; remove them and try again.';
  const known = STRIPE_ID_KINDS.map((k) => k.prefix).join(', ');
  if (!STRIPE_ID_KINDS.some((k) => candidate.startsWith(k.prefix)))
    return `Not a supported Stripe ID: it should start with one of ${known}.`;
  const kind: StripeIdKind = STRIPE_ID_KINDS.find((k) => candidate.startsWith(k.prefix))!;
  const body = candidate.slice(kind.prefix.length);
  if (/^[A-Za-z0-9]*$/.test(body) && body.length < minBodyOf(kind))
    return `That ID is too short: Stripe IDs have at least ${minBodyOf(kind)} characters after ${kind.prefix} (most have 14 or more). Copy the whole ID.`;
  return 'Stripe IDs contain only letters and digits after the prefix; check for stray characters.';
}

/** The first supported ID in pasted text: a bare ID, a Dashboard URL, a checkout link. */
export function extractStripeId(pasted: string): ParsedStripeId | null {
  const match = createStripeIdMatcher().exec(pasted.trim());
  return match ? parseStripeId(match[0]) : null;
}
