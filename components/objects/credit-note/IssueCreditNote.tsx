import { useEffect, useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import {
  DEFAULT_GUARDRAILS,
  guardrailsOf,
  type Guardrails,
} from '../../../utils/guardrails/limits';
import { askBackground } from '../../../utils/messaging/ask-background';
import { askCard, type ShownCard } from '../../card/ask-card';
import {
  checkCreditNoteDraft,
  creditableMax,
  CREDIT_NOTE_REASONS,
  noRefundBecause,
  placedBySplit,
  readDraftAmount,
  splitOfTotal,
  type CreditNoteDraft,
  type CreditNoteReason,
  type MoneyDestination,
} from '../../../utils/objects/credit-note/draft';
import type { InvoiceView } from '../../../utils/objects/invoice/view';
import type { AgentFacingError } from '../../../utils/stripe/explain-failure';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import type { ReviewLine } from '../../../utils/review-lines';
import { creditNoteReviewLines } from '../../../utils/objects/credit-note/review-lines';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { focusOnMount } from '../../shared/KeyShortcut';
import { FormEnd } from '../../confirm/FormEnd';
import { ChoiceSelect } from '../../shared/ChoiceSelect';

/**
 * A draft as reviewed: what the agent typed, and what it means to Stripe. Two drafts are the
 * same request when they mean the same ("20" and "20.00"), so a retry after no answer reuses
 * the attempt (and its idempotency key) and Stripe makes one credit note.
 */
interface ReviewedDraft {
  draft: CreditNoteDraft;
  meaning: string;
}

export interface IssuedNote {
  number: string | null;
  id: string;
  pdf: string | null;
  sentence: string;
}

const EMPTY_SPLIT = { refund: '', credit: '', outOfBand: '' };

/**
 * The credit note form, its review (Stripe's preview of exactly what will be posted, in a
 * sentence) and its confirmation. Every check runs here first, so a refusal sends nothing;
 * the background checks again against the invoice as Stripe has it then.
 */
export function IssueCreditNote(props: {
  card: ShownCard;
  invoice: InvoiceView;
  onIssued: (note: IssuedNote) => void;
  onCancel: () => void;
}) {
  const { invoice } = props;
  const money = (minor: number) => formatMinorUnits(minor, invoice.currency);
  const [guardrails, setGuardrails] = useState<Guardrails>(DEFAULT_GUARDRAILS);
  const [reason, setReason] = useState<CreditNoteReason | ''>('');
  const [by, setBy] = useState<'total' | 'lines'>('total');
  const [total, setTotal] = useState('');
  const [lineInputs, setLineInputs] = useState<
    Record<string, { quantity: string; amount: string }>
  >({});
  const refundBlocked = noRefundBecause(invoice);
  // Nothing chosen at first: where paid money goes is the agent's choice, never a default.
  const [destination, setDestination] = useState<MoneyDestination | null>(null);
  const [split, setSplit] = useState(EMPTY_SPLIT);
  const [memo, setMemo] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [sentence, setSentence] = useState('');
  const [reviewLines, setReviewLines] = useState<ReviewLine[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<AgentFacingError | null>(null);
  const issue = useAttempt({
    send: (attemptId, reviewed: ReviewedDraft) =>
      askCard(props.card, {
        type: 'invoice.issueCreditNote',
        attemptId,
        draft: reviewed.draft,
      }),
    same: (a, b) => a.meaning === b.meaning,
    onDone: (note) =>
      props.onIssued({
        id: note.id,
        number: note.number,
        pdf: note.pdf,
        sentence: note.sentence || sentence,
      }),
  });
  const error = previewError ?? errorOf(issue.step);

  useEffect(() => {
    void askBackground({ type: 'settings.get' }).then(
      (reply) => reply.ok && setGuardrails(guardrailsOf(reply.value.settings)),
    );
  }, []);

  const draft: CreditNoteDraft = {
    reason: (reason || 'duplicate') as CreditNoteReason,
    memo,
    currency: invoice.currency,
    amount:
      by === 'total'
        ? { by: 'total', total }
        : {
            by: 'lines',
            lines: invoice.lines.map((line) => ({
              lineId: line.id,
              quantity: lineInputs[line.id]?.quantity ?? '',
              amount: lineInputs[line.id]?.amount ?? '',
            })),
          },
    // Unpaid, no money moves and the choice is not asked: the draft's default is moot.
    destination: destination ?? (refundBlocked ? 'credit' : 'refund'),
    split: destination === 'split' ? split : EMPTY_SPLIT,
  };

  // What is left to place once the amount is known: the split must add up before Review.
  const amount = readDraftAmount(draft, invoice);
  const { postPayment } = splitOfTotal(amount.ok ? amount.total : 0, invoice);
  const paidMoney = invoice.amountRemaining < creditableMax(invoice);
  const placed = destination === 'split' ? placedBySplit(split, invoice.currency) : null;
  const splitOff = destination === 'split' && amount.ok && placed !== postPayment;

  async function review(event: Event) {
    event.preventDefault();
    setPreviewError(null);
    if (!reason) return setProblem('Choose a reason.');
    if (paidMoney && !destination)
      return setProblem(
        "Choose where the money goes: a refund, the customer's balance, outside Stripe, or a split.",
      );
    const checked = checkCreditNoteDraft(draft, invoice, guardrails);
    if (!checked.ok) return setProblem(checked.reason);
    setProblem(null);
    const reviewed = { draft, meaning: JSON.stringify(checked.params) };
    // Stripe previews exactly what Confirm will post, the attempt's metadata included.
    const attemptId = issue.attemptIdFor(reviewed);
    setPreviewing(true);
    const reply = await askCard(props.card, {
      type: 'invoice.previewCreditNote',
      attemptId,
      draft,
    });
    setPreviewing(false);
    if (!reply.ok) return setPreviewError(reply.error);
    setSentence(reply.value.sentence);
    setReviewLines(creditNoteReviewLines(checked, invoice, draft));
    issue.start(reviewed, attemptId);
  }

  if (issue.asking)
    return (
      <ConfirmAction
        label="Confirm the credit note"
        attempt={issue}
        busyLabel="Issuing…"
        cancelLabel="Back"
        live={invoice.mode === 'live'}
        lines={reviewLines}
      >
        <p data-testid="credit-note-preview">{sentence}</p>
      </ConfirmAction>
    );

  const setLine = (id: string, field: 'quantity' | 'amount', value: string) =>
    setLineInputs((before) => ({
      ...before,
      [id]: { quantity: '', amount: '', ...before[id], [field]: value },
    }));

  return (
    <form class="stacked" aria-label="Issue credit note" onSubmit={(e) => void review(e)}>
      <div class="row">
        <div>
          <label for="cn-reason">Reason</label>
          <ChoiceSelect
            id="cn-reason"
            value={reason}
            choices={CREDIT_NOTE_REASONS}
            none="Choose a reason…"
            onChange={setReason}
            selectRef={focusOnMount}
          />
        </div>
        {by === 'total' && (
          <div>
            <label for="cn-total">Amount to credit ({invoice.currency.toUpperCase()})</label>
            <input
              id="cn-total"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              aria-describedby="cn-max"
              value={total}
              onInput={(e) => setTotal(e.currentTarget.value)}
            />
          </div>
        )}
      </div>

      <fieldset class="choice inline">
        <legend>Credit</legend>
        <label>
          <input
            type="radio"
            name="cn-by"
            checked={by === 'total'}
            onChange={() => setBy('total')}
          />{' '}
          A total
        </label>
        <label>
          <input
            type="radio"
            name="cn-by"
            checked={by === 'lines'}
            disabled={invoice.lines.length === 0}
            onChange={() => setBy('lines')}
          />{' '}
          Line by line
        </label>
      </fieldset>
      {by === 'lines' && (
        <table class="credit-lines">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Quantity</th>
              <th scope="col">or amount</th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line) => {
              const name = line.description ?? line.id;
              return (
                <tr key={line.id}>
                  <th scope="row">
                    {name} <span class="muted">{money(line.amount)}</span>
                  </th>
                  <td>
                    {line.quantity !== null && (
                      <input
                        type="text"
                        inputMode="numeric"
                        autoComplete="off"
                        aria-label={`Quantity to credit of ${name} (of ${line.quantity})`}
                        placeholder={`of ${line.quantity}`}
                        value={lineInputs[line.id]?.quantity ?? ''}
                        onInput={(e) => setLine(line.id, 'quantity', e.currentTarget.value)}
                      />
                    )}
                  </td>
                  <td>
                    <input
                      type="text"
                      inputMode="decimal"
                      autoComplete="off"
                      aria-label={`Amount to credit of ${name}`}
                      value={lineInputs[line.id]?.amount ?? ''}
                      onInput={(e) => setLine(line.id, 'amount', e.currentTarget.value)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p id="cn-max" class="muted">
        At most {money(creditableMax(invoice))}
        {invoice.alreadyCredited > 0 && ` (${money(invoice.alreadyCredited)} credited already)`}.
        {invoice.moreLines > 0 && by === 'lines' && ' Lines past the first ten: credit a total.'}
      </p>

      {invoice.amountRemaining > 0 && (
        <p class="muted" data-testid="credit-note-lowers">
          {paidMoney
            ? `The first ${money(invoice.amountRemaining)} lowers what the customer still owes; the rest is paid money and goes where you choose below.`
            : `This invoice is unpaid: the credit note lowers what the customer owes (${money(invoice.amountRemaining)} now). No money moves.`}
        </p>
      )}

      {paidMoney && (
        <fieldset class="choice">
          <legend>Where the money goes</legend>
          <label>
            <input
              type="radio"
              name="cn-to"
              checked={destination === 'refund'}
              disabled={refundBlocked !== null}
              onChange={() => setDestination('refund')}
            />{' '}
            Refund to{' '}
            {invoice.paidBy?.kind === 'card' ? invoice.paidBy.label : 'the payment method'}
          </label>
          {refundBlocked && <p class="muted">{refundBlocked}</p>}
          <label>
            <input
              type="radio"
              name="cn-to"
              checked={destination === 'credit'}
              onChange={() => setDestination('credit')}
            />{' '}
            Credit to the customer's balance
          </label>
          <label>
            <input
              type="radio"
              name="cn-to"
              checked={destination === 'out_of_band'}
              onChange={() => setDestination('out_of_band')}
            />{' '}
            Outside Stripe (paid back another way)
          </label>
          <label>
            <input
              type="radio"
              name="cn-to"
              checked={destination === 'split'}
              onChange={() => setDestination('split')}
            />{' '}
            Split between them
          </label>
          {destination === 'split' && (
            <div class="row">
              {(
                [
                  ['refund', 'Refund'],
                  ['credit', 'To balance'],
                  ['outOfBand', 'Outside'],
                ] as const
              ).map(([field, label]) => (
                <div key={field}>
                  <label for={`cn-split-${field}`}>{label}</label>
                  <input
                    id={`cn-split-${field}`}
                    type="text"
                    inputMode="decimal"
                    autoComplete="off"
                    disabled={field === 'refund' && refundBlocked !== null}
                    value={split[field]}
                    onInput={(e) => setSplit({ ...split, [field]: e.currentTarget.value })}
                  />
                </div>
              ))}
            </div>
          )}
          {destination === 'split' && amount.ok && (
            <p class="muted" role="status" data-testid="split-left">
              {placed === null
                ? 'Type each part as an amount.'
                : placed === postPayment
                  ? `The split adds up to ${money(postPayment)}.`
                  : placed < postPayment
                    ? `${money(postPayment - placed)} still to place of ${money(postPayment)}.`
                    : `${money(placed - postPayment)} too much: the parts must add up to ${money(postPayment)}.`}
            </p>
          )}
        </fieldset>
      )}

      <label for="cn-memo">Memo (the customer sees it)</label>
      <textarea
        id="cn-memo"
        rows={3}
        value={memo}
        onInput={(e) => setMemo(e.currentTarget.value)}
      />
      <FormEnd
        problem={problem}
        error={error}
        submit="Review credit note"
        busy={previewing ? 'Asking Stripe…' : null}
        disabled={splitOff}
        onBack={props.onCancel}
      />
    </form>
  );
}
