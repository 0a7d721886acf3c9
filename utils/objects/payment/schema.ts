import { z } from 'zod';

const IdOrObject = z.union([z.string(), z.object({ id: z.string() }).loose()]);

/** Only the fields the extension reads; open (`loose`) to what Stripe adds. */
export const Charge = z
  .object({
    id: z.string(),
    object: z.literal('charge'),
    amount: z.number().int(),
    amount_captured: z.number().int().optional(),
    amount_refunded: z.number().int(),
    captured: z.boolean(),
    /** Stays false after a partial refund: `amount_refunded` says how much. */
    refunded: z.boolean(),
    disputed: z.boolean(),
    status: z.string(),
    currency: z.string(),
    customer: IdOrObject.nullable().optional(),
    payment_intent: IdOrObject.nullable().optional(),
    payment_method_details: z
      .object({
        type: z.string(),
        card: z.object({ brand: z.string(), last4: z.string() }).loose().nullable().optional(),
      })
      .loose()
      .nullable()
      .optional(),
    receipt_url: z.string().nullable().optional(),
    failure_message: z.string().nullable().optional(),
    created: z.number().int(),
    livemode: z.boolean(),
  })
  .loose();
export type Charge = z.infer<typeof Charge>;

export const PaymentIntent = z
  .object({
    id: z.string(),
    object: z.literal('payment_intent'),
    amount: z.number().int(),
    amount_received: z.number().int().optional(),
    currency: z.string(),
    status: z.string(),
    customer: IdOrObject.nullable().optional(),
    latest_charge: z.union([z.string(), Charge]).nullable().optional(),
    description: z.string().nullable().optional(),
    last_payment_error: z
      .object({ message: z.string().nullable().optional() })
      .loose()
      .nullable()
      .optional(),
    created: z.number().int(),
    livemode: z.boolean(),
  })
  .loose();
export type PaymentIntent = z.infer<typeof PaymentIntent>;

export const PaymentIntentList = z
  .object({ object: z.literal('list'), data: z.array(PaymentIntent), has_more: z.boolean() })
  .loose();

export const Dispute = z
  .object({
    id: z.string(),
    object: z.literal('dispute'),
    status: z.string(),
    amount: z.number().int(),
    currency: z.string(),
    reason: z.string().nullable().optional(),
    evidence_details: z
      .object({ due_by: z.number().int().nullable().optional() })
      .loose()
      .nullable()
      .optional(),
    created: z.number().int(),
  })
  .loose();
export type Dispute = z.infer<typeof Dispute>;

export const DisputeList = z
  .object({ object: z.literal('list'), data: z.array(Dispute), has_more: z.boolean() })
  .loose();

/** An invoice payment, as far as naming the invoice a payment paid. */
export const PaidInvoiceList = z
  .object({
    object: z.literal('list'),
    data: z.array(z.object({ id: z.string(), invoice: IdOrObject, status: z.string() }).loose()),
    has_more: z.boolean(),
  })
  .loose();

export const SessionIdList = z
  .object({
    object: z.literal('list'),
    data: z.array(z.object({ id: z.string() }).loose()),
    has_more: z.boolean(),
  })
  .loose();
