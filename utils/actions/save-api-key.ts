import { saveAccount, type AccountSummary } from '../account-store';
import { checkApiKey } from '../api-keys';
import { failure, success, type Reply } from '../messaging/reply';
import type { StripeClientOptions, StripeClient } from '../stripe/client';
import { explainStripeFailure } from '../stripe/explain-failure';
import { AnyList } from '../stripe/schemas';
import { StripeApiError } from '../stripe/stripe-error';

export interface SavedKeyReport {
  account: AccountSummary;
  /** Set when Stripe accepted the key but it cannot yet do everything the card offers. */
  warning: string | null;
}

/**
 * Checks a pasted key, then proves it against Stripe with a cheap authenticated read before
 * storing it. Refused keys are never stored.
 */
export async function saveApiKeyAction(
  pastedKey: string,
  clientFor: (options: Pick<StripeClientOptions, 'apiKey'>) => StripeClient,
): Promise<Reply<SavedKeyReport>> {
  const checked = checkApiKey(pastedKey);
  if (!checked.ok) return failure(checked.reason);
  let warning: string | null = null;
  try {
    await clientFor({ apiKey: checked.key })({
      method: 'GET',
      path: '/v1/checkout/sessions',
      params: { limit: 1 },
      schema: AnyList,
    });
  } catch (error) {
    const explained = explainStripeFailure(error);
    // A restricted key may lack one permission yet be right for the rest: keep it and say so.
    if (error instanceof StripeApiError && error.status === 403 && checked.kind === 'restricted') {
      warning = explained.message;
    } else if (error instanceof StripeApiError && error.status === 401) {
      return failure(
        'Stripe did not accept this key. Check that it was copied whole and has not been rolled or deleted.',
        { requestId: explained.requestId },
      );
    } else {
      return { ok: false, error: explained };
    }
  }
  const account = await saveAccount({
    apiKey: checked.key,
    keyKind: checked.kind,
    mode: checked.mode,
  });
  return success({ account, warning });
}
