import type { Reconciler } from '../journal/stale-attempts';
import type { CardKind } from '../card-subject';
import { checkoutSessionDefinition } from './checkout-session/definition';
import { creditNoteDefinition } from './credit-note/definition';
import { customerDefinition } from './customer/definition';
import { customerEmailDefinition } from './customer-email/definition';
import { invoiceDefinition } from './invoice/definition';
import { paymentDefinition } from './payment/definition';
import { refundDefinition } from './refund/definition';
import { subscriptionDefinition } from './subscription/definition';
import type { KindDefinition } from '../kit';

/**
 * The background's registry: one line per kind of Stripe object. The router, the card's
 * look-up, the journal's actions and a key's permission probes all read it; a kind missing
 * here is a compile error, and a kind not here is refused at run time.
 *
 * The card's panels (`components/card/object-panels.ts`) and the plain facts every page reads
 * (`kind-facts.ts`) are registries of their own, keyed the same way, so that no bundle
 * carries another's code: the card draws no Stripe client, the background no Preact.
 */
export const OBJECT_REGISTRY = {
  checkout_session: checkoutSessionDefinition,
  customer: customerDefinition,
  customer_email: customerEmailDefinition,
  invoice: invoiceDefinition,
  credit_note: creditNoteDefinition,
  payment: paymentDefinition,
  refund: refundDefinition,
  subscription: subscriptionDefinition,
} satisfies Record<CardKind, KindDefinition>;

export type ObjectRegistry = typeof OBJECT_REGISTRY;

/** Each kind once, in the registry's order. */
export const CARD_KINDS = Object.keys(OBJECT_REGISTRY) as CardKind[];

/** What a kind's card shows, as its look-up finds it. */
export type ViewOf<K extends CardKind> =
  Awaited<ReturnType<ObjectRegistry[K]['lookUp']>> extends infer R
    ? R extends { ok: true; value: infer F }
      ? F extends { view: infer V }
        ? V
        : never
      : never
    : never;

/** The registry's entry for a kind, or null for anything else (an unknown or stale kind). */
export function definitionOf(kind: string): KindDefinition | null {
  return Object.hasOwn(OBJECT_REGISTRY, kind)
    ? (OBJECT_REGISTRY as Record<string, KindDefinition>)[kind]!
    : null;
}

/** How Stripe shows whether a lost attempt of a journal action acted, by the action's name. */
export function reconcilerFor(action: string): Reconciler | undefined {
  for (const definition of Object.values(OBJECT_REGISTRY))
    if (Object.hasOwn(definition.reconcile, action))
      return (definition.reconcile as Record<string, Reconciler>)[action];
  return undefined;
}

export const ALL_PERMISSION_PROBES = Object.values(OBJECT_REGISTRY).flatMap(
  (definition) => definition.permissions,
);
