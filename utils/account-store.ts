import { z } from 'zod';
import { storage } from 'wxt/utils/storage';
import { maskApiKey, type ApiKeyKind } from './api-keys';
import type { StripeMode } from './stripe-id-grammar';

const StoredAccount = z.object({
  id: z.string().min(1),
  label: z.string(),
  mode: z.enum(['test', 'live']),
  keyKind: z.enum(['secret', 'restricted']),
  apiKey: z.string().min(1),
  addedAt: z.number(),
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
}

/** An account the background is about to use, key included. Never leaves the background. */
export type UsableAccount = Pick<StoredAccount, 'id' | 'label' | 'mode' | 'apiKey'>;

// storage.local, never sync: keys must not travel to other devices.
const accountsItem = storage.defineItem<unknown>('local:accounts', {
  fallback: { accounts: [], activeAccountId: null },
  version: 1,
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

export async function listAccounts(): Promise<AccountSummary[]> {
  const { accounts, activeAccountId } = await read();
  return accounts.map((account) => ({
    id: account.id,
    label: account.label,
    mode: account.mode,
    keyKind: account.keyKind,
    maskedKey: maskApiKey(account.apiKey),
    active: account.id === activeAccountId,
  }));
}

/**
 * Saves a key that was already checked against Stripe. A key of a mode that is already
 * stored replaces it (one key per mode until accounts grow names and switching).
 */
export async function saveAccount(input: {
  apiKey: string;
  keyKind: ApiKeyKind;
  mode: StripeMode;
  label?: string;
}): Promise<AccountSummary> {
  const state = await read();
  const replaced = state.accounts.find((a) => a.mode === input.mode);
  const account: StoredAccount = {
    id: replaced?.id ?? crypto.randomUUID(),
    label: input.label ?? (input.mode === 'live' ? 'Live' : 'Test'),
    mode: input.mode,
    keyKind: input.keyKind,
    apiKey: input.apiKey,
    addedAt: Date.now(),
  };
  const accounts = [...state.accounts.filter((a) => a.id !== account.id), account];
  const activeAccountId = state.activeAccountId ?? account.id;
  await accountsItem.setValue({ accounts, activeAccountId } satisfies StoredAccounts);
  return (await listAccounts()).find((a) => a.id === account.id)!;
}

export async function removeAccount(id: string): Promise<void> {
  const state = await read();
  const accounts = state.accounts.filter((a) => a.id !== id);
  const activeAccountId =
    state.activeAccountId === id ? (accounts[0]?.id ?? null) : state.activeAccountId;
  await accountsItem.setValue({ accounts, activeAccountId } satisfies StoredAccounts);
}

/**
 * The account to use for an object. IDs that carry a mode go to an account of that mode
 * (the active one when it matches); customers go to the active account.
 */
export async function accountForMode(mode: StripeMode | null): Promise<UsableAccount | null> {
  const { accounts, activeAccountId } = await read();
  const active = accounts.find((a) => a.id === activeAccountId);
  if (mode === null) return active ?? accounts[0] ?? null;
  if (active?.mode === mode) return active;
  return accounts.find((a) => a.mode === mode) ?? null;
}

export async function accountById(id: string): Promise<UsableAccount | null> {
  return (await read()).accounts.find((a) => a.id === id) ?? null;
}

/** Accounts other than `exceptId`, of the given mode. */
export async function otherAccountOfMode(
  mode: StripeMode,
  exceptId: string,
): Promise<UsableAccount | null> {
  return (await read()).accounts.find((a) => a.mode === mode && a.id !== exceptId) ?? null;
}

export async function setActiveAccount(id: string): Promise<void> {
  const state = await read();
  if (!state.accounts.some((a) => a.id === id)) throw new Error('No such account.');
  await accountsItem.setValue({ ...state, activeAccountId: id } satisfies StoredAccounts);
}
