import { Fragment } from 'preact';
import { useState } from 'preact/hooks';
import { formatMinorUnits } from '../../../utils/currency-units';
import {
  notCancelableBecause,
  notPausableBecause,
  notResumableBecause,
  notSchedulableBecause,
  notUndoableBecause,
} from '../../../utils/objects/subscription/refusals';
import {
  PAUSE_BEHAVIORS,
  SUBSCRIPTION_STATUS_LABEL,
  type SubscriptionItemView,
  type SubscriptionView,
} from '../../../utils/objects/subscription/view';
import { askCard } from '../../card/ask-card';
import type { PanelProps } from '../../card/panel-props';
import { useOpenRelated } from '../../card/use-open-related';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { CancelNow } from './CancelNow';
import { PauseCollection } from './PauseCollection';
import { formatDay } from '../../../utils/dates';

const price = (item: SubscriptionItemView) => {
  const amount = item.unitAmount === null ? '—' : formatMinorUnits(item.unitAmount, item.currency);
  const every = item.interval
    ? item.intervalCount === 1
      ? ` / ${item.interval}`
      : ` every ${item.intervalCount} ${item.interval}s`
    : '';
  return `${amount}${every}`;
};

type Form = 'none' | 'cancel-now' | 'pause';

/**
 * A subscription: what the customer pays and until when, what is scheduled or paused; cancel
 * at the period's end (and undo), cancel now (previewed), pause and resume collection.
 */
export function SubscriptionPanel(props: PanelProps<'subscription'>) {
  const { card } = props;
  const [sub, setSub] = useState<SubscriptionView>(props.view);
  const [form, setForm] = useState<Form>('none');
  const [done, setDone] = useState<string | null>(null);
  const { open, error: openError } = useOpenRelated(card.token, props.onChanged);
  const changed = (sentence: string) => (next: SubscriptionView) => {
    setSub(next);
    setForm('none');
    setDone(sentence);
  };
  const schedule = useAttempt({
    send: (attemptId) => askCard(card, { type: 'subscription.scheduleCancel', attemptId }),
    onDone: (next) =>
      changed(
        `Cancellation scheduled: the customer keeps it until ${next.cancelAt ? formatDay(next.cancelAt) : 'the end of the period'}, and is not charged again.`,
      )(next),
  });
  const undo = useAttempt({
    send: (attemptId) => askCard(card, { type: 'subscription.undoCancel', attemptId }),
    onDone: changed('Cancellation undone: the subscription renews as before.'),
  });
  const resume = useAttempt({
    send: (attemptId) => askCard(card, { type: 'subscription.resume', attemptId }),
    onDone: changed('Collection resumed: the next invoices are collected as usual.'),
  });
  const asking = schedule.asking || undo.asking || resume.asking;
  const error = errorOf(schedule.step) ?? errorOf(undo.step) ?? errorOf(resume.step);
  const idle = form === 'none' && !asking;
  const live = sub.mode === 'live';
  const start = (attempt: { start(params: null): void }) => {
    setDone(null);
    attempt.start(null);
  };
  const periodEnd = sub.currentPeriodEnd
    ? formatDay(sub.currentPeriodEnd)
    : 'the end of the period';
  const who = sub.customer.name ?? sub.customer.email ?? sub.customer.id;

  return (
    <section aria-label="Subscription details">
      <dl class="facts">
        <dt>Status</dt>
        <dd data-testid="subscription-status">
          {SUBSCRIPTION_STATUS_LABEL[sub.status]}
          {sub.cancelAtPeriodEnd && sub.cancelAt && ` — cancels on ${formatDay(sub.cancelAt)}`}
          {sub.pauseCollection && ' — collection paused'}
        </dd>
        <dt>Customer</dt>
        <dd>
          <button
            type="button"
            class="link"
            aria-label={`Open customer ${who}`}
            onClick={() => void open(sub.customer.id)}
          >
            {who}
          </button>
        </dd>
        {sub.items.map((item) => (
          <Fragment key={item.id}>
            <dt>Plan</dt>
            <dd>
              {item.name}: {price(item)}
              {item.quantity !== 1 && ` × ${item.quantity}`}
            </dd>
          </Fragment>
        ))}
        {sub.status !== 'canceled' && sub.currentPeriodEnd && (
          <>
            <dt>Period ends</dt>
            <dd>{formatDay(sub.currentPeriodEnd)}</dd>
          </>
        )}
        {sub.status === 'trialing' && sub.trialEnd && (
          <>
            <dt>Trial ends</dt>
            <dd>{formatDay(sub.trialEnd)}</dd>
          </>
        )}
        {sub.canceledAt && sub.status === 'canceled' && (
          <>
            <dt>Canceled</dt>
            <dd>{formatDay(sub.canceledAt)}</dd>
          </>
        )}
        <dt>Pays with</dt>
        <dd>{sub.defaultPaymentMethod ?? "The customer's default"}</dd>
        {sub.latestInvoice && (
          <>
            <dt>Latest invoice</dt>
            <dd>
              <button
                type="button"
                class="link"
                aria-label={`Open invoice ${sub.latestInvoice.number ?? sub.latestInvoice.id}`}
                onClick={() => void open(sub.latestInvoice!.id)}
              >
                {sub.latestInvoice.number ?? sub.latestInvoice.id}
              </button>
              {sub.latestInvoice.total !== null && sub.latestInvoice.currency && (
                <span class="muted">
                  {' '}
                  {formatMinorUnits(sub.latestInvoice.total, sub.latestInvoice.currency)}
                  {sub.latestInvoice.status ? `, ${sub.latestInvoice.status}` : ''}
                </span>
              )}
            </dd>
          </>
        )}
      </dl>
      {sub.foundInOtherMode && (
        <p class="notice" role="note">
          Found in {sub.mode} mode, with the {sub.accountLabel} key (not the active one).
        </p>
      )}
      {sub.pauseCollection && (
        <p class="notice" role="note" data-testid="subscription-paused">
          Collection is paused: {PAUSE_BEHAVIORS[sub.pauseCollection.behavior].explained}{' '}
          {sub.pauseCollection.resumesAt
            ? `It resumes on ${formatDay(sub.pauseCollection.resumesAt)}.`
            : 'It resumes only when resumed here or in the Dashboard.'}
        </p>
      )}
      {sub.cancelAtPeriodEnd && sub.cancelAt && !undo.asking && (
        <div class="notice" role="note" data-testid="subscription-cancel-scheduled">
          <p>
            Cancels on {formatDay(sub.cancelAt)}: the customer keeps it until then and is not
            charged again.
          </p>
          {idle && !notUndoableBecause(sub) && (
            <button type="button" class="secondary" onClick={() => start(undo)}>
              {undo.kept ? 'Retry undo' : 'Undo'}
            </button>
          )}
        </div>
      )}
      {done && (
        <p class="notice notice-success" role="status">
          {done}
        </p>
      )}
      {openError && <ErrorNotice error={openError} />}
      {error && <ErrorNotice error={error} />}

      {idle && (
        <div class="actions">
          {!notSchedulableBecause(sub) && (
            <button type="button" onClick={() => start(schedule)}>
              {schedule.kept ? 'Retry cancel at period end' : 'Cancel at period end'}
            </button>
          )}
          {!notCancelableBecause(sub) && (
            <button
              type="button"
              class={`danger ${live ? 'live' : ''}`}
              onClick={() => {
                setDone(null);
                setForm('cancel-now');
              }}
            >
              Cancel now…
            </button>
          )}
          {!notPausableBecause(sub) && !sub.pauseCollection && (
            <button
              type="button"
              class="secondary"
              onClick={() => {
                setDone(null);
                setForm('pause');
              }}
            >
              Pause collection…
            </button>
          )}
          {!notResumableBecause(sub) && (
            <button type="button" class="secondary" onClick={() => start(resume)}>
              {resume.kept ? 'Retry resume' : 'Resume collection'}
            </button>
          )}
        </div>
      )}

      {schedule.asking && (
        <ConfirmAction
          attempt={schedule}
          label="Confirm cancelling at the end of the period"
          busyLabel="Scheduling…"
        >
          <p>
            {live && <strong>LIVE: </strong>}
            Cancel at the end of the period: {who} keeps the subscription until {periodEnd}, then it
            ends and is not charged again. Nothing is refunded or credited. You can undo it until
            then.
          </p>
        </ConfirmAction>
      )}
      {undo.asking && (
        <ConfirmAction attempt={undo} label="Confirm undoing the cancellation" busyLabel="Undoing…">
          <p>
            {live && <strong>LIVE: </strong>}
            Undo the scheduled cancellation: the subscription renews on {periodEnd} and {who} is
            charged as before.
          </p>
        </ConfirmAction>
      )}
      {resume.asking && (
        <ConfirmAction attempt={resume} label="Confirm resuming collection" busyLabel="Resuming…">
          <p>
            {live && <strong>LIVE: </strong>}
            Resume collection: the next invoices are collected as usual. Invoices kept as drafts
            during the pause stay drafts until finalized.
          </p>
        </ConfirmAction>
      )}
      {form === 'cancel-now' && (
        <CancelNow
          card={card}
          subscription={sub}
          onCanceled={(next, sentence) => changed(sentence)(next)}
          onCancel={() => setForm('none')}
        />
      )}
      {form === 'pause' && (
        <PauseCollection
          card={card}
          subscription={sub}
          onPaused={changed('Collection paused.')}
          onCancel={() => setForm('none')}
        />
      )}
    </section>
  );
}
