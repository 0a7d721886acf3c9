import type { StripeMode } from './stripe-id-grammar';

export type ApiKeyKind = 'secret' | 'restricted';

export type ApiKeyCheck =
  { ok: true; key: string; kind: ApiKeyKind; mode: StripeMode } | { ok: false; reason: string };

const KEY_SHAPE = /^(sk|rk|pk)_(test|live)_[A-Za-z0-9]+$/;

/**
 * Checks a pasted key before anything is stored or sent. Surrounding white space is dropped
 * (it comes with copy and paste); anything else odd is refused with what to fix.
 */
export function checkApiKey(pasted: string): ApiKeyCheck {
  const key = pasted.trim();
  if (!key)
    return {
      ok: false,
      reason: 'Paste an API key from the Stripe Dashboard (Developers → API keys).',
    };
  if (/^["'`].*["'`]$/.test(key))
    return { ok: false, reason: 'Remove the quotation marks around the key and save again.' };
  if (/\s/.test(key))
    return {
      ok: false,
      reason: 'The key contains spaces or line breaks; paste it again in one piece.',
    };
  const shape = KEY_SHAPE.exec(key);
  if (!shape)
    return {
      ok: false,
      reason:
        'That is not a Stripe API key. Keys start with sk_test_, sk_live_, rk_test_ or rk_live_.',
    };
  const [, prefix, mode] = shape;
  if (prefix === 'pk')
    return {
      ok: false,
      reason:
        'That is a publishable key (pk_…): it is meant for web pages and cannot read customers or sessions. Use a restricted key (rk_…) or a secret key (sk_…).',
    };
  return {
    ok: true,
    key,
    kind: prefix === 'rk' ? 'restricted' : 'secret',
    mode: mode as StripeMode,
  };
}

/** Shows which key this is without revealing it: `sk_test_…4242`. */
export function maskApiKey(key: string): string {
  const prefix = /^[a-z]{2}_(test|live)_/.exec(key)?.[0] ?? '';
  return `${prefix}…${key.slice(-4)}`;
}
