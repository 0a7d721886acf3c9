import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAllProtectedItems } from '../../utils/storage/protected-items';
import {
  accountForMode,
  listAccounts,
  saveAccount,
  setActiveAccount,
  StoredAccountsUnreadableError,
} from '../../utils/storage/account-store';
import { saveApiKeyAction } from '../../utils/background/save-api-key';
import { useEmulator } from './emulator-harness';

const harness = useEmulator();
const clientFor = ({ apiKey }: { apiKey: string }) => harness.client({ apiKey });

describe('saving keys', () => {
  it('reads the Stripe account behind a secret key and names the account after it', async () => {
    const reply = await saveApiKeyAction(harness.emulator.keys.testSecret, null, clientFor);
    expect(reply).toMatchObject({
      ok: true,
      value: {
        warning: null,
        account: {
          label: 'Acme (emulated)',
          stripeAccountId: 'acct_1Emulator',
          mode: 'test',
          maskedKey: 'sk_test_…0000',
        },
      },
    });
    expect(harness.emulator.apiRequests().map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/account',
    ]);
  });

  it('lists the permissions a restricted key lacks, changing nothing at Stripe', async () => {
    const reply = await saveApiKeyAction(
      harness.emulator.keys.testRestrictedReadOnly,
      'Support desk',
      clientFor,
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.account).toMatchObject({ label: 'Support desk', stripeAccountId: null });
    // By the Dashboard's names, as the key's form shows them: never Stripe's rak_… names.
    expect(reply.value.account.missingPermissions.sort()).toEqual([
      'Charges: Read',
      'Checkout Sessions: Write',
      'Credit notes: Read',
      'Credit notes: Write',
      'Customer portal: Write',
      'Customers: Read',
      'Customers: Write',
      'Invoices: Read',
      'PaymentIntents: Read',
      'Refunds: Read',
      'Refunds: Write',
      'Subscriptions: Read',
      'Subscriptions: Write',
    ]);
    expect(reply.value.warning).toContain('Customers: Write (crediting customer balances)');
    expect(reply.value.warning).not.toContain('rak_');
    // It can still read Checkout Sessions: saved, with what it lacks.
    expect(reply.value.usable).toBe(true);
    expect(harness.emulator.sessions().get('cs_test_HelpdeskPermissionProbe')).toBeUndefined();
    expect(harness.emulator.balanceTransactions()).toHaveLength(0);
  });

  it('saves a key that can do nothing the cards offer with a warning that says so', async () => {
    const reply = await saveApiKeyAction(
      harness.emulator.keys.testRestrictedNothing,
      null,
      clientFor,
    );
    expect(reply.ok).toBe(true);
    if (!reply.ok) return;
    expect(reply.value.usable).toBe(false);
    expect(reply.value.warning).toMatch(/^This key can do nothing the cards offer: it lacks /);
    expect(reply.value.warning).toContain('Checkout Sessions: Read (reading Checkout Sessions)');
  });

  it('never stores a key Stripe refuses', async () => {
    const reply = await saveApiKeyAction('sk_test_51Unknown0000', null, clientFor);
    expect(reply).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('did not accept this key') },
    });
    expect(await listAccounts()).toEqual([]);
  });
});

describe('accounts', () => {
  const key = (n: number, mode = 'test') => `sk_${mode}_51Brand${n}Key000000`;

  it('keeps several accounts, one active, and routes by mode', async () => {
    const brandA = await saveAccount({
      apiKey: key(1),
      keyKind: 'secret',
      mode: 'test',
      label: 'Brand A',
    });
    const brandB = await saveAccount({
      apiKey: key(2),
      keyKind: 'secret',
      mode: 'test',
      label: 'Brand B',
    });
    const live = await saveAccount({
      apiKey: key(3, 'live'),
      keyKind: 'secret',
      mode: 'live',
      label: 'Brand A live',
    });
    expect((await listAccounts()).map((a) => [a.label, a.active])).toEqual([
      ['Brand A', true],
      ['Brand B', false],
      ['Brand A live', false],
    ]);
    expect((await accountForMode(null))!.id).toBe(brandA.id);
    // Two keys of one account are told apart wherever a card names the one it read with.
    expect((await accountForMode('test'))!.label).toBe('Brand A · sk_test_…0000');
    expect((await accountForMode('live'))!.label).toBe('Brand A live · sk_live_…0000');
    expect((await accountForMode('live'))!.id).toBe(live.id);
    await setActiveAccount(brandB.id);
    expect((await accountForMode('test'))!.id).toBe(brandB.id);
    expect((await accountForMode(null))!.id).toBe(brandB.id);
    await setActiveAccount(live.id);
    expect((await accountForMode(null))!.id).toBe(live.id);
    // A session's mode wins over the active account.
    expect((await accountForMode('test'))!.id).toBe(brandA.id);
  });

  it('updates an account when the same key is saved again', async () => {
    const first = await saveAccount({
      apiKey: key(1),
      keyKind: 'secret',
      mode: 'test',
      label: 'Old name',
    });
    const again = await saveAccount({
      apiKey: key(1),
      keyKind: 'secret',
      mode: 'test',
      label: 'New name',
    });
    expect(again.id).toBe(first.id);
    expect((await listAccounts()).map((a) => a.label)).toEqual(['New name']);
  });

  it('reads accounts saved before the Stripe account was recorded', async () => {
    await fakeBrowser.storage.local.set({
      accounts: {
        accounts: [
          { id: 'a1', label: 'Test', mode: 'test', keyKind: 'secret', apiKey: key(1), addedAt: 1 },
        ],
        activeAccountId: 'a1',
      },
    });
    expect(await listAccounts()).toEqual([
      expect.objectContaining({
        id: 'a1',
        stripeAccountId: null,
        businessName: null,
        missingPermissions: [],
        active: true,
      }),
    ]);
  });

  it('refuses to read a corrupted store, and leaves it as it was', async () => {
    await fakeBrowser.storage.local.set({ accounts: { accounts: 'oops' } });
    await expect(listAccounts()).rejects.toBeInstanceOf(StoredAccountsUnreadableError);
    const stored = (await readAllProtectedItems()) as Array<{ key: string; value: unknown }>;
    expect(stored.find((item) => item.key === 'accounts')?.value).toEqual({ accounts: 'oops' });
  });
});
