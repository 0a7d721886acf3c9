import { parseCardSubject, type CardKind } from '../card-subject';
import { guardrailsOf } from '../guardrails/limits';
import type { AccountBase, ActionBase } from '../kit/attempt';
import { isReply, type CardContext } from '../kit/card-request';
import { failure, REFUSED, success, type Reply } from '../messaging/reply';
import { definitionOf } from '../objects/registry';
import { settingsInForce } from '../policy/settings-in-force';
import { accountForGrant } from './account-routing';
import { previewBookFor } from './preview-bindings';
import type { BackgroundContext } from './background-context';
import type { CardContents } from './card-contents';
import {
  issueCardGrant,
  narrowCardGrant,
  rememberGrantLookUp,
  type CardGrant,
} from './card-grants';

/**
 * How long an object looked up when its card was granted stands for the card's own first
 * request. The card asks as soon as its frame has loaded, a few hundred ms later.
 */
const EARLY_LOOKUP_MS = 5_000;

export type CardBook = ReturnType<typeof createCardBook>;

/**
 * The cards the background has granted: each one's look-up, started as it is granted, and
 * each change made once per attempt.
 */
export function createCardBook(background: BackgroundContext) {
  // A double click sends the same attempt twice; both get the one answer.
  const inFlight = new Map<string, Promise<Reply<unknown>>>();

  // A card's first request is always for its object, and its frame takes a few hundred ms
  // to load before it can ask. So the look-up of a Stripe ID (a read, sent to Stripe once
  // either way) starts as the card is granted, and the card's first request takes it over.
  // An address is searched only once the card shown for it asks: a grant alone, which any
  // content script can get, never has the background search for an address.
  const earlyLookups = new Map<string, { startedAt: number; reply: Promise<CardContents> }>();

  /** The granted object as its card shows it, from the account it routes to. */
  async function lookUp(grant: CardGrant): Promise<CardContents> {
    const subject = parseCardSubject(grant.objectId);
    const definition = definitionOf(subject?.kind ?? '');
    // The router admits no grant of an unknown kind; one here is a bug, not a card to show.
    if (!subject || !definition) throw new Error('A card grant of no known kind.');
    const contents = (found: Reply<unknown>) =>
      // The look-up is the registry's entry for this very kind, so its view is this kind's.
      ({
        objectId: grant.objectId,
        kind: subject.kind,
        mode: subject.mode,
        found,
        ...(grant.reachedBy ? { reachedBy: grant.reachedBy } : {}),
        ...(grant.pickedFromList ? { backToList: true } : {}),
      }) as CardContents;
    const account = await accountForGrant(grant);
    if (isReply(account)) return contents(account);
    const found = await definition.lookUp({
      account,
      clientFor: background.clientFor,
      objectId: grant.objectId,
    });
    if (!found.ok) return contents(found);
    if ('narrowTo' in found.value) {
      // An address with one customer: the card is that customer's, as if its ID was clicked.
      const narrowed = await narrowCardGrant(grant.token, {
        from: grant.objectId,
        to: found.value.narrowTo,
        accountId: found.value.account.id,
      });
      return narrowed ? lookUp(narrowed) : contents(failure(REFUSED));
    }
    // Later actions act with the account the card showed the object from, whatever the
    // active account is by then, and only on the other objects it showed.
    const remembered = await rememberGrantLookUp(grant.token, {
      objectId: grant.objectId,
      accountId: found.value.account.id,
      reachable: found.value.reachable ?? [],
    });
    // The card moved on while this was read: what it read is no longer the card's object.
    return contents(remembered ? success(found.value.view) : failure(REFUSED));
  }

  return {
    async grant(input: Omit<CardGrant, 'token' | 'createdAt'>): Promise<CardGrant> {
      const grant = await issueCardGrant(input);
      const now = Date.now();
      for (const [token, early] of earlyLookups)
        if (now - early.startedAt > EARLY_LOOKUP_MS) earlyLookups.delete(token);
      if (parseCardSubject(grant.objectId)?.kind === 'customer_email') return grant;
      const reply = lookUp(grant);
      reply.catch(() => undefined); // A throw is the card's to show, if a card ever asks.
      earlyLookups.set(grant.token, { startedAt: now, reply });
      return grant;
    },

    /** The look-up started at the grant, if still fresh, else a new one (always, for an address). */
    takeLookUp(grant: CardGrant): Promise<CardContents> {
      const early = earlyLookups.get(grant.token);
      earlyLookups.delete(grant.token);
      if (early && Date.now() - early.startedAt <= EARLY_LOOKUP_MS) return early.reply;
      return lookUp(grant);
    },

    /** The kit's card context for a granted card: what its kind's requests may do. */
    contextFor(grant: CardGrant, kind: CardKind): CardContext {
      /** The grant's account and object, and the guardrails in force, for one request. */
      async function withAccount<T>(
        run: (base: AccountBase) => Promise<Reply<T>>,
      ): Promise<Reply<T>> {
        const account = await accountForGrant(grant);
        if (isReply(account)) return account;
        const settings = await settingsInForce();
        return run({
          stripe: background.clientFor(account),
          journal: background.journal,
          account,
          objectId: grant.objectId,
          pageUrl: grant.pageUrl,
          guardrails: guardrailsOf(settings),
          previews: previewBookFor(grant),
          agentName: settings.agentName,
        });
      }
      return {
        grant,
        kind,
        account: () => accountForGrant(grant),
        read: withAccount,
        actOnce<T>(attemptId: string, act: (base: ActionBase) => Promise<Reply<T>>) {
          return withAccount((base) => {
            const running = inFlight.get(attemptId) as Promise<Reply<T>> | undefined;
            if (running) return running;
            const started = act({ ...base, attemptId }).finally(() => inFlight.delete(attemptId));
            inFlight.set(attemptId, started);
            return started;
          });
        },
        async narrowTo(objectId) {
          if (!grant.accountId || !grant.reachable?.includes(objectId)) return false;
          const narrowed = await narrowCardGrant(grant.token, {
            from: grant.objectId,
            to: objectId,
            accountId: grant.accountId,
            pickedFromList: true,
          });
          return narrowed !== null;
        },
        async lookUpWith(accountId) {
          await rememberGrantLookUp(grant.token, {
            objectId: grant.objectId,
            accountId,
            reachable: [],
          });
        },
      };
    },
  };
}
