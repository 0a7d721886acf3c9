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
        const missing: MissingPermission = {
          permission: permissionNamedIn(error.message) ?? 'unknown permission',
          needFor: probe.needFor,
          dashboard: probe.dashboard,
          required: probe.required,
        };
        return missing;
      }
    }),
  );
  return results.filter((r): r is MissingPermission => r !== null);
}

/** "Customers: Write", as the Dashboard's restricted-key form shows a permission. */
export const dashboardName = (permission: DashboardPermission) =>
  `${permission.resource}: ${permission.access}`;

/** One permission the extension uses, with every job it enables. */
export interface NeededPermission {
  /** "Customers: Write". */
  name: string;
  /** "crediting customer balances", "creating portal links". */
  jobs: string[];
  /** Whether any of those jobs is one the cards always offer (else it only adds to them). */
  required: boolean;
}

/**
 * Every permission the kinds' probes ask for, by the Dashboard's name, with the jobs each
 * enables: Options lists them, so a new kind's permissions appear there with its probes.
 */
export function neededPermissions(probes: readonly PermissionProbe[]): NeededPermission[] {
  const byName = new Map<string, NeededPermission>();
  for (const probe of probes) {
    const name = dashboardName(probe.dashboard);
    const entry = byName.get(name) ?? { name, jobs: [], required: false };
    if (!entry.jobs.includes(probe.needFor)) entry.jobs.push(probe.needFor);
    entry.required ||= probe.required;
    byName.set(name, entry);
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Whether a restricted key can do any job the cards always offer: one missing every
 * required permission can do nothing useful, and is saved with a warning, not a success.
 */
export const canDoAnything = (
  probes: readonly PermissionProbe[],
  missing: readonly MissingPermission[],
) => {
  const lacking = new Set(missing.map((m) => dashboardName(m.dashboard)));
  return probes.some((probe) => probe.required && !lacking.has(dashboardName(probe.dashboard)));
};
