import { randomBytes } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { creditedSoFar, workOutCreditNote } from './credit-note-rules';
import { decodeStripeForm, type Decoded } from './form-decoding';
import {
  EMULATOR_KEYS,
  seedCustomers,
  seedCreditNotes,
  seedInvoices,
  seedSessions,
  seedSubscriptions,
  type SeedCustomer,
  type SeedCreditNote,
  type SeedInvoice,
  type SeedSession,
  type SeedSubscription,
} from './seed-data';

/**
 * A small, stateful stand-in for api.stripe.com: the endpoints this extension uses, with
 * Stripe's auth (Bearer and Basic), test/live separation, error bodies, Request-Id headers,
 * idempotent replay and mismatch, and fault injection. Tests and `npm run demo` use it.
 */
type Mode = 'test' | 'live';
type Permission =
  | 'rak_checkout_session_read'
  | 'rak_checkout_session_write'
  | 'rak_customer_read'
  | 'rak_customer_write'
  | 'rak_customer_portal_write'
  | 'rak_subscription_read'
  | 'rak_invoice_read'
  | 'rak_credit_note_read'
  | 'rak_credit_note_write'
  | 'rak_payment_intent_read'
  | 'rak_account_read';

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

class ApiError {
  constructor(
    readonly status: number,
    readonly body: { type: string; message: string; code?: string; param?: string },
    /** Validation failures are not stored under an idempotency key, as at Stripe. */
    readonly storable = true,
  ) {}
}

const notFound = (object: string, id: string, otherMode: Mode | null, mode: Mode) =>
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

const invalid = (message: string, param?: string, storable = false) =>
  new ApiError(
    400,
    { type: 'invalid_request_error', message, ...(param ? { param } : {}) },
    storable,
  );

const randomId = (prefix: string, length: number) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return prefix + Array.from(randomBytes(length), (b) => alphabet[b % alphabet.length]).join('');
};

export interface EmulatorOptions {
  now?: () => number;
  portalConfigured?: Record<Mode, boolean>;
}

export function createStripeEmulator(options: EmulatorOptions = {}) {
  const now = options.now ?? Date.now;
  const keys = new Map<string, KeyGrant>([
    [EMULATOR_KEYS.testSecret, { mode: 'test', permissions: null }],
    [EMULATOR_KEYS.liveSecret, { mode: 'live', permissions: null }],
    [
      EMULATOR_KEYS.testRestrictedReadOnly,
      { mode: 'test', permissions: ['rak_checkout_session_read'] },
    ],
  ]);
  const received: RecordedRequest[] = [];
  const faults: QueuedFault[] = [];
  let sessions = new Map<string, SeedSession>();
  let customers = new Map<string, SeedCustomer>();
  let subscriptions: SeedSubscription[] = [];
  let invoices: SeedInvoice[] = [];
  let creditNotes: SeedCreditNote[] = [];
  let balanceTransactions: Array<
    Record<string, unknown> & { customer: string; livemode: boolean }
  > = [];
  let portalSessions: Array<Record<string, unknown>> = [];
  let idempotent = new Map<string, StoredIdempotent>();
  const inProgress = new Set<string>();
  let portalConfigured = { test: true, live: true, ...options.portalConfigured };

  function reset() {
    sessions = new Map(seedSessions(now()).map((s) => [s.id, { ...s }]));
    customers = new Map(seedCustomers().map((c) => [c.id, { ...c }]));
    subscriptions = seedSubscriptions();
    invoices = seedInvoices();
    creditNotes = seedCreditNotes();
    balanceTransactions = [];
    portalSessions = [];
    idempotent = new Map();
    received.length = 0;
    faults.length = 0;
    portalConfigured = { test: true, live: true, ...options.portalConfigured };
  }
  reset();

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

  function allowOnly(form: Record<string, Decoded>, allowed: string[]) {
    for (const name of Object.keys(form))
      if (!allowed.includes(name)) throw invalid(`Received unknown parameter: ${name}`, name);
  }

  const sessionJson = (s: SeedSession) => ({
    id: s.id,
    object: 'checkout.session',
    amount_total: s.amount_total,
    currency: s.currency,
    customer: s.customer,
    customer_details: s.email ? { email: s.email } : null,
    customer_email: s.email,
    created: s.created,
    expires_at: s.expires_at,
    livemode: s.livemode,
    mode: 'payment',
    payment_status: s.payment_status,
    status: s.status,
    url:
      s.status === 'open'
        ? `https://checkout.stripe.com/c/pay/${s.id}#fidkdWxOYHwnPyd1blpxYHZxWjA0`
        : null,
  });

  const customerJson = (c: SeedCustomer) =>
    c.deleted
      ? { id: c.id, object: 'customer', deleted: true }
      : {
          id: c.id,
          object: 'customer',
          name: c.name,
          email: c.email,
          balance: c.balance,
          currency: c.currency,
          livemode: c.livemode,
          created: c.created,
        };

  function invoiceJson(i: SeedInvoice) {
    const credited = creditedSoFar(i, creditNotes);
    const finalized = i.status !== 'draft';
    return {
      id: i.id,
      object: 'invoice',
      customer: i.customer,
      customer_name: i.customer_name,
      customer_email: i.customer_email,
      number: i.number,
      status: i.status,
      total: i.total,
      amount_due: i.total - credited.pre,
      amount_paid: i.amount_paid,
      amount_remaining: i.status === 'void' ? 0 : i.total - i.amount_paid - credited.pre,
      pre_payment_credit_notes_amount: credited.pre,
      post_payment_credit_notes_amount: credited.post,
      currency: i.currency,
      created: i.created,
      due_date: null,
      hosted_invoice_url: finalized
        ? `https://invoice.stripe.com/i/acct_1Emulator/test_${i.id.slice(3)}`
        : null,
      invoice_pdf: finalized
        ? `https://pay.stripe.com/invoice/acct_1Emulator/test_${i.id.slice(3)}/pdf`
        : null,
      livemode: i.livemode,
    };
  }

  const creditNoteJson = (note: SeedCreditNote) => {
    const invoice = invoices.find((i) => i.id === note.invoice)!;
    return {
      id: note.id,
      object: 'credit_note',
      amount: note.total,
      total: note.total,
      subtotal: note.total,
      currency: invoice.currency,
      customer: invoice.customer,
      invoice: note.invoice,
      number: note.number,
      status: note.status,
      reason: note.reason,
      memo: note.memo,
      metadata: note.metadata,
      type:
        note.pre_payment_amount && note.post_payment_amount
          ? 'mixed'
          : note.pre_payment_amount
            ? 'pre_payment'
            : 'post_payment',
      pre_payment_amount: note.pre_payment_amount,
      post_payment_amount: note.post_payment_amount,
      out_of_band_amount: note.out_of_band_amount || null,
      refunds: note.refund_amount
        ? [{ refund: `re_${note.id.slice(3)}`, amount_refunded: note.refund_amount }]
        : [],
      customer_balance_transaction: note.credit_amount ? `cbtxn_${note.id.slice(3)}` : null,
      pdf: `https://pay.stripe.com/credit_notes/acct_1Emulator/test_${note.id.slice(3)}/pdf`,
      created: note.created,
      livemode: invoice.livemode,
      voided_at: note.voided_at,
    };
  };

  function findCreditNote(id: string, mode: Mode): SeedCreditNote {
    const found = creditNotes.find((n) => n.id === id);
    const livemode = found && invoices.find((i) => i.id === found.invoice)!.livemode;
    if (found && livemode === (mode === 'live')) return found;
    throw notFound('credit_note', id, found ? (livemode ? 'live' : 'test') : null, mode);
  }

  /** A credit note worked out from its parameters, as the preview and the POST both do. */
  function creditNoteFrom(params: Record<string, Decoded>, mode: Mode) {
    allowOnly(params, [
      'invoice',
      'amount',
      'lines',
      'credit_amount',
      'refund_amount',
      'refunds',
      'out_of_band_amount',
      'reason',
      'memo',
      'metadata',
      'email_type',
      'effective_at',
      'expand',
    ]);
    if (typeof params.invoice !== 'string')
      throw invalid('Missing required param: invoice.', 'invoice');
    const invoice = findInvoice(params.invoice, mode);
    const worked = workOutCreditNote(invoice, creditNotes, params);
    if (!worked.ok)
      throw new ApiError(
        400,
        {
          type: 'invalid_request_error',
          message: worked.message,
          ...(worked.param ? { param: worked.param } : {}),
          ...(worked.code ? { code: worked.code } : {}),
        },
        true,
      );
    const sequence = creditNotes.filter((n) => n.invoice === invoice.id).length + 1;
    const note: SeedCreditNote = {
      id: randomId('cn_', 24),
      number: `${invoice.number}-CN-${String(sequence).padStart(2, '0')}`,
      invoice: invoice.id,
      total: worked.total,
      status: 'issued',
      reason: typeof params.reason === 'string' ? params.reason : null,
      memo: typeof params.memo === 'string' ? params.memo : null,
      created: Math.floor(now() / 1000),
      pre_payment_amount: worked.prePayment,
      post_payment_amount: worked.postPayment,
      refund_amount: worked.refund,
      credit_amount: worked.credit,
      out_of_band_amount: worked.outOfBand,
      metadata: (params.metadata as Record<string, unknown> | undefined) ?? {},
      voided_at: null,
    };
    return { invoice, note };
  }

  /** What a customer's balance gains or loses with a credit note's balance credit. */
  function moveBalance(invoice: SeedInvoice, amount: number, description: string) {
    const customer = customers.get(invoice.customer)!;
    customer.currency ??= invoice.currency;
    customer.balance += amount;
    balanceTransactions.push({
      id: randomId('cbtxn_', 24),
      object: 'customer_balance_transaction',
      amount,
      currency: invoice.currency,
      customer: customer.id,
      description,
      ending_balance: customer.balance,
      metadata: {},
      type: amount < 0 ? 'credit_note' : 'adjustment',
      created: Math.floor(now() / 1000),
      livemode: invoice.livemode,
    });
  }

  /** `expand` as Stripe takes it: `expand[]=a` or `expand[0]=a`. */
  const expansions = (query: Record<string, Decoded>): string[] =>
    query.expand === undefined
      ? []
      : (Array.isArray(query.expand) ? query.expand : [query.expand]).map(String);

  function findInvoice(id: string, mode: Mode): SeedInvoice {
    const found = invoices.find((i) => i.id === id);
    if (found && found.livemode === (mode === 'live')) return found;
    throw notFound('invoice', id, found ? (found.livemode ? 'live' : 'test') : null, mode);
  }

  /** A list's `limit`, 1–100 and 10 when left out, as Stripe takes it. */
  function pageLimit(query: Record<string, Decoded>): number {
    const limit = query.limit === undefined ? 10 : Number(query.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100)
      throw invalid('Invalid integer: limit must be between 1 and 100', 'limit');
    return limit;
  }

  /** One page of a list, newest first, as Stripe pages: `limit` 1–100, `has_more`. */
  function listPage<T extends { id: string; created: number }>(
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

  function findIn<T extends { livemode: boolean }>(
    map: Map<string, T>,
    object: string,
    id: string,
    mode: Mode,
  ): T {
    const found = map.get(id);
    if (found && found.livemode === (mode === 'live')) return found;
    throw notFound(object, id, found ? (found.livemode ? 'live' : 'test') : null, mode);
  }

  function route(
    method: string,
    path: string,
    query: Record<string, Decoded>,
    form: Record<string, Decoded>,
    grant: KeyGrant & { key: string },
  ): unknown {
    const mode = grant.mode;
    const livemode = mode === 'live';
    let m: RegExpExecArray | null;

    if (method === 'GET' && path === '/v1/account') {
      requirePermission(grant, 'rak_account_read');
      return {
        id: 'acct_1Emulator',
        object: 'account',
        business_profile: { name: 'Acme Emulated Inc.' },
        settings: { dashboard: { display_name: 'Acme (emulated)' } },
      };
    }
    if (method === 'GET' && path === '/v1/checkout/sessions') {
      requirePermission(grant, 'rak_checkout_session_read');
      allowOnly(query, ['limit', 'customer', 'status', 'starting_after', 'expand']);
      if (
        query.status !== undefined &&
        !['open', 'complete', 'expired'].includes(String(query.status))
      )
        throw invalid(`Invalid status: must be one of open, complete, or expired`, 'status');
      return listPage(
        [...sessions.values()]
          .filter((s) => s.livemode === livemode)
          .filter((s) => query.customer === undefined || s.customer === query.customer)
          .filter((s) => query.status === undefined || s.status === query.status),
        query,
        sessionJson,
        path,
      );
    }
    if ((m = /^\/v1\/checkout\/sessions\/([^/]+)$/.exec(path)) && method === 'GET') {
      requirePermission(grant, 'rak_checkout_session_read');
      return sessionJson(findIn(sessions, 'checkout.session', decodeURIComponent(m[1]!), mode));
    }
    if ((m = /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/.exec(path)) && method === 'POST') {
      requirePermission(grant, 'rak_checkout_session_write');
      allowOnly(form, ['expand']);
      const session = findIn(sessions, 'checkout.session', decodeURIComponent(m[1]!), mode);
      if (session.status !== 'open')
        throw invalid(
          `Only Checkout Sessions with a status in ["open"] can be expired. This Checkout Session has a status of \`${session.status}\`.`,
          undefined,
          true,
        );
      session.status = 'expired';
      return sessionJson(session);
    }
    if (method === 'GET' && path === '/v1/customers') {
      requirePermission(grant, 'rak_customer_read');
      allowOnly(query, ['limit', 'email', 'starting_after', 'expand']);
      if (typeof query.email === 'string' && query.email.length > 512)
        throw invalid('Invalid string: must be at most 512 characters', 'email');
      // As Stripe filters: exact and case-sensitive; deleted customers are not listed.
      return listPage(
        [...customers.values()]
          .filter((c) => c.livemode === livemode && !c.deleted)
          .filter((c) => query.email === undefined || c.email === query.email),
        query,
        customerJson,
        path,
      );
    }
    if ((m = /^\/v1\/invoices\/([^/]+)$/.exec(path)) && method === 'GET') {
      requirePermission(grant, 'rak_invoice_read');
      return invoiceJson(findInvoice(decodeURIComponent(m[1]!), mode));
    }
    if ((m = /^\/v1\/invoices\/([^/]+)\/lines$/.exec(path)) && method === 'GET') {
      requirePermission(grant, 'rak_invoice_read');
      allowOnly(query, ['limit', 'starting_after', 'expand']);
      const invoice = findInvoice(decodeURIComponent(m[1]!), mode);
      const limit = pageLimit(query);
      const data = invoice.lines.slice(0, limit).map((line) => ({
        ...line,
        object: 'line_item',
        currency: invoice.currency,
      }));
      return {
        object: 'list',
        data,
        has_more: invoice.lines.length > limit,
        total_count: invoice.lines.length,
        url: path,
      };
    }
    if (method === 'GET' && path === '/v1/credit_notes') {
      requirePermission(grant, 'rak_credit_note_read');
      allowOnly(query, ['limit', 'invoice', 'customer', 'starting_after', 'expand']);
      return listPage(
        creditNotes
          .filter((note) => invoices.some((i) => i.id === note.invoice && i.livemode === livemode))
          .filter((note) => query.invoice === undefined || note.invoice === query.invoice),
        query,
        creditNoteJson,
        path,
      );
    }
    if (method === 'GET' && path === '/v1/credit_notes/preview') {
      requirePermission(grant, 'rak_credit_note_read');
      const { note } = creditNoteFrom(query, mode);
      return { ...creditNoteJson(note), id: `cn_preview_${note.id.slice(3)}`, number: null };
    }
    if (method === 'POST' && path === '/v1/credit_notes') {
      requirePermission(grant, 'rak_credit_note_write');
      const { invoice, note } = creditNoteFrom(form, mode);
      creditNotes.push(note);
      invoice.refunded += note.refund_amount;
      if (note.credit_amount)
        moveBalance(invoice, -note.credit_amount, `Credit note ${note.number}`);
      // Credited down to nothing left to pay, an open invoice is paid.
      if (invoice.status === 'open' && invoiceJson(invoice).amount_remaining === 0)
        invoice.status = 'paid';
      return creditNoteJson(note);
    }
    if ((m = /^\/v1\/credit_notes\/([^/]+)$/.exec(path)) && method === 'GET') {
      requirePermission(grant, 'rak_credit_note_read');
      return creditNoteJson(findCreditNote(decodeURIComponent(m[1]!), mode));
    }
    if ((m = /^\/v1\/credit_notes\/([^/]+)\/void$/.exec(path)) && method === 'POST') {
      requirePermission(grant, 'rak_credit_note_write');
      allowOnly(form, ['expand']);
      const note = findCreditNote(decodeURIComponent(m[1]!), mode);
      if (note.status !== 'issued')
        throw invalid(`The credit note ${note.id} has already been voided.`, undefined, true);
      const invoice = invoices.find((i) => i.id === note.invoice)!;
      note.status = 'void';
      note.voided_at = Math.floor(now() / 1000);
      // What it took off the amount due is due again; the balance credit is taken back. A
      // refund has left for the card and stays.
      if (
        note.pre_payment_amount &&
        invoice.status === 'paid' &&
        invoice.amount_paid < invoice.total
      )
        invoice.status = 'open';
      if (note.credit_amount)
        moveBalance(invoice, note.credit_amount, `Credit note ${note.number} voided`);
      return creditNoteJson(note);
    }
    if (method === 'GET' && path === '/v1/payment_intents') {
      requirePermission(grant, 'rak_payment_intent_read');
      return { object: 'list', data: [], has_more: false, url: path };
    }
    if (method === 'GET' && path === '/v1/invoice_payments') {
      requirePermission(grant, 'rak_invoice_read');
      allowOnly(query, ['invoice', 'status', 'limit', 'starting_after', 'expand', 'payment']);
      if (typeof query.invoice !== 'string')
        throw invalid('Missing required param: invoice.', 'invoice');
      const invoice = findInvoice(query.invoice, mode);
      const expand = expansions(query);
      const expandIntent = expand.some((e) => e.startsWith('data.payment.payment_intent'));
      if (expandIntent) requirePermission(grant, 'rak_payment_intent_read');
      const paidBy = invoice.paid_by;
      const data =
        paidBy?.type === 'card' && (query.status === undefined || query.status === 'paid')
          ? [
              {
                id: `inpay_${invoice.id.slice(3)}`,
                object: 'invoice_payment',
                amount_paid: invoice.amount_paid,
                amount_requested: invoice.total,
                currency: invoice.currency,
                invoice: invoice.id,
                is_default: true,
                livemode: invoice.livemode,
                status: 'paid',
                payment: {
                  type: 'payment_intent',
                  payment_intent: expandIntent
                    ? {
                        id: `pi_${invoice.id.slice(3)}`,
                        object: 'payment_intent',
                        payment_method: expand.includes(
                          'data.payment.payment_intent.payment_method',
                        )
                          ? {
                              id: `pm_${invoice.id.slice(3)}`,
                              object: 'payment_method',
                              type: 'card',
                              card: { brand: paidBy.brand, last4: paidBy.last4 },
                            }
                          : `pm_${invoice.id.slice(3)}`,
                      }
                    : `pi_${invoice.id.slice(3)}`,
                },
                created: invoice.created,
              },
            ]
          : [];
      return { object: 'list', data, has_more: false, url: path };
    }
    if (method === 'GET' && path === '/v1/invoices') {
      requirePermission(grant, 'rak_invoice_read');
      allowOnly(query, ['limit', 'customer', 'status', 'starting_after', 'expand']);
      return listPage(
        invoices
          .filter((i) => i.livemode === livemode)
          .filter((i) => query.customer === undefined || i.customer === query.customer)
          .filter((i) => query.status === undefined || i.status === query.status),
        query,
        invoiceJson,
        path,
      );
    }
    if ((m = /^\/v1\/customers\/([^/]+)$/.exec(path)) && method === 'GET') {
      requirePermission(grant, 'rak_customer_read');
      return customerJson(findIn(customers, 'customer', decodeURIComponent(m[1]!), mode));
    }
    if ((m = /^\/v1\/customers\/([^/]+)\/balance_transactions$/.exec(path))) {
      const customerId = decodeURIComponent(m[1]!);
      if (method === 'GET') {
        requirePermission(grant, 'rak_customer_read');
        findIn(customers, 'customer', customerId, mode);
        const all = balanceTransactions
          .filter((t) => t.customer === customerId && t.livemode === livemode)
          .reverse();
        const after =
          typeof query.starting_after === 'string'
            ? all.findIndex((t) => t.id === query.starting_after) + 1
            : 0;
        const limit = Math.min(Number(query.limit ?? 10), 100);
        const page = all.slice(after, after + limit);
        return { object: 'list', data: page, has_more: after + limit < all.length, url: path };
      }
      if (method === 'POST') {
        requirePermission(grant, 'rak_customer_write');
        allowOnly(form, ['amount', 'currency', 'description', 'metadata', 'expand']);
        const customer = findIn(customers, 'customer', customerId, mode);
        if (customer.deleted) throw invalid(`No such customer: '${customerId}'`, 'customer');
        if (form.amount === undefined) throw invalid('Missing required param: amount.', 'amount');
        if (form.currency === undefined)
          throw invalid('Missing required param: currency.', 'currency');
        const amount = Number(form.amount);
        if (
          typeof form.amount !== 'string' ||
          !/^-?\d+$/.test(form.amount) ||
          !Number.isSafeInteger(amount)
        )
          throw invalid('Invalid integer: ' + String(form.amount), 'amount');
        const currency = String(form.currency).toLowerCase();
        if (!/^[a-z]{3}$/.test(currency))
          throw invalid(`Invalid currency: ${currency}.`, 'currency');
        if (typeof form.description === 'string' && form.description.length > 350)
          throw invalid('Invalid string: must be at most 350 characters', 'description');
        customer.currency ??= currency;
        let ending: number;
        if (customer.currency === currency) {
          customer.balance += amount;
          ending = customer.balance;
        } else {
          ending = amount;
        }
        const transaction = {
          id: randomId('cbtxn_', 24),
          object: 'customer_balance_transaction',
          amount,
          currency,
          customer: customerId,
          description: typeof form.description === 'string' ? form.description : null,
          ending_balance: ending,
          metadata: form.metadata ?? {},
          type: 'adjustment',
          created: Math.floor(now() / 1000),
          livemode,
        };
        balanceTransactions.push(transaction);
        return transaction;
      }
    }
    if (method === 'GET' && path === '/v1/subscriptions') {
      requirePermission(grant, 'rak_subscription_read');
      const data = subscriptions
        .filter((sub) => sub.livemode === livemode)
        .filter((sub) => !query.customer || sub.customer === query.customer)
        .filter((sub) => !query.status || query.status === 'all' || sub.status === query.status)
        .slice(0, Math.min(Number(query.limit ?? 10), 100))
        .map((sub) => ({
          id: sub.id,
          object: 'subscription',
          customer: sub.customer,
          status: sub.status,
          livemode: sub.livemode,
          items: {
            object: 'list',
            data: [
              { id: `si_${sub.id.slice(4)}`, price: { id: 'price_1', nickname: sub.nickname } },
            ],
          },
        }));
      return { object: 'list', data, has_more: false, url: '/v1/subscriptions' };
    }
    if (path === '/v1/billing_portal/sessions' && method === 'POST') {
      requirePermission(grant, 'rak_customer_portal_write');
      allowOnly(form, [
        'customer',
        'return_url',
        'configuration',
        'locale',
        'on_behalf_of',
        'flow_data',
        'expand',
      ]);
      if (typeof form.customer !== 'string')
        throw invalid('Missing required param: customer.', 'customer');
      findIn(customers, 'customer', form.customer, mode);
      const flow = form.flow_data as Record<string, Decoded> | undefined;
      if (flow?.type === 'subscription_cancel') {
        const subscriptionId = (flow.subscription_cancel as Record<string, Decoded> | undefined)
          ?.subscription;
        if (typeof subscriptionId !== 'string')
          throw invalid(
            'Missing required param: flow_data[subscription_cancel][subscription].',
            'flow_data[subscription_cancel][subscription]',
          );
        const subscription = subscriptions.find(
          (sub) => sub.id === subscriptionId && sub.livemode === livemode,
        );
        if (!subscription || subscription.customer !== form.customer)
          throw invalid(
            `The subscription ${subscriptionId} does not belong to customer ${form.customer}.`,
            'flow_data[subscription_cancel][subscription]',
          );
      }
      if (!portalConfigured[mode])
        throw invalid(
          `You can’t create a portal session in ${mode} mode until you save your customer portal settings in ${mode} mode at https://dashboard.stripe.com/${mode === 'test' ? 'test/' : ''}settings/billing/portal.`,
        );
      const id = randomId('bps_', 24);
      const portal = {
        id,
        object: 'billing_portal.session',
        customer: form.customer,
        return_url: form.return_url ?? null,
        flow: form.flow_data ?? null,
        livemode,
        url: `https://billing.stripe.com/p/session/${mode}_${randomId('', 32)}`,
        created: Math.floor(now() / 1000),
      };
      portalSessions.push(portal);
      return portal;
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
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.ms));
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
      const body = route(method, url.pathname, record.query, record.form, grant);
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
    sessions: () => sessions,
    customers: () => customers,
    invoices: () => invoices,
    creditNotes: () => creditNotes,
    balanceTransactions: () => balanceTransactions,
    portalSessions: () => portalSessions,
    reset,
    setPortalConfigured(mode: Mode, configured: boolean) {
      portalConfigured[mode] = configured;
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
