import { randomBytes } from 'node:crypto';
import type { Decoded } from './form-decoding';

/**
 * What a file under `objects/` builds its routes from, and all it sees of the server: the
 * request as handed over once the key is checked, Stripe's error shapes, and lists paged as
 * Stripe pages them. The server imports this too, so no object file imports the server.
 */
export type Mode = 'test' | 'live';

export type Permission =
  | 'rak_checkout_session_read'
  | 'rak_checkout_session_write'
  | 'rak_customer_read'
  | 'rak_customer_write'
  | 'rak_customer_portal_write'
  | 'rak_subscription_read'
  | 'rak_subscription_write'
  | 'rak_invoice_read'
  | 'rak_credit_note_read'
  | 'rak_credit_note_write'
  | 'rak_payment_intent_read'
  | 'rak_charge_read'
  | 'rak_refund_read'
  | 'rak_refund_write'
  | 'rak_account_read';

export interface EmulatorOptions {
  now?: () => number;
  /** Whether each mode's customer portal settings are saved; both are unless said. */
  portalConfigured?: Record<Mode, boolean>;
}

/** What an object's seed may read, on every reset. */
export interface SeedContext {
  now: () => number;
  options: EmulatorOptions;
}

export interface RouteRequest<Params = Record<string, string>> {
  /** As requested: a list names it as its `url`. */
  path: string;
  /** The path's `:name` segments, decoded. */
  params: Params;
  query: Record<string, Decoded>;
  /** Empty but for a POST. */
  form: Record<string, Decoded>;
  mode: Mode;
  livemode: boolean;
  /** For what only some requests need (an expansion); the route's own was checked before. */
  requirePermission(permission: Permission): void;
  now(): number;
}

/**
 * A route, and the part of the account its handler reads (`State`): an object's own, and any
 * other object's it reaches. The server hands every handler the whole account.
 */
export interface EmulatorRoute<State = never> {
  method: 'GET' | 'POST' | 'DELETE';
  /** `/v1/invoices/:id`: a `:name` segment matches anything but a slash. */
  path: string;
  /** What a restricted key must hold: without it the server answers 403 and never calls `handle`. */
  permission: Permission;
  /** Answers 200 with what it returns; throws an `ApiError` for any other answer. */
  handle(request: RouteRequest, state: State): unknown;
}

type ParamsOf<Path extends string> = Path extends `${string}/:${infer Name}/${infer Rest}`
  ? { [K in Name]: string } & ParamsOf<`/${Rest}`>
  : Path extends `${string}/:${infer Name}`
    ? { [K in Name]: string }
    : Record<string, never>;

/** A route whose handler knows its path's `:name` segments by name. */
export const defineRoute = <Path extends string, State>(route: {
  method: EmulatorRoute['method'];
  path: Path;
  permission: Permission;
  handle(request: RouteRequest<ParamsOf<Path>>, state: State): unknown;
}): EmulatorRoute<State> => route;

/**
 * One Stripe object the emulator serves, a file under `objects/` named as `utils/objects/`
 * names it: its part of the account, seeded afresh on every reset, and its routes. Handlers get
 * the whole account, as Stripe's own objects reach each other's (an invoice's credit notes).
 */
// An object with no part of the account of its own (`never`) adds nothing to the account.
export interface EmulatedObject<Own extends object = never> {
  seed?(context: SeedContext): Own;
  routes: readonly EmulatorRoute[];
}

export class ApiError {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; code?: string; param?: string },
    /** Validation failures are not stored under an idempotency key, as at Stripe. */
    readonly storable = true,
  ) {}
}

export const notFound = (object: string, id: string, otherMode: Mode | null, mode: Mode) =>
  new ApiError(404, {
    type: 'invalid_request_error',
    code: 'resource_missing',
    param: 'id',
    message:
      `No such ${object}: '${id}'` +
      (otherMode
        ? `; a similar object exists in ${otherMode} mode, but a ${mode} mode key was used to make this request.`
        : ''),
  });

export const invalid = (message: string, param?: string, storable = false) =>
  new ApiError(
    400,
    { type: 'invalid_request_error', message, ...(param ? { param } : {}) },
    storable,
  );

export const randomId = (prefix: string, length: number) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return prefix + Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
};

export function allowOnly(form: Record<string, Decoded>, allowed: string[]) {
  for (const name of Object.keys(form))
    if (!allowed.includes(name)) throw invalid(`Received unknown parameter: ${name}`, name);
}

/** `expand` as Stripe takes it: `expand[]=a` or `expand[0]=a`. */
export const expansions = (query: Record<string, Decoded>): string[] =>
  query.expand === undefined
    ? []
    : (Array.isArray(query.expand) ? query.expand : [query.expand]).map(String);

/** A list's `limit`, 1–100 and 10 when left out, as Stripe takes it. */
export function pageLimit(query: Record<string, Decoded>): number {
  const limit = query.limit === undefined ? 10 : Number(query.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    throw invalid('Invalid integer: limit must be between 1 and 100', 'limit');
  return limit;
}

/** One page of a list, newest first, as Stripe pages: `limit` 1–100, `has_more`. */
export function listPage<T extends { id: string; created: number }>(
  all: T[],
  query: Record<string, Decoded>,
  toJson: (item: T) => unknown,
  url: string,
) {
  const limit = pageLimit(query);
  const sorted = [...all].sort((a, b) => b.created - a.created);
  const after =
    typeof query.starting_after === 'string'
      ? sorted.findIndex((item) => item.id === query.starting_after) + 1
      : 0;
  const page = sorted.slice(after, after + limit);
  return { object: 'list', data: page.map(toJson), has_more: after + limit < sorted.length, url };
}

/** The object of this mode, or Stripe's 404, which names the other mode when it is there. */
export function findIn<T extends { livemode: boolean }>(
  map: Map<string, T>,
  object: string,
  id: string,
  mode: Mode,
): T {
  const found = map.get(id);
  if (found && found.livemode === (mode === 'live')) return found;
  throw notFound(object, id, found ? (found.livemode ? 'live' : 'test') : null, mode);
}
