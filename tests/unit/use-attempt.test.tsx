// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { TicketNoteContext } from '../../components/confirm/ticket-note-context';
import { useAttempt, type Attempt } from '../../components/confirm/use-attempt';
import type { Reply } from '../../utils/messaging/reply';

/** A credit as parsed: what `same` compares, never the text typed. */
interface Params {
  minorUnits: number;
  typed: string;
}

const LOST: Reply<never> = {
  ok: false,
  error: { message: 'The extension did not answer.', unresolved: true },
};
const REFUSED: Reply<never> = { ok: false, error: { message: 'Over the limit.' } };

function setUp(replies: Array<Reply<string>>) {
  const sent: Array<{ attemptId: string; params: Params }> = [];
  const done: string[] = [];
  let attempt!: Attempt<Params, string>;
  function Harness() {
    attempt = useAttempt({
      send: async (attemptId, params: Params) => {
        sent.push({ attemptId, params });
        return replies.shift() ?? LOST;
      },
      same: (a, b) => a.minorUnits === b.minorUnits,
      onDone: (value) => done.push(value),
    });
    return null;
  }
  const root = document.createElement('div');
  render(<Harness />, root);
  return {
    sent,
    done,
    get attempt() {
      return attempt;
    },
    root,
  };
}

let roots: HTMLElement[] = [];
afterEach(() => {
  for (const root of roots) render(null, root);
  roots = [];
});
const twenty = (typed: string): Params => ({ minorUnits: 2000, typed });

describe('one attempt, from question to outcome', () => {
  it('is sent only once the question is out, and only once however often Confirm fires', async () => {
    const card = setUp([{ ok: true, value: 'cbtxn_1' }]);
    roots.push(card.root);
    // A Confirm with no question out (a stray key) sends nothing.
    await act(() => card.attempt.confirm());
    expect(card.sent).toHaveLength(0);
    await act(() => card.attempt.start(twenty('20')));
    expect(card.attempt.step.name).toBe('confirming');
    await act(async () => {
      await Promise.all([card.attempt.confirm(), card.attempt.confirm()]);
    });
    expect(card.sent).toHaveLength(1);
    expect(card.attempt.step).toMatchObject({ name: 'done', value: 'cbtxn_1' });
    expect(card.done).toEqual(['cbtxn_1']);
  });

  it('after a lost answer, may have happened, and the same request retried reuses the attempt', async () => {
    const card = setUp([LOST, { ok: true, value: 'cbtxn_1' }]);
    roots.push(card.root);
    await act(() => card.attempt.start(twenty('20')));
    await act(() => card.attempt.confirm());
    expect(card.attempt.step.name).toBe('may-have-happened');
    expect(card.attempt.kept?.attemptId).toBe(card.sent[0]!.attemptId);
    // Typed differently, the same credit: one attempt, one idempotency key.
    await act(() => card.attempt.start(twenty('20.00')));
    expect(card.attempt.step).toMatchObject({ name: 'confirming', earlier: null });
    await act(() => card.attempt.confirm());
    expect(card.sent.map((s) => s.attemptId)).toEqual([
      card.sent[0]!.attemptId,
      card.sent[0]!.attemptId,
    ]);
    expect(card.attempt.kept).toBeNull();
  });

  it('another request while one is in doubt is a new attempt, told of the earlier one', async () => {
    const card = setUp([LOST]);
    roots.push(card.root);
    await act(() => card.attempt.start(twenty('20')));
    await act(() => card.attempt.confirm());
    const lost = card.sent[0]!.attemptId;
    await act(() => card.attempt.start({ minorUnits: 2500, typed: '25' }));
    const step = card.attempt.step;
    expect(step.name).toBe('confirming');
    if (step.name !== 'confirming') return;
    expect(step.attemptId).not.toBe(lost);
    expect(step.earlier).toEqual({ attemptId: lost, params: twenty('20') });
  });

  it('a definite answer settles the attempt: the next request is a new one', async () => {
    const card = setUp([LOST, REFUSED]);
    roots.push(card.root);
    await act(() => card.attempt.start(twenty('20')));
    await act(() => card.attempt.confirm());
    await act(() => card.attempt.start(twenty('20')));
    await act(() => card.attempt.confirm());
    expect(card.attempt.step).toMatchObject({ name: 'failed', error: REFUSED.error });
    expect(card.attempt.kept).toBeNull();
    await act(() => card.attempt.start(twenty('20')));
    const step = card.attempt.step;
    expect(step.name === 'confirming' && step.attemptId).not.toBe(card.sent[0]!.attemptId);
  });

  it('cannot be taken back once sent: going back waits for the answer', async () => {
    let answer!: (reply: Reply<string>) => void;
    const card = setUp([]);
    roots.push(card.root);
    let attempt!: Attempt<Params, string>;
    function Slow() {
      attempt = useAttempt({
        send: () => new Promise<Reply<string>>((resolve) => (answer = resolve)),
      });
      return null;
    }
    render(<Slow />, card.root);
    await act(() => attempt.start(twenty('20')));
    let confirmed!: Promise<void>;
    await act(() => {
      confirmed = attempt.confirm();
    });
    expect(attempt.busy).toBe(true);
    await act(() => attempt.reset());
    expect(attempt.step.name).toBe('working');
    await act(async () => {
      answer({ ok: true, value: 'done' });
      await confirmed;
    });
    expect(attempt.step.name).toBe('done');
  });
});

describe("the ticket's note", () => {
  it('goes to the card from any action done, and from none that failed', async () => {
    const notes: string[] = [];
    let attempt!: Attempt<Params, string>;
    const replies: Array<Reply<string>> = [
      REFUSED,
      {
        ok: true,
        value: 'cbtxn_1',
        note: 'Credited $20.00 (cus_1) — Stripe request req_1, 14:02 UTC',
      },
    ];
    function Harness() {
      attempt = useAttempt({ send: async () => replies.shift() ?? LOST });
      return null;
    }
    const root = document.createElement('div');
    roots.push(root);
    render(
      <TicketNoteContext.Provider value={(note) => notes.push(note)}>
        <Harness />
      </TicketNoteContext.Provider>,
      root,
    );
    await act(() => attempt.run(twenty('20')));
    expect(notes).toEqual([]);
    await act(() => attempt.run(twenty('20')));
    expect(notes).toEqual(['Credited $20.00 (cus_1) — Stripe request req_1, 14:02 UTC']);
  });
});
