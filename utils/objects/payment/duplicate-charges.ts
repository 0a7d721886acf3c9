/** Two payments this close together, of one amount, look like one order paid twice. */
export const DUPLICATE_WINDOW_SECONDS = 10 * 60;

interface PaymentLine {
  id: string;
  amount: number;
  currency: string;
  status: string;
  /** Seconds since the epoch, as Stripe gives it. */
  created: number;
}

/**
 * The possible duplicate charges among a customer's payments: each later payment of a pair of
 * succeeded payments with the same amount and currency made within the window, mapped to the
 * earlier one it repeats. The earlier one is the order; the later one is what to refund.
 */
export function findDuplicateCharges(payments: readonly PaymentLine[]): Map<string, string> {
  const succeeded = payments
    .filter((payment) => payment.status === 'succeeded')
    .sort((a, b) => a.created - b.created);
  const duplicates = new Map<string, string>();
  for (const [index, later] of succeeded.entries()) {
    const earlier = succeeded.slice(0, index).findLast(
      (candidate) =>
        candidate.amount === later.amount &&
        candidate.currency === later.currency &&
        later.created - candidate.created <= DUPLICATE_WINDOW_SECONDS &&
        // The earlier one repeats nothing itself: a third payment repeats the first.
        !duplicates.has(candidate.id),
    );
    if (earlier) duplicates.set(later.id, earlier.id);
  }
  return duplicates;
}
