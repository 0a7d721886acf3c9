import { buildRequestTable } from '../../utils/background/request-table';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { openActivityJournal, type ActivityJournal } from '../../utils/journal/activity-journal';
import {
  createMessageHandler,
  type BackgroundContext,
} from '../../utils/background/message-router';
import type { CardKind } from '../../utils/card-subject';
import type { PreviewBook } from '../../utils/kit/preview-binding';
import type { CardContents, ReplyOf, RequestOf, RequestType } from '../../utils/messaging/protocol';
import type { Reply } from '../../utils/messaging/reply';
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
export type TestSenders = ReturnType<typeof testSenders>;

const REQUEST_TABLE = buildRequestTable();
/** Whether a request type is a kind's: those name the object the card shows (`shownId`). */
const namesShownObject = (type: string) => {
  const entry = REQUEST_TABLE.get(type);
  return entry?.scope === 'card' && entry.kind !== null;
};

/** The request types a card sends: those that name its token. */
export type CardRequestType = {
  [T in RequestType]: RequestOf<T> extends { token: string } ? T : never;
}[RequestType];

/**
 * A card's request as a test writes it: the card's own token is added for it, and the object
 * the card last opened on as `shownId` (a test may name another, as a stale card would).
 */
export type CardRequestOf<T extends CardRequestType> = Omit<RequestOf<T>, 'token' | 'shownId'> & {
  type: T;
  shownId?: string;
};

/** A granted card: its token, and its requests sent with that token from the card's frame. */
export interface TestCard {
  token: string;
  /** Sends a request of this card, from its frame unless `sender` says otherwise. */
  ask<T extends CardRequestType>(
    request: CardRequestOf<T>,
    sender?: MessageSenderLike,
  ): Promise<ReplyOf<T>>;
}

/** A card that has opened: what it showed, and a way to open it again. */
export interface OpenedCard extends TestCard {
  contents: CardContents;
  /** `card.open` again, expected to answer: a fresh look-up of whatever the card is now. */
  reopen(): Promise<CardContents>;
}

/** The value of a reply expected to succeed; the test fails with the reply's sentence if not. */
export function expectOk<R extends Reply<unknown>>(reply: R): Extract<R, { ok: true }>['value'] {
  if (!reply.ok) return expect.unreachable(`Expected a value, got: ${reply.error.message}`);
  return reply.value;
}

/** What a card of one kind opens with. */
export type CardContentsOf<K extends CardKind> = Extract<CardContents, { kind: K }>;

/** What an opened card of `kind` shows, expected to have been found. */
export function expectView<K extends CardKind>(
  contents: CardContents,
  kind: K,
): Extract<CardContentsOf<K>['found'], { ok: true }>['value'] {
  expect(contents.kind).toBe(kind);
  const ofKind = (c: CardContents): c is CardContentsOf<K> => c.kind === kind;
  if (!ofKind(contents)) return expect.unreachable();
  return expectOk(contents.found);
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
    /**
     * The background's message handler, talking to this emulator, with a fresh journal; and
     * typed ways to ask it things as Options, the page and a card do (no casts on replies).
     */
    router(
      options: {
        client?: Partial<StripeClientOptions>;
        sendToFrame?: BackgroundContext['sendToFrame'];
        askFrame?: BackgroundContext['askFrame'];
        openOptions?: BackgroundContext['openOptions'];
        tellHelpdeskTabs?: BackgroundContext['tellHelpdeskTabs'];
        journal?: ActivityJournal;
        /** Who the helpers below send as: the tab the page and card are in, and Options. */
        senders?: TestSenders;
      } = {},
    ) {
      const journal = options.journal ?? openActivityJournal(`journal-${crypto.randomUUID()}`);
      const handle = createMessageHandler({
        runtimeId: RUNTIME_ID,
        extensionOrigin: EXTENSION_ORIGIN,
        journal,
        clientFor: ({ apiKey }) => client({ apiKey, ...options.client }),
        sendToFrame: options.sendToFrame ?? (async () => {}),
        askFrame: options.askFrame ?? (async () => undefined),
        openOptions: options.openOptions ?? (async () => {}),
        tellHelpdeskTabs: options.tellHelpdeskTabs ?? (async () => {}),
      });
      const senders = options.senders ?? testSenders(1);

      /**
       * A request typed as the extension pages send it (`askBackground`), answered with its
       * handler's reply type. `handle` stays for messages no page could type.
       */
      const ask = <T extends RequestType>(
        request: RequestOf<T> & { type: T },
        sender: MessageSenderLike,
      ) => handle(request, sender) as Promise<ReplyOf<T>>;

      /**
       * The content script's `page.openCard`. Its reply is outside the request table; the
       * content script reads it as this type too (`utils/page/start-id-marking.ts`).
       */
      const askForCard = (objectId: string, from: MessageSenderLike = senders.page) =>
        handle({ type: 'page.openCard', objectId }, from) as Promise<Reply<{ token: string }>>;

      /**
       * The card of a token, its requests sent from the card's frame. Like the real card, it
       * names the object it shows: the one asked for, then whatever `card.open` last showed.
       */
      const cardOf = (token: string, objectId: string): TestCard => {
        let shownId = objectId;
        return {
          token,
          ask: async <T extends CardRequestType>(
            request: CardRequestOf<T>,
            sender: MessageSenderLike = senders.card,
          ): Promise<ReplyOf<T>> => {
            const named = { shownId, ...request, token } as unknown as RequestOf<T> & { type: T };
            // Only a kind's requests name the object; the background's own card requests do not.
            if (!namesShownObject(request.type)) delete (named as { shownId?: string }).shownId;
            const reply = await ask<T>(named, sender);
            if (request.type === 'card.open' && reply.ok)
              shownId = (reply.value as CardContents).objectId;
            return reply;
          },
        };
      };

      /** A card granted to the page for `objectId`, not yet opened: its look-up has begun. */
      async function grantCard(
        objectId: string,
        { from = senders.page }: { from?: MessageSenderLike } = {},
      ): Promise<TestCard> {
        return cardOf(expectOk(await askForCard(objectId, from)).token, objectId);
      }

      /** A card granted to the page for `objectId`, then opened from the card's frame. */
      async function openCard(
        objectId: string,
        grant: { from?: MessageSenderLike } = {},
      ): Promise<OpenedCard> {
        const card = await grantCard(objectId, grant);
        const reopen = async () => expectOk(await card.ask({ type: 'card.open' }));
        return { ...card, contents: await reopen(), reopen };
      }

      /** The emulator's test secret key, saved from Options; the save must succeed. */
      async function saveTestKey() {
        return expectOk(
          await ask(
            { type: 'accounts.save', apiKey: running.emulator.keys.testSecret },
            senders.options,
          ),
        );
      }

      return { handle, ask, journal, senders, askForCard, grantCard, openCard, saveTestKey };
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

/** For actions called directly, outside a card: no review was ever bound. */
export const NO_PREVIEWS: PreviewBook = { bind: async () => {}, find: async () => null };
