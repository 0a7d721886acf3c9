import type { StripeMode } from '../stripe-id-grammar';
import { vaultState } from '../storage/vault-store';
import { currentPolicy } from './policy-source';

export const LIVE_KEYS_NOT_ALLOWED =
  'Your organisation does not allow live-mode keys in this extension, so nothing was sent. Use a test-mode key, or ask your administrator.';
export const PASSPHRASE_LOCK_REQUIRED =
  'Your organisation requires the passphrase lock. Turn it on in Options (Passphrase lock); your saved keys are sealed with it. Nothing was sent.';

/**
 * Why the organisation's policy forbids using a key of this mode now, or null. Asked before
 * every use of a key, not only when one is saved, so a policy pushed later applies to keys
 * saved before it.
 */
export async function policyRefusesKey(mode: StripeMode): Promise<string | null> {
  const { policy } = await currentPolicy();
  if (mode === 'live' && policy.liveKeysAllowed === false) return LIVE_KEYS_NOT_ALLOWED;
  if (policy.passphraseLockRequired === true && (await vaultState()) === 'off')
    return PASSPHRASE_LOCK_REQUIRED;
  return null;
}

/** Whether the organisation forbids turning the passphrase lock off. */
export async function passphraseLockRequired(): Promise<boolean> {
  return (await currentPolicy()).policy.passphraseLockRequired === true;
}
