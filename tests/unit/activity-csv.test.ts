import { describe, expect, it } from 'vitest';
import { activityToCsv, csvCell } from '../../utils/journal/activity-csv';
import type { JournalRecord } from '../../utils/journal/activity-journal';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1', `"'+1"`],
    ['@SUM(A1)', `"'@SUM(A1)"`],
    ['-cmd', `"'-cmd"`],
    [-1050, '-1050'],
    // Spreadsheets skip leading blanks before reading a formula, and take fullwidth signs.
    ['\n=1+1', `"'\n=1+1"`],
    ['  =1+1', `"'  =1+1"`],
    ['\u00a0@SUM(A1)', `"'\u00a0@SUM(A1)"`],
    ['\uff1dHYPERLINK("x")', `"'\uff1dHYPERLINK(""x"")"`],
    ['\uff0b1', `"'\uff0b1"`],
    ['a = b', 'a = b'],
    [undefined, ''],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value as string | number | undefined)).toBe(cell);
  });
});

describe('activityToCsv', () => {
  it('writes one row per record with a header, and no secrets', () => {
    const record: JournalRecord = {
      id: 'a1',
      idempotencyKey: 'sha-a1',
      createdAt: Date.UTC(2026, 10, 27, 10, 0, 0),
      updatedAt: 0,
      accountId: 'acct-1',
      mode: 'test',
      objectId: 'cus_1',
      action: 'credit_customer_balance',
      amount: 1050,
      currency: 'usd',
      request: {
        method: 'POST',
        path: '/v1/customers/cus_1/balance_transactions',
        params: { amount: -1050 },
      },
      outcome: 'succeeded',
      requestId: 'req_1',
      pageUrl: 'https://acme.zendesk.com/agent/tickets/1',
    };
    expect(activityToCsv([record])).toBe(
      'time,account,mode,object,action,amount,currency,outcome,stripe_request_id,idempotency_key,page,error,agent\r\n' +
        '2026-11-27T10:00:00.000Z,acct-1,test,cus_1,credit_customer_balance,1050,usd,succeeded,req_1,sha-a1,https://acme.zendesk.com/agent/tickets/1,,\r\n',
    );
    // A team sharing one key reads who acted in the agent column.
    expect(activityToCsv([{ ...record, agentName: 'Dana (Tier 2)' }]).split('\r\n')[1]).toMatch(
      /,Dana \(Tier 2\)$/,
    );
  });
});
