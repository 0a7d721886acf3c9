import { rewrittenStoredKeys } from './account-store';
import { oneCredentialWriteAtATime } from './credential-writes';
import { disableVault, enableVault } from './vault-store';

/** Turns the passphrase lock on, sealing every saved API key. */
export const lockStoredKeys = (passphrase: string) =>
  oneCredentialWriteAtATime(() =>
    enableVault(passphrase, (sealWith) =>
      rewrittenStoredKeys(async (stored) =>
        typeof stored === 'string' ? sealWith(stored) : stored,
      ),
    ),
  );

/** Turns the passphrase lock off, storing every saved API key in the clear again. */
export const unlockStoredKeysForGood = (passphrase: string) =>
  oneCredentialWriteAtATime(() =>
    disableVault(passphrase, (open) =>
      rewrittenStoredKeys(async (stored) => (typeof stored === 'string' ? stored : open(stored))),
    ),
  );
