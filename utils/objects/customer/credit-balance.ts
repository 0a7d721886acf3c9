import type { Guardrails } from '../../guardrails';
import {
  alreadyDoneMessage,
  journalIntent,
  runJournaledPost,
  unresolvedReply,
  failedReply,
  type ActionBase,
} from '../../journal/run-journaled-post';
import { failure, success, type Reply } from '../../messaging/reply';
import { balanceTransactionsPath } from './api';
import { checkCreditRequest } from './credit-request';
import { moneyActionAdmission } from './daily-credits';
import { reconcileCredit } from './reconcile';
import { CustomerBalanceTransaction } from './schema';

export const CREDIT_SOURCE = 'stripe-helpdesk-actions';
const MAX_METADATA_VALUE = 500;

export interface CreditResult {
  transactionId: string;
  amount: number;
  currency: string;
  endingBalance: number;
}

/**
 * Posts a credit to a customer's balance: a negative `amount` in minor units. The metadata
 * says where it came from, so anyone reading it in the Dashboard can trace it to the ticket.
 */
export async function creditCustomerBalanceAction(
  input: ActionBase & {
    amount: string;
    currency: string;
    note: string;
    guardrails: Guardrails;
  },
): Promise<Reply<CreditResult>> {
  const checked = checkCreditRequest(input);
  if (!checked.ok) return failure(checked.reason);
  const params = {
    amount: -checked.minorUnits,
    currency: checked.currency,
    ...(checked.note ? { description: checked.note } : {}),
    metadata: {
      source: CREDIT_SOURCE,
      ticket_url: input.pageUrl.slice(0, MAX_METADATA_VALUE),
      attempt_id: input.attemptId,
    },
  };
  const outcome = await runJournaledPost(
    input.stripe,
    input.journal,
    journalIntent(
      input,
      'credit_customer_balance',
      { method: 'POST', path: balanceTransactionsPath(input.objectId), params },
      { amount: checked.minorUnits, currency: checked.currency },
    ),
    CustomerBalanceTransaction,
    {
      reconcile: reconcileCredit,
      admission: moneyActionAdmission({
        journal: input.journal,
        accountId: input.account.id,
        currency: checked.currency,
        minorUnits: checked.minorUnits,
        guardrails: input.guardrails,
      }),
    },
  );
  if (outcome.kind === 'already-done') return failure(alreadyDoneMessage(outcome.record));
  if (outcome.kind === 'unresolved') return unresolvedReply(outcome.record);
  if (outcome.kind === 'refused') return failure(outcome.reason);
  if (outcome.kind === 'failed') return failedReply(outcome);
  const transaction = outcome.result.data;
  return success({
    transactionId: transaction.id,
    amount: transaction.amount,
    currency: transaction.currency,
    endingBalance: transaction.ending_balance,
  });
}
