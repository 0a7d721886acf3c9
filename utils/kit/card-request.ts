import type { z } from 'zod';
import type { CardKind } from '../card-subject';
import { failure, REFUSED, type Reply } from '../messaging/reply';
import type { UsableAccount } from '../storage/account-store';
import type { AccountBase, ActionBase } from './attempt';
import type { CardGrant } from './card-grant';
import { CardSubjectField } from './request-fields';

/**
 * What a kind's card request is handed: its grant, already checked against the sender, and
 * the few things the background does for it. A kind reaches the background only through
 * this; the background implements it (`utils/background/card-book.ts`).
 */
export interface CardContext {
  readonly grant: CardGrant;
  readonly kind: CardKind;
  /** The account the grant routes to, or the reason there is none (nothing was sent). */
  account(): Promise<UsableAccount | Reply<never>>;
  /** A read with the grant's account and its object: nothing is journaled. */
  read<T>(read: (base: AccountBase) => Promise<Reply<T>>): Promise<Reply<T>>;
  /** A change on the granted object (or one it showed), run once per attempt. */
  actOnce<T>(attemptId: string, act: (base: ActionBase) => Promise<Reply<T>>): Promise<Reply<T>>;
  /**
   * The card becomes the card of one object it listed (an address's customer), once; false
   * when the grant no longer stands for what it listed.
   */
  narrowTo(objectId: string): Promise<boolean>;
  /** The card's next look-up uses this account (the other mode's key, on the agent's click). */
  lookUpWith(accountId: string): Promise<void>;
}

/**
 * One request type: the schema that admits it and the handler that answers it. The reply's
 * type is the handler's, so both sides read it from here and neither casts.
 */
export interface RequestHandler<Schema extends z.ZodType, Value, Context> {
  schema: Schema;
  handle: (request: z.infer<Schema>, context: Context) => Promise<Reply<Value>>;
}

export type CardRequestHandler<
  Schema extends z.ZodType = z.ZodType,
  Value = unknown,
  Context extends CardContext = CardContext,
> = RequestHandler<Schema, Value, Context>;

/**
 * A kind's card request: it names the card's token and the object the card shows (`shownId`),
 * and is handled only once the grant is found and still stands for that very object. A card
 * that moved on (to an invoice's customer, another invoice) while a late reply drew the object
 * before can never act on the one it moved to.
 */
export const cardRequest = <Shape extends z.ZodRawShape & { token: z.ZodType<string> }, Value>(
  schema: z.ZodObject<Shape, z.core.$strict>,
  handle: (
    request: z.infer<z.ZodObject<Shape, z.core.$strict>>,
    context: CardContext,
  ) => Promise<Reply<Value>>,
) => {
  const named = schema.extend({ shownId: CardSubjectField });
  return {
    schema: named,
    handle: (request: z.infer<typeof named>, context: CardContext) =>
      // The request is the kind's own, with `shownId` added: the handler reads its fields.
      (request as { shownId: string }).shownId === context.grant.objectId
        ? handle(request as z.infer<typeof schema>, context)
        : Promise.resolve(failure(REFUSED)),
  } satisfies CardRequestHandler<typeof named, Value>;
};

/** Whether an account routing answered with a refusal rather than an account. */
export const isReply = (routed: UsableAccount | Reply<never>): routed is Reply<never> =>
  'ok' in routed;
