import type { AccountBase } from '../../kit';
import { failure, success, type Reply } from '../../messaging/reply';
import { explainStripeFailure } from '../../stripe/explain-failure';
import { readSubscription } from './look-up';
import { wrongModeBecause } from './refusals';
import type { SubscriptionView } from './view';

/**
 * The subscription as Stripe has it now, checked before a change: of the key's mode, and not
 * refused by the action's own rule. A refusal sends nothing.
 */
export async function readToAct(
  input: AccountBase,
  refusal: (subscription: SubscriptionView) => string | null,
): Promise<Reply<SubscriptionView>> {
  let view: SubscriptionView;
  try {
    view = (await readSubscription(input.account, input.stripe, input.objectId)).view;
  } catch (error) {
    return { ok: false, error: explainStripeFailure(error) };
  }
  const refused = wrongModeBecause(view, input.account.mode) ?? refusal(view);
  return refused ? failure(refused) : success(view);
}
