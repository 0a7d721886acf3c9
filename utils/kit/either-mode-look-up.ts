import type { Found, LookUpInput } from './look-up';
import { success, type Reply } from '../messaging/reply';
import { policyRefusesKey } from '../policy/account-policy';
import { otherAccountOfMode, type UsableAccount } from '../storage/account-store';
import type { StripeClient } from '../stripe/client';
import { explainStripeFailure } from '../stripe/explain-failure';
import { otherModeNamedIn, StripeApiError } from '../stripe/stripe-error';

/**
 * For an ID that carries no mode (`cus_`, `in_`): read with the grant's account first; when
 * Stripe says the object exists in the other mode and a key for that mode is saved (and the
 * organisation allows it), read there, and the card says so.
 */
export async function lookUpInEitherMode<View>(
  { account, clientFor }: LookUpInput,
  read: (
    account: UsableAccount,
    stripe: StripeClient,
    foundInOtherMode: boolean,
  ) => Promise<Found<View>>,
): Promise<Reply<Found<View>>> {
  try {
    return success(await read(account, clientFor(account), false));
  } catch (error) {
    const otherMode = error instanceof StripeApiError ? otherModeNamedIn(error.message) : undefined;
    const other = otherMode ? await otherAccountOfMode(otherMode, account.id) : null;
    if (other && !(await policyRefusesKey(other.mode))) {
      try {
        return success(await read(other, clientFor(other), true));
      } catch (retryError) {
        return { ok: false, error: explainStripeFailure(retryError) };
      }
    }
    return { ok: false, error: explainStripeFailure(error) };
  }
}
