import { useState } from 'preact/hooks';
import {
  CANCELLATION_FEEDBACK,
  describeCancelNow,
  MAX_CANCELLATION_COMMENT,
  type CancellationMoney,
  type CancellationFeedback,
  type CancelNowChoice,
} from '../../../utils/objects/subscription/cancellation';
import type { SubscriptionView } from '../../../utils/objects/subscription/view';
import type { AgentFacingError } from '../../../utils/stripe/explain-failure';
import { askCard, type ShownCard } from '../../card/ask-card';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { focusOnMount } from '../../shared/KeyShortcut';
import { FormEnd } from '../../confirm/FormEnd';
import { ChoiceSelect } from '../../shared/ChoiceSelect';

/**
 * Cancel now: the agent chooses whether unused time is credited and whether to invoice now,
 * Review asks Stripe what that does to money (said in a sentence), and Confirm sends exactly
 * what was previewed. A changed choice is a new review.
 */
export function CancelNow(props: {
  card: ShownCard;
  subscription: SubscriptionView;
  onCanceled: (next: SubscriptionView, sentence: string) => void;
  onCancel: () => void;
}) {
  const live = props.subscription.mode === 'live';
  const [prorate, setProrate] = useState(true);
  const [invoiceNow, setInvoiceNow] = useState(true);
  const [feedback, setFeedback] = useState<CancellationFeedback | ''>('');
  const [comment, setComment] = useState('');
  const [previewing, setPreviewing] = useState(false);
  const [sentence, setSentence] = useState('');
  const [money, setMoney] = useState<CancellationMoney | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [previewError, setPreviewError] = useState<AgentFacingError | null>(null);
  const cancel = useAttempt({
    send: (attemptId, choice: CancelNowChoice) =>
      askCard(props.card, { type: 'subscription.cancelNow', attemptId, choice }),
    onDone: (next, choice) =>
      props.onCanceled(
        next,
        money ? describeCancelNow(money, choice, next.customer.name, true) : 'Canceled.',
      ),
  });
  const error = previewError ?? errorOf(cancel.step);

  async function review(event: Event) {
    event.preventDefault();
    setPreviewError(null);
    if (comment.length > MAX_CANCELLATION_COMMENT)
      return setProblem(
        `The comment is ${comment.length} characters; Stripe keeps at most ${MAX_CANCELLATION_COMMENT}.`,
      );
    setProblem(null);
    const choice: CancelNowChoice = {
      prorate,
      invoiceNow,
      feedback: feedback || null,
      comment: comment.trim(),
    };
    // The same choice again (a retry after no answer) keeps its attempt: Stripe acts once.
    const attemptId = cancel.attemptIdFor(choice);
    setPreviewing(true);
    const reply = await askCard(props.card, {
      type: 'subscription.previewCancelNow',
      attemptId,
      choice,
    });
    setPreviewing(false);
    if (!reply.ok) return setPreviewError(reply.error);
    setSentence(reply.value.sentence);
    setMoney(reply.value);
    cancel.start(choice, attemptId);
  }

  if (cancel.asking)
    return (
      <ConfirmAction
        label="Confirm cancelling now"
        attempt={cancel}
        busyLabel="Cancelling…"
        cancelLabel="Back"
        danger
      >
        <p data-testid="cancel-now-preview">
          {live && <strong>LIVE: </strong>}
          {sentence}
        </p>
        <p class="muted">This cannot be undone: a canceled subscription cannot be restarted.</p>
      </ConfirmAction>
    );

  // No answer came: the journal holds exactly what was reviewed and sent, so the retry sends
  // that attempt again (Stripe acts at most once), with no new review.
  const inDoubt = cancel.step.name === 'may-have-happened' ? cancel.step : null;

  return (
    <form class="stacked" aria-label="Cancel now" onSubmit={(e) => void review(e)}>
      {error && <ErrorNotice error={error} />}
      {inDoubt && (
        <div class="actions">
          <button type="button" onClick={() => cancel.start(inDoubt.params, inDoubt.attemptId)}>
            Retry the cancellation
          </button>
        </div>
      )}
      <label>
        <input
          type="checkbox"
          ref={focusOnMount}
          checked={prorate}
          onChange={(e) => setProrate(e.currentTarget.checked)}
        />{' '}
        Credit unused time
        <span class="muted choice-hint">To the customer's Stripe balance, not their card.</span>
      </label>
      <label>
        <input
          type="checkbox"
          checked={invoiceNow}
          onChange={(e) => setInvoiceNow(e.currentTarget.checked)}
        />{' '}
        Invoice now
        <span class="muted choice-hint">
          A final invoice now for unbilled usage and the credit.
        </span>
      </label>
      <label for="cancel-feedback">Customer's reason (optional)</label>
      <ChoiceSelect
        id="cancel-feedback"
        value={feedback}
        choices={CANCELLATION_FEEDBACK}
        none="Not given"
        onChange={setFeedback}
      />
      <label for="cancel-comment">Comment (optional, kept on the subscription)</label>
      <input
        id="cancel-comment"
        type="text"
        value={comment}
        onInput={(e) => setComment(e.currentTarget.value)}
      />
      <FormEnd
        problem={problem}
        submit="Review cancellation"
        busy={previewing ? 'Reviewing…' : null}
        back="Back"
        onBack={props.onCancel}
      />
    </form>
  );
}
