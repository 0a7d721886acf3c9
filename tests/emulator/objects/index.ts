import type { SeedContext } from '../route-kit';
import { emulatedCheckoutSession } from './checkout-session';
import { emulatedCreditNote } from './credit-note';
import { emulatedCustomer } from './customer';
import { emulatedCustomerEmail } from './customer-email';
import { emulatedInvoice } from './invoice';
import { emulatedPayment } from './payment';
import { emulatedRefund } from './refund';
import { emulatedSubscription } from './subscription';

/**
 * The Stripe objects the emulator serves, one line each: the server routes to their routes
 * and, on every reset, seeds their parts of the account.
 */
export const EMULATED_OBJECTS = [
  emulatedCheckoutSession,
  emulatedCustomer,
  emulatedCustomerEmail,
  emulatedInvoice,
  emulatedCreditNote,
  emulatedPayment,
  emulatedRefund,
  emulatedSubscription,
] as const;

type PartOf<Emulated> = Emulated extends { seed?(context: SeedContext): infer Own } ? Own : never;

type AllOf<Union> = (Union extends unknown ? (part: Union) => void : never) extends (
  all: infer All,
) => void
  ? All
  : never;

/**
 * The emulated account: every object's part of it at once, so that a new object's part needs no
 * line here, and so that one object's routes reach another's (a credit note moves its
 * customer's balance).
 */
export type EmulatorState = AllOf<PartOf<(typeof EMULATED_OBJECTS)[number]>>;
