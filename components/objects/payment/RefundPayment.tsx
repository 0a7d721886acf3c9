import { useEffect, useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import {
  DEFAULT_GUARDRAILS,
  guardrailsOf,
  type Guardrails,
} from '../../../utils/guardrails/limits';
import { askBackground } from '../../../utils/messaging/ask-background';
import {
  checkRefundDraft,
  refundableAmount,
  REFUND_REASONS,
  type RefundDraft,
  type RefundReason,
} from '../../../utils/objects/payment/refundable';
import type { PaymentView } from '../../../utils/objects/payment/view';
import type { RefundOutcome } from '../../../utils/objects/payment/refund';
import type { AgentFacingError } from '../../../utils/stripe/explain-failure';
import { askCard, type ShownCard } from '../../card/ask-card';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { focusOnMount } from '../../shared/KeyShortcut';
import { FormEnd } from '../../confirm/FormEnd';
import { ChoiceSelect } from '../../shared/ChoiceSelect';

/** A draft as reviewed: two drafts are one refund when they send the same amount and words. */
interface ReviewedRefund {
  draft: RefundDraft;
  meaning: string;
}

/**
 * The refund form, its review (the very request Confirm sends, in a sentence, bound to the
 * attempt by the background) and its confirmation. Every check runs here first, so a refusal
 * sends nothing; the background checks again against the payment as Stripe has it then.
 */
export function RefundPayment(props: {
  card: ShownCard;
  payment: PaymentView;
  reason: RefundReason | null;
  onDone: (outcome: RefundOutcome) => void;
  onCancel: () => void;
}) {
  const { payment } = props;
  const money = (minor: number) => formatMinorUnits(minor, payment.currency);
  const [guardrails, setGuardrails] = useState<Guardrails>(DEFAULT_GUARDRAILS);
  const [whole, setWhole] = useState(true);
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState<RefundReason | ''>(props.reason ?? '');
  const [note, setNote] = useState('');
  const [sentence, setSentence] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [reviewing, setReviewing] = useState(false);
  const [reviewError, setReviewError] = useState<AgentFacingError | null>(null);
  const refund = useAttempt({
    send: (attemptId, reviewed: ReviewedRefund) =>
      askCard(props.card, { type: 'payment.refund', attemptId, draft: reviewed.draft }),
    same: (a, b) => a.meaning === b.meaning,
    onDone: (outcome) => props.onDone({ ...outcome, sentence: outcome.sentence || sentence }),
  });
  const error = reviewError ?? errorOf(refund.step);

  useEffect(() => {
    void askBackground({ type: 'settings.get' }).then(
      (reply) => reply.ok && setGuardrails(guardrailsOf(reply.value.settings)),
    );
  }, []);

  async function review(event: Event) {
    event.preventDefault();
    setReviewError(null);
    if (!reason) return setProblem('Choose a reason.');
    const draft: RefundDraft = { currency: payment.currency, whole, amount, reason, note };
    const checked = checkRefundDraft(draft, payment, guardrails, payment.mode);
    if (!checked.ok) return setProblem(checked.reason);
    setProblem(null);
    const reviewed = {
      draft,
      meaning: JSON.stringify({ ...checked.params, note: checked.note }),
    };
    // The background binds exactly what Confirm will send to this attempt.
    const attemptId = refund.attemptIdFor(reviewed);
    setReviewing(true);
    const reply = await askCard(props.card, { type: 'payment.reviewRefund', attemptId, draft });
    setReviewing(false);
    if (!reply.ok) return setReviewError(reply.error);
    setSentence(reply.value.sentence);
    refund.start(reviewed, attemptId);
  }

  if (refund.asking)
    return (
      <ConfirmAction
        label="Confirm the refund"
        attempt={refund}
        busyLabel="Refunding…"
        cancelLabel="Back"
        danger
        after={error && <ErrorNotice error={error} />}
      >
        <p data-testid="refund-review">
          {payment.mode === 'live' && <strong>LIVE: </strong>}
          {sentence}
        </p>
      </ConfirmAction>
    );

  return (
    <form class="stacked" aria-label="Refund payment" onSubmit={(e) => void review(e)}>
      <fieldset class="choice">
        <legend>Amount</legend>
        <label>
          <input type="radio" name="refund-whole" checked={whole} onChange={() => setWhole(true)} />{' '}
          All that remains ({money(refundableAmount(payment))})
        </label>
        <label>
          <input
            type="radio"
            name="refund-whole"
            checked={!whole}
            onChange={() => setWhole(false)}
          />{' '}
          Part of it
        </label>
      </fieldset>
      {!whole && (
        <>
          <label for="refund-amount">Amount to refund ({payment.currency.toUpperCase()})</label>
          <input
            id="refund-amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            ref={focusOnMount}
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </>
      )}
      <label for="refund-reason">Reason</label>
      <ChoiceSelect
        id="refund-reason"
        value={reason}
        choices={REFUND_REASONS}
        none="Choose a reason…"
        onChange={setReason}
        selectRef={whole ? focusOnMount : undefined}
      />
      {reason === 'fraudulent' && (
        <p class="notice" role="note">
          “Fraudulent” also adds this card and the customer’s email to the account’s block lists:
          they cannot pay again until removed in the Dashboard.
        </p>
      )}
      <label for="refund-note">Note (kept with the refund in Stripe)</label>
      <input
        id="refund-note"
        type="text"
        value={note}
        onInput={(e) => setNote(e.currentTarget.value)}
      />
      <FormEnd
        problem={problem}
        error={error}
        submit={refund.kept ? 'Review the refund again' : 'Review refund'}
        busy={reviewing ? 'Checking…' : null}
        onBack={props.onCancel}
      />
    </form>
  );
}
