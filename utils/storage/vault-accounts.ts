import { rewriteStoredKeys } from './account-store';
import { disableVault, enableVault } from './vault-store';

/** Turns the passphrase lock on, sealing every saved API key. */
export const lockStoredKeys = (passphrase: string) =>
  enableVault(passphrase, (sealWith) =>
    rewriteStoredKeys(async (stored) => (typeof stored === 'string' ? sealWith(stored) : stored)),
  );

/** Turns the passphrase lock off, storing every saved API key in the clear again. */
export const unlockStoredKeysForGood = (passphrase: string) =>
  disableVault(passphrase, (open) =>
    rewriteStoredKeys(async (stored) => (typeof stored === 'string' ? stored : open(stored))),
  );
