import type { ComponentType } from 'preact';
import type { CardKind } from '../../utils/card-subject';
import { CheckoutSessionPanel } from '../objects/checkout-session/CheckoutSessionPanel';
import { CreditNotePanel } from '../objects/credit-note/CreditNotePanel';
import { CustomerPanel } from '../objects/customer/CustomerPanel';
import { CustomerEmailPanel } from '../objects/customer-email/CustomerEmailPanel';
import { InvoicePanel } from '../objects/invoice/InvoicePanel';
import { PaymentPanel } from '../objects/payment/PaymentPanel';
import { RefundPanel } from '../objects/refund/RefundPanel';
import { SubscriptionPanel } from '../objects/subscription/SubscriptionPanel';
import type { PanelProps } from './panel-props';

/** The card's panel for each kind; a kind missing here is a compile error. */
export const OBJECT_PANELS = {
  checkout_session: CheckoutSessionPanel,
  customer: CustomerPanel,
  customer_email: CustomerEmailPanel,
  invoice: InvoicePanel,
  credit_note: CreditNotePanel,
  payment: PaymentPanel,
  refund: RefundPanel,
  subscription: SubscriptionPanel,
} satisfies { [K in CardKind]: ComponentType<PanelProps<K>> };
