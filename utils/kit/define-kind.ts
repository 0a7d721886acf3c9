import type { Reply } from '../messaging/reply';
import type { Reconciler } from '../journal/stale-attempts';
import type { PermissionProbe } from '../stripe/key-permissions';
import type { StripeMode } from '../stripe-id-grammar';
import type { CardRequestHandler } from './card-request';
import type { Found, LookUpInput, NarrowTo } from './look-up';

// Each request's own schema and reply; `any` only so that tables of them can be listed.
// oxlint-disable-next-line typescript/no-explicit-any
type AnyCardRequestHandler = CardRequestHandler<any, any>;

/** What every kind's view has, for the card's frame around its panel. */
export interface CardView {
  mode: StripeMode;
  dashboardUrl: string;
}

/**
 * What the background knows of one kind of Stripe object: how its card's object is read,
 * which card requests belong to it (refused on a card granted for any other kind), and what
 * a restricted key needs for them.
 */
export interface KindDefinition<
  View extends CardView = CardView,
  Requests extends Record<string, AnyCardRequestHandler> = Record<string, AnyCardRequestHandler>,
> {
  /** Reads the card's object, or names the one object its subject stands for. */
  lookUp(input: LookUpInput): Promise<Reply<Found<View> | NarrowTo>>;
  requests: Requests;
  permissions: readonly PermissionProbe[];
  /** For each journal action of this kind: how Stripe shows whether a lost attempt acted. */
  reconcile: Readonly<Record<string, Reconciler>>;
}

/** Keeps each definition's own types, so replies stay typed through the registry. */
export const defineKind = <
  View extends CardView,
  Requests extends Record<string, AnyCardRequestHandler>,
>(
  definition: KindDefinition<View, Requests>,
) => definition;
