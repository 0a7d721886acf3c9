import { useEffect, useState } from 'preact/hooks';
import type { JournalRecord } from '../utils/activity-journal';
import { askBackground } from '../utils/messaging/ask-background';

const ACTION_LABEL: Record<JournalRecord['action'], string> = {
  expire_checkout_session: 'Expire session',
  credit_customer_balance: 'Credit balance',
  create_portal_link: 'Portal link',
};

export function ActivityLog() {
  const [records, setRecords] = useState<JournalRecord[] | null>(null);
  useEffect(() => {
    void askBackground<JournalRecord[]>({ type: 'journal.recent', limit: 50 }).then((reply) =>
      setRecords(reply.ok ? reply.value : []),
    );
  }, []);
  return (
    <section aria-labelledby="activity-heading">
      <h2 id="activity-heading">Recent activity</h2>
      {records?.length === 0 && <p class="muted">Nothing yet.</p>}
      {records && records.length > 0 && (
        <table class="activity">
          <thead>
            <tr>
              <th>When</th>
              <th>Action</th>
              <th>Object</th>
              <th>Mode</th>
              <th>Outcome</th>
              <th>Request ID</th>
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={record.id}>
                <td>{new Date(record.createdAt).toLocaleString()}</td>
                <td>{ACTION_LABEL[record.action]}</td>
                <td>
                  <code>{record.objectId}</code>
                </td>
                <td>{record.mode}</td>
                <td title={record.errorMessage}>{record.outcome}</td>
                <td>
                  <code>{record.requestId ?? '—'}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
