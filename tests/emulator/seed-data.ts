import type { CardKind } from '../../utils/card-subject';
/**
 * Objects the emulator starts with. IDs are fixed so fixture pages and tests can name them.
 * Lengths copy what Stripe issues today (cs_test_ + 58, cus_ + 14), though nothing may rely
 * on them.
 */
export const EMULATOR_KEYS = {
  testSecret: 'sk_test_51EmulatorTestKey000000000000000000000000000000000000000000000000',
  liveSecret: 'sk_live_51EmulatorLiveKey000000000000000000000000000000000000000000000000',
  /** Can read Checkout Sessions but not expire them. */
  testRestrictedReadOnly:
    'rk_test_51EmulatorReadOnlyKey0000000000000000000000000000000000000000000',
  /** Real, but granted nothing the cards use. */
  testRestrictedNothing: 'rk_test_51EmulatorNothingKey00000000000000000000000000000000000000000000',
} as const;

const pad = (stem: string, length: number) => (stem + '0'.repeat(length)).slice(0, length);

export const SEED_IDS = {
  openSession: `cs_test_${pad('a1OpenSessionForJennyRosenB2c3D4e5F6g7H8', 58)}`,
  completeSession: `cs_test_${pad('b1CompleteSessionPaidK9l8M7n6', 58)}`,
  expiredSession: `cs_test_${pad('c1ExpiredSessionQ1w2E3r4', 58)}`,
  liveOpenSession: `cs_live_${pad('d1LiveOpenSessionZ9x8C7v6', 58)}`,
  alexWorkOpenSession: `cs_test_${pad('e1AlexKimWorkOpenSessionR5t6Y7', 58)}`,
  jenny: 'cus_PzJennyRosen01',
  deletedCustomer: 'cus_QaDeletedCust1',
  liveOnlyCustomer: 'cus_RbLiveOnlyCus01',
  jennySubscription: 'sub_1JennyProMonthly',
  /** Jenny's other subscriptions: one on trial, one past due, one canceled. */
  jennyTrialSubscription: 'sub_1JennyTeamTrial01',
  jennyPastDueSubscription: 'sub_1JennyAddonPastDue',
  jennyCanceledSubscription: 'sub_1JennyOldBasic001',
  /** Kenji's yen subscription, for amounts with no minor unit. */
  kenjiSubscription: 'sub_1KenjiYenMonthly01',
  /** Two customers share Alex's address, one stored with a capital A. */
  alexHome: 'cus_SdAlexKimHome01',
  alexWork: 'cus_TeAlexKimWork01',
  jennyPaidInvoice: 'in_1JennyPaidMarch0001',
  jennyOpenInvoice: 'in_1JennyOpenApril0001',
  alexWorkOpenInvoice: 'in_1AlexWorkOpenMay001',
  /** Not finalized: a credit note is refused, the Dashboard edits it. */
  jennyDraftInvoice: 'in_1JennyDraftMay00001',
  jennyCreditNote: 'cn_1JennyDuplicateSeat01',
  /** Paid outside Stripe (cash): no refund can go to a card. */
  alexHomeCashInvoice: 'in_1AlexHomeCashPaid01',
  kenji: 'cus_UgKenjiTanaka01',
  kenjiYenInvoice: 'in_1KenjiPaidYen00001',
  kenjiVoidInvoice: 'in_1KenjiVoidedJan0001',
  /** Paid by card, whose charge was refunded in full in the Dashboard. */
  kenjiRefundedInvoice: 'in_1KenjiRefundedFeb01',
  salim: 'cus_VhSalimAlSabah01',
  salimDinarInvoice: 'in_1SalimPaidKwd00001',
  /** Jenny paid one order twice, three minutes apart: the later one is the duplicate. */
  jennyOrderPayment: 'pi_3JennyOrderFirst00001',
  jennyDuplicatePayment: 'pi_3JennyOrderAgain00001',
  jennyDuplicateCharge: 'ch_3JennyOrderAgain00001',
  /** $120.00, of which $20.00 was refunded. */
  jennyPartlyRefundedPayment: 'pi_3JennyPartRefund00001',
  jennyEarlierRefund: 're_3JennyPartRefund00001',
  /** Disputed, the dispute still open: no refund. */
  jennyDisputedPayment: 'pi_3JennyDisputed000001',
  jennyDispute: 'dp_3JennyDisputed000001',
  /** Authorized, never captured: nothing to refund. */
  jennyUncapturedPayment: 'pi_3JennyAuthOnly000001',
  /** Paid the March invoice (through its invoice payment). */
  jennyInvoicePayment: 'pi_1JennyPaidMarch0001',
  /** The completed Checkout Session's payment (¥120,000). */
  jennySessionPayment: 'pi_3JennySessionYen00001',
  /** Paid by bank debit on an account short of balance: its refunds stay pending. */
  alexPendingRefundPayment: 'pi_3AlexBankDebit000001',
  /** A refund waiting for the customer's details: it may still be canceled. */
  alexRefundNeedingAction: 're_3AlexNeedsAction0001',
  /** A charge made without a PaymentIntent (an older integration). */
  alexLoneCharge: 'ch_3AlexLoneCharge00001',
  alexFailedPayment: 'pi_3AlexFailedCard00001',
  /** On an account whose balance cannot cover a refund: Stripe refuses it. */
  alexShortBalancePayment: 'pi_3AlexShortBalance0001',
  kenjiYenPayment: 'pi_3KenjiYenPayment0001',
  salimDinarPayment: 'pi_3SalimKwdPayment0001',
  liveOnlyPayment: 'pi_3LiveOnlyPayment0001',
} as const;

/** Requesters' addresses as tickets show them. */
export const SEED_EMAILS = {
  /** One test-mode customer: the card opens as Jenny's. */
  jenny: 'jenny.rosen@example.com',
  /** Written as Alex signs: Stripe has one customer as written, one lower-cased. */
  alex: 'Alex@example.net',
  /** No test-mode customer; one in live mode. */
  liveOnly: 'billing@live-only.example',
  /** No customer anywhere. */
  nobody: 'nobody@example.org',
} as const;

export interface SeedInvoiceLine {
  id: string;
  description: string;
  quantity: number;
  amount: number;
}

export interface SeedCreditNote {
  id: string;
  number: string;
  invoice: string;
  total: number;
  status: 'issued' | 'void';
  reason: string | null;
  memo: string | null;
  created: number;
  /** What lowered the invoice's amount remaining. */
  pre_payment_amount: number;
  post_payment_amount: number;
  refund_amount: number;
  credit_amount: number;
  out_of_band_amount: number;
  metadata: Record<string, unknown>;
  voided_at: number | null;
}

export interface SeedInvoice {
  id: string;
  customer: string;
  customer_name: string;
  customer_email: string;
  livemode: boolean;
  /** Null while a draft: Stripe numbers an invoice when it is finalized. */
  number: string | null;
  lines: SeedInvoiceLine[];
  status: 'draft' | 'open' | 'paid' | 'uncollectible' | 'void';
  total: number;
  amount_paid: number;
  currency: string;
  created: number;
  /** How it was paid: a card payment through Stripe, or marked paid outside it. */
  paid_by: { type: 'card'; brand: string; last4: string } | { type: 'out_of_band' } | null;
  /** Of the card payment, what has been refunded so far (by credit notes or the Dashboard). */
  refunded: number;
}

export function seedCreditNotes(): SeedCreditNote[] {
  return [
    {
      id: 'cn_1JennyDuplicateSeat01',
      number: 'ACME-0041-CN-01',
      invoice: SEED_IDS.jennyPaidInvoice,
      total: 3000,
      status: 'issued',
      reason: 'order_change',
      memo: 'One seat removed in March',
      created: 1_709_900_000,
      pre_payment_amount: 0,
      post_payment_amount: 3000,
      refund_amount: 3000,
      credit_amount: 0,
      out_of_band_amount: 0,
      metadata: {},
      voided_at: null,
    },
  ];
}

export function seedInvoices(): SeedInvoice[] {
  return [
    {
      id: SEED_IDS.jennyPaidInvoice,
      customer: SEED_IDS.jenny,
      livemode: false,
      number: 'ACME-0041',
      customer_name: 'Jenny Rosen',
      customer_email: 'jenny.rosen@example.com',
      lines: [
        {
          id: 'il_1JennyProSeats0001',
          description: 'Pro plan × 3 seats',
          quantity: 3,
          amount: 9000,
        },
        {
          id: 'il_1JennyOnboarding01',
          description: 'Onboarding session',
          quantity: 1,
          amount: 3000,
        },
      ],
      status: 'paid',
      total: 12000,
      amount_paid: 12000,
      currency: 'usd',
      created: 1_709_300_000,
      paid_by: { type: 'card', brand: 'visa', last4: '4242' },
      // The seeded credit note refunded 30.00.
      refunded: 3000,
    },
    {
      id: SEED_IDS.jennyOpenInvoice,
      customer: SEED_IDS.jenny,
      livemode: false,
      number: 'ACME-0042',
      customer_name: 'Jenny Rosen',
      customer_email: 'jenny.rosen@example.com',
      lines: [
        { id: 'il_1JennyAprilPro0001', description: 'Pro plan (April)', quantity: 1, amount: 4900 },
      ],
      status: 'open',
      total: 4900,
      amount_paid: 0,
      currency: 'usd',
      created: 1_711_900_000,
      paid_by: null,
      refunded: 0,
    },
    {
      id: SEED_IDS.alexWorkOpenInvoice,
      customer: SEED_IDS.alexWork,
      livemode: false,
      number: 'ACME-0050',
      customer_name: 'Alex Kim (Kim Design Ltd)',
      customer_email: 'Alex@example.net',
      lines: Array.from({ length: 12 }, (_, i) => ({
        id: `il_1AlexWorkHours${String(i).padStart(4, '0')}`,
        description: `Design hours, week ${i + 1}`,
        quantity: 1,
        amount: 2500,
      })),
      status: 'open',
      total: 30000,
      amount_paid: 0,
      currency: 'usd',
      created: 1_714_500_000,
      paid_by: null,
      refunded: 0,
    },
    {
      id: SEED_IDS.jennyDraftInvoice,
      customer: SEED_IDS.jenny,
      livemode: false,
      number: null,
      customer_name: 'Jenny Rosen',
      customer_email: 'jenny.rosen@example.com',
      lines: [
        { id: 'il_1JennyMayPro000001', description: 'Pro plan (May)', quantity: 1, amount: 4900 },
      ],
      status: 'draft',
      total: 4900,
      amount_paid: 0,
      currency: 'usd',
      created: 1_714_600_000,
      paid_by: null,
      refunded: 0,
    },
    {
      id: SEED_IDS.alexHomeCashInvoice,
      customer: SEED_IDS.alexHome,
      livemode: false,
      number: 'ACME-0039',
      customer_name: 'Alex Kim',
      customer_email: 'alex@example.net',
      lines: [
        { id: 'il_1AlexHomeWorkshop01', description: 'Workshop ticket', quantity: 2, amount: 5000 },
      ],
      status: 'paid',
      total: 5000,
      amount_paid: 5000,
      currency: 'usd',
      created: 1_705_000_000,
      paid_by: { type: 'out_of_band' },
      refunded: 0,
    },
    {
      id: SEED_IDS.kenjiYenInvoice,
      customer: SEED_IDS.kenji,
      livemode: false,
      number: 'ACME-0060',
      customer_name: 'Kenji Tanaka',
      customer_email: 'kenji@example.jp',
      lines: [
        {
          id: 'il_1KenjiYenSeats00001',
          description: 'Team plan × 4 seats',
          quantity: 4,
          amount: 12000,
        },
      ],
      status: 'paid',
      total: 12000,
      amount_paid: 12000,
      currency: 'jpy',
      created: 1_712_000_000,
      paid_by: { type: 'card', brand: 'jcb', last4: '0005' },
      refunded: 0,
    },
    {
      id: SEED_IDS.kenjiVoidInvoice,
      customer: SEED_IDS.kenji,
      livemode: false,
      number: 'ACME-0055',
      customer_name: 'Kenji Tanaka',
      customer_email: 'kenji@example.jp',
      lines: [
        { id: 'il_1KenjiVoidSeats0001', description: 'Team plan', quantity: 1, amount: 3000 },
      ],
      status: 'void',
      total: 3000,
      amount_paid: 0,
      currency: 'jpy',
      created: 1_704_000_000,
      paid_by: null,
      refunded: 0,
    },
    {
      id: SEED_IDS.kenjiRefundedInvoice,
      customer: SEED_IDS.kenji,
      livemode: false,
      number: 'ACME-0058',
      customer_name: 'Kenji Tanaka',
      customer_email: 'kenji@example.jp',
      lines: [
        { id: 'il_1KenjiRefundAddon01', description: 'Storage add-on', quantity: 1, amount: 2000 },
      ],
      status: 'paid',
      total: 2000,
      amount_paid: 2000,
      currency: 'jpy',
      created: 1_708_000_000,
      paid_by: { type: 'card', brand: 'visa', last4: '1881' },
      refunded: 2000,
    },
    {
      id: SEED_IDS.salimDinarInvoice,
      customer: SEED_IDS.salim,
      livemode: false,
      number: 'ACME-0070',
      customer_name: 'Salim Al-Sabah',
      customer_email: 'salim@example.kw',
      lines: [
        {
          id: 'il_1SalimConsulting01',
          description: 'Consulting, 3 hours',
          quantity: 3,
          amount: 45000,
        },
      ],
      status: 'paid',
      total: 45000,
      amount_paid: 45000,
      currency: 'kwd',
      created: 1_713_000_000,
      paid_by: { type: 'card', brand: 'mastercard', last4: '4444' },
      refunded: 0,
    },
  ];
}

export interface SeedSubscriptionItem {
  id: string;
  price: {
    id: string;
    nickname: string;
    product: { id: string; name: string };
    unit_amount: number;
    interval: 'month' | 'year';
  };
  quantity: number;
  current_period_start: number;
  current_period_end: number;
}

export interface SeedSubscription {
  id: string;
  customer: string;
  livemode: boolean;
  status:
    | 'active'
    | 'trialing'
    | 'past_due'
    | 'unpaid'
    | 'canceled'
    | 'incomplete'
    | 'incomplete_expired'
    | 'paused';
  currency: string;
  created: number;
  items: SeedSubscriptionItem[];
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  canceled_at: number | null;
  ended_at: number | null;
  trial_end: number | null;
  pause_collection: { behavior: string; resumes_at: number | null } | null;
  cancellation_details: { comment: string | null; feedback: string | null; reason: string | null };
  latest_invoice: string | null;
  default_payment_method: { id: string; brand: string; last4: string } | null;
  metadata: Record<string, unknown>;
}

const DAY = 24 * 3600;

/** Subscriptions whose periods run around `now` (seconds), so that each has unused time. */
export function seedSubscriptions(nowMs: number): SeedSubscription[] {
  const now = Math.floor(nowMs / 1000);
  const item = (
    id: string,
    product: string,
    nickname: string,
    unitAmount: number,
    quantity: number,
    start: number,
  ): SeedSubscriptionItem => ({
    id,
    price: {
      id: `price_${id.slice(3)}`,
      nickname,
      product: { id: `prod_${id.slice(3)}`, name: product },
      unit_amount: unitAmount,
      interval: 'month',
    },
    quantity,
    current_period_start: start,
    current_period_end: start + 30 * DAY,
  });
  const base = {
    livemode: false,
    cancel_at_period_end: false,
    cancel_at: null,
    canceled_at: null,
    ended_at: null,
    trial_end: null,
    pause_collection: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    default_payment_method: { id: 'pm_1JennyVisa4242', brand: 'visa', last4: '4242' },
    metadata: {},
  };
  return [
    {
      ...base,
      id: SEED_IDS.jennySubscription,
      customer: SEED_IDS.jenny,
      status: 'active',
      currency: 'usd',
      created: 1_704_000_000,
      // 30-day periods, 10 days used: 20 days' worth is unused.
      items: [item('si_1JennyProSeats01', 'Pro plan', 'Pro monthly', 1500, 3, now - 10 * DAY)],
      latest_invoice: SEED_IDS.jennyOpenInvoice,
    },
    {
      ...base,
      id: SEED_IDS.jennyTrialSubscription,
      customer: SEED_IDS.jenny,
      status: 'trialing',
      currency: 'usd',
      created: 1_712_000_000,
      trial_end: now + 9 * DAY,
      items: [item('si_1JennyTeamTrial1', 'Team plan', 'Team monthly', 9900, 1, now - 5 * DAY)],
      latest_invoice: null,
      default_payment_method: null,
    },
    {
      ...base,
      id: SEED_IDS.jennyPastDueSubscription,
      customer: SEED_IDS.jenny,
      status: 'past_due',
      currency: 'usd',
      created: 1_710_000_000,
      items: [item('si_1JennyAddonSms01', 'SMS add-on', 'SMS monthly', 900, 1, now - 3 * DAY)],
      latest_invoice: SEED_IDS.jennyOpenInvoice,
    },
    {
      ...base,
      id: SEED_IDS.jennyCanceledSubscription,
      customer: SEED_IDS.jenny,
      status: 'canceled',
      currency: 'usd',
      created: 1_690_000_000,
      canceled_at: 1_700_000_000,
      ended_at: 1_700_000_000,
      cancellation_details: {
        comment: null,
        feedback: 'switched_service',
        reason: 'cancellation_requested',
      },
      items: [item('si_1JennyBasic00001', 'Basic plan', 'Basic monthly', 500, 1, 1_697_400_000)],
      latest_invoice: SEED_IDS.jennyPaidInvoice,
    },
    {
      ...base,
      id: SEED_IDS.kenjiSubscription,
      customer: SEED_IDS.kenji,
      status: 'active',
      currency: 'jpy',
      created: 1_705_000_000,
      items: [
        item('si_1KenjiYenPlan001', 'Pro plan (JPY)', 'Pro monthly JPY', 3000, 1, now - 15 * DAY),
      ],
      latest_invoice: SEED_IDS.kenjiYenInvoice,
      default_payment_method: { id: 'pm_1KenjiJcb0000', brand: 'jcb', last4: '0000' },
    },
  ];
}

export interface SeedPayment {
  /** The PaymentIntent, or for a lone charge the charge itself. */
  id: string;
  chargeId: string;
  customer: string | null;
  livemode: boolean;
  amount: number;
  currency: string;
  status: 'succeeded' | 'requires_capture' | 'processing' | 'canceled' | 'failed';
  created: number;
  card: { brand: string; last4: string } | null;
  methodType: string;
  dispute: { id: string; status: string; dueBy: number } | null;
  /** What Stripe does with a refund of it: succeeded unless the method or balance says not. */
  refundsGo?:
    | { status: 'pending'; pending_reason: string }
    | { status: 'requires_action' }
    | { status: 'failed'; failure_reason: string }
    /** Refused outright: the account's balance cannot cover it. */
    | { status: 'refused'; code: 'balance_insufficient' };
  invoice?: string;
  checkoutSession?: string;
}

export interface SeedRefund {
  id: string;
  payment: string;
  amount: number;
  currency: string;
  status: 'succeeded' | 'pending' | 'requires_action' | 'failed' | 'canceled';
  reason: string | null;
  pending_reason?: string;
  failure_reason?: string;
  created: number;
  metadata: Record<string, unknown>;
}

export function seedPayments(now: number): SeedPayment[] {
  const at = (secondsAgo: number) => Math.floor(now / 1000) - secondsAgo;
  const visa = { brand: 'visa', last4: '4242' };
  const usd = { currency: 'usd', livemode: false, methodType: 'card', dispute: null };
  return [
    {
      ...usd,
      id: SEED_IDS.jennyOrderPayment,
      chargeId: 'ch_3JennyOrderFirst00001',
      customer: SEED_IDS.jenny,
      amount: 4900,
      status: 'succeeded',
      created: at(2 * 3600),
      card: visa,
    },
    {
      ...usd,
      id: SEED_IDS.jennyDuplicatePayment,
      chargeId: SEED_IDS.jennyDuplicateCharge,
      customer: SEED_IDS.jenny,
      amount: 4900,
      status: 'succeeded',
      created: at(2 * 3600 - 180),
      card: visa,
    },
    {
      ...usd,
      id: SEED_IDS.jennyPartlyRefundedPayment,
      chargeId: 'ch_3JennyPartRefund00001',
      customer: SEED_IDS.jenny,
      amount: 12000,
      status: 'succeeded',
      created: at(5 * 86400),
      card: { brand: 'mastercard', last4: '4444' },
    },
    {
      ...usd,
      id: SEED_IDS.jennyDisputedPayment,
      chargeId: 'ch_3JennyDisputed000001',
      customer: SEED_IDS.jenny,
      amount: 7500,
      status: 'succeeded',
      created: at(20 * 86400),
      card: visa,
      dispute: {
        id: SEED_IDS.jennyDispute,
        status: 'needs_response',
        dueBy: at(-6 * 86400),
      },
    },
    {
      ...usd,
      id: SEED_IDS.jennyUncapturedPayment,
      chargeId: 'ch_3JennyAuthOnly000001',
      customer: SEED_IDS.jenny,
      amount: 3000,
      status: 'requires_capture',
      created: at(86400),
      card: visa,
    },
    {
      ...usd,
      id: SEED_IDS.jennyInvoicePayment,
      chargeId: 'ch_1JennyPaidMarch0001',
      customer: SEED_IDS.jenny,
      amount: 12000,
      status: 'succeeded',
      created: 1_709_300_000,
      card: visa,
      invoice: SEED_IDS.jennyPaidInvoice,
    },
    {
      ...usd,
      id: SEED_IDS.jennySessionPayment,
      chargeId: 'ch_3JennySessionYen00001',
      customer: SEED_IDS.jenny,
      amount: 120000,
      currency: 'jpy',
      status: 'succeeded',
      created: at(2 * 86400),
      card: visa,
      checkoutSession: SEED_IDS.completeSession,
    },
    {
      ...usd,
      id: SEED_IDS.alexPendingRefundPayment,
      chargeId: 'py_3AlexBankDebit000001',
      customer: SEED_IDS.alexWork,
      amount: 25000,
      status: 'succeeded',
      created: at(3 * 86400),
      card: null,
      methodType: 'us_bank_account',
      refundsGo: { status: 'pending', pending_reason: 'insufficient_funds' },
    },
    {
      ...usd,
      id: SEED_IDS.alexLoneCharge,
      chargeId: SEED_IDS.alexLoneCharge,
      customer: SEED_IDS.alexHome,
      amount: 1500,
      status: 'succeeded',
      created: at(40 * 86400),
      card: { brand: 'amex', last4: '0005' },
    },
    {
      ...usd,
      id: SEED_IDS.alexFailedPayment,
      chargeId: 'ch_3AlexFailedCard00001',
      customer: SEED_IDS.alexHome,
      amount: 1500,
      status: 'failed',
      created: at(41 * 86400),
      card: { brand: 'visa', last4: '0002' },
    },
    {
      ...usd,
      id: SEED_IDS.alexShortBalancePayment,
      chargeId: 'ch_3AlexShortBalance0001',
      customer: SEED_IDS.alexHome,
      amount: 4000,
      status: 'succeeded',
      created: at(42 * 86400),
      card: { brand: 'visa', last4: '4242' },
      refundsGo: { status: 'refused', code: 'balance_insufficient' },
    },
    {
      ...usd,
      id: SEED_IDS.kenjiYenPayment,
      chargeId: 'ch_3KenjiYenPayment0001',
      customer: SEED_IDS.kenji,
      amount: 5000,
      currency: 'jpy',
      status: 'succeeded',
      created: at(7 * 86400),
      card: { brand: 'jcb', last4: '0005' },
    },
    {
      ...usd,
      id: SEED_IDS.salimDinarPayment,
      chargeId: 'ch_3SalimKwdPayment0001',
      customer: SEED_IDS.salim,
      amount: 12500,
      currency: 'kwd',
      status: 'succeeded',
      created: at(7 * 86400),
      card: { brand: 'mastercard', last4: '4444' },
    },
    {
      ...usd,
      id: SEED_IDS.liveOnlyPayment,
      chargeId: 'ch_3LiveOnlyPayment0001',
      customer: SEED_IDS.liveOnlyCustomer,
      livemode: true,
      amount: 9900,
      currency: 'eur',
      status: 'succeeded',
      created: at(9 * 86400),
      card: visa,
    },
  ];
}

export function seedRefunds(now: number): SeedRefund[] {
  const at = (secondsAgo: number) => Math.floor(now / 1000) - secondsAgo;
  return [
    {
      id: SEED_IDS.jennyEarlierRefund,
      payment: SEED_IDS.jennyPartlyRefundedPayment,
      amount: 2000,
      currency: 'usd',
      status: 'succeeded',
      reason: 'requested_by_customer',
      created: at(4 * 86400),
      metadata: {},
    },
    {
      id: 're_1JennyPaidMarch0001',
      payment: SEED_IDS.jennyInvoicePayment,
      amount: 3000,
      currency: 'usd',
      status: 'succeeded',
      reason: null,
      created: 1_709_900_000,
      // The seeded credit note's refund.
      metadata: {},
    },
    {
      id: SEED_IDS.alexRefundNeedingAction,
      payment: SEED_IDS.alexPendingRefundPayment,
      amount: 5000,
      currency: 'usd',
      status: 'requires_action',
      reason: 'requested_by_customer',
      created: at(2 * 86400),
      metadata: {},
    },
  ];
}

export interface SeedSession {
  id: string;
  livemode: boolean;
  status: 'open' | 'complete' | 'expired';
  payment_status: 'paid' | 'unpaid' | 'no_payment_required';
  amount_total: number;
  currency: string;
  customer: string | null;
  email: string | null;
  created: number;
  expires_at: number;
}

export interface SeedCustomer {
  id: string;
  livemode: boolean;
  name: string | null;
  email: string | null;
  balance: number;
  currency: string | null;
  created: number;
  deleted?: boolean;
}

export function seedSessions(now: number): SeedSession[] {
  const inOneDay = Math.floor(now / 1000) + 24 * 3600;
  const yesterday = Math.floor(now / 1000) - 24 * 3600;
  return [
    {
      id: SEED_IDS.openSession,
      livemode: false,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 4900,
      currency: 'usd',
      customer: SEED_IDS.jenny,
      email: 'jenny.rosen@example.com',
      created: inOneDay - 24 * 3600,
      expires_at: inOneDay,
    },
    {
      id: SEED_IDS.completeSession,
      livemode: false,
      status: 'complete',
      payment_status: 'paid',
      amount_total: 120000,
      currency: 'jpy',
      customer: SEED_IDS.jenny,
      email: 'jenny.rosen@example.com',
      created: yesterday - 24 * 3600,
      expires_at: yesterday,
    },
    {
      id: SEED_IDS.expiredSession,
      livemode: false,
      status: 'expired',
      payment_status: 'unpaid',
      amount_total: 1999,
      currency: 'eur',
      customer: null,
      email: 'sam@example.org',
      created: yesterday - 24 * 3600,
      expires_at: yesterday,
    },
    {
      id: SEED_IDS.liveOpenSession,
      livemode: true,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 25000,
      currency: 'gbp',
      customer: null,
      email: 'live.buyer@example.com',
      created: inOneDay - 24 * 3600,
      expires_at: inOneDay,
    },
    {
      id: SEED_IDS.alexWorkOpenSession,
      livemode: false,
      status: 'open',
      payment_status: 'unpaid',
      amount_total: 15000,
      currency: 'usd',
      customer: SEED_IDS.alexWork,
      email: 'Alex@example.net',
      // Made four hours ago (never in the future), expiring 24 hours after it was made.
      created: Math.floor(now / 1000) - 4 * 3600,
      expires_at: Math.floor(now / 1000) + 20 * 3600,
    },
  ];
}

export function seedCustomers(): SeedCustomer[] {
  return [
    {
      id: SEED_IDS.jenny,
      livemode: false,
      name: 'Jenny Rosen',
      email: 'jenny.rosen@example.com',
      balance: 0,
      currency: 'usd',
      created: 1_700_000_000,
    },
    {
      id: SEED_IDS.deletedCustomer,
      livemode: false,
      name: null,
      email: null,
      balance: 0,
      currency: null,
      created: 1_690_000_000,
      deleted: true,
    },
    {
      id: SEED_IDS.liveOnlyCustomer,
      livemode: true,
      name: 'Live Only Ltd',
      email: 'billing@live-only.example',
      balance: -500,
      currency: 'eur',
      created: 1_695_000_000,
    },
    {
      id: SEED_IDS.alexHome,
      livemode: false,
      name: 'Alex Kim',
      email: 'alex@example.net',
      balance: 0,
      currency: null,
      created: 1_680_000_000,
    },
    {
      id: SEED_IDS.alexWork,
      livemode: false,
      name: 'Alex Kim (Kim Design Ltd)',
      email: 'Alex@example.net',
      balance: -2500,
      currency: 'usd',
      created: 1_712_000_000,
    },
    {
      id: SEED_IDS.kenji,
      livemode: false,
      name: 'Kenji Tanaka',
      email: 'kenji@example.jp',
      balance: 0,
      currency: 'jpy',
      created: 1_702_000_000,
    },
    {
      id: SEED_IDS.salim,
      livemode: false,
      name: 'Salim Al-Sabah',
      email: 'salim@example.kw',
      balance: 0,
      currency: 'kwd',
      created: 1_703_000_000,
    },
  ];
}

/**
 * One seeded object of each kind that the demo ticket shows and the emulator answers for: the
 * registry's meta-test reads it, so a new kind without emulator routes or a demo fixture fails.
 */
export const DEMO_ID_BY_KIND = {
  checkout_session: SEED_IDS.openSession,
  customer: SEED_IDS.jenny,
  customer_email: SEED_EMAILS.alex,
  invoice: SEED_IDS.jennyPaidInvoice,
  credit_note: SEED_IDS.jennyCreditNote,
  payment: SEED_IDS.jennyPartlyRefundedPayment,
  refund: SEED_IDS.jennyEarlierRefund,
  subscription: SEED_IDS.jennySubscription,
} as const satisfies Record<CardKind, string>;
