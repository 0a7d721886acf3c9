import { z } from 'zod';
import { MAX_STRIPE_ID_LENGTH, parseStripeId } from '../stripe-id-grammar';

/**
 * Every message the background accepts, one strict schema per type. Extra fields, unknown
 * types and malformed values are refused before any handler runs.
 */
const CardToken = z.string().regex(/^[A-Za-z0-9_-]{22,64}$/, 'not a card token');
const AttemptId = z.uuid();
const StripeObjectId = z
  .string()
  .max(MAX_STRIPE_ID_LENGTH)
  .refine((id) => parseStripeId(id) !== null, 'not a supported Stripe ID');

/** Sent by the content script on a helpdesk page. Cannot reach Stripe. */
export const ContentScriptRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page.openCard'), objectId: StripeObjectId }),
]);
export type ContentScriptRequest = z.infer<typeof ContentScriptRequest>;

/** Sent only by the extension's own documents: card, popup, options. */
export const ExtensionPageRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('card.describe'), token: CardToken }),
  z.strictObject({ type: z.literal('card.close'), token: CardToken }),
  z.strictObject({ type: z.literal('checkoutSession.retrieve'), token: CardToken }),
  z.strictObject({
    type: z.literal('checkoutSession.expire'),
    token: CardToken,
    attemptId: AttemptId,
  }),
  z.strictObject({ type: z.literal('accounts.list') }),
  z.strictObject({ type: z.literal('accounts.save'), apiKey: z.string().max(512) }),
  z.strictObject({ type: z.literal('accounts.remove'), accountId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('journal.recent'), limit: z.number().int().min(1).max(500) }),
]);
export type ExtensionPageRequest = z.infer<typeof ExtensionPageRequest>;

/** Sent by the background to a content script. */
export type BackgroundToContentMessage = { type: 'content.closeCard' };
