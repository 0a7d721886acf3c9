import type { ComponentType } from 'preact';
import type { ViewOf } from '../utils/objects/registry';
import type { StripeObjectKind } from '../utils/stripe-id-grammar';
import { CheckoutSessionPanel } from './CheckoutSessionPanel';
import { CustomerPanel } from './CustomerPanel';

export interface PanelProps<K extends StripeObjectKind> {
  token: string;
  view: ViewOf<K>;
  /** The card reads its object again (after a change that moves what it shows). */
  onChanged: () => void;
}

/** The card's panel for each kind; a kind missing here is a compile error. */
export const OBJECT_PANELS = {
  checkout_session: CheckoutSessionPanel,
  customer: CustomerPanel,
} satisfies { [K in StripeObjectKind]: ComponentType<PanelProps<K>> };
