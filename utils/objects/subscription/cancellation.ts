import { formatMinorUnits } from '../../currency-units';

/** Stripe's reasons a customer gives for cancelling, in the agent's words. */
export const CANCELLATION_FEEDBACK = {
  too_expensive: "It's too expensive",
  missing_features: 'Some features are missing',
  switched_service: 'Switched to a different service',
  unused: "Doesn't use it enough",
  customer_service: 'Customer service was less than expected',
  too_complex: 'Ease of use was less than expected',
  low_quality: 'Quality was less than expected',
  other: 'Other reason',
} as const;
export type CancellationFeedback = keyof typeof CANCELLATION_FEEDBACK;

/** Stripe's limit on a cancellation comment. */
export const MAX_CANCELLATION_COMMENT = 5000;

/** What the agent chose for a cancellation now. */
export interface CancelNowChoice {
  /** Credit the unused part of the period (Stripe's proration). */
  prorate: boolean;
  /** Invoice now what is unbilled (usage, prorations), rather than at the next invoice. */
  invoiceNow: boolean;
  feedback: CancellationFeedback | null;
  comment: string;
}

/** What a preview of the cancellation says about money, in minor units of `currency`. */
export interface CancellationMoney {
  currency: string;
  /** Credit for unused time (the proration lines), as a positive amount. */
  credit: number;
  /** What a final invoice would charge now (positive total), else 0. */
  charge: number;
}

/** From the preview's lines: the prorations' credit, and what a final invoice would charge. */
export function cancellationMoney(preview: {
  currency: string;
  total: number;
  lines: {
    data: ReadonlyArray<{
      amount: number;
      parent?: { subscription_item_details?: { proration: boolean } | null } | null;
    }>;
  };
}): CancellationMoney {
  const prorations = preview.lines.data.filter(
    (line) => line.parent?.subscription_item_details?.proration === true,
  );
  const net = prorations.reduce((sum, line) => sum + line.amount, 0);
  return {
    currency: preview.currency,
    credit: Math.max(0, -net),
    charge: Math.max(0, preview.total),
  };
}

/**
 * What happens to money when the subscription is canceled now, in one plain sentence:
 * "Cancels now. $24.50 for unused time goes to Jenny's Stripe balance — it is not refunded
 * to her card (refund her last payment for that)."
 */
export function describeCancelNow(
  money: CancellationMoney,
  choice: Pick<CancelNowChoice, 'prorate' | 'invoiceNow'>,
  customerName: string | null,
  /** Said once it is done, in the past: "Canceled. $24.50 … went to …". */
  done = false,
): string {
  const amount = (minor: number) => formatMinorUnits(minor, money.currency);
  const whose = customerName ? `${customerName}'s` : "the customer's";
  const parts = [done ? 'Canceled.' : 'Cancels now.'];
  if (money.credit > 0) {
    const where = choice.invoiceNow
      ? `${done ? 'went' : 'goes'} to ${whose} Stripe balance`
      : `waits as a credit on ${whose} next invoice, then their Stripe balance`;
    parts.push(
      `${amount(money.credit)} for unused time ${where} — it is not refunded to their card (refund their last payment for that).`,
    );
  } else if (choice.prorate) {
    parts.push('There is no unused time to credit: nothing is credited or refunded.');
  } else {
    parts.push('No credit for unused time: nothing is credited or refunded.');
  }
  if (choice.invoiceNow && money.charge > 0)
    parts.push(
      `A final invoice of ${amount(money.charge)} ${done ? 'was made and charged' : 'is made and charged now'}.`,
    );
  return parts.join(' ');
}
