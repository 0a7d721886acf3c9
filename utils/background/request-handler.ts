import type { z } from 'zod';
import type { UsableAccount } from '../storage/account-store';
import type { ActionBase } from '../journal/run-journaled-post';
import type { Reply } from '../messaging/reply';
import type { MessageSenderLike } from '../messaging/sender-policy';
import type { StripeClient } from '../stripe/client';
import type { CardKind } from '../card-subject';
import type { BackgroundContext } from './background-context';
import type { CardBook } from './card-book';
import type { CardGrant } from './card-grants';

/** What every handler of an extension page's request is given. */
export interface PageRequestContext {
  background: BackgroundContext;
  sender: MessageSenderLike;
  cards: CardBook;
}

/** A card's request also has the grant its token names, already checked against the sender. */
export interface CardRequestContext extends PageRequestContext {
  grant: CardGrant;
  kind: CardKind;
  /** Runs a change on the granted object once per attempt, with the account it routes to. */
  actOnce<T>(attemptId: string, act: (base: ActionBase) => Promise<Reply<T>>): Promise<Reply<T>>;
}

/**
 * One request type: the schema that admits it and the handler that answers it. The reply's
 * type is the handler's, so both sides read it from here and neither casts.
 */
export interface RequestHandler<Schema extends z.ZodType, Value, Context> {
  schema: Schema;
  handle: (request: z.infer<Schema>, context: Context) => Promise<Reply<Value>>;
}

export type PageRequestHandler<
  Schema extends z.ZodType = z.ZodType,
  Value = unknown,
> = RequestHandler<Schema, Value, PageRequestContext>;
export type CardRequestHandler<
  Schema extends z.ZodType = z.ZodType,
  Value = unknown,
> = RequestHandler<Schema, Value, CardRequestContext>;

export const pageRequest = <Schema extends z.ZodType, Value>(
  schema: Schema,
  handle: (request: z.infer<Schema>, context: PageRequestContext) => Promise<Reply<Value>>,
): PageRequestHandler<Schema, Value> => ({ schema, handle });

/** A request that names a card token; it is handled only once the grant is found. */
export const cardRequest = <Schema extends z.ZodType<{ token: string }>, Value>(
  schema: Schema,
  handle: (request: z.infer<Schema>, context: CardRequestContext) => Promise<Reply<Value>>,
): CardRequestHandler<Schema, Value> => ({ schema, handle });

/** What a kind's look-up starts from: the account its grant routes to. */
export interface LookUpInput {
  account: UsableAccount;
  clientFor: (account: UsableAccount) => StripeClient;
  objectId: string;
}

/** The object as its card shows it, and the account it was found with. */
export interface Found<View> {
  view: View;
  account: UsableAccount;
  /** Objects the card shows as this one's own and may act on (a customer's open sessions). */
  reachable?: readonly string[];
}

/** The subject stands for one object, whose card opens instead (an address, one customer). */
export interface NarrowTo {
  narrowTo: string;
  account: UsableAccount;
}
