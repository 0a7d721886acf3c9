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
  'agent',
] as const;

/**
 * What a spreadsheet may read as the start of a formula: =, +, -, @ (and their fullwidth
 * forms), tab and CR, after any blanks it skips first (spaces, line feeds, no-break spaces).
 */
const FORMULA_START = /^[\s\u00a0\u3000]*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * A cell a spreadsheet shows as text. Values that start like a formula get a leading
 * apostrophe, so a crafted page URL or error text cannot run as a formula when the log is
 * opened in Excel or Sheets.
 */
export function csvCell(value: string | number | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
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
      r.agentName,
    ]
      .map(csvCell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
