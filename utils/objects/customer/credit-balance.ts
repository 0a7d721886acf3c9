import { attemptMetadata, runAttempt, type ActionBase } from '../../kit';
import { failure, success, type Reply } from '../../messaging/reply';
import { balanceTransactionsPath } from './api';
import { checkCreditRequest } from './credit-request';
import { reconcileCredit } from './reconcile';
import { CustomerBalanceTransaction } from './schema';

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
export function creditCustomerBalanceAction(
  input: ActionBase & { amount: string; currency: string; note: string },
): Promise<Reply<CreditResult>> {
  const checked = checkCreditRequest(input);
  if (!checked.ok) return Promise.resolve(failure(checked.reason));
  return runAttempt(input, {
    action: 'credit_customer_balance',
    request: {
      method: 'POST',
      path: balanceTransactionsPath(input.objectId),
      params: {
        amount: -checked.minorUnits,
        currency: checked.currency,
        ...(checked.note ? { description: checked.note } : {}),
        metadata: attemptMetadata(input),
      },
    },
    money: { minorUnits: checked.minorUnits, currency: checked.currency },
    schema: CustomerBalanceTransaction,
    reconcile: reconcileCredit,
    done: ({ data: transaction }) =>
      success({
        transactionId: transaction.id,
        amount: transaction.amount,
        currency: transaction.currency,
        endingBalance: transaction.ending_balance,
      }),
  });
}
