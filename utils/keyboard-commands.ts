import { browser } from 'wxt/browser';
import type { BackgroundToContentMessage } from './messaging/content-messages';
import { startOnTab } from './site-access';

/** What each keyboard command asks the page to do (keys are in keyboard-shortcuts.ts). */

const MESSAGES: Record<string, { message: BackgroundToContentMessage; topFrameOnly: boolean }> = {
  'next-id': { message: { type: 'content.navigate', direction: 1 }, topFrameOnly: true },
  'previous-id': { message: { type: 'content.navigate', direction: -1 }, topFrameOnly: true },
  // The selection may be in any frame; each frame checks its own.
  'open-selected-id': { message: { type: 'content.openSelected' }, topFrameOnly: false },
};

export async function runKeyboardCommand(command: string): Promise<void> {
  const action = MESSAGES[command];
  if (!action) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const tabId = tab.id;
  const send = () =>
    browser.tabs.sendMessage(
      tabId,
      action.message,
      action.topFrameOnly ? { frameId: 0 } : undefined,
    );
  try {
    await send();
  } catch {
    // No content script answers: the tab may predate the extension's install or update. The
    // shortcut gave access to it (activeTab), so start it there on a supported site and ask
    // once more; elsewhere there is nothing to move through.
    if (await startOnTab(tabId)) await send().catch(() => undefined);
  }
}
