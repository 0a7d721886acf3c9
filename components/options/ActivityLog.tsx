import { formatMoment } from '../../utils/dates';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { activityToCsv } from '../../utils/journal/activity-csv';
import type { JournalOutcome, JournalRecord } from '../../utils/journal/activity-journal';
import { formatMinorUnits } from '../../utils/currency-units';
import { ticketNote } from '../../utils/journal/ticket-note';
import { CopyButton } from '../shared/CopyButton';
import { askBackground } from '../../utils/messaging/ask-background';
import {
  type JournalAction,
  JOURNAL_ACTIONS,
  journalActionLabel,
  journalRecordDetail,
} from '../../utils/objects/kind-facts';

export function ActivityLog() {
  const [records, setRecords] = useState<JournalRecord[] | null>(null);
  const [action, setAction] = useState<JournalAction | ''>('');
  const [outcome, setOutcome] = useState<JournalOutcome | ''>('');
  const [objectQuery, setObjectQuery] = useState('');

  useEffect(() => {
    void askBackground({ type: 'journal.recent', limit: 10_000 }).then((reply) =>
      setRecords(reply.ok ? reply.value : []),
    );
  }, []);

  const shown = useMemo(
    () =>
      (records ?? []).filter(
        (r) =>
          (!action || r.action === action) &&
          (!outcome || r.outcome === outcome) &&
          (!objectQuery.trim() || r.objectId.includes(objectQuery.trim())),
      ),
    [records, action, outcome, objectQuery],
  );

  function exportCsv() {
    const blob = new Blob([activityToCsv(shown)], { type: 'text/csv' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `stripe-actions-activity-${new Date().toISOString().slice(0, 10)}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  }

  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      <div class="filters">
        <div>
          <label for="filter-action">Action</label>
          <select
            id="filter-action"
            value={action}
            onChange={(e) => setAction(e.currentTarget.value as JournalAction | '')}
          >
            <option value="">All actions</option>
            {Object.entries(JOURNAL_ACTIONS).map(([value, { name: label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="filter-outcome">Outcome</label>
          <select
            id="filter-outcome"
            value={outcome}
            onChange={(e) => setOutcome(e.currentTarget.value as JournalOutcome | '')}
          >
            <option value="">All outcomes</option>
            <option value="succeeded">Succeeded</option>
            <option value="failed">Failed</option>
            <option value="pending">Pending</option>
            <option value="unknown">Unknown (check the Dashboard)</option>
            <option value="unverified">Unverified answer</option>
          </select>
        </div>
        <div>
          <label for="filter-object">Object ID contains</label>
          <input
            id="filter-object"
            type="text"
            value={objectQuery}
            onInput={(e) => setObjectQuery(e.currentTarget.value)}
          />
        </div>
      </div>
      <p>
        <button type="button" class="secondary" disabled={!shown.length} onClick={exportCsv}>
          Export CSV
        </button>
      </p>
      {records && shown.length === 0 && <p class="muted">Nothing yet.</p>}
      {shown.length > 0 && (
        <div class="activity-scroll">
          <table class="activity">
            <thead>
              <tr>
                <th>When</th>
                <th>Action</th>
                <th>Object</th>
                <th>Amount</th>
                <th>Details</th>
                <th>Mode</th>
                <th>Outcome</th>
                <th>Request ID</th>
                <th>Agent</th>
                <th>Ticket note</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((record) => (
                <tr key={record.id}>
                  <td>{formatMoment(record.createdAt)}</td>
                  <td>{journalActionLabel(record.action, 'name')}</td>
                  <td>
                    <code>{record.objectId}</code>
                  </td>
                  <td>
                    {record.amount !== undefined && record.currency
                      ? formatMinorUnits(record.amount, record.currency)
                      : '—'}
                  </td>
                  <td>{journalRecordDetail(record) || '—'}</td>
                  <td>{record.mode}</td>
                  <td title={record.errorMessage}>{record.outcome}</td>
                  <td>
                    <code>{record.requestId ?? '—'}</code>
                  </td>
                  <td>{record.agentName ?? '—'}</td>
                  <td>
                    {record.outcome === 'succeeded' && (
                      <CopyButton text={ticketNote(record)} label="Copy note" />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
