import type { ActivityJournal } from '../activity-journal';
import {
  accountById,
  accountForMode,
  listAccounts,
  removeAccount,
  StoredAccountsUnreadableError,
  setActiveAccount,
  type UsableAccount,
} from '../account-store';
import { createPortalLinkAction } from '../actions/create-portal-link';
import { creditCustomerBalanceAction } from '../actions/credit-customer-balance';
import { lookUpCustomer } from '../actions/look-up-customer';
import type { ActionBase } from '../actions/run-journaled-post';
import {
  expireCheckoutSessionAction,
  lookUpCheckoutSession,
} from '../actions/expire-checkout-session';
import { saveApiKeyAction } from '../actions/save-api-key';
import {
  findCardGrant,
  issueCardGrant,
  rememberGrantAccount,
  type CardGrant,
} from '../card-grants';
import { readSettings, writeSettings } from '../settings-store';
import { disableSite, enableSite, listEnabledSites, startOnTab } from '../site-access';
import { VaultIntegrityError } from '../vault-crypto';
import { lockStoredKeys, unlockStoredKeysForGood } from '../vault-accounts';
import {
  lockVault,
  unlockVault,
  VaultLockedError,
  VaultPassphraseError,
  vaultState,
} from '../vault-store';
import type { StripeClient, StripeClientOptions } from '../stripe/client';
import { parseStripeId, type StripeMode } from '../stripe-id-grammar';
import { ContentScriptRequest, ExtensionPageRequest } from './protocol';
import type { BackgroundToContentMessage } from './protocol';
import { failure, success, type Reply } from './reply';
import { classifySender, pageAddressOf, type MessageSenderLike } from './sender-policy';

export interface BackgroundContext {
  runtimeId: string;
  extensionOrigin: string;
  journal: ActivityJournal;
  clientFor(options: Pick<StripeClientOptions, 'apiKey'>): StripeClient;
  sendToFrame(tabId: number, frameId: number, message: BackgroundToContentMessage): Promise<void>;
  /** A card cannot open Options itself: Firefox gives a card inside a page no such API. */
  openOptions(): Promise<void>;
  /** Runs after the passphrase lock opens: actions left pending while locked can resume. */
  afterUnlock?: () => void;
}

const REFUSED = 'This request is not allowed from here.';

/**
 * How long an object looked up when its card was granted stands for the card's own first
 * request. The card asks as soon as its frame has loaded, a few hundred ms later.
 */
const EARLY_LOOKUP_MS = 5_000;

export function createMessageHandler(context: BackgroundContext) {
  // A double click sends the same attempt twice; both get the one answer.
  const inFlight = new Map<string, Promise<Reply<unknown>>>();
  const once = (attemptId: string, start: () => Promise<Reply<unknown>>) => {
    const running = inFlight.get(attemptId);
    if (running) return running;
    const started = start().finally(() => inFlight.delete(attemptId));
    inFlight.set(attemptId, started);
    return started;
  };

  // A card's first request is always for its object, and its frame takes a few hundred ms
  // to load before it can ask. So the lookup (a read, sent to Stripe once either way) starts
  // as the card is granted, and the card's first request takes it over.
  const earlyLookups = new Map<string, { startedAt: number; reply: Promise<Reply<unknown>> }>();
  function startLookup(grant: CardGrant) {
    const now = Date.now();
    for (const [token, early] of earlyLookups)
      if (now - early.startedAt > EARLY_LOOKUP_MS) earlyLookups.delete(token);
    const reply = lookUpGranted(grant);
    reply.catch(() => undefined); // Its failure is the card's to show, if a card ever asks.
    earlyLookups.set(grant.token, { startedAt: now, reply });
  }
  function takeLookup(grant: CardGrant): Promise<Reply<unknown>> {
    const early = earlyLookups.get(grant.token);
    earlyLookups.delete(grant.token);
    if (early && Date.now() - early.startedAt <= EARLY_LOOKUP_MS) return early.reply;
    return lookUpGranted(grant);
  }

  async function handleContentScript(
    raw: unknown,
    sender: MessageSenderLike,
  ): Promise<Reply<unknown>> {
    const parsed = ContentScriptRequest.safeParse(raw);
    if (!parsed.success) return failure(REFUSED);
    const grant = await issueCardGrant({
      objectId: parsed.data.objectId,
      tabId: sender.tab!.id!,
      frameId: sender.frameId!,
      pageUrl: pageAddressOf(sender),
      inPopup: false,
    });
    startLookup(grant);
    return success({ token: grant.token });
  }

  async function grantedAccount(
    grant: CardGrant,
  ): Promise<{ account: UsableAccount; mode: StripeMode | null } | Reply<never>> {
    const mode = parseStripeId(grant.objectId)?.mode ?? null;
    // A customer found in another account than the active one stays with that account.
    const remembered = grant.accountId ? await accountById(grant.accountId) : null;
    const account = remembered ?? (await accountForMode(mode));
    if (account) return { account, mode };
    if (mode === 'live')
      return failure(
        'No live-mode API key is saved, so nothing was sent. Add a live key in Options to act on live objects.',
        { fixInOptions: true },
      );
    if (mode === 'test')
      return failure(
        'No test-mode API key is saved, so nothing was sent. Add a test key in Options.',
        { fixInOptions: true },
      );
    return failure('No API key is saved yet. Add one in Options.', { fixInOptions: true });
  }

  /** The granted object as its card shows it, from the account it routes to. */
  async function lookUpGranted(grant: CardGrant): Promise<Reply<unknown>> {
    const routed = await grantedAccount(grant);
    if (!('account' in routed)) return routed;
    if (parseStripeId(grant.objectId)!.kind === 'checkout_session')
      return lookUpCheckoutSession(
        context.clientFor(routed.account),
        routed.account,
        grant.objectId,
      );
    const found = await lookUpCustomer(routed.account, context.clientFor, grant.objectId);
    if (!found.ok) return found;
    await rememberGrantAccount(grant.token, found.value.account.id);
    return success(found.value.view);
  }

  /** Runs a change on a granted object once per attempt, with the account it routes to. */
  async function actOnGrant(
    grant: CardGrant,
    attemptId: string,
    act: (base: ActionBase) => Promise<Reply<unknown>>,
  ): Promise<Reply<unknown>> {
    const routed = await grantedAccount(grant);
    if (!('account' in routed)) return routed;
    return once(attemptId, () =>
      act({
        stripe: context.clientFor(routed.account),
        journal: context.journal,
        account: routed.account,
        objectId: grant.objectId,
        attemptId,
        pageUrl: grant.pageUrl,
      }),
    );
  }

  async function handleExtensionPage(
    raw: unknown,
    sender: MessageSenderLike,
  ): Promise<Reply<unknown>> {
    const parsed = ExtensionPageRequest.safeParse(raw);
    if (!parsed.success) return failure(REFUSED);
    const request = parsed.data;
    switch (request.type) {
      case 'accounts.list':
        return success(await listAccounts());
      case 'accounts.save':
        return saveApiKeyAction(request.apiKey, request.label ?? null, context.clientFor);
      case 'accounts.setActive':
        await setActiveAccount(request.accountId).catch(() => undefined);
        return success(await listAccounts());
      case 'accounts.remove':
        await removeAccount(request.accountId);
        return success(null);
      case 'journal.recent':
        return success(await context.journal.listRecent(request.limit));
      case 'sites.list':
        return success(await listEnabledSites());
      case 'options.open':
        await context.openOptions();
        return success(null);
      case 'sites.enable': {
        const changed = await enableSite(request.origin);
        return changed.ok ? success(changed.sites) : failure(changed.reason);
      }
      case 'sites.disable': {
        const changed = await disableSite(request.origin);
        return changed.ok ? success(changed.sites) : failure(changed.reason);
      }
      case 'sites.startOnTab':
        return success(await startOnTab(request.tabId));
      case 'popup.openCard': {
        // A card inside the popup, bound to wherever the popup lives (no tab for the toolbar
        // popup, its own tab when opened as a window). It came from no helpdesk page.
        const grant = await issueCardGrant({
          objectId: request.objectId,
          tabId: sender.tab?.id ?? null,
          frameId: 0,
          pageUrl: '',
          inPopup: true,
        });
        startLookup(grant);
        return success({ token: grant.token });
      }
      case 'vault.state':
        return success(await vaultState());
      case 'vault.enable':
        await lockStoredKeys(request.passphrase);
        return success(await vaultState());
      case 'vault.unlock':
        await unlockVault(request.passphrase);
        context.afterUnlock?.();
        return success(await vaultState());
      case 'vault.lock':
        await lockVault();
        return success(await vaultState());
      case 'vault.disable':
        await unlockStoredKeysForGood(request.passphrase);
        return success(await vaultState());
      case 'settings.get':
        return success(await readSettings());
      case 'settings.save':
        await writeSettings(request.settings);
        return success(await readSettings());
    }
    // Everything below acts for a card, on the object its grant names.
    const grant = await findCardGrant(request.token, sender.tab?.id);
    if (!grant) return failure('This card has expired. Click the ID on the page again.');
    // A card acts only on the kind of object it was granted.
    const grantedKind = parseStripeId(grant.objectId)!.kind;
    const requestedKind = request.type.startsWith('checkoutSession.')
      ? 'checkout_session'
      : request.type.startsWith('customer.')
        ? 'customer'
        : grantedKind;
    if (requestedKind !== grantedKind) return failure(REFUSED);
    switch (request.type) {
      case 'card.describe': {
        const parsedId = parseStripeId(grant.objectId)!;
        return success({ objectId: grant.objectId, kind: parsedId.kind, mode: parsedId.mode });
      }
      case 'card.close':
        if (!grant.inPopup && grant.tabId !== null)
          await context.sendToFrame(grant.tabId, grant.frameId, { type: 'content.closeCard' });
        return success(null);
      case 'card.resize':
        if (grant.inPopup || grant.tabId === null) return success(null); // The popup sizes itself.
        await context.sendToFrame(grant.tabId, grant.frameId, {
          type: 'content.resizeCard',
          height: request.height,
        });
        return success(null);
      case 'checkoutSession.retrieve':
      case 'customer.retrieve':
        return takeLookup(grant);
      case 'checkoutSession.expire':
        return actOnGrant(grant, request.attemptId, (base) => expireCheckoutSessionAction(base));
      case 'customer.credit': {
        const { maxCreditMajorUnits } = await readSettings();
        return actOnGrant(grant, request.attemptId, (base) =>
          creditCustomerBalanceAction({
            ...base,
            amount: request.amount,
            currency: request.currency,
            note: request.note,
            maxCreditMajorUnits,
          }),
        );
      }
      case 'customer.portalLink': {
        const { portalReturnUrl } = await readSettings();
        return actOnGrant(grant, request.attemptId, (base) =>
          createPortalLinkAction({
            ...base,
            flow: request.flow,
            subscriptionId: request.subscriptionId,
            returnUrl: portalReturnUrl,
          }),
        );
      }
    }
  }

  return async function handleMessage(
    raw: unknown,
    sender: MessageSenderLike,
  ): Promise<Reply<unknown>> {
    switch (classifySender(sender, context.runtimeId, context.extensionOrigin)) {
      case 'extension-page':
        try {
          return await handleExtensionPage(raw, sender);
        } catch (error) {
          // The lock's own errors are sentences for the agent; anything else stays generic.
          if (error instanceof VaultPassphraseError) return failure(error.message);
          if (error instanceof VaultLockedError || error instanceof StoredAccountsUnreadableError)
            return failure(error.message, { fixInOptions: true });
          if (error instanceof VaultIntegrityError)
            return failure(
              'The saved keys could not be opened: they may have been changed. Remove and re-add them in Options.',
              { fixInOptions: true },
            );
          throw error;
        }
      case 'content-script':
        return handleContentScript(raw, sender);
      default:
        return failure(REFUSED);
    }
  };
}
