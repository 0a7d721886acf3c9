import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { decodeStripeForm, type Decoded } from './form-decoding';
import { EMULATED_OBJECTS, type EmulatorState } from './objects';
import {
  ApiError,
  defineRoute,
  randomId,
  type EmulatorOptions,
  type EmulatorRoute,
  type Mode,
  type Permission,
} from './route-kit';
import { EMULATOR_KEYS } from './seed-data';

export type { EmulatorOptions } from './route-kit';

/**
 * A small, stateful stand-in for api.stripe.com: the endpoints this extension uses, with
 * Stripe's auth (Bearer and Basic), test/live separation, error bodies, Request-Id headers,
 * idempotent replay and mismatch, and fault injection. Tests and `npm run demo` use it.
 *
 * This file is the HTTP side; each Stripe object's state and routes are a file in `objects/`.
 */
interface KeyGrant {
  mode: Mode;
  /** null: a secret key, allowed everything. */
  permissions: Permission[] | null;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, Decoded>;
  headers: Record<string, string>;
  form: Record<string, Decoded>;
  rawBody: string;
  /** The answer given, or null when the connection was dropped before one. */
  status: number | null;
  requestId: string;
  /** Stripe acted on it: not a replay, not refused before acting, not a fault. */
  executed: boolean;
}

export type Fault =
  | { kind: 'status'; status: number; shouldRetry?: 'true' | 'false'; retryAfter?: string }
  | { kind: 'drop-before' }
  | { kind: 'drop-after' }
  | { kind: 'delay'; ms: number }
  /** Acts (and stores the real answer for replays), but answers 200 with a body of another shape. */
  | { kind: 'garbled-success' };

interface QueuedFault {
  fault: Fault;
  method?: string;
  pathPrefix?: string;
  remaining: number;
}

interface StoredIdempotent {
  fingerprint: string;
  status: number;
  body: unknown;
}

/** The account itself, which a key is checked against when it is saved. */
const ACCOUNT_ROUTES: EmulatorRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/v1/account',
    permission: 'rak_account_read',
    handle: () => ({
      id: 'acct_1Emulator',
      object: 'account',
      business_profile: { name: 'Acme Emulated Inc.' },
      settings: { dashboard: { display_name: 'Acme (emulated)' } },
    }),
  }),
];

interface TableRow {
  route: EmulatorRoute<EmulatorState>;
  pattern: RegExp;
}

/**
 * Every route, matched in order. Paths without a `:name` segment come first: a literal
 * sub-path such as `/v1/credit_notes/preview` is not a credit note's ID.
 */
function routeTable(routes: ReadonlyArray<EmulatorRoute<EmulatorState>>): TableRow[] {
  const claimed = new Set<string>();
  for (const route of routes) {
    const key = `${route.method} ${route.path}`;
    if (claimed.has(key)) throw new Error(`Two emulated objects answer ${key}`);
    claimed.add(key);
  }
  const hasSegments = (route: EmulatorRoute<EmulatorState>) => route.path.includes('/:');
  return [...routes]
    .sort((a, b) => Number(hasSegments(a)) - Number(hasSegments(b)))
    .map((route) => ({
      route,
      pattern: new RegExp(
        '^' +
          route.path
            .replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&')
            .replaceAll(/:(\w+)/g, '(?<$1>[^/]+)') +
          '$',
      ),
    }));
}

const ROUTE_TABLE = routeTable([
  ...ACCOUNT_ROUTES,
  ...EMULATED_OBJECTS.flatMap((emulated) => emulated.routes),
]);

export function createStripeEmulator(options: EmulatorOptions = {}) {
  const now = options.now ?? Date.now;
  const keys = new Map<string, KeyGrant>([
    [EMULATOR_KEYS.testSecret, { mode: 'test', permissions: null }],
    [EMULATOR_KEYS.liveSecret, { mode: 'live', permissions: null }],
    [
      EMULATOR_KEYS.testRestrictedReadOnly,
      { mode: 'test', permissions: ['rak_checkout_session_read'] },
    ],
    [EMULATOR_KEYS.testRestrictedNothing, { mode: 'test', permissions: [] }],
  ]);
  const received: RecordedRequest[] = [];
  const faults: QueuedFault[] = [];
  let state = seededState();
  let idempotent = new Map<string, StoredIdempotent>();
  const inProgress = new Set<string>();

  /** Each object's part of the account, afresh. */
  function seededState(): EmulatorState {
    return Object.assign(
      {},
      ...EMULATED_OBJECTS.map((emulated) => emulated.seed?.({ now, options })),
    );
  }

  /** Bumped by each reset: a request held by a delay fault across a reset (one test's late
   * answer) must not act on the next test's fresh state, where its idempotency key is gone. */
  let generation = 0;

  function reset() {
    generation += 1;
    state = seededState();
    idempotent = new Map();
    received.length = 0;
    faults.length = 0;
  }

  function authenticate(header: string | undefined): KeyGrant & { key: string } {
    let key: string | undefined;
    if (header?.startsWith('Bearer ')) key = header.slice(7).trim();
    else if (header?.startsWith('Basic '))
      key = Buffer.from(header.slice(6), 'base64').toString().split(':')[0];
    if (!key)
      throw new ApiError(401, {
        type: 'invalid_request_error',
        message:
          "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').",
      });
    if (key.startsWith('pk_'))
      throw new ApiError(401, {
        type: 'invalid_request_error',
        message:
          'This API call cannot be made with a publishable API key. Please use a secret API key.',
      });
    const grant = keys.get(key);
    if (!grant)
      throw new ApiError(401, {
        type: 'invalid_request_error',
        message: `Invalid API Key provided: ${key.slice(0, 8)}${'*'.repeat(12)}${key.slice(-4)}`,
      });
    return { ...grant, key };
  }

  function requirePermission(grant: KeyGrant & { key: string }, permission: Permission) {
    if (grant.permissions && !grant.permissions.includes(permission))
      throw new ApiError(403, {
        type: 'invalid_request_error',
        message: `The provided key '${grant.key.slice(0, 8)}***${grant.key.slice(-4)}' does not have the required permissions for this endpoint on account 'acct_1Emulator'. Having the '${permission}' permission would allow this request to continue.`,
      });
  }

  function dispatch(
    method: string,
    path: string,
    query: Record<string, Decoded>,
    form: Record<string, Decoded>,
    grant: KeyGrant & { key: string },
  ): unknown {
    for (const { route, pattern } of ROUTE_TABLE) {
      const match = route.method === method ? pattern.exec(path) : null;
      if (!match) continue;
      requirePermission(grant, route.permission);
      const params = Object.fromEntries(
        Object.entries(match.groups ?? {}).map(([name, value]) => [
          name,
          decodeURIComponent(value),
        ]),
      );
      return route.handle(
        {
          path,
          params,
          query,
          form,
          mode: grant.mode,
          livemode: grant.mode === 'live',
          requirePermission: (permission) => requirePermission(grant, permission),
          now,
        },
        state,
      );
    }
    throw new ApiError(404, {
      type: 'invalid_request_error',
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    });
  }

  function takeFault(method: string, path: string): Fault | null {
    const index = faults.findIndex(
      (f) => (!f.method || f.method === method) && (!f.pathPrefix || path.startsWith(f.pathPrefix)),
    );
    if (index < 0) return null;
    const queued = faults[index]!;
    if (--queued.remaining <= 0) faults.splice(index, 1);
    return queued.fault;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString();
    const url = new URL(req.url ?? '/', 'https://api.stripe.com');
    const method = req.method ?? 'GET';
    const requestId = randomId('req_', 14);
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
    );
    const corsHeaders = {
      'Access-Control-Allow-Origin': '*',
      'Access-Control-Allow-Headers':
        'Authorization, Content-Type, Idempotency-Key, Stripe-Version, Stripe-Account',
      'Access-Control-Expose-Headers': 'Request-Id, Idempotent-Replayed, Stripe-Should-Retry',
    };
    if (method === 'OPTIONS') {
      res.writeHead(204, corsHeaders).end();
      return;
    }
    if (url.pathname.startsWith('/__emulator/')) return control(url, method, rawBody, res);

    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: decodeStripeForm(url.search.slice(1)),
      headers,
      form: method === 'POST' ? decodeStripeForm(rawBody) : {},
      rawBody,
      status: null,
      requestId,
      executed: false,
    };
    received.push(record);

    const fault = takeFault(method, url.pathname);
    const startedIn = generation;
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
    if (startedIn !== generation) {
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'drop-before') {
      req.socket.destroy();
      return;
    }
    const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
      if (fault?.kind === 'drop-after') {
        req.socket.destroy();
        return;
      }
      record.status = status;
      res.writeHead(status, {
        'Content-Type': 'application/json',
        'Request-Id': requestId,
        'Stripe-Version': headers['stripe-version'] || '2026-07-29.dahlia',
        ...corsHeaders,
        ...extra,
      });
      res.end(JSON.stringify(body));
    };
    if (fault?.kind === 'status') {
      const extra: Record<string, string> = {};
      if (fault.shouldRetry) extra['Stripe-Should-Retry'] = fault.shouldRetry;
      if (fault.retryAfter) extra['Retry-After'] = fault.retryAfter;
      const type = fault.status >= 500 ? 'api_error' : 'invalid_request_error';
      const message =
        fault.status === 429
          ? 'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.'
          : fault.status === 409
            ? 'There is currently another in-progress request using this Stripe API key.'
            : 'An unknown error occurred.';
      return send(
        fault.status,
        { error: { type, message, ...(fault.status === 429 ? { code: 'rate_limit' } : {}) } },
        extra,
      );
    }

    let grant: KeyGrant & { key: string };
    try {
      grant = authenticate(headers.authorization);
    } catch (error) {
      return send((error as ApiError).status, { error: (error as ApiError).body });
    }

    const idempotencyKey = method === 'POST' ? headers['idempotency-key'] : undefined;
    const storeKey = idempotencyKey ? `${grant.key}|${idempotencyKey}` : undefined;
    const fingerprint = `${method} ${url.pathname} ${JSON.stringify(record.form)}`;
    if (storeKey) {
      if (idempotencyKey!.length > 255)
        return send(400, {
          error: {
            type: 'invalid_request_error',
            message: 'Idempotency keys may be at most 255 characters long.',
          },
        });
      const stored = idempotent.get(storeKey);
      if (stored) {
        if (stored.fingerprint !== fingerprint)
          return send(400, {
            error: {
              type: 'idempotency_error',
              message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${idempotencyKey}' if you meant to execute a different request.`,
            },
          });
        return send(stored.status, stored.body, { 'Idempotent-Replayed': 'true' });
      }
      if (inProgress.has(storeKey))
        return send(409, {
          error: {
            type: 'idempotency_error',
            message:
              'There is currently another in-progress request using this Stripe-Idempotency-Key. Please try again later.',
          },
        });
      inProgress.add(storeKey);
    }
    try {
      const body = dispatch(method, url.pathname, record.query, record.form, grant);
      record.executed = true;
      if (storeKey) idempotent.set(storeKey, { fingerprint, status: 200, body });
      send(200, fault?.kind === 'garbled-success' ? { object: 'unexpected' } : body);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const body = {
        error: {
          ...error.body,
          request_log_url: `https://dashboard.stripe.com/${grant.mode === 'test' ? 'test/' : ''}logs/${requestId}`,
        },
      };
      if (storeKey && error.storable)
        idempotent.set(storeKey, { fingerprint, status: error.status, body });
      send(error.status, body);
    } finally {
      if (storeKey) inProgress.delete(storeKey);
    }
  }

  function control(url: URL, method: string, rawBody: string, res: ServerResponse) {
    const reply = (body: unknown) =>
      res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (url.pathname === '/__emulator/requests' && method === 'GET') return reply(received);
    if (url.pathname === '/__emulator/reset' && method === 'POST') {
      reset();
      return reply({ ok: true });
    }
    if (url.pathname === '/__emulator/faults' && method === 'POST') {
      const { fault, method: onMethod, pathPrefix, times } = JSON.parse(rawBody);
      api.injectFault(fault, { method: onMethod, pathPrefix, times });
      return reply({ ok: true });
    }
    res.writeHead(404).end();
  }

  const api = {
    keys: EMULATOR_KEYS,
    received,
    sessions: () => state.checkoutSessions,
    customers: () => state.customers,
    invoices: () => state.invoices,
    creditNotes: () => state.creditNotes,
    subscriptions: () => state.subscriptions,
    balanceTransactions: () => state.balanceTransactions,
    payments: () => state.payments,
    refunds: () => state.refunds,
    portalSessions: () => state.portalSessions,
    reset,
    setPortalConfigured(mode: Mode, configured: boolean) {
      state.portalConfigured[mode] = configured;
    },
    /** The next `times` requests that match get this fault instead of (or around) their answer. */
    injectFault(fault: Fault, on: { method?: string; pathPrefix?: string; times?: number } = {}) {
      faults.push({
        fault,
        method: on.method,
        pathPrefix: on.pathPrefix,
        remaining: on.times ?? 1,
      });
    },
    clearFaults() {
      faults.length = 0;
    },
    /** Requests to the API proper, without CORS preflights. */
    apiRequests: () => received.filter((r) => r.method !== 'OPTIONS'),
    /** The requests that could change something at Stripe. */
    apiPosts: () => received.filter((r) => r.method === 'POST'),
    handle,
  };
  return api;
}

export type StripeEmulator = ReturnType<typeof createStripeEmulator>;

export interface RunningEmulator {
  emulator: StripeEmulator;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the emulator on loopback; HTTPS when given a certificate. */
export async function startStripeEmulator(
  options: EmulatorOptions & { port?: number; tls?: { key: string; cert: string } } = {},
): Promise<RunningEmulator> {
  const emulator = createStripeEmulator(options);
  const listener = (req: IncomingMessage, res: ServerResponse) => {
    emulator.handle(req, res).catch((error) => {
      res
        .writeHead(500)
        .end(JSON.stringify({ error: { type: 'api_error', message: String(error) } }));
    });
  };
  const server: Server = options.tls
    ? createHttpsServer(options.tls, listener)
    : createHttpServer(listener);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    emulator,
    port,
    url: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
