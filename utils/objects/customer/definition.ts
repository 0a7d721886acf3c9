import { z } from 'zod';
import { dailyCreditUse } from '../../guardrails/daily-total';
import { AttemptId, CardToken, cardRequest, defineKind } from '../../kit';
import { failure, REFUSED, success } from '../../messaging/reply';
import { settingsInForce } from '../../policy/settings-in-force';
import { parseStripeId } from '../../stripe-id-grammar';
import { expireCheckoutSessionAction } from '../checkout-session/expire';
import { creditCustomerBalanceAction } from './credit-balance';
import { lookUpCustomer } from './look-up';
import { CUSTOMER_PERMISSIONS } from './permissions';
import { createPortalLinkAction, PORTAL_FLOWS } from './portal-link';
import { reconcileCredit, reconcilePortalLink } from './reconcile';

/** The background's customer: its look-up, the card requests it owns, its permissions. */
export const customerDefinition = defineKind({
  lookUp: lookUpCustomer,
  requests: {
    'customer.credit': cardRequest(
      z.strictObject({
        type: z.literal('customer.credit'),
        token: CardToken,
        attemptId: AttemptId,
        amount: z.string().max(40),
        currency: z.string().max(8),
        note: z.string().max(2000),
      }),
      (request, card) =>
        card.actOnce(request.attemptId, (base) =>
          creditCustomerBalanceAction({
            ...base,
            amount: request.amount,
            currency: request.currency,
            note: request.note,
          }),
        ),
    ),
    /** What the granted account has credited today in a currency: the review shows it. */
    'customer.dailyCredits': cardRequest(
      z.strictObject({
        type: z.literal('customer.dailyCredits'),
        token: CardToken,
        currency: z.string().regex(/^[a-z]{3}$/),
      }),
      (request, card) =>
        card.read(async ({ journal, account, guardrails }) =>
          success(
            await dailyCreditUse({
              journal,
              accountId: account.id,
              currency: request.currency,
              guardrails,
            }),
          ),
        ),
    ),
    'customer.portalLink': cardRequest(
      z.strictObject({
        type: z.literal('customer.portalLink'),
        token: CardToken,
        attemptId: AttemptId,
        flow: z.enum(PORTAL_FLOWS),
        subscriptionId: z
          .string()
          .regex(/^sub_[A-Za-z0-9]{1,250}$/)
          .optional(),
      }),
      async (request, card) => {
        const { portalReturnUrl, portalConfigurationId } = await settingsInForce();
        return card.actOnce(request.attemptId, (base) =>
          createPortalLinkAction({
            ...base,
            flow: request.flow,
            subscriptionId: request.subscriptionId,
            returnUrl: portalReturnUrl,
            configurationId: portalConfigurationId,
          }),
        );
      },
    ),
    /**
     * Expires one of the open sessions the card listed as this customer's. Any other session
     * is refused: the card acts on what Stripe said is its customer's, never on an ID of its
     * own choosing.
     */
    'customer.expireSession': cardRequest(
      z.strictObject({
        type: z.literal('customer.expireSession'),
        token: CardToken,
        attemptId: AttemptId,
        sessionId: z.string().refine((id) => parseStripeId(id)?.kind === 'checkout_session'),
      }),
      async (request, card) => {
        if (!card.grant.reachable?.includes(request.sessionId)) return failure(REFUSED);
        return card.actOnce(request.attemptId, (base) =>
          // A session's ID carries its mode: never sent with a key of the other.
          parseStripeId(request.sessionId)?.mode !== base.account.mode
            ? Promise.resolve(failure(REFUSED))
            : expireCheckoutSessionAction({ ...base, objectId: request.sessionId }),
        );
      },
    ),
  },
  permissions: CUSTOMER_PERMISSIONS,
  reconcile: {
    credit_customer_balance: reconcileCredit,
    create_portal_link: reconcilePortalLink,
  },
});
