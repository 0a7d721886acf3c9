import type { JournalRecord } from './activity-journal';

export const CSV_COLUMNS = [
  'time',
  'account',
  'mode',
  'object',
  'action',
  'amount',
  'currency',
  'outcome',
  'stripe_request_id',
  'idempotency_key',
  'page',
  'error',
] as const;

/**
 * A cell a spreadsheet shows as text. Values that start like a formula (=, +, -, @, tab, CR)
 * get a leading apostrophe, so a crafted page URL cannot run as a formula when the log is
 * opened in Excel or Sheets.
 */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value !== 'number') text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The activity log as CSV (RFC 4180, CRLF line ends). Never holds keys or portal URLs. */
export function activityToCsv(records: JournalRecord[]): string {
  const rows = records.map((r) =>
    [
      new Date(r.createdAt).toISOString(),
      r.accountId,
      r.mode,
      r.objectId,
      r.action,
      r.amount,
      r.currency,
      r.outcome,
      r.requestId,
      r.idempotencyKey,
      r.pageUrl,
      r.errorMessage,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
