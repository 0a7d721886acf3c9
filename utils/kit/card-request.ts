import type { z } from 'zod';
import type { CardKind } from '../card-subject';
import type { Reply } from '../messaging/reply';
import type { UsableAccount } from '../storage/account-store';
import type { AccountBase, ActionBase } from './attempt';
import type { CardGrant } from './card-grant';

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

/** A request that names a card token; it is handled only once the grant is found. */
export const cardRequest = <
  Schema extends z.ZodType<{ token: string }>,
  Value,
  Context extends CardContext = CardContext,
>(
  schema: Schema,
  handle: (request: z.infer<Schema>, context: Context) => Promise<Reply<Value>>,
): CardRequestHandler<Schema, Value, Context> => ({ schema, handle });

/** Whether an account routing answered with a refusal rather than an account. */
export const isReply = (routed: UsableAccount | Reply<never>): routed is Reply<never> =>
  'ok' in routed;
