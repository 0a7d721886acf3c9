import { z } from 'zod';
import { success, failure } from '../messaging/reply';
import { listAccounts, removeAccount, setActiveAccount } from '../storage/account-store';
import { Settings } from '../storage/settings-store';
import { passphraseLockRequired } from '../policy/account-policy';
import { saveAgentSettings, settingsInForce, settingsView } from '../policy/settings-in-force';
import { lockStoredKeys, unlockStoredKeysForGood } from '../storage/vault-accounts';
import { lockVault, unlockVault, vaultState } from '../storage/vault-store';
import { disableSite, enableSite, listEnabledSites, startOnTab } from '../site-access';
import { revokeGrantsOfSite } from './card-lifetime';
import { pageRequest } from './request-handler';
import { CardSubjectField } from '../kit/request-fields';
import { saveApiKeyAction } from './save-api-key';
import { ALL_PERMISSION_PROBES } from '../objects/registry';
import { neededPermissions } from '../stripe/key-permissions';

const Passphrase = z.string().min(1).max(1024);
const SiteOrigin = z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'not an https origin');
const AccountId = z.string().min(1).max(64);

/** A request with no fields but its type. */
const bare = <T extends string>(type: T) => z.strictObject({ type: z.literal(type) });

/** Requests of the popup and Options, which act on no granted card. */
export const PAGE_REQUESTS = {
  'accounts.list': pageRequest(bare('accounts.list'), async () => success(await listAccounts())),
  'accounts.save': pageRequest(
    z.strictObject({
      type: z.literal('accounts.save'),
      apiKey: z.string().max(512),
      label: z.string().max(80).optional(),
    }),
    (request, { background }) =>
      saveApiKeyAction(request.apiKey, request.label ?? null, background.clientFor),
  ),
  /** Every permission a restricted key needs, by the Dashboard's names, with its jobs. */
  'accounts.permissionsNeeded': pageRequest(bare('accounts.permissionsNeeded'), async () =>
    success(neededPermissions(ALL_PERMISSION_PROBES)),
  ),
  'accounts.setActive': pageRequest(
    z.strictObject({ type: z.literal('accounts.setActive'), accountId: AccountId }),
    async (request) => {
      await setActiveAccount(request.accountId).catch(() => undefined);
      return success(await listAccounts());
    },
  ),
  'accounts.remove': pageRequest(
    z.strictObject({ type: z.literal('accounts.remove'), accountId: AccountId }),
    async (request) => {
      await removeAccount(request.accountId);
      return success(null);
    },
  ),
  'journal.recent': pageRequest(
    z.strictObject({
      type: z.literal('journal.recent'),
      limit: z.number().int().min(1).max(10_000),
    }),
    async (request, { background }) => success(await background.journal.listRecent(request.limit)),
  ),
  /** What became of one attempt: the card shows it beside a new one (no keys, no URLs). */
  'journal.attempt': pageRequest(
    z.strictObject({ type: z.literal('journal.attempt'), attemptId: z.uuid() }),
    async (request, { background }) => {
      const record = await background.journal.get(request.attemptId);
      return success(
        record ? { outcome: record.outcome, requestId: record.requestId ?? null } : null,
      );
    },
    { alsoFromCards: true },
  ),
  'sites.list': pageRequest(bare('sites.list'), async () => success(await listEnabledSites())),
  'sites.enable': pageRequest(
    z.strictObject({ type: z.literal('sites.enable'), origin: SiteOrigin }),
    async (request) => {
      const changed = await enableSite(request.origin);
      return changed.ok ? success(changed.sites) : failure(changed.reason);
    },
  ),
  'sites.disable': pageRequest(
    z.strictObject({ type: z.literal('sites.disable'), origin: SiteOrigin }),
    async (request) => {
      const changed = await disableSite(request.origin);
      if (changed.ok) await revokeGrantsOfSite(request.origin);
      return changed.ok ? success(changed.sites) : failure(changed.reason);
    },
  ),
  'sites.startOnTab': pageRequest(
    z.strictObject({ type: z.literal('sites.startOnTab'), tabId: z.number().int().min(0) }),
    async (request) => success(await startOnTab(request.tabId)),
  ),
  'options.open': pageRequest(
    bare('options.open'),
    async (_request, { background }) => {
      await background.openOptions();
      return success(null);
    },
    { alsoFromCards: true },
  ),
  'popup.openCard': pageRequest(
    z.strictObject({ type: z.literal('popup.openCard'), objectId: CardSubjectField }),
    async (request, { sender, cards }) => {
      // A card inside the popup, bound to wherever the popup lives (no tab for the toolbar
      // popup, its own tab when opened as a window). It came from no helpdesk page.
      const grant = await cards.grant({
        objectId: request.objectId,
        tabId: sender.tab?.id ?? null,
        frameId: 0,
        pageUrl: '',
        inPopup: true,
      });
      return success({ token: grant.token });
    },
  ),
  'vault.state': pageRequest(bare('vault.state'), async () => success(await vaultState())),
  'vault.enable': pageRequest(
    z.strictObject({ type: z.literal('vault.enable'), passphrase: Passphrase }),
    async (request) => {
      await lockStoredKeys(request.passphrase);
      return success(await vaultState());
    },
  ),
  'vault.unlock': pageRequest(
    z.strictObject({ type: z.literal('vault.unlock'), passphrase: Passphrase }),
    async (request, { background }) => {
      await unlockVault(request.passphrase);
      background.afterUnlock?.();
      return success(await vaultState());
    },
  ),
  'vault.lock': pageRequest(bare('vault.lock'), async () => {
    await lockVault();
    return success(await vaultState());
  }),
  'vault.disable': pageRequest(
    z.strictObject({ type: z.literal('vault.disable'), passphrase: Passphrase }),
    async (request) => {
      if (await passphraseLockRequired())
        return failure(
          'Your organisation requires the passphrase lock, so it cannot be turned off here. It stays on.',
        );
      await unlockStoredKeysForGood(request.passphrase);
      return success(await vaultState());
    },
  ),
  // The card reads the guardrails in force to explain a refusal before anything is sent.
  'settings.get': pageRequest(bare('settings.get'), async () => success(await settingsView()), {
    alsoFromCards: true,
  }),
  /** Only the fields sent are changed: each part of Options saves its own. */
  'settings.save': pageRequest(
    z.strictObject({ type: z.literal('settings.save'), settings: Settings.partial() }),
    async (request, { background }) => {
      const before = (await settingsInForce()).markEmails;
      const saved = await saveAgentSettings(request.settings);
      // Open helpdesk tabs look for addresses, or stop, now rather than at their next load.
      if (saved.ok && saved.value.settings.markEmails !== before)
        await background.tellHelpdeskTabs({
          type: 'content.marking',
          emails: saved.value.settings.markEmails,
        });
      return saved;
    },
  ),
};
