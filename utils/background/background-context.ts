import type { ActivityJournal } from '../journal/activity-journal';
import type { BackgroundToContentMessage } from '../messaging/content-messages';
import type { StripeClient, StripeClientOptions } from '../stripe/client';

/** What the background's handlers reach the browser and Stripe through; tests pass fakes. */
export interface BackgroundContext {
  runtimeId: string;
  extensionOrigin: string;
  journal: ActivityJournal;
  clientFor(options: Pick<StripeClientOptions, 'apiKey'>): StripeClient;
  sendToFrame(tabId: number, frameId: number, message: BackgroundToContentMessage): Promise<void>;
  /**
   * The answer of the content script of one frame: only the extension's own scripts there
   * hear it and can answer, never the page. Unknown until parsed.
   */
  askFrame(tabId: number, frameId: number, message: BackgroundToContentMessage): Promise<unknown>;
  /** Every frame of every open tab the content script runs on hears it. */
  tellHelpdeskTabs(message: BackgroundToContentMessage): Promise<void>;
  /** A card cannot open Options itself: Firefox gives a card inside a page no such API. */
  openOptions(): Promise<void>;
  /** Runs after the passphrase lock opens: actions left pending while locked can resume. */
  afterUnlock?: () => void;
}
