import { useEffect, useState } from 'preact/hooks';
import type { PortalFlow } from '../../../utils/objects/customer/portal-link';
import { checkCreditRequest } from '../../../utils/objects/customer/credit-request';
import { formatMinorUnits, majorUnitsText } from '../../../utils/currency-units';
import { DEFAULT_GUARDRAILS, guardrailsOf } from '../../../utils/guardrails/limits';
import { describeBalance, formatSignedBalance } from '../../../utils/objects/customer/view';
import { askBackground } from '../../../utils/messaging/ask-background';
import type { Settings } from '../../../utils/storage/settings-store';
import type { AgentFacingError } from '../../../utils/stripe/explain-failure';
import { CopyButton } from '../../shared/CopyButton';
import { CustomerInvoices } from './CustomerInvoices';
import { CustomerOpenSessions } from './CustomerOpenSessions';
import { ConfirmButton } from '../../confirm/ConfirmButton';
import { ConfirmQuestion } from '../../confirm/ConfirmQuestion';
import { ErrorNotice } from '../../shared/ErrorNotice';
import { focusOnMount, KeyHint, useKeyShortcut } from '../../shared/KeyShortcut';
import type { PanelProps } from '../../card/panel-props';

type Mode =
  | { name: 'idle' }
  | { name: 'credit-form' }
  | ({ name: 'credit-review'; attemptId: string; earlier: CreditAttempt | null } & CreditParams)
  | { name: 'portal-form' };

interface CreditParams {
  minorUnits: number;
  currency: string;
  note: string;
}
/** A credit sent whose answer never came: Stripe may have applied it. */
interface CreditAttempt extends CreditParams {
  attemptId: string;
}
const sameCredit = (a: CreditParams, b: CreditParams) =>
  a.minorUnits === b.minorUnits && a.currency === b.currency && a.note === b.note;

const EARLIER_STATE: Record<string, string> = {
  pending: 'Stripe has not answered yet',
  unknown: 'whether Stripe applied it is not known: check the Dashboard',
  unverified: 'Stripe accepted it, but its answer was not understood',
  succeeded: 'Stripe applied it',
  failed: 'Stripe did not apply it',
};

export function CustomerPanel(props: PanelProps<'customer'>) {
  const { view: customer, token } = props;
  const [mode, setMode] = useState<Mode>({ name: 'idle' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AgentFacingError | null>(null);
  /** The portal link attempt a retry must reuse (its key), after no answer. */
  const [unresolvedPortal, setUnresolvedPortal] = useState<string | null>(null);
  /** The credit whose answer never came; a retry of the same credit reuses its attempt. */
  const [inFlightCredit, setInFlightCredit] = useState<CreditAttempt | null>(null);
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

  useEffect(() => {
    void askBackground({ type: 'settings.get' }).then(
      (reply) => reply.ok && setSettings(reply.value.settings),
    );
  }, []);

  const idle = mode.name === 'idle' && !customer.deleted;
  const startCredit = () => setMode({ name: 'credit-form' });
  const startPortal = () => setMode({ name: 'portal-form' });
  useKeyShortcut('c', startCredit, idle);
  useKeyShortcut('p', startPortal, idle);

  if (customer.deleted)
    return (
      <p class="notice" role="note">
        This customer was deleted in Stripe, so no actions are offered.
      </p>
    );

  const who = customer.name ?? customer.email ?? customer.id;

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
    // The same credit again reuses its attempt (and idempotency key): Stripe applies it once.
    // Another credit is a new attempt, and the agent sees the earlier one beside it.
    setToday(null);
    void askBackground({ type: 'customer.dailyCredits', token, currency: params.currency }).then(
      (reply) => reply.ok && setToday(reply.value),
    );
    if (inFlightCredit && sameCredit(inFlightCredit, params))
      return setMode({
        name: 'credit-review',
        attemptId: inFlightCredit.attemptId,
        earlier: null,
        ...params,
      });
    setMode({
      name: 'credit-review',
      attemptId: crypto.randomUUID(),
      earlier: inFlightCredit,
      ...params,
    });
    if (inFlightCredit) {
      setEarlierState(null);
      void askBackground({ type: 'journal.attempt', attemptId: inFlightCredit.attemptId }).then(
        (reply) =>
          setEarlierState(
            reply.ok && reply.value ? (EARLIER_STATE[reply.value.outcome] ?? null) : null,
          ),
      );
    }
  }

  function retryEarlierCredit() {
    if (!inFlightCredit) return;
    setMode({ name: 'credit-review', ...inFlightCredit, earlier: null });
  }

  async function confirmCredit() {
    if (mode.name !== 'credit-review') return;
    setBusy(true);
    setError(null);
    const reply = await askBackground({
      type: 'customer.credit',
      token,
      attemptId: mode.attemptId,
      amount: majorUnitsText(mode.minorUnits, mode.currency),
      currency: mode.currency,
      note: mode.note,
    });
    setBusy(false);
    if (!reply.ok) {
      setError(reply.error);
      setInFlightCredit(
        reply.error.unresolved
          ? {
              attemptId: mode.attemptId,
              minorUnits: mode.minorUnits,
              currency: mode.currency,
              note: mode.note,
            }
          : inFlightCredit?.attemptId === mode.attemptId
            ? null
            : inFlightCredit,
      );
      return setMode({ name: 'credit-form' });
    }
    if (inFlightCredit?.attemptId === mode.attemptId) setInFlightCredit(null);
    const credited = formatMinorUnits(-reply.value.amount, reply.value.currency);
    setDone(
      `Credited ${credited} to ${who}. Balance now: ${describeBalance(reply.value.endingBalance, reply.value.currency)}.`,
    );
    setAmount('');
    setNote('');
    setMode({ name: 'idle' });
    props.onChanged();
  }

  async function createPortalLink(event: Event) {
    event.preventDefault();
    if (!event.isTrusted) return;
    setBusy(true);
    setError(null);
    // A retry after no answer reuses the attempt (and its idempotency key).
    const attemptId = unresolvedPortal ?? crypto.randomUUID();
    const [flow, subscriptionId] = flowChoice.startsWith('cancel:')
      ? (['subscription_cancel', flowChoice.slice('cancel:'.length)] as const)
      : ([flowChoice as PortalFlow, undefined] as const);
    const reply = await askBackground({
      type: 'customer.portalLink',
      token,
      attemptId,
      flow,
      ...(subscriptionId ? { subscriptionId } : {}),
    });
    setBusy(false);
    if (!reply.ok) {
      setUnresolvedPortal(reply.error.unresolved ? attemptId : null);
      return setError(reply.error);
    }
    setUnresolvedPortal(null);
    setPortalUrl(reply.value.url);
    setMode({ name: 'idle' });
  }

  const preview =
    mode.name === 'credit-review'
      ? (() => {
          const sameCurrency = !customer.currency || customer.currency === mode.currency;
          const credit = formatMinorUnits(mode.minorUnits, mode.currency);
          return sameCurrency
            ? `Credit ${credit} to ${who} — balance becomes ${formatSignedBalance(customer.balance - mode.minorUnits, mode.currency)}`
            : `Credit ${credit} to ${who}. Their balance is in ${customer.currency!.toUpperCase()}: this ${mode.currency.toUpperCase()} credit applies only to ${mode.currency.toUpperCase()} invoices.`;
        })()
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

      {mode.name === 'idle' && (
        <div class="actions">
          <button type="button" aria-keyshortcuts="c" onClick={startCredit}>
            Add credit <KeyHint shortcut="c" />
          </button>
          <button type="button" class="secondary" aria-keyshortcuts="p" onClick={startPortal}>
            Create portal link <KeyHint shortcut="p" />
          </button>
        </div>
      )}

      {mode.name === 'credit-form' && (
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
          {formProblem && (
            <p class="notice notice-error" role="alert">
              {formProblem}
            </p>
          )}
          <div class="actions">
            <button type="submit">Review credit</button>
            <button type="button" class="secondary" onClick={() => setMode({ name: 'idle' })}>
              Cancel
            </button>
          </div>
        </form>
      )}

      {mode.name === 'credit-review' && (
        <ConfirmQuestion label="Confirm the credit">
          {mode.earlier && (
            <div class="notice notice-error" role="alert" aria-label="Earlier credit">
              <p>
                An earlier credit of{' '}
                {formatMinorUnits(mode.earlier.minorUnits, mode.earlier.currency)} got no answer and
                may already be applied{earlierState ? ` (${earlierState})` : ''}. Confirm adds this
                one as a second credit.
              </p>
              <button type="button" class="secondary" onClick={retryEarlierCredit}>
                Retry the earlier credit instead
              </button>
            </div>
          )}
          <p data-testid="credit-preview">
            {customer.mode === 'live' && <strong>LIVE: </strong>}
            {preview}
          </p>
          <div class="actions">
            <ConfirmButton
              busy={busy}
              busyLabel="Crediting…"
              onConfirm={() => void confirmCredit()}
            />
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => setMode({ name: 'credit-form' })}
            >
              Back
            </button>
          </div>
          {/* Below the buttons: it arrives a moment later and must not move them. */}
          {today && (
            <p class="muted confirm-how" data-testid="credit-today">
              Credited on this account in the last 24 hours:{' '}
              {formatMinorUnits(today.usedMinor, mode.currency)} of{' '}
              {formatMinorUnits(today.limitMinor, mode.currency)}; this leaves{' '}
              {formatMinorUnits(
                Math.max(0, today.limitMinor - today.usedMinor - mode.minorUnits),
                mode.currency,
              )}
              .
            </p>
          )}
        </ConfirmQuestion>
      )}

      {mode.name === 'portal-form' && (
        <form
          class="stacked"
          onSubmit={(e) => void createPortalLink(e)}
          aria-label="Create portal link"
        >
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
          <div class="actions">
            <button type="submit" disabled={busy}>
              {busy ? 'Creating…' : 'Create link'}
            </button>
            <button type="button" class="secondary" onClick={() => setMode({ name: 'idle' })}>
              Cancel
            </button>
          </div>
        </form>
      )}

      <CustomerOpenSessions token={token} mode={customer.mode} sessions={customer.openSessions} />
      <CustomerInvoices
        token={token}
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
                  {new Date(t.created * 1000).toLocaleDateString()}
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
