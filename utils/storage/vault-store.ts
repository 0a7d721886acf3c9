import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { defineProtectedItem, setProtectedItems, type ProtectedWrite } from './protected-items';
import { settingsInForce } from '../policy/settings-in-force';
import {
  deriveVaultKey,
  exportVaultKey,
  importVaultKey,
  newSalt,
  PBKDF2_ITERATIONS,
  seal,
  unseal,
  VaultIntegrityError,
  type SealedText,
} from './vault-crypto';

/**
 * The optional passphrase lock. With it on, stored API keys are sealed; the unlocked key waits
 * in storage.session (memory only, trusted contexts only) until the agent locks or the browser
 * closes.
 */
export const Sealed = z.object({ iv: z.string(), data: z.string() });
const VaultMeta = z.object({
  salt: z.string(),
  iterations: z.number().int().min(100_000),
  check: Sealed,
});
type VaultMeta = z.infer<typeof VaultMeta>;

const CHECK_TEXT = 'stripe-helpdesk-actions vault';
export const MIN_PASSPHRASE_LENGTH = 10;

const vaultItem = defineProtectedItem<unknown>('vault', { fallback: null });
const unlockedItem = storage.defineItem<string | null>('session:vaultKey', { fallback: null });
/** When the unlocked key was last used: past the idle time set in Options, the lock closes. */
const lastUsedItem = storage.defineItem<number>('session:vaultLastUsed', { fallback: 0 });
/** Uses closer together than this are not written down again. */
const TOUCH_EVERY_MS = 15_000;
/** The shortest idle time Options accepts (`autoLockMinutes` is at least 1). */
const MIN_AUTO_LOCK_MS = 60_000;

export type VaultState = 'off' | 'locked' | 'unlocked';

export class VaultLockedError extends Error {
  override readonly name = 'VaultLockedError';
  constructor() {
    super(
      'Stripe Actions is locked. Unlock it with your passphrase in the toolbar popup or Options.',
    );
  }
}

export class VaultPassphraseError extends Error {
  override readonly name = 'VaultPassphraseError';
}

async function readMeta(): Promise<VaultMeta | null> {
  const stored = await vaultItem.getValue();
  if (stored === null) return null;
  const parsed = VaultMeta.safeParse(stored);
  // A vault that cannot be read must not silently turn into "no vault".
  if (!parsed.success) throw new VaultIntegrityError('The passphrase lock settings are damaged.');
  return parsed.data;
}

export async function vaultState(): Promise<VaultState> {
  if (!(await readMeta())) return 'off';
  return (await unlockedItem.getValue()) ? 'unlocked' : 'locked';
}

async function keyFromPassphrase(meta: VaultMeta, passphrase: string): Promise<CryptoKey> {
  const key = await deriveVaultKey(passphrase, meta.salt, meta.iterations);
  try {
    if ((await unseal(key, meta.check)) !== CHECK_TEXT)
      throw new VaultIntegrityError('check failed');
  } catch {
    throw new VaultPassphraseError(
      'Wrong passphrase. Nothing was changed; your saved keys are intact.',
    );
  }
  return key;
}

/** The key that seals and opens API keys now, or null when the lock is off. */
async function currentKey(now = Date.now()): Promise<CryptoKey | null> {
  if (!(await readMeta())) return null;
  if (await lockIfIdle(now)) throw new VaultLockedError();
  const raw = await unlockedItem.getValue();
  if (!raw) throw new VaultLockedError();
  return importVaultKey(raw);
}

/**
 * The agent did something in the card, the popup or Options: the idle time starts again.
 * Reading the key is not use by itself: a page asking for cards (a look-up started by the
 * content script) must not keep the lock open while the agent is away.
 */
export async function noteAgentUse(now = Date.now()): Promise<void> {
  if (!(await unlockedItem.getValue())) return;
  if (now - (await lastUsedItem.getValue()) > TOUCH_EVERY_MS) await lastUsedItem.setValue(now);
}

/**
 * Locks an unlocked vault left unused for longer than the idle time set in Options; the
 * background also asks every minute, so the key does not wait in memory until next use.
 * True when it locked.
 */
export async function lockIfIdle(now = Date.now()): Promise<boolean> {
  if (!(await unlockedItem.getValue())) return false;
  const idle = now - (await lastUsedItem.getValue());
  // Every key use asks: within the shortest idle time Options allows, settings need no read.
  if (idle <= MIN_AUTO_LOCK_MS) return false;
  const { autoLockMinutes } = await settingsInForce();
  if (idle <= autoLockMinutes * 60_000) return false;
  await lockVault();
  return true;
}

export async function sealSecret(secret: string): Promise<string | SealedText> {
  const key = await currentKey();
  return key ? seal(key, secret) : secret;
}

export async function openSecret(stored: string | SealedText): Promise<string> {
  if (typeof stored === 'string') {
    // With the lock on every key is sealed: a key in plain text was put there by something
    // else (a content script can write storage.local) and is never used.
    if (await readMeta())
      throw new VaultIntegrityError('A key in plain text was found while the lock is on.');
    return stored;
  }
  const key = await currentKey();
  if (!key) throw new VaultIntegrityError('A sealed key was found but the lock is off.');
  return unseal(key, stored);
}

/**
 * Turns the lock on: seals every stored secret under a key derived from the passphrase. The
 * caller prepares the resealed secrets, so this module knows nothing of accounts; they and
 * the lock's settings are written in one storage operation, so no interruption can leave
 * sealed keys without the salt that opens them.
 */
export async function enableVault(
  passphrase: string,
  reseal: (sealWith: (secret: string) => Promise<SealedText>) => Promise<ProtectedWrite>,
): Promise<void> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH)
    throw new VaultPassphraseError(
      `Use a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters.`,
    );
  if (await readMeta()) throw new VaultPassphraseError('The passphrase lock is already on.');
  const salt = newSalt();
  const key = await deriveVaultKey(passphrase, salt, PBKDF2_ITERATIONS);
  const resealed = await reseal((secret) => seal(key, secret));
  await lastUsedItem.setValue(Date.now());
  const meta: VaultMeta = {
    salt,
    iterations: PBKDF2_ITERATIONS,
    check: await seal(key, CHECK_TEXT),
  };
  await unlockedItem.setValue(await exportVaultKey(key));
  await setProtectedItems([resealed, { item: vaultItem, value: meta }]);
}

export async function unlockVault(passphrase: string): Promise<void> {
  const meta = await readMeta();
  if (!meta) return;
  const key = await keyFromPassphrase(meta, passphrase);
  await lastUsedItem.setValue(Date.now());
  await unlockedItem.setValue(await exportVaultKey(key));
}

export async function lockVault(): Promise<void> {
  await unlockedItem.removeValue();
}

/**
 * Turns the lock off after checking the passphrase: the secrets in the clear and the lock's
 * settings cleared, in one storage operation.
 */
export async function disableVault(
  passphrase: string,
  unsealAll: (open: (sealed: SealedText) => Promise<string>) => Promise<ProtectedWrite>,
): Promise<void> {
  const meta = await readMeta();
  if (!meta) return;
  const key = await keyFromPassphrase(meta, passphrase);
  const opened = await unsealAll((sealed) => unseal(key, sealed));
  await setProtectedItems([opened, { item: vaultItem, value: null }]);
  await unlockedItem.removeValue();
}
