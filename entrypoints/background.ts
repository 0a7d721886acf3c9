import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { resumableAccountById } from '../utils/background/account-routing';
import { resumePendingActions } from '../utils/journal/resume-pending';
import { openActivityJournal } from '../utils/journal/activity-journal';
import {
  revokeGrantsOfSite,
  revokeGrantsOfTab,
  watchCardPort,
} from '../utils/background/card-lifetime';
import { createMessageHandler } from '../utils/background/message-router';
import { reconcilerFor } from '../utils/objects/registry';
import { settingsInForce } from '../utils/policy/settings-in-force';
import { lockIfIdle } from '../utils/storage/vault-store';
import { createStripeClient } from '../utils/stripe/client';
import { runKeyboardCommand } from '../utils/keyboard-commands';
import {
  applySitePolicy,
  siteAccessGranted,
  siteAccessRemoved,
  tellHelpdeskTabs,
} from '../utils/site-access';

const DAY_MS = 24 * 60 * 60 * 1000;
const IDLE_LOCK_ALARM = 'vault-idle-lock';

export default defineBackground(() => {
  const journal = openActivityJournal();
  const extensionOrigin = browser.runtime.getURL('/').replace(/\/$/, '');
  const clientFor = (account: { apiKey: string }) => createStripeClient({ apiKey: account.apiKey });
  const handleMessage = createMessageHandler({
    runtimeId: browser.runtime.id,
    extensionOrigin,
    journal,
    clientFor,
    sendToFrame: async (tabId, frameId, message) => {
      await browser.tabs.sendMessage(tabId, message, { frameId });
    },
    askFrame: (tabId, frameId, message) => browser.tabs.sendMessage(tabId, message, { frameId }),
    tellHelpdeskTabs,
    openOptions: () => browser.runtime.openOptionsPage(),
    afterUnlock: () =>
      void resumePendingActions(journal, resumableAccountById, clientFor, reconcilerFor),
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  browser.runtime.onConnect.addListener((port) =>
    watchCardPort(port, browser.runtime.id, extensionOrigin),
  );
  browser.tabs.onRemoved.addListener((tabId) => void revokeGrantsOfTab(tabId));
  // The idle lock closes even while nothing uses the key.
  void browser.alarms.create(IDLE_LOCK_ALARM, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === IDLE_LOCK_ALARM) void lockIfIdle().catch(() => undefined);
  });
  browser.commands.onCommand.addListener((command) => void runKeyboardCommand(command));
  browser.permissions.onAdded.addListener((granted) => void siteAccessGranted(granted));
  browser.permissions.onRemoved.addListener((removed) => void siteAccessRemoved(removed));
  // The organisation's sites apply at start and whenever its policy changes (Chrome says so;
  // Firefox reads policies at start only).
  const enforceSites = () =>
    void applySitePolicy()
      .then((stopped) => Promise.all(stopped.map(revokeGrantsOfSite)))
      .catch(() => undefined);
  enforceSites();
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    enforceSites();
    // Open tabs of the built-in helpdesks are hidden from the background: each asks itself.
    void tellHelpdeskTabs({ type: 'content.policyChanged' });
  });
  void resumePendingActions(journal, resumableAccountById, clientFor, reconcilerFor);
  void settingsInForce().then(({ retentionDays }) =>
    journal.pruneBefore(Date.now() - retentionDays * DAY_MS),
  );
});
