import type { Found, LookUpInput } from '../../kit';
import { success, type Reply } from '../../messaging/reply';
import type { UsableAccount } from '../../storage/account-store';
import type { StripeClient } from '../../stripe/client';
import { explainStripeFailure } from '../../stripe/explain-failure';
import { retrieveCheckoutSession } from './api';
import { toCheckoutSessionView, type CheckoutSessionView } from './view';

/** A session's ID carries its mode, so it is read with the account of that mode only. */
export async function lookUpCheckoutSession({
  account,
  clientFor,
  objectId,
}: LookUpInput): Promise<Reply<Found<CheckoutSessionView>>> {
  const read = await readCheckoutSession(clientFor(account), account, objectId);
  if (!read.ok) return read;
  const view = read.value;
  // The card may open what the session made and its customer, and nothing else.
  const reachable = [view.paymentIntentId, view.invoiceId, view.customerId].filter(
    (id): id is string => id !== null,
  );
  return success({ view, account, reachable });
}

export async function readCheckoutSession(
  stripe: StripeClient,
  account: UsableAccount,
  sessionId: string,
): Promise<Reply<CheckoutSessionView>> {
  try {
    const result = await retrieveCheckoutSession(stripe, sessionId);
    return success(toCheckoutSessionView(result.data, account.label));
  } catch (error) {
    return { ok: false, error: explainStripeFailure(error) };
  }
}
