import { z } from 'zod';
import type { ActivityJournal } from './activity-journal';
import type { UsableAccount } from '../storage/account-store';
import type { StripeClient } from '../stripe/client';
import { explainStripeFailure } from '../stripe/explain-failure';
import { StripeConnectionError } from '../stripe/stripe-error';

/**
 * After a service worker restart, actions whose answer never arrived are sent again with the
 * same idempotency key: Stripe replays the first answer if it had acted, or acts once now.
 */
export async function resumePendingActions(
  journal: ActivityJournal,
  accountById: (id: string) => Promise<UsableAccount | null>,
  stripeFor: (account: UsableAccount) => StripeClient,
): Promise<{ resolved: number; stillPending: number }> {
  let resolved = 0;
  let stillPending = 0;
  for (const record of await journal.listPending()) {
    // While the passphrase lock is closed the key cannot be read: try again after unlock.
    const account = await accountById(record.accountId).catch(() => undefined);
    if (account === undefined) {
      stillPending++;
      continue;
    }
    if (!account) {
      await journal.settle(record.id, {
        outcome: 'failed',
        errorMessage: 'The account for this action was removed before Stripe confirmed it.',
      });
      resolved++;
      continue;
    }
    try {
      const result = await stripeFor(account)({
        method: 'POST',
        path: record.request.path,
        params: record.request.params,
        idempotencyKey: record.idempotencyKey,
        schema: z.unknown(),
      });
      await journal.settle(record.id, { outcome: 'succeeded', requestId: result.requestId });
      resolved++;
    } catch (error) {
      if (error instanceof StripeConnectionError) {
        stillPending++;
        continue;
      }
      const explained = explainStripeFailure(error);
      await journal.settle(record.id, {
        outcome: 'failed',
        requestId: explained.requestId,
        errorMessage: explained.message,
      });
      resolved++;
    }
  }
  return { resolved, stillPending };
}
