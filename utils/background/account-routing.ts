import { failure, type Reply } from '../messaging/reply';
import { accountById, accountForMode, type UsableAccount } from '../storage/account-store';
import { policyRefusesKey } from '../policy/account-policy';
import { parseCardSubject } from '../card-subject';
import type { CardGrant } from '../kit/card-grant';

/**
 * The account a granted object is read and acted on with: the one it was found with, else
 * the one of the mode its ID carries, else the active one. Never a key of the other mode.
 */
export async function accountForGrant(grant: CardGrant): Promise<UsableAccount | Reply<never>> {
  const mode = parseCardSubject(grant.objectId)?.mode ?? null;
  // A customer found in another account than the active one stays with that account.
  const remembered = grant.accountId ? await accountById(grant.accountId) : null;
  const account = remembered ?? (await accountForMode(mode));
  if (account) {
    const refused = await policyRefusesKey(account.mode);
    return refused ? failure(refused, { fixInOptions: true }) : account;
  }
  if (mode === 'live')
    return failure(
      'No live-mode API key is saved, so nothing was sent. Add a live key in Options to act on live objects.',
      { fixInOptions: true },
    );
  if (mode === 'test')
    return failure(
      'No test-mode API key is saved, so nothing was sent. Add a test key in Options.',
      { fixInOptions: true },
    );
  return failure('No API key is saved yet. Add one in Options.', { fixInOptions: true });
}

/**
 * An account for resuming an action, or a rejection while the organisation's policy forbids
 * its key: the action then stays pending rather than being sent or given up.
 */
export async function resumableAccountById(id: string): Promise<UsableAccount | null> {
  const account = await accountById(id);
  if (account && (await policyRefusesKey(account.mode)))
    throw new Error('The organisation does not allow this key now.');
  return account;
}
