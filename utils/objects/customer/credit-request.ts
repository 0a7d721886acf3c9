import { overCreditLimit, type Guardrails } from '../../guardrails/limits';
import { parseTypedAmount } from '../../money-input';

/** Stripe's limit on a balance transaction's description. */
export const MAX_NOTE_LENGTH = 350;

export type CheckedCredit =
  { ok: true; minorUnits: number; currency: string; note: string } | { ok: false; reason: string };

/**
 * Everything that must hold before a credit is sent, checked the same way by the card (to
 * preview it) and by the background (which alone decides).
 */
export function checkCreditRequest(input: {
  amount: string;
  currency: string;
  note: string;
  guardrails: Guardrails;
}): CheckedCredit {
  const currency = input.currency.trim().toLowerCase();
  const parsed = parseTypedAmount(input.amount, currency);
  if (!parsed.ok) return parsed;
  const overLimit = overCreditLimit(parsed.minorUnits, currency, input.guardrails);
  if (overLimit) return { ok: false, reason: overLimit };
  const note = input.note.trim();
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f]/.test(note))
    return { ok: false, reason: 'The note contains control characters; retype it as plain text.' };
  if (note.length > MAX_NOTE_LENGTH)
    return {
      ok: false,
      reason: `The note is ${note.length} characters; Stripe keeps at most ${MAX_NOTE_LENGTH}.`,
    };
  return { ok: true, minorUnits: parsed.minorUnits, currency, note };
}
