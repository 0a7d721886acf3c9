import { describe, expect, it } from 'vitest';
import {
  JournalConflictError,
  openActivityJournal,
  type NewJournalRecord,
} from '../../utils/journal/activity-journal';

const intent = (id: string, overrides: Partial<NewJournalRecord> = {}): NewJournalRecord => ({
  id,
  accountId: 'acct-1',
  mode: 'test',
  objectId: 'cs_test_abc',
  action: 'expire_checkout_session',
  request: { method: 'POST', path: '/v1/checkout/sessions/cs_test_abc/expire', params: {} },
  pageUrl: 'https://acme.zendesk.com/agent/tickets/1',
  ...overrides,
});

describe('activity journal', () => {
  it('writes a pending record with its idempotency key before anything is sent', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const record = await journal.begin(intent('a1'), 1000);
    expect(record).toMatchObject({
      id: 'a1',
      outcome: 'pending',
      idempotencyKey: 'sha-a1',
      createdAt: 1000,
    });
    expect(await journal.listUnsettled()).toEqual([record]);
  });

  it('returns the same record, and key, for the same attempt', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    const first = await journal.begin(intent('a1'));
    const again = await journal.begin(intent('a1'));
    expect(again).toEqual(first);
  });

  it.each([
    ['another object', { objectId: 'cs_test_other' }],
    ['another account', { accountId: 'acct-2' }],
    [
      'other parameters',
      { request: { method: 'POST' as const, path: '/v1/x', params: { amount: 1 } } },
    ],
  ])('refuses to reuse an attempt for %s', async (_name, change) => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    await journal.begin(intent('a1'));
    await expect(journal.begin(intent('a1', change))).rejects.toBeInstanceOf(JournalConflictError);
  });

  it('settles outcomes and lists the newest first', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    await journal.begin(intent('old'), 1);
    await journal.begin(intent('new', { objectId: 'cs_test_new' }), 2);
    await journal.settle('old', { outcome: 'succeeded', requestId: 'req_1' }, 3);
    await journal.settle('new', { outcome: 'failed', errorMessage: 'No such session' }, 4);
    expect(await journal.listUnsettled()).toEqual([]);
    const recent = await journal.listRecent(10);
    expect(recent.map((r) => [r.id, r.outcome, r.requestId ?? r.errorMessage])).toEqual([
      ['new', 'failed', 'No such session'],
      ['old', 'succeeded', 'req_1'],
    ]);
    expect((await journal.listRecent(1)).map((r) => r.id)).toEqual(['new']);
  });

  it('prunes settled records older than the retention, but never a pending one', async () => {
    const journal = openActivityJournal(`j-${crypto.randomUUID()}`);
    await journal.begin(intent('old-done'), 100);
    await journal.settle('old-done', { outcome: 'succeeded' });
    await journal.begin(intent('old-pending', { objectId: 'cs_test_p' }), 100);
    await journal.begin(intent('new-done', { objectId: 'cs_test_n' }), 5000);
    await journal.settle('new-done', { outcome: 'failed' });
    expect(await journal.pruneBefore(1000)).toBe(1);
    expect((await journal.listRecent(10)).map((r) => r.id).sort()).toEqual([
      'new-done',
      'old-pending',
    ]);
  });

  it('keeps pending records across reopening the database (a worker restart)', async () => {
    const name = `j-${crypto.randomUUID()}`;
    await openActivityJournal(name).begin(intent('survivor'));
    const reopened = openActivityJournal(name);
    expect((await reopened.listUnsettled()).map((r) => r.id)).toEqual(['survivor']);
  });
});
