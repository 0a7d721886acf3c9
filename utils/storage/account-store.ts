import { z } from 'zod';
import { maskApiKey, type ApiKeyKind } from '../api-keys';
import type { StripeMode } from '../stripe-id-grammar';
import type { SealedText } from './vault-crypto';
import { oneCredentialWriteAtATime } from './credential-writes';
import { defineProtectedItem, type ProtectedWrite } from './protected-items';
import { openSecret, Sealed, sealSecret } from './vault-store';

const StoredAccount = z.object({
  id: z.string().min(1),
  label: z.string(),
  mode: z.enum(['test', 'live']),
  keyKind: z.enum(['secret', 'restricted']),
  /** The key itself, or sealed under the passphrase lock. */
  apiKey: z.union([z.string().min(1), Sealed]),
  /** Shown instead of the key (`sk_test_…1234`), readable while locked. */
  maskedKey: z.string().optional(),
  addedAt: z.number(),
  // Accounts saved before these were known read as unknown, not as corrupt.
  stripeAccountId: z.string().nullable().default(null),
  businessName: z.string().nullable().default(null),
  /**
   * Permissions a restricted key lacked when it was saved, by the Dashboard's names
   * ("Customers: Write"); keys saved by earlier versions hold Stripe's `rak_…` names.
   */
  missingPermissions: z.array(z.string()).default([]),
});
type StoredAccount = z.infer<typeof StoredAccount>;

const StoredAccounts = z.object({
  accounts: z.array(StoredAccount),
  activeAccountId: z.string().nullable(),
});
type StoredAccounts = z.infer<typeof StoredAccounts>;

/** What any page may see of an account: never the key itself. */
export interface AccountSummary {
  id: string;
  label: string;
  mode: StripeMode;
  keyKind: ApiKeyKind;
  maskedKey: string;
  active: boolean;
  stripeAccountId: string | null;
  businessName: string | null;
  missingPermissions: string[];
}

/** An account the background is about to use, key included. Never leaves the background. */
export type UsableAccount = Pick<StoredAccount, 'id' | 'label' | 'mode'> & { apiKey: string };

async function usable(account: StoredAccount | undefined): Promise<UsableAccount | null> {
  if (!account) return null;
  const apiKey = await openSecret(account.apiKey);
  return {
    id: account.id,
    // Two keys of one account share its name: the masked key (mode and last four) tells
    // them apart wherever a card names the account it read with.
    label: `${account.label} · ${account.maskedKey ?? maskApiKey(apiKey)}`,
    mode: account.mode,
    apiKey,
  };
}

// Protected storage (the extension's IndexedDB), never sync: keys must not travel to other
// devices, nor be open to content scripts as storage.local is.
const accountsItem = defineProtectedItem<unknown>('accounts', {
  fallback: { accounts: [], activeAccountId: null },
});

export class StoredAccountsUnreadableError extends Error {
  override readonly name = 'StoredAccountsUnreadableError';
  constructor() {
    super(
      'The saved accounts could not be read. They were left untouched; re-save your API key in Options.',
    );
  }
}

async function read(): Promise<StoredAccounts> {
  const parsed = StoredAccounts.safeParse(await accountsItem.getValue());
  if (!parsed.success) throw new StoredAccountsUnreadableError();
  return parsed.data;
}

const summarise = (account: StoredAccount, activeAccountId: string | null): AccountSummary => ({
  id: account.id,
  label: account.label,
  mode: account.mode,
  keyKind: account.keyKind,
  maskedKey:
    account.maskedKey ?? (typeof account.apiKey === 'string' ? maskApiKey(account.apiKey) : '…'),
  active: account.id === activeAccountId,
  stripeAccountId: account.stripeAccountId,
  businessName: account.businessName,
  missingPermissions: account.missingPermissions,
});

export async function listAccounts(): Promise<AccountSummary[]> {
  const { accounts, activeAccountId } = await read();
  return accounts.map((account) => summarise(account, activeAccountId));
}

/**
 * Saves a key that was already checked against Stripe. Saving a key that is stored already
 * updates that account; any other key is a new account. The first account becomes active.
 */
export const saveAccount = (input: Parameters<typeof saveAccountNow>[0]) =>
  oneCredentialWriteAtATime(() => saveAccountNow(input));

async function saveAccountNow(input: {
  apiKey: string;
  keyKind: ApiKeyKind;
  mode: StripeMode;
  label?: string | null;
  stripeAccountId?: string | null;
  businessName?: string | null;
  missingPermissions?: string[];
}): Promise<AccountSummary> {
  const state = await read();
  let existing: StoredAccount | undefined;
  for (const a of state.accounts) if ((await openSecret(a.apiKey)) === input.apiKey) existing = a;
  const account: StoredAccount = {
    id: existing?.id ?? crypto.randomUUID(),
    label:
      input.label?.trim() ||
      input.businessName ||
      existing?.label ||
      (input.mode === 'live' ? 'Live' : 'Test'),
    mode: input.mode,
    keyKind: input.keyKind,
    apiKey: await sealSecret(input.apiKey),
    maskedKey: maskApiKey(input.apiKey),
    addedAt: existing?.addedAt ?? Date.now(),
    stripeAccountId: input.stripeAccountId ?? null,
    businessName: input.businessName ?? null,
    missingPermissions: input.missingPermissions ?? [],
  };
  const accounts = existing
    ? state.accounts.map((a) => (a.id === account.id ? account : a))
    : [...state.accounts, account];
  const activeAccountId = state.activeAccountId ?? account.id;
  await accountsItem.setValue({ accounts, activeAccountId } satisfies StoredAccounts);
  return summarise(account, activeAccountId);
}

export const removeAccount = (id: string) => oneCredentialWriteAtATime(() => removeAccountNow(id));

async function removeAccountNow(id: string): Promise<void> {
  const state = await read();
  const accounts = state.accounts.filter((a) => a.id !== id);
  const activeAccountId =
    state.activeAccountId === id ? (accounts[0]?.id ?? null) : state.activeAccountId;
  await accountsItem.setValue({ accounts, activeAccountId } satisfies StoredAccounts);
}

export const setActiveAccount = (id: string) =>
  oneCredentialWriteAtATime(() => setActiveAccountNow(id));

async function setActiveAccountNow(id: string): Promise<void> {
  const state = await read();
  if (!state.accounts.some((a) => a.id === id)) throw new Error('No such account.');
  await accountsItem.setValue({ ...state, activeAccountId: id } satisfies StoredAccounts);
}

/**
 * The account to use for an object. IDs that carry a mode go to an account of that mode
 * (the active one when it matches); customers go to the active account.
 */
export async function accountForMode(mode: StripeMode | null): Promise<UsableAccount | null> {
  const { accounts, activeAccountId } = await read();
  const active = accounts.find((a) => a.id === activeAccountId);
  if (mode === null) return usable(active ?? accounts[0]);
  if (active?.mode === mode) return usable(active);
  return usable(accounts.find((a) => a.mode === mode));
}

export async function accountById(id: string): Promise<UsableAccount | null> {
  return usable((await read()).accounts.find((a) => a.id === id));
}

/**
 * For the passphrase lock: every stored key through `transform`, as the storage write that
 * would store them, for the lock to write together with its own settings in one operation.
 * The caller runs it inside `oneCredentialWriteAtATime`.
 */
export async function rewrittenStoredKeys(
  transform: (stored: string | SealedText) => Promise<string | SealedText>,
): Promise<ProtectedWrite> {
  const state = await read();
  const accounts: StoredAccount[] = [];
  for (const account of state.accounts)
    accounts.push({ ...account, apiKey: await transform(account.apiKey) });
  return { item: accountsItem, value: { ...state, accounts } satisfies StoredAccounts };
}

/** Accounts other than `exceptId`, of the given mode. */
export async function otherAccountOfMode(
  mode: StripeMode,
  exceptId: string,
): Promise<UsableAccount | null> {
  const { accounts, activeAccountId } = await read();
  const candidates = accounts.filter((a) => a.mode === mode && a.id !== exceptId);
  return usable(candidates.find((a) => a.id === activeAccountId) ?? candidates[0]);
}
