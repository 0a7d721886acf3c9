import { z } from 'zod';
import type { StripeMode } from '../stripe-id-grammar';
import type { StripeClient, StripeRequest } from './client';
import { permissionNamedIn, StripeApiError } from './stripe-error';

/**
 * What a restricted key may do, found the only way Stripe allows: by asking. Reads list one
 * object; writes target an object that does not exist, so Stripe answers 404 when the key may
 * write and 403 (naming the permission) when it may not. Nothing is changed either way.
 */
export interface PermissionProbe {
  /** What the agent loses without it. */
  needFor: string;
  required: boolean;
  request: (mode: StripeMode) => StripeRequest<unknown>;
}

const PROBE_ID = 'HelpdeskPermissionProbe';
const anything = z.unknown();
const probeKey = () => `probe-${crypto.randomUUID()}`;

export const PERMISSION_PROBES: PermissionProbe[] = [
  {
    needFor: 'reading Checkout Sessions',
    required: true,
    request: () => ({
      method: 'GET',
      path: '/v1/checkout/sessions',
      params: { limit: 1 },
      schema: anything,
    }),
  },
  {
    needFor: 'expiring Checkout Sessions',
    required: true,
    request: (mode) => ({
      method: 'POST',
      path: `/v1/checkout/sessions/cs_${mode}_${PROBE_ID}/expire`,
      idempotencyKey: probeKey(),
      schema: anything,
    }),
  },
  {
    needFor: 'reading customers',
    required: true,
    request: () => ({
      method: 'GET',
      path: '/v1/customers',
      params: { limit: 1 },
      schema: anything,
    }),
  },
  {
    needFor: 'crediting customer balances',
    required: true,
    request: () => ({
      method: 'POST',
      path: `/v1/customers/cus_${PROBE_ID}/balance_transactions`,
      params: { amount: -1, currency: 'usd' },
      idempotencyKey: probeKey(),
      schema: anything,
    }),
  },
  {
    needFor: 'creating portal links',
    required: true,
    request: () => ({
      method: 'POST',
      path: '/v1/billing_portal/sessions',
      params: { customer: `cus_${PROBE_ID}` },
      idempotencyKey: probeKey(),
      schema: anything,
    }),
  },
  {
    needFor: 'offering the cancel-subscription portal link',
    required: false,
    request: () => ({
      method: 'GET',
      path: '/v1/subscriptions',
      params: { limit: 1 },
      schema: anything,
    }),
  },
];

export interface MissingPermission {
  permission: string;
  needFor: string;
  required: boolean;
}

export async function findMissingPermissions(
  stripe: StripeClient,
  mode: StripeMode,
): Promise<MissingPermission[]> {
  const results = await Promise.all(
    PERMISSION_PROBES.map(async (probe) => {
      try {
        await stripe(probe.request(mode));
        return null;
      } catch (error) {
        if (!(error instanceof StripeApiError) || error.status !== 403) return null; // 404/400: allowed.
        return {
          permission: permissionNamedIn(error.message) ?? 'unknown permission',
          needFor: probe.needFor,
          required: probe.required,
        };
      }
    }),
  );
  return results.filter((r): r is MissingPermission => r !== null);
}
