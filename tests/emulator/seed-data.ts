import type { StripeObjectKind } from '../../utils/stripe-id-grammar';
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
} as const;

const pad = (stem: string, length: number) => (stem + '0'.repeat(length)).slice(0, length);

export const SEED_IDS = {
  openSession: `cs_test_${pad('a1OpenSessionForJennyRosenB2c3D4e5F6g7H8', 58)}`,
  completeSession: `cs_test_${pad('b1CompleteSessionPaidK9l8M7n6', 58)}`,
  expiredSession: `cs_test_${pad('c1ExpiredSessionQ1w2E3r4', 58)}`,
  liveOpenSession: `cs_live_${pad('d1LiveOpenSessionZ9x8C7v6', 58)}`,
  jenny: 'cus_PzJennyRosen01',
  deletedCustomer: 'cus_QaDeletedCust1',
  liveOnlyCustomer: 'cus_RbLiveOnlyCus01',
  jennySubscription: 'sub_1JennyProMonthly',
} as const;

export interface SeedSubscription {
  id: string;
  customer: string;
  livemode: boolean;
  status: 'active' | 'trialing' | 'canceled';
  nickname: string;
}

export function seedSubscriptions(): SeedSubscription[] {
  return [
    {
      id: SEED_IDS.jennySubscription,
      customer: SEED_IDS.jenny,
      livemode: false,
      status: 'active',
      nickname: 'Pro monthly',
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
  expires_at: number;
}

export interface SeedCustomer {
  id: string;
  livemode: boolean;
  name: string | null;
  email: string | null;
  balance: number;
  currency: string | null;
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
      expires_at: inOneDay,
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
    },
    {
      id: SEED_IDS.deletedCustomer,
      livemode: false,
      name: null,
      email: null,
      balance: 0,
      currency: null,
      deleted: true,
    },
    {
      id: SEED_IDS.liveOnlyCustomer,
      livemode: true,
      name: 'Live Only Ltd',
      email: 'billing@live-only.example',
      balance: -500,
      currency: 'eur',
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
} as const satisfies Record<StripeObjectKind, string>;
