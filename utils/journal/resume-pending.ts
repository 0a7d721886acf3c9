import { z } from 'zod';
import type { UsableAccount } from '../storage/account-store';
import type { StripeClient } from '../stripe/client';
import type { ActivityJournal } from './activity-journal';
import { withAttemptLock } from './attempt-lock';
import { readWhetherDone, resendPending } from './journaled-request';
import { isStale, settleFromStripe, type Reconciler } from './stale-attempts';

/**
 * After a service worker restart (or an unlock), actions whose answer never arrived are sent
 * again with the same idempotency key: Stripe replays the first answer if it had acted, or
 * acts once now (a DELETE is read first: see journaled-request.ts). An attempt older than Stripe keeps keys is never sent again: Stripe is read
 * to settle it. Each attempt runs under the same lock as the card's own retry.
 */
export async function resumePendingActions(
  journal: ActivityJournal,
  accountById: (id: string) => Promise<UsableAccount | null>,
  stripeFor: (account: UsableAccount) => StripeClient,
  reconcilerFor: (action: string) => Reconciler | undefined,
): Promise<{ resolved: number; stillPending: number }> {
  let resolved = 0;
  let stillPending = 0;
  for (const listed of await journal.listUnsettled()) {
    const outcome = await withAttemptLock(listed.id, async () => {
      // Read again under the lock: another path may have settled it meanwhile.
      const record = await journal.get(listed.id);
      if (!record || (record.outcome !== 'pending' && record.outcome !== 'unknown'))
        return 'resolved';
      // While the passphrase lock is closed the key cannot be read: try again after unlock.
      const account = await accountById(record.accountId).catch(() => undefined);
      if (account === undefined) return 'pending';
      if (!account) {
        // Stripe may have acted before the account went: that is not known, not a failure.
        await journal.settle(record.id, {
          outcome: 'unknown',
          errorMessage:
            'The account for this action was removed before Stripe confirmed it; check the Dashboard.',
        });
        return 'resolved';
      }
      const stripe = stripeFor(account);
      const reconcile = reconcilerFor(record.action);
      // Stripe is read first: nothing is sent again for what it shows done, and its answer
      // sets Stripe's clock, by which the key's age is measured below.
      if (
        record.outcome === 'pending' &&
        reconcile &&
        (await readWhetherDone(record, stripe, journal, reconcile))
      )
        return 'resolved';
      // A DELETE has no key for Stripe to forget: it is read, then sent again if need be.
      const stale = isStale(record) && record.request.method !== 'DELETE';
      if (record.outcome === 'unknown' || stale) {
        const settled = await settleFromStripe(record, stripe, journal, reconcile);
        return settled.outcome === 'unknown' ? 'pending' : 'resolved';
      }
      const settled = await resendPending(stripe, journal, record, z.unknown());
      return settled.outcome === 'pending' ? 'pending' : 'resolved';
    });
    if (outcome === 'resolved') resolved++;
    else stillPending++;
  }
  return { resolved, stillPending };
}
