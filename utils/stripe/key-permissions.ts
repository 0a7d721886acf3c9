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
  /** The permission as the Dashboard's restricted-key form names it, e.g. Customers: Write. */
  dashboard: DashboardPermission;
  required: boolean;
  request: (mode: StripeMode) => StripeRequest<unknown>;
}

export interface DashboardPermission {
  resource: string;
  access: 'Read' | 'Write';
}

/** An ID that exists nowhere, for the write probes: Stripe answers 404 when a write is allowed. */
export const PROBE_ID = 'HelpdeskPermissionProbe';
export const probeKey = () => `probe-${crypto.randomUUID()}`;
export const anyAnswer = z.unknown();

/** A read permission, probed by listing one object. */
export const listProbe = (
  needFor: string,
  path: string,
  resource: string,
  required = true,
): PermissionProbe => ({
  needFor,
  dashboard: { resource, access: 'Read' },
  required,
  request: () => ({ method: 'GET', path, params: { limit: 1 }, schema: anyAnswer }),
});

export interface MissingPermission {
  permission: string;
  needFor: string;
  /** The permission as the Dashboard's restricted-key form names it, e.g. Customers: Write. */
  dashboard: DashboardPermission;
  required: boolean;
}

/** Runs every probe at once; the kinds' probes are listed in the object registry. */
export async function findMissingPermissions(
  stripe: StripeClient,
  mode: StripeMode,
  probes: readonly PermissionProbe[],
): Promise<MissingPermission[]> {
  const results = await Promise.all(
    probes.map(async (probe) => {
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
