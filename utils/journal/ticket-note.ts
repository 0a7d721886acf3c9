import { formatMinorUnits } from '../currency-units';
import { journalActionNoteWords, journalRecordDetail } from '../objects/kind-facts';
import type { JournalRecord } from './activity-journal';

/** What a note is made of: the journal's record of one attempt, no more. */
export type TicketNoteRecord = Pick<
  JournalRecord,
  'action' | 'objectId' | 'amount' | 'currency' | 'requestId' | 'updatedAt' | 'request'
> &
  Partial<Pick<JournalRecord, 'agentName' | 'mode'>>;

/** "14:02 UTC": the one clock everyone reading the ticket shares. */
const utcTime = (at: number) => `${new Date(at).toISOString().slice(11, 16)} UTC`;

/**
 * The line an agent pastes into the ticket's internal note after an action: what was done,
 * how much, to which object, by whom, and Stripe's request ID to find it by. Built from the
 * journal's record alone, so every action the attempt mechanism runs has one, and it holds
 * nothing secret (the journal keeps no keys and no portal URL; the ticket's own address and
 * the attempt's key stay out). "Credited $10.50 (cus_…), note: "Late delivery" — Stripe
 * request req_…, 14:02 UTC".
 */
export function ticketNote(record: TicketNoteRecord): string {
  const money =
    record.amount !== undefined && record.currency
      ? ` ${formatMinorUnits(record.amount, record.currency)}`
      : '';
  const detail = journalRecordDetail(record);
  const live = record.mode === 'live' ? ' (live)' : '';
  const who = record.agentName ? ` by ${record.agentName}` : '';
  const request = record.requestId ? `Stripe request ${record.requestId}, ` : '';
  return `${journalActionNoteWords(record.action)}${money} (${record.objectId})${live}${detail ? `, ${detail}` : ''}${who} — ${request}${utcTime(record.updatedAt)}`;
}
