import { useState } from 'preact/hooks';
import { resumeDateProblem } from '../../../utils/objects/subscription/refusals';
import {
  PAUSE_BEHAVIORS,
  type PauseBehavior,
  type SubscriptionView,
} from '../../../utils/objects/subscription/view';
import { askCard, type ShownCard } from '../../card/ask-card';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { formatDay } from '../../../utils/dates';
import { FormEnd } from '../../confirm/FormEnd';

interface PauseParams {
  behavior: PauseBehavior;
  resumesAt: number | null;
}

/** A date input's day, at the start of that day where the agent is, in Unix seconds. */
const startOfDay = (day: string) => Math.floor(new Date(`${day}T00:00:00`).getTime() / 1000);

/** Pause collection: one of Stripe's three behaviors, and an optional day it resumes. */
export function PauseCollection(props: {
  card: ShownCard;
  subscription: SubscriptionView;
  onPaused: (next: SubscriptionView) => void;
  onCancel: () => void;
}) {
  const live = props.subscription.mode === 'live';
  const [behavior, setBehavior] = useState<PauseBehavior>('keep_as_draft');
  const [resumeDay, setResumeDay] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const pause = useAttempt({
    send: (attemptId, params: PauseParams) =>
      askCard(props.card, { type: 'subscription.pause', attemptId, ...params }),
    onDone: props.onPaused,
  });
  const error = errorOf(pause.step);

  function review(event: Event) {
    event.preventDefault();
    const resumesAt = resumeDay ? startOfDay(resumeDay) : null;
    const refused = resumeDateProblem(
      resumesAt === null || Number.isNaN(resumesAt) ? (resumeDay ? -1 : null) : resumesAt,
      Math.floor(Date.now() / 1000),
    );
    if (refused) return setProblem(refused);
    setProblem(null);
    pause.start({ behavior, resumesAt });
  }

  const reviewed = pause.asking ? pause.params : null;
  if (reviewed)
    return (
      <ConfirmAction
        label="Confirm pausing collection"
        attempt={pause}
        busyLabel="Pausing…"
        cancelLabel="Back"
      >
        <p data-testid="pause-preview">
          {live && <strong>LIVE: </strong>}
          Pause collection: {PAUSE_BEHAVIORS[reviewed.behavior].explained}{' '}
          {reviewed.resumesAt
            ? `It resumes on ${formatDay(reviewed.resumesAt)}.`
            : 'It stays paused until resumed.'}
        </p>
      </ConfirmAction>
    );

  return (
    <form class="stacked" aria-label="Pause collection" onSubmit={review}>
      {error && <ErrorNotice error={error} />}
      <fieldset class="choice">
        <legend>While paused, new invoices are</legend>
        {Object.entries(PAUSE_BEHAVIORS).map(([value, words]) => (
          <label key={value}>
            <input
              id={`pause-${value}`}
              type="radio"
              name="pause-behavior"
              checked={behavior === value}
              onChange={() => setBehavior(value as PauseBehavior)}
            />{' '}
            {words.label}
            <span class="muted choice-hint">{words.explained}</span>
          </label>
        ))}
      </fieldset>
      <label for="pause-resumes">Resume on (optional)</label>
      <input
        id="pause-resumes"
        type="date"
        value={resumeDay}
        onInput={(e) => setResumeDay(e.currentTarget.value)}
      />
      <p class="muted">Invoices made before the pause keep retrying unless you void them.</p>
      <FormEnd problem={problem} submit="Review pause" back="Back" onBack={props.onCancel} />
    </form>
  );
}
