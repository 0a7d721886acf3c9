import type { z } from 'zod';
import type { CardKind } from '../card-subject';
import { CARD_KINDS, OBJECT_REGISTRY, type ObjectRegistry } from '../objects/registry';
import { CARD_REQUESTS } from './card-requests';
import { PAGE_REQUESTS } from './page-requests';
import type { BackgroundCardRequestHandler, PageRequestHandler } from './request-handler';

type UnionToIntersection<U> = (U extends unknown ? (arg: U) => void : never) extends (
  arg: infer I,
) => void
  ? I
  : never;

type ObjectRequests = UnionToIntersection<ObjectRegistry[CardKind]['requests']>;
type AllRequests = typeof PAGE_REQUESTS & typeof CARD_REQUESTS & ObjectRequests;

/** Every request type an extension page may send. */
export type RequestType = keyof AllRequests & string;
/** The request of a type, as its sender writes it. */
export type RequestOf<T extends RequestType> = z.input<AllRequests[T]['schema']>;
/** The answer to a request of a type: the value its handler replies with. */
export type ReplyOf<T extends RequestType> = Awaited<ReturnType<AllRequests[T]['handle']>>;
export type ExtensionPageRequest = { [T in RequestType]: RequestOf<T> }[RequestType];

/** Where a request type is handled, and for cards of which kind (null: any card). */
export type RequestEntry =
  | { scope: 'page'; handler: PageRequestHandler }
  | { scope: 'card'; kind: CardKind | null; handler: BackgroundCardRequestHandler };

/**
 * One entry per request type, from the page and card tables and each kind's own requests.
 * A type listed twice would let one handler hide another, so it stops the build's tests.
 */
export function buildRequestTable(): ReadonlyMap<string, RequestEntry> {
  const table = new Map<string, RequestEntry>();
  const add = (type: string, entry: RequestEntry) => {
    if (table.has(type)) throw new Error(`Request type ${type} is defined twice.`);
    table.set(type, entry);
  };
  for (const [type, handler] of Object.entries(PAGE_REQUESTS))
    add(type, { scope: 'page', handler: handler as PageRequestHandler });
  for (const [type, handler] of Object.entries(CARD_REQUESTS))
    add(type, { scope: 'card', kind: null, handler: handler as BackgroundCardRequestHandler });
  for (const kind of CARD_KINDS)
    for (const [type, handler] of Object.entries(OBJECT_REGISTRY[kind].requests))
      add(type, { scope: 'card', kind, handler: handler as BackgroundCardRequestHandler });
  return table;
}
