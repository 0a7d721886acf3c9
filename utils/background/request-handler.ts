import type { z } from 'zod';
import type { Reply } from '../messaging/reply';
import type { MessageSenderLike } from '../messaging/sender-policy';
import type { CardContext, CardRequestHandler, RequestHandler } from '../kit/card-request';
import type { BackgroundContext } from './background-context';
import type { CardBook } from './card-book';

/** What every handler of an extension page's request is given. */
export interface PageRequestContext {
  background: BackgroundContext;
  sender: MessageSenderLike;
  cards: CardBook;
}

/**
 * What the background's own card requests (open, close, move, check) are given: the kit's
 * card context, and the background's internals, which no kind sees.
 */
export interface BackgroundCardContext extends CardContext, PageRequestContext {}

export type PageRequestHandler<
  Schema extends z.ZodType = z.ZodType,
  Value = unknown,
> = RequestHandler<Schema, Value, PageRequestContext> & {
  /**
   * Whether a card frame may send it too. A card lives inside a page we do not trust, so by
   * default only the popup and Options may change settings, keys or the lock, or read the log.
   */
  alsoFromCards: boolean;
};

export type BackgroundCardRequestHandler<
  Schema extends z.ZodType = z.ZodType,
  Value = unknown,
> = CardRequestHandler<Schema, Value, BackgroundCardContext>;

export const pageRequest = <Schema extends z.ZodType, Value>(
  schema: Schema,
  handle: (request: z.infer<Schema>, context: PageRequestContext) => Promise<Reply<Value>>,
  { alsoFromCards = false }: { alsoFromCards?: boolean } = {},
): PageRequestHandler<Schema, Value> => ({ schema, handle, alsoFromCards });

/** One of the background's own card requests, handed its internals as well as the kit's. */
export const backgroundCardRequest = <Schema extends z.ZodType<{ token: string }>, Value>(
  schema: Schema,
  handle: (request: z.infer<Schema>, context: BackgroundCardContext) => Promise<Reply<Value>>,
): BackgroundCardRequestHandler<Schema, Value> => ({ schema, handle });
