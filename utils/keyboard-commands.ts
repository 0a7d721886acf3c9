import { browser } from 'wxt/browser';
import type { BackgroundToContentMessage } from './messaging/protocol';

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
  await browser.tabs
    .sendMessage(tab.id, action.message, action.topFrameOnly ? { frameId: 0 } : undefined)
    .catch(() => undefined); // No content script on this page: nothing to move through.
}
