import { formatMinorUnits } from '../../currency-units';
import type { ReviewLine } from '../../review-lines';
import { describeBalance } from './view';

/**
 * A balance before and after, in the card's words: "Credit $10.50 → Credit $21.00",
 * "Owes $4.00 → Credit $6.50". Never a bare sign, which reads both ways.
 */
export const balanceChange = (before: number, after: number, currency: string | null): string =>
  `${describeBalance(before, currency)} → ${describeBalance(after, currency)}`;

/** Everything a balance credit sends, and what it does to the balance. */
export function creditReviewLines(input: {
  /** The customer as the card names them. */
  who: string;
  /** The customer's balance now, Stripe's sign, in `balanceCurrency`. */
  balance: number;
  /** The balance's currency; null when the customer has none yet. */
  balanceCurrency: string | null;
  minorUnits: number;
  currency: string;
  note: string;
}): ReviewLine[] {
  const credited = formatMinorUnits(input.minorUnits, input.currency);
  const sameCurrency = !input.balanceCurrency || input.balanceCurrency === input.currency;
  const code = input.currency.toUpperCase();
  return [
    { label: 'Credit', value: `${credited} to ${input.who}` },
    sameCurrency
      ? {
          label: 'Balance',
          value: balanceChange(input.balance, input.balance - input.minorUnits, input.currency),
          aside: 'taken off their next invoices',
        }
      : {
          label: 'Balance',
          value: `${describeBalance(input.balance, input.balanceCurrency)}, unchanged`,
          aside: `their balance is in ${input.balanceCurrency!.toUpperCase()}: this ${code} credit applies only to ${code} invoices`,
        },
    {
      label: 'Note',
      value: input.note || 'None',
      aside: input.note ? 'kept with the credit in Stripe' : undefined,
    },
  ];
}
