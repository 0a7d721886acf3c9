import { z } from 'zod';
import { Settings } from '../settings-store';
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

const Passphrase = z.string().min(1).max(1024);
const SiteOrigin = z.string().regex(/^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/, 'not an https origin');

/** Sent by the content script on a helpdesk page. Cannot reach Stripe. */
export const ContentScriptRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('page.openCard'), objectId: StripeObjectId }),
]);
export type ContentScriptRequest = z.infer<typeof ContentScriptRequest>;

/** Sent only by the extension's own documents: card, popup, options. */
export const ExtensionPageRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('card.describe'), token: CardToken }),
  z.strictObject({ type: z.literal('card.close'), token: CardToken }),
  z.strictObject({
    type: z.literal('card.resize'),
    token: CardToken,
    height: z.number().int().min(40).max(4000),
  }),
  z.strictObject({ type: z.literal('checkoutSession.retrieve'), token: CardToken }),
  z.strictObject({
    type: z.literal('checkoutSession.expire'),
    token: CardToken,
    attemptId: AttemptId,
  }),
  z.strictObject({ type: z.literal('customer.retrieve'), token: CardToken }),
  z.strictObject({
    type: z.literal('customer.credit'),
    token: CardToken,
    attemptId: AttemptId,
    amount: z.string().max(40),
    currency: z.string().max(8),
    note: z.string().max(2000),
  }),
  z.strictObject({
    type: z.literal('customer.portalLink'),
    token: CardToken,
    attemptId: AttemptId,
    flow: z.enum(['none', 'payment_method_update', 'subscription_cancel']),
    subscriptionId: z
      .string()
      .regex(/^sub_[A-Za-z0-9]{1,250}$/)
      .optional(),
  }),
  z.strictObject({ type: z.literal('vault.state') }),
  z.strictObject({ type: z.literal('vault.enable'), passphrase: Passphrase }),
  z.strictObject({ type: z.literal('vault.unlock'), passphrase: Passphrase }),
  z.strictObject({ type: z.literal('vault.lock') }),
  z.strictObject({ type: z.literal('vault.disable'), passphrase: Passphrase }),
  z.strictObject({ type: z.literal('settings.get') }),
  z.strictObject({ type: z.literal('sites.list') }),
  z.strictObject({ type: z.literal('options.open') }),
  z.strictObject({ type: z.literal('sites.enable'), origin: SiteOrigin }),
  z.strictObject({ type: z.literal('sites.disable'), origin: SiteOrigin }),
  z.strictObject({ type: z.literal('sites.startOnTab'), tabId: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('popup.openCard'), objectId: StripeObjectId }),
  z.strictObject({ type: z.literal('settings.save'), settings: Settings }),
  z.strictObject({ type: z.literal('accounts.list') }),
  z.strictObject({
    type: z.literal('accounts.save'),
    apiKey: z.string().max(512),
    label: z.string().max(80).optional(),
  }),
  z.strictObject({ type: z.literal('accounts.remove'), accountId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('accounts.setActive'), accountId: z.string().min(1).max(64) }),
  z.strictObject({ type: z.literal('journal.recent'), limit: z.number().int().min(1).max(10_000) }),
]);
export type ExtensionPageRequest = z.infer<typeof ExtensionPageRequest>;

/** Sent by the background to a content script. */
export type BackgroundToContentMessage =
  | { type: 'content.closeCard' }
  | { type: 'content.resizeCard'; height: number }
  | { type: 'content.navigate'; direction: 1 | -1 }
  | { type: 'content.openSelected' }
  /** The agent disabled the site: the content script stops in open tabs, marks and all. */
  | { type: 'content.stop' };
