/**
 * Which email addresses the extension recognises: the requester a ticket is about, in
 * running text, `mailto:` links and the popup's paste box. Not RFC 5322 whole (quoted local
 * parts, comments and IP-literal domains do not appear in tickets): what helpdesks show,
 * plus internationalised addresses (letters of any script, punycode domains).
 */

/** Stripe's ceiling for the `email` filter; a longer paste is refused before any request. */
export const MAX_EMAIL_LENGTH = 512;

/**
 * Every address holds it, so a text without it holds none: the scanner's cheap first
 * filter, applied natively before any text reaches the script, as `_` is for IDs.
 */
export const EMAIL_MARKER = '@';

/** A letter or digit of any script; `u`-flag patterns only. */
const ALNUM = '\\p{L}\\p{N}\\p{M}';
/** What a local part is made of, dots apart. `'` is left out: prose quotes addresses. */
const LOCAL_CHARS = `[${ALNUM}_%+\\-]`;
/** One domain label: starts and ends with a letter or digit, hyphens between. */
const LABEL = `[${ALNUM}](?:[${ALNUM}\\-]{0,61}[${ALNUM}])?`;
/** The last label: letters (any script), or punycode. No digits-only TLD exists. */
const TOP_LABEL = `(?:\\p{L}[\\p{L}\\p{M}]{1,62}|xn--[a-z0-9\\-]{1,59})`;

/**
 * Source of the pattern that finds addresses in running text (flags `gu`). A match starts
 * only where a local part can start (not mid-run: that keeps the search linear on a long
 * word with no `@`), the local part has no leading, trailing or doubled dot, and the domain
 * ends before trailing punctuation ("write to jenny@example.com.").
 */
export const EMAIL_PATTERN_SOURCE =
  `(?<![${ALNUM}._%+\\-@])${LOCAL_CHARS}{1,64}(?:\\.${LOCAL_CHARS}{1,64}){0,16}` +
  `@(?:${LABEL}\\.){1,16}${TOP_LABEL}(?![${ALNUM}\\-@]|\\.[${ALNUM}])`;

/** A fresh global matcher: callers own its `lastIndex`. */
export const createEmailMatcher = () => new RegExp(EMAIL_PATTERN_SOURCE, 'gu');

const WHOLE_EMAIL = new RegExp(`^${EMAIL_PATTERN_SOURCE}$`, 'u');

/** The address itself when `candidate` is one whole address, else null. */
export function parseEmailAddress(candidate: string): string | null {
  if (candidate.length > MAX_EMAIL_LENGTH || !WHOLE_EMAIL.test(candidate)) return null;
  return candidate;
}

/** A sentence that says what is wrong with something that was meant to be an address. */
export function describeInvalidEmail(candidate: string): string {
  if (candidate.length > MAX_EMAIL_LENGTH)
    return `That address is ${candidate.length} characters long; Stripe accepts at most ${MAX_EMAIL_LENGTH}.`;
  if (/\s/.test(candidate)) return 'An email address has no spaces; remove them and try again.';
  const at = candidate.split(EMAIL_MARKER).length - 1;
  if (at > 1) return 'An email address has one @; this has several.';
  const [local = '', domain = ''] = candidate.split(EMAIL_MARKER);
  if (!local) return 'Add the part before the @ (as in jenny@example.com).';
  if (!domain) return 'Add the domain after the @ (as in jenny@example.com).';
  if (!domain.includes('.'))
    return `The domain "${domain}" has no dot: an address ends like example.com.`;
  if (/^\.|\.$|\.\./.test(local))
    return 'The part before the @ cannot start or end with a dot, or hold two in a row.';
  return 'That is not an email address this can look up: check it for stray characters.';
}

/**
 * The address a `mailto:` link writes to, or null. Only the first recipient, decoded, with
 * the query (`?subject=…`, `?cc=…`) dropped.
 */
export function emailOfMailto(href: string): string | null {
  if (!/^mailto:/i.test(href)) return null;
  const recipients = href.slice('mailto:'.length).split('?')[0]!;
  let first: string;
  try {
    first = decodeURIComponent(recipients.split(',')[0]!).trim();
  } catch {
    return null; // A malformed escape: not an address anyone can write to.
  }
  return parseEmailAddress(first);
}

/** The first address in pasted text ("Jenny <jenny@example.com>", a mailto: link). */
export function extractEmailAddress(pasted: string): string | null {
  const text = pasted.trim();
  if (text.length > MAX_EMAIL_LENGTH) return null;
  const fromLink = emailOfMailto(text);
  if (fromLink) return fromLink;
  return createEmailMatcher().exec(text)?.[0] ?? null;
}
