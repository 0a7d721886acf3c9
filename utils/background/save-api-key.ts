import { LIVE_KEYS_NOT_ALLOWED, policyRefusesKey } from '../policy/account-policy';
import { saveAccount, type AccountSummary } from '../storage/account-store';
import { checkApiKey } from '../api-keys';
import { failure, success, type Reply } from '../messaging/reply';
import type { StripeClient, StripeClientOptions } from '../stripe/client';
import { explainStripeFailure } from '../stripe/explain-failure';
import { ALL_PERMISSION_PROBES } from '../objects/registry';
import { canDoAnything, dashboardName, findMissingPermissions } from '../stripe/key-permissions';
import { StripeAccount } from '../stripe/schemas';
import { StripeApiError } from '../stripe/stripe-error';

export interface SavedKeyReport {
  account: AccountSummary;
  /** Set when Stripe accepted the key but it cannot do everything the card offers. */
  warning: string | null;
  /**
   * A restricted key that lacks every permission the cards always need: it was saved (the
   * agent may be fixing it in the Dashboard), but Options says so as a warning, not a success.
   */
  usable: boolean;
}

/**
 * Checks a pasted key, proves it against Stripe (reading the account it belongs to), and for
 * a restricted key finds which of the needed permissions it lacks. Refused keys are never
 * stored.
 */
export async function saveApiKeyAction(
  pastedKey: string,
  label: string | null,
  clientFor: (options: Pick<StripeClientOptions, 'apiKey'>) => StripeClient,
): Promise<Reply<SavedKeyReport>> {
  const checked = checkApiKey(pastedKey);
  if (!checked.ok) return failure(checked.reason);
  // Before anything is sent or stored: a key the organisation forbids never reaches Stripe.
  const refused = await policyRefusesKey(checked.mode);
  if (refused === LIVE_KEYS_NOT_ALLOWED)
    return failure(
      'Your organisation does not allow live-mode keys in this extension, so this key was not saved. Use a test-mode key (sk_test_ or rk_test_).',
    );
  if (refused)
    return failure(
      'Your organisation requires the passphrase lock: turn it on below (Passphrase lock) first, then save the key. It was not saved.',
    );
  const stripe = clientFor({ apiKey: checked.key });
  let stripeAccountId: string | null = null;
  let businessName: string | null = null;
  try {
    const { data } = await stripe({ method: 'GET', path: '/v1/account', schema: StripeAccount });
    stripeAccountId = data.id;
    businessName = data.settings?.dashboard?.display_name ?? data.business_profile?.name ?? null;
  } catch (error) {
    const explained = explainStripeFailure(error);
    if (error instanceof StripeApiError && error.status === 401)
      return failure(
        'Stripe did not accept this key. Check that it was copied whole and has not been rolled or deleted.',
        { requestId: explained.requestId },
      );
    // A 403 proves the key is real; it only may not read the account. Anything else stops here.
    if (!(error instanceof StripeApiError && error.status === 403))
      return { ok: false, error: explained };
  }
  const missing =
    checked.kind === 'restricted'
      ? await findMissingPermissions(stripe, checked.mode, ALL_PERMISSION_PROBES)
      : [];
  const account = await saveAccount({
    apiKey: checked.key,
    keyKind: checked.kind,
    mode: checked.mode,
    label,
    stripeAccountId,
    businessName,
    // The Dashboard's names, which the agent finds on the key's form (never Stripe's rak_…).
    missingPermissions: [...new Set(missing.map((m) => dashboardName(m.dashboard)))],
  });
  const usable = canDoAnything(ALL_PERMISSION_PROBES, missing);
  const lacks = missing
    .map((m) => `${dashboardName(m.dashboard)} (${m.needFor}${m.required ? '' : ', optional'})`)
    .join('; ');
  const warning = !missing.length
    ? null
    : usable
      ? `This restricted key lacks ${lacks}. Add them to the key in the Stripe Dashboard (Developers → API keys → edit the key).`
      : `This key can do nothing the cards offer: it lacks ${lacks}. Edit the key in the Stripe Dashboard (Developers → API keys) to grant them, then save it again.`;
  return success({ account, warning, usable });
}
