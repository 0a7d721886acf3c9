import { formatDay } from '../../../utils/dates';
import { useEffect, useState } from 'preact/hooks';
import type { PortalFlow } from '../../../utils/objects/customer/portal-link';
import { checkCreditRequest } from '../../../utils/objects/customer/credit-request';
import { formatMinorUnits, majorUnitsText } from '../../../utils/currency-units';
import { DEFAULT_GUARDRAILS, guardrailsOf } from '../../../utils/guardrails/limits';
import { describeBalance } from '../../../utils/objects/customer/view';
import { creditReviewLines } from '../../../utils/objects/customer/credit-review';
import { askBackground } from '../../../utils/messaging/ask-background';
import { askCard } from '../../card/ask-card';
import type { Settings } from '../../../utils/storage/settings-store';
import { CopyButton } from '../../shared/CopyButton';
import { CustomerInvoices } from './CustomerInvoices';
import { CustomerOpenSessions } from './CustomerOpenSessions';
import { CustomerPayments } from './CustomerPayments';
import { CustomerSubscriptions } from './CustomerSubscriptions';
import { ConfirmAction } from '../../confirm/ConfirmAction';
import { ReviewLines } from '../../confirm/ReviewLines';
import { errorOf, useAttempt } from '../../confirm/use-attempt';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { focusOnMount, KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import type { PanelProps } from '../../card/panel-props';
import { FormEnd } from '../../confirm/FormEnd';

/** A credit as the agent reviewed it: parsed values, so "20" and "20.00" are one credit. */
interface CreditParams {
  minorUnits: number;
  currency: string;
  note: string;
}
const sameCredit = (a: CreditParams, b: CreditParams) =>
  a.minorUnits === b.minorUnits && a.currency === b.currency && a.note === b.note;

interface PortalParams {
  flow: PortalFlow;
  subscriptionId?: string;
}

const EARLIER_STATE: Record<string, string> = {
  pending: 'Stripe has not answered yet',
  unknown: 'whether Stripe applied it is not known: check the Dashboard',
  unverified: 'Stripe accepted it, but its answer was not understood',
  succeeded: 'Stripe applied it',
  failed: 'Stripe did not apply it',
};

export function CustomerPanel(props: PanelProps<'customer'>) {
  const { view: customer, card } = props;
  const [form, setForm] = useState<'none' | 'credit' | 'portal'>('none');
  const [earlierState, setEarlierState] = useState<string | null>(null);
  const [today, setToday] = useState<{ usedMinor: number; limitMinor: number } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [portalUrl, setPortalUrl] = useState<string | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [amount, setAmount] = useState('');
  const [currency, setCurrency] = useState(customer.currency ?? '');
  const [note, setNote] = useState('');
  const [formProblem, setFormProblem] = useState<string | null>(null);
  // "none", "payment_method_update", or "cancel:<subscription id>".
  const [flowChoice, setFlowChoice] = useState('none');

  const who = customer.name ?? customer.email ?? customer.id;
  const credit = useAttempt({
    send: (attemptId, params: CreditParams) =>
      askCard(card, {
        type: 'customer.credit',
        attemptId,
        amount: majorUnitsText(params.minorUnits, params.currency),
        currency: params.currency,
        note: params.note,
      }),
    same: sameCredit,
    onDone: (value) => {
      const credited = formatMinorUnits(-value.amount, value.currency);
      setDone(
        `Credited ${credited} to ${who}. Balance now: ${describeBalance(value.endingBalance, value.currency)}.`,
      );
      setAmount('');
      setNote('');
      setForm('none');
      props.onChanged();
    },
  });
  const portal = useAttempt({
    send: (attemptId, params: PortalParams) =>
      askCard(card, { type: 'customer.portalLink', attemptId, ...params }),
    onDone: (value) => {
      setPortalUrl(value.url);
      setForm('none');
    },
  });
  const error = errorOf(credit.step) ?? errorOf(portal.step);
  const creditStep = credit.step;

  useEffect(() => {
    void askBackground({ type: 'settings.get' }).then(
      (reply) => reply.ok && setSettings(reply.value.settings),
    );
  }, []);

  // A new credit while an earlier one is in doubt: the agent sees what became of it.
  const earlier = creditStep.name === 'confirming' ? creditStep.earlier : null;
  useEffect(() => {
    setEarlierState(null);
    if (!earlier) return;
    void askBackground({ type: 'journal.attempt', attemptId: earlier.attemptId }).then((reply) =>
      setEarlierState(
        reply.ok && reply.value ? (EARLIER_STATE[reply.value.outcome] ?? null) : null,
      ),
    );
  }, [earlier?.attemptId]);

  const idle = form === 'none' && !credit.asking && !customer.deleted;
  const startCredit = () => setForm('credit');
  const startPortal = () => setForm('portal');
  useKeyShortcut('c', startCredit, idle);
  useKeyShortcut('p', startPortal, idle);

  if (customer.deleted)
    return (
      <p class="notice" role="note">
        This customer was deleted in Stripe, so no actions are offered.
      </p>
    );

  function review(event: Event) {
    event.preventDefault();
    const checked = checkCreditRequest({
      amount,
      currency,
      note,
      guardrails: settings ? guardrailsOf(settings) : DEFAULT_GUARDRAILS,
    });
    if (!checked.ok) return setFormProblem(checked.reason);
    setFormProblem(null);
    const params = {
      minorUnits: checked.minorUnits,
      currency: checked.currency,
      note: checked.note,
    };
    setToday(null);
    void askCard(card, { type: 'customer.dailyCredits', currency: params.currency }).then(
      (reply) => reply.ok && setToday(reply.value),
    );
    // The same credit again reuses its attempt (and idempotency key): Stripe applies it once.
    // Another credit is a new attempt, and the agent sees the earlier one beside it.
    credit.start(params);
  }

  function createPortalLink(event: Event) {
    event.preventDefault();
    if (!event.isTrusted) return;
    const [flow, subscriptionId] = flowChoice.startsWith('cancel:')
      ? (['subscription_cancel', flowChoice.slice('cancel:'.length)] as const)
      : ([flowChoice as PortalFlow, undefined] as const);
    void portal.run({ flow, ...(subscriptionId ? { subscriptionId } : {}) });
  }

  const reviewed = credit.asking && credit.params ? credit.params : null;
  const reviewLines = reviewed
    ? creditReviewLines({
        who,
        balance: customer.balance,
        balanceCurrency: customer.currency,
        ...reviewed,
      })
    : null;

  return (
    <section aria-label="Customer details">
      <dl class="facts">
        <dt>Name</dt>
        <dd>{customer.name ?? '—'}</dd>
        <dt>Email</dt>
        <dd>{customer.email ?? '—'}</dd>
        <dt>Balance</dt>
        <dd data-testid="customer-balance">
          {describeBalance(customer.balance, customer.currency)}
        </dd>
        <dt>Currency</dt>
        <dd>{customer.currency?.toUpperCase() ?? 'Not set yet'}</dd>
      </dl>
      {customer.foundInOtherMode && (
        <p class="notice" role="note">
          Found in {customer.mode} mode, with the {customer.accountLabel} key (not the active one).
        </p>
      )}
      {done && (
        <p class="notice notice-success" role="status">
          {done}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {portalUrl && (
        <div class="notice notice-success" role="status" aria-label="Portal link">
          <p>
            Portal link ready. It is short-lived and logs the customer in: send it only to them.
          </p>
          <p class="portal-url">
            <code>{portalUrl}</code>
          </p>
          <div class="actions">
            <CopyButton text={portalUrl} label="Copy link" />
            <a class="button secondary" href={portalUrl} target="_blank" rel="noreferrer">
              Open
            </a>
          </div>
        </div>
      )}

      {form === 'none' && !credit.asking && (
        <div class="actions">
          <button type="button" aria-keyshortcuts="c" onClick={startCredit}>
            Add credit <KeyHint shortcut="c" />
          </button>
          <button type="button" class="secondary" aria-keyshortcuts="p" onClick={startPortal}>
            Create portal link <KeyHint shortcut="p" />
          </button>
        </div>
      )}

      {form === 'credit' && !credit.asking && (
        <form class="stacked" onSubmit={review} aria-label="Add credit">
          <div class="row">
            <div>
              <label for="credit-amount">Amount</label>
              <input
                id="credit-amount"
                type="text"
                inputMode="decimal"
                autoComplete="off"
                ref={focusOnMount}
                value={amount}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
            </div>
            <div class="narrow">
              <label for="credit-currency">Currency</label>
              <input
                id="credit-currency"
                type="text"
                autoComplete="off"
                maxLength={3}
                value={currency.toUpperCase()}
                onInput={(e) => setCurrency(e.currentTarget.value)}
              />
            </div>
          </div>
          <label for="credit-note">Note</label>
          <input
            id="credit-note"
            type="text"
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <FormEnd problem={formProblem} submit="Review credit" onBack={() => setForm('none')} />
        </form>
      )}

      {reviewed && (
        <ConfirmAction
          label="Confirm the credit"
          live={customer.mode === 'live'}
          lines={reviewLines!}
          attempt={credit}
          busyLabel="Crediting…"
          cancelLabel="Back"
          after={
            today && (
              <p class="muted confirm-how" data-testid="credit-today">
                Credited on this account in the last 24 hours:{' '}
                {formatMinorUnits(today.usedMinor, reviewed.currency)} of{' '}
                {formatMinorUnits(today.limitMinor, reviewed.currency)}; this leaves{' '}
                {formatMinorUnits(
                  Math.max(0, today.limitMinor - today.usedMinor - reviewed.minorUnits),
                  reviewed.currency,
                )}
                .
              </p>
            )
          }
        >
          {earlier && (
            <div class="notice notice-error" role="alert" aria-label="Earlier credit">
              <p>
                An earlier credit of{' '}
                {formatMinorUnits(earlier.params.minorUnits, earlier.params.currency)} got no answer
                and may already be applied{earlierState ? ` (${earlierState})` : ''}. Confirm adds
                this one as a second credit.
              </p>
              <button type="button" class="secondary" onClick={() => credit.start(earlier.params)}>
                Retry the earlier credit instead
              </button>
            </div>
          )}
        </ConfirmAction>
      )}

      {form === 'portal' && (
        <form class="stacked" onSubmit={createPortalLink} aria-label="Create portal link">
          {props.reachedBy && (
            <p class="notice" role="note" data-testid="matched-by-email">
              This customer was matched by the ticket's email address ({props.reachedBy}), which a
              sender can forge. A portal link logs whoever opens it into this customer's account:
              send it only once you are sure the ticket is theirs.
            </p>
          )}
          <label for="portal-flow">Open the portal at</label>
          <select
            id="portal-flow"
            value={flowChoice}
            onChange={(e) => setFlowChoice(e.currentTarget.value)}
          >
            <option value="none">Portal home</option>
            <option value="payment_method_update">Update payment method</option>
            {customer.activeSubscriptions.map((sub) => (
              <option key={sub.id} value={`cancel:${sub.id}`}>
                Cancel subscription: {sub.label}
              </option>
            ))}
          </select>
          {/* Created at once, so this is its review: every field the link is made with. */}
          <ReviewLines
            lines={[
              { label: 'Logs in', value: who, aside: 'whoever opens the link, while it lasts' },
              {
                label: 'Opens at',
                value: flowChoice.startsWith('cancel:')
                  ? `Cancel subscription: ${customer.activeSubscriptions.find((sub) => `cancel:${sub.id}` === flowChoice)?.label ?? flowChoice.slice('cancel:'.length)}`
                  : flowChoice === 'payment_method_update'
                    ? 'Update payment method'
                    : 'Portal home',
              },
              {
                label: 'Returns to',
                value: settings?.portalReturnUrl ?? "the portal's default return address",
              },
              {
                label: 'Portal',
                value: settings?.portalConfigurationId ?? "the account's default configuration",
              },
            ]}
          />
          <div class="actions">
            <button type="submit" disabled={portal.busy}>
              {portal.busy ? 'Creating…' : 'Create link'}
            </button>
            <button type="button" class="secondary" onClick={() => setForm('none')}>
              Cancel
            </button>
          </div>
        </form>
      )}

      <CustomerPayments
        token={card.token}
        payments={customer.recentPayments}
        onOpened={props.onChanged}
      />
      <CustomerOpenSessions card={card} mode={customer.mode} sessions={customer.openSessions} />
      <CustomerSubscriptions
        token={card.token}
        subscriptions={customer.subscriptions}
        onOpened={props.onChanged}
      />
      <CustomerInvoices
        token={card.token}
        invoices={customer.recentInvoices}
        onOpened={props.onChanged}
      />

      {/* Last: it appears or grows when the card reloads after a credit, and content added
          above the actions would move them under the agent's pointer as they click. */}
      {customer.recentTransactions.length > 0 && (
        <details>
          <summary>Recent balance transactions ({customer.recentTransactions.length})</summary>
          <ul class="transactions">
            {customer.recentTransactions.map((t) => (
              <li key={t.id}>
                <time dateTime={new Date(t.created * 1000).toISOString()}>
                  {formatDay(t.created)}
                </time>{' '}
                {t.amount < 0 ? 'Credit' : 'Debit'}{' '}
                {formatMinorUnits(Math.abs(t.amount), t.currency)}
                {t.description ? ` — ${t.description}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
