import { formatMinorUnits } from '../../currency-units';
import type { FormValue } from '../../stripe/form-encoding';

/**
 * Where a journaled credit note's money went, read from the parameters it was sent with
 * (the journal keeps them to resend): "$15.00 refunded, $5.00 to balance".
 */
export function creditNoteDestinations(
  params: Record<string, FormValue>,
  currency: string | undefined,
): string {
  if (!currency) return '';
  const amountOf = (name: string) =>
    typeof params[name] === 'number' ? (params[name] as number) : 0;
  const money = (minor: number) => formatMinorUnits(minor, currency);
  const parts = [
    amountOf('refund_amount') && `${money(amountOf('refund_amount'))} refunded`,
    amountOf('credit_amount') && `${money(amountOf('credit_amount'))} to balance`,
    amountOf('out_of_band_amount') && `${money(amountOf('out_of_band_amount'))} outside Stripe`,
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'lowered the amount due';
}
