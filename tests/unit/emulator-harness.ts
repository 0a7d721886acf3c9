import { afterAll, afterEach, beforeAll } from 'vitest';
import { openActivityJournal, type ActivityJournal } from '../../utils/journal/activity-journal';
import {
  createMessageHandler,
  type BackgroundContext,
} from '../../utils/background/message-router';
import type { MessageSenderLike } from '../../utils/messaging/sender-policy';
import { createStripeClient, type StripeClientOptions } from '../../utils/stripe/client';
import { startStripeEmulator, type RunningEmulator } from '../emulator/stripe-emulator';

export const RUNTIME_ID = 'abcdefghijklmnopabcdefghijklmnop';
export const EXTENSION_ORIGIN = `chrome-extension://${RUNTIME_ID}`;

/** The three kinds of sender the background hears from, in one tab. */
export function testSenders(tabId: number) {
  const page: MessageSenderLike = {
    id: RUNTIME_ID,
    url: 'https://acme.zendesk.com/agent/tickets/1',
    tab: { id: tabId },
    frameId: 0,
  };
  const card: MessageSenderLike = {
    id: RUNTIME_ID,
    url: `${EXTENSION_ORIGIN}/card.html#x`,
    tab: { id: tabId },
    frameId: 3,
  };
  const options: MessageSenderLike = { id: RUNTIME_ID, url: `${EXTENSION_ORIGIN}/options.html` };
  return { page, card, options };
}

/** Starts one emulator for a test file, resets it after each test, and makes clients for it. */
export function useEmulator() {
  let running: RunningEmulator;
  beforeAll(async () => {
    running = await startStripeEmulator();
  });
  afterEach(() => running.emulator.reset());
  afterAll(() => running.close());
  const delays: number[] = [];
  return {
    get emulator() {
      return running.emulator;
    },
    get url() {
      return running.url;
    },
    delays,
    client,
    /** The background's message handler, talking to this emulator, with a fresh journal. */
    router(
      options: {
        client?: Partial<StripeClientOptions>;
        sendToFrame?: BackgroundContext['sendToFrame'];
        openOptions?: BackgroundContext['openOptions'];
        tellHelpdeskTabs?: BackgroundContext['tellHelpdeskTabs'];
        journal?: ActivityJournal;
      } = {},
    ) {
      const journal = options.journal ?? openActivityJournal(`journal-${crypto.randomUUID()}`);
      const handle = createMessageHandler({
        runtimeId: RUNTIME_ID,
        extensionOrigin: EXTENSION_ORIGIN,
        journal,
        clientFor: ({ apiKey }) => client({ apiKey, ...options.client }),
        sendToFrame: options.sendToFrame ?? (async () => {}),
        openOptions: options.openOptions ?? (async () => {}),
        tellHelpdeskTabs: options.tellHelpdeskTabs ?? (async () => {}),
      });
      return { handle, journal };
    },
  };

  function client(options: Partial<StripeClientOptions> = {}) {
    return createStripeClient({
      apiKey: running.emulator.keys.testSecret,
      baseUrl: running.url,
      // Record the backoff instead of waiting it out.
      sleep: async (ms) => void delays.push(ms),
      random: () => 0.5,
      timeoutMs: 2000,
      ...options,
    });
  }
}
