import { z } from 'zod';
import { CardToken, cardRequest, defineKind, isReply } from '../../kit';
import { failure, REFUSED, success } from '../../messaging/reply';
import { policyRefusesKey } from '../../policy/account-policy';
import { parseStripeId } from '../../stripe-id-grammar';
import { lookUpCustomersByEmail, oppositeMode, otherModeAccount } from './look-up';

const CustomerId = z.string().refine((id) => parseStripeId(id)?.kind === 'customer');

/**
 * The background's card for an email address: the customers with it. It changes nothing in
 * Stripe; its requests only turn it into one customer's card, or search the other mode.
 */
export const customerEmailDefinition = defineKind({
  lookUp: lookUpCustomersByEmail,
  requests: {
    /** The agent picked one of the customers listed: the card becomes that customer's. */
    'customerEmail.open': cardRequest(
      z.strictObject({
        type: z.literal('customerEmail.open'),
        token: CardToken,
        customerId: CustomerId,
      }),
      async (request, card) =>
        (await card.narrowTo(request.customerId)) ? success(null) : failure(REFUSED),
    ),
    /**
     * None found, and the agent asked to search with the saved key of the other mode: the
     * card's next look-up is made there. Only ever on this click, never on its own.
     */
    'customerEmail.searchOtherMode': cardRequest(
      z.strictObject({ type: z.literal('customerEmail.searchOtherMode'), token: CardToken }),
      async (_request, card) => {
        const current = await card.account();
        if (isReply(current)) return current;
        const other = await otherModeAccount(current);
        if (!other) {
          const mode = oppositeMode(current.mode);
          return failure(
            (await policyRefusesKey(mode)) ??
              `No ${mode}-mode API key is saved, so there is nothing to search with.`,
            { fixInOptions: true },
          );
        }
        await card.lookUpWith(other.id);
        return success(null);
      },
    ),
  },
  // Listing customers is probed for the customer card already.
  permissions: [],
  reconcile: {},
});
