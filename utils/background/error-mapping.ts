import { JournalConflictError } from '../journal/activity-journal';
import { failure, type Reply } from '../messaging/reply';
import { StoredAccountsUnreadableError } from '../storage/account-store';
import { VaultIntegrityError } from '../storage/vault-crypto';
import { VaultLockedError, VaultPassphraseError } from '../storage/vault-store';

/**
 * A thrown error as the agent may read it. The lock's own errors are sentences for the
 * agent; anything else is rethrown, so its text (which may name internals) never reaches a page.
 */
export function replyForThrown(error: unknown): Reply<never> {
  if (error instanceof VaultPassphraseError) return failure(error.message);
  // An attempt reused for other parameters: nothing was sent; the card starts a new review.
  if (error instanceof JournalConflictError)
    return failure(
      'This confirmation belongs to a different request, so nothing was sent. Review it again.',
    );
  if (error instanceof VaultLockedError || error instanceof StoredAccountsUnreadableError)
    return failure(error.message, { fixInOptions: true });
  if (error instanceof VaultIntegrityError)
    return failure(
      'The saved keys could not be opened: they may have been changed. Remove and re-add them in Options.',
      { fixInOptions: true },
    );
  throw error;
}
