import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountForMode, listAccounts, saveAccount } from '../../utils/storage/account-store';
import {
  closeProtectedStorage,
  readAllProtectedItems,
  setProtectedItems,
} from '../../utils/storage/protected-items';
import { lockStoredKeys, unlockStoredKeysForGood } from '../../utils/storage/vault-accounts';
import {
  deriveVaultKey,
  newSalt,
  seal,
  unseal,
  VaultIntegrityError,
} from '../../utils/storage/vault-crypto';
import { DEFAULT_SETTINGS, writeSettings } from '../../utils/storage/settings-store';
import {
  disableVault,
  lockIfIdle,
  lockVault,
  noteAgentUse,
  unlockVault,
  VaultLockedError,
  VaultPassphraseError,
  vaultState,
} from '../../utils/storage/vault-store';

const KEY = 'sk_test_51VaultSecretKey0001';
const PASSPHRASE = 'correct horse battery staple';

const turnOn = (passphrase = PASSPHRASE) => lockStoredKeys(passphrase);

describe('vault crypto', () => {
  it('round-trips, and fails loudly on a wrong key or tampered data', async () => {
    const salt = newSalt();
    const key = await deriveVaultKey(PASSPHRASE, salt, 1000);
    const sealed = await seal(key, KEY);
    expect(sealed.data).not.toContain('sk_test');
    expect(await unseal(key, sealed)).toBe(KEY);
    await expect(
      unseal(await deriveVaultKey('wrong passphrase', salt, 1000), sealed),
    ).rejects.toBeInstanceOf(VaultIntegrityError);
    const flipped = {
      ...sealed,
      data: (sealed.data[0] === 'A' ? 'B' : 'A') + sealed.data.slice(1),
    };
    await expect(unseal(key, flipped)).rejects.toBeInstanceOf(VaultIntegrityError);
  });
});

describe('passphrase lock over saved accounts', () => {
  it('seals stored keys, keeps working while unlocked, and refuses while locked', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    await turnOn();
    const raw = JSON.stringify(await readAllProtectedItems());
    expect(raw).toContain('sk_test_…0001');
    expect(raw).not.toContain(KEY);
    expect(await vaultState()).toBe('unlocked');
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
    expect((await listAccounts())[0]!.maskedKey).toBe('sk_test_…0001');

    await lockVault();
    expect(await vaultState()).toBe('locked');
    await expect(accountForMode('test')).rejects.toBeInstanceOf(VaultLockedError);
    // Masked keys stay visible while locked.
    expect((await listAccounts())[0]!.maskedKey).toBe('sk_test_…0001');

    await unlockVault(PASSPHRASE);
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
  });

  it('says a wrong passphrase is wrong and loses nothing', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    await turnOn();
    await lockVault();
    const before = await fakeBrowser.storage.local.get(null);
    await expect(unlockVault('not the passphrase')).rejects.toBeInstanceOf(VaultPassphraseError);
    await expect(
      disableVault('not the passphrase', async () => {
        throw new Error('must not run');
      }),
    ).rejects.toThrow('Wrong passphrase');
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
    await unlockVault(PASSPHRASE);
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
  });

  it('refuses a short passphrase', async () => {
    await expect(turnOn('short')).rejects.toThrow('at least 10 characters');
    expect(await vaultState()).toBe('off');
  });

  it('seals keys saved while unlocked, and turning the lock off restores them in the clear', async () => {
    await turnOn();
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain(KEY);
    await unlockStoredKeysForGood(PASSPHRASE);
    expect(await vaultState()).toBe('off');
    await lockVault();
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
  });

  it('treats a damaged lock record as damaged, not as no lock', async () => {
    await fakeBrowser.storage.local.set({ vault: { salt: 1 } });
    await expect(vaultState()).rejects.toBeInstanceOf(VaultIntegrityError);
  });
});

describe('writes of keys and the lock', () => {
  const KEY2 = 'sk_test_51VaultSecretKey0002';

  it('seal the keys and store the salt in one operation: a failed write leaves keys usable', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    const put = IDBObjectStore.prototype.put;
    // The worker is killed as the lock's settings are written.
    const spy = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      value: unknown,
      key?: IDBValidKey,
    ) {
      if ((value as { key?: string }).key === 'vault') throw new Error('worker stopped');
      return put.call(this, value, key);
    });
    await expect(turnOn()).rejects.toThrow('worker stopped');
    spy.mockRestore();
    expect(await vaultState()).toBe('off');
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
  });

  it('keep a key saved while the lock is being turned on, and seal it', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    await Promise.all([turnOn(), saveAccount({ apiKey: KEY2, keyKind: 'secret', mode: 'live' })]);
    const raw = JSON.stringify(await readAllProtectedItems());
    expect(raw).toContain('sk_test_…0002'); // The masked key: the store was read.
    expect(raw).not.toContain(KEY);
    expect(raw).not.toContain(KEY2);
    expect((await listAccounts()).map((a) => a.maskedKey).sort()).toEqual([
      'sk_test_…0001',
      'sk_test_…0002',
    ]);
    expect((await accountForMode('live'))!.apiKey).toBe(KEY2);
  });

  it('are out of storage.local, and a key written there later is never adopted', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // What a content script can do: storage.local is open to it.
    await fakeBrowser.storage.local.set({
      accounts: {
        accounts: [
          {
            id: 'x',
            label: 'X',
            mode: 'test',
            keyKind: 'secret',
            apiKey: 'sk_test_51Attacker',
            addedAt: 1,
          },
        ],
        activeAccountId: 'x',
      },
    });
    await closeProtectedStorage(); // As after a worker restart.
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('refuse a key found in plain text while the lock is on', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    await turnOn();
    const stored = (await readAllProtectedItems()) as Array<{ key: string; value: unknown }>;
    const accounts = stored.find((item) => item.key === 'accounts')!.value as {
      accounts: Array<{ apiKey: unknown }>;
    };
    accounts.accounts[0]!.apiKey = 'sk_test_51AttackerKey00000000';
    await setProtectedItems([{ item: { key: 'accounts', version: 1 }, value: accounts }]);
    await expect(accountForMode('test')).rejects.toBeInstanceOf(VaultIntegrityError);
  });
});

describe('an install from before protected storage', () => {
  it('moves its sealed keys and lock out of storage.local, and they still open', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    await turnOn();
    await lockVault();
    // What the previous version kept in storage.local, in its shapes.
    const stored = (await readAllProtectedItems()) as Array<{ key: string; value: unknown }>;
    const valueOf = (key: string) => stored.find((item) => item.key === key)!.value;
    await closeProtectedStorage();
    await new Promise((resolve) => {
      indexedDB.deleteDatabase('protected-storage').addEventListener('success', resolve);
    });
    await fakeBrowser.storage.local.set({ accounts: valueOf('accounts'), vault: valueOf('vault') });

    expect(await vaultState()).toBe('locked');
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    expect((await listAccounts())[0]!.maskedKey).toBe('sk_test_…0001');
    await unlockVault(PASSPHRASE);
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
  });
});

describe('the idle lock', () => {
  const MINUTE = 60_000;

  it('locks after the minutes set in Options without use, and stays open while used', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    await turnOn();
    const start = Date.now();
    const at = (minutes: number) => vi.spyOn(Date, 'now').mockReturnValue(start + minutes * MINUTE);
    at(20);
    await noteAgentUse(); // The agent used a card: the clock starts again.
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
    at(49);
    expect(await lockIfIdle()).toBe(false);
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
    at(80);
    await expect(accountForMode('test')).rejects.toBeInstanceOf(VaultLockedError);
    expect(await vaultState()).toBe('locked');
  });

  it('locks from the background check alone, with the idle time the agent set', async () => {
    await saveAccount({ apiKey: KEY, keyKind: 'secret', mode: 'test' });
    await writeSettings({ ...DEFAULT_SETTINGS, autoLockMinutes: 5 });
    await turnOn();
    vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 6 * MINUTE);
    expect(await lockIfIdle()).toBe(true);
    expect(await vaultState()).toBe('locked');
    // Nothing is lost: the passphrase opens it again.
    vi.restoreAllMocks();
    await unlockVault(PASSPHRASE);
    expect((await accountForMode('test'))!.apiKey).toBe(KEY);
  });
});
