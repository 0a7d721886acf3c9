import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { accountById } from '../utils/storage/account-store';
import { resumePendingActions } from '../utils/journal/resume-pending';
import { openActivityJournal } from '../utils/journal/activity-journal';
import { createMessageHandler } from '../utils/background/message-router';
import { reconcilerFor } from '../utils/objects/registry';
import { readSettings } from '../utils/storage/settings-store';
import { createStripeClient } from '../utils/stripe/client';
import { runKeyboardCommand } from '../utils/keyboard-commands';
import { siteAccessGranted, siteAccessRemoved } from '../utils/site-access';

const DAY_MS = 24 * 60 * 60 * 1000;

export default defineBackground(() => {
  const journal = openActivityJournal();
  const clientFor = (account: { apiKey: string }) => createStripeClient({ apiKey: account.apiKey });
  const handleMessage = createMessageHandler({
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/').replace(/\/$/, ''),
    journal,
    clientFor,
    sendToFrame: async (tabId, frameId, message) => {
      await browser.tabs.sendMessage(tabId, message, { frameId });
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    afterUnlock: () => void resumePendingActions(journal, accountById, clientFor, reconcilerFor),
  });
  browser.runtime.onMessage.addListener((message, sender) => handleMessage(message, sender));
  browser.commands.onCommand.addListener((command) => void runKeyboardCommand(command));
  browser.permissions.onAdded.addListener((granted) => void siteAccessGranted(granted));
  browser.permissions.onRemoved.addListener((removed) => void siteAccessRemoved(removed));
  void resumePendingActions(journal, accountById, clientFor, reconcilerFor);
  void readSettings().then(({ retentionDays }) =>
    journal.pruneBefore(Date.now() - retentionDays * DAY_MS),
  );
});
