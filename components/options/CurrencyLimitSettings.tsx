import { useState } from 'preact/hooks';
import { MAX_CURRENCY_LIMIT } from '../../utils/guardrails/defaults';
import { formatLimit } from '../../utils/guardrails/limits';
import { checkCurrency } from '../../utils/money-input';
import {
  beyondBound,
  whyAtMost,
  type LimitBound,
  type LimitField,
} from '../../utils/policy/limit-bounds';
import { SET_BY_ORGANISATION } from './SetByOrganisation';

/**
 * Limits by currency that the agent sets over the defaults: the largest credit per action,
 * or the most an account may credit in 24 hours. Currencies the organisation fixed are shown
 * and cannot be changed; those it bounds may be lowered, and say how far they may go (the
 * background checks the same bounds again). Each change is saved as it is made (GuardrailSettings).
 */
export function CurrencyLimitSettings(props: {
  /** Tells the two editors' fields apart: "limit", "daily". */
  idPrefix: string;
  field: LimitField;
  legend: string;
  explanation: preact.ComponentChildren;
  amountLabel: string;
  /** "per credit", "in 24 hours". */
  per: string;
  limits: Readonly<Record<string, number>>;
  /** How far the organisation lets the agent's figure for a currency go. */
  boundFor: (currency: string) => LimitBound;
  /**
   * Figures in force that follow from what the organisation set, for currencies without one
   * of the agent's (a day bounded by a pinned per-credit limit), shown so the cap is seen.
   */
  implied?: Readonly<Record<string, number>>;
  defaultFor: (currency: string) => number | null;
  onChange: (limits: Record<string, number>) => void;
}) {
  const [currency, setCurrency] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const code = currency.trim().toLowerCase();
  const known = /^[a-z]{3}$/.test(code) && checkCurrency(code) === null;
  const fallback = known ? props.defaultFor(code) : null;
  const isLocked = (c: string) => props.boundFor(c).kind === 'pinned';
  const typedBound = known ? props.boundFor(code) : null;

  function setLimit() {
    const currencyProblem = checkCurrency(code);
    if (currencyProblem) return setProblem(currencyProblem);
    if (isLocked(code))
      return setProblem(
        `The limit for ${code.toUpperCase()} is set by your organisation and cannot be changed here.`,
      );
    const typed = amount.trim().replace(/[\s,']/g, '');
    const figure = Number(typed);
    if (!/^\d+$/.test(typed) || figure < 1 || figure > MAX_CURRENCY_LIMIT)
      return setProblem(
        `Enter the limit as a whole number of ${code.toUpperCase()} from 1 to ${MAX_CURRENCY_LIMIT.toLocaleString('en')}.`,
      );
    const beyond = beyondBound(props.field, code, figure, props.boundFor(code));
    if (beyond)
      return setProblem(`${beyond.reason}.${beyond.most ? ` Enter ${beyond.most} or less.` : ''}`);
    setProblem(null);
    props.onChange({ ...props.limits, [code]: figure });
    setCurrency('');
    setAmount('');
  }

  const remove = (removed: string) =>
    props.onChange(Object.fromEntries(Object.entries(props.limits).filter(([c]) => c !== removed)));

  const implied = Object.entries(props.implied ?? {}).filter(
    ([c]) => !Object.hasOwn(props.limits, c),
  );
  const set = [...Object.entries(props.limits), ...implied].sort(([a], [b]) => a.localeCompare(b));
  /** What the organisation's bound on a listed currency says beside it. */
  const boundNote = (c: string) => {
    const bound = props.boundFor(c);
    if (bound.kind !== 'atMost') return null;
    return (
      <span class="locked">
        {SET_BY_ORGANISATION}: at most {formatLimit(bound.figure, c)},{' '}
        {whyAtMost(props.field, bound)}
      </span>
    );
  };
  return (
    <fieldset class="credit-limits">
      <legend>{props.legend}</legend>
      <p class="muted">{props.explanation}</p>
      {set.length > 0 && (
        <ul class="limits" aria-label={`${props.legend}: limits set`}>
          {set.map(([c, figure]) => (
            <li key={c}>
              <span>
                {c.toUpperCase()}: {formatLimit(figure, c)} {props.per}
              </span>
              {isLocked(c) ? <span class="locked">{SET_BY_ORGANISATION}</span> : boundNote(c)}
              {!isLocked(c) && Object.hasOwn(props.limits, c) && (
                <button type="button" class="secondary" onClick={() => remove(c)}>
                  Remove {c.toUpperCase()}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <div class="narrow">
          <label for={`${props.idPrefix}-currency`}>Currency</label>
          <input
            id={`${props.idPrefix}-currency`}
            type="text"
            maxLength={3}
            autoComplete="off"
            value={currency.toUpperCase()}
            onInput={(e) => setCurrency(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for={`${props.idPrefix}-amount`}>{props.amountLabel}</label>
          <input
            id={`${props.idPrefix}-amount`}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </div>
      </div>
      {typedBound?.kind === 'atMost' ? (
        <p class="muted">
          Your organisation allows at most {formatLimit(typedBound.figure, code)} for{' '}
          {code.toUpperCase()} {props.per} ({whyAtMost(props.field, typedBound)}); a lower figure is
          yours to set.
        </p>
      ) : (
        fallback !== null &&
        typedBound?.kind === 'none' && (
          <p class="muted">
            Default for {code.toUpperCase()}: {formatLimit(fallback, code)}.
          </p>
        )
      )}
      {problem && (
        <p class="notice notice-error" role="alert">
          {problem}
        </p>
      )}
      <div class="actions">
        <button type="button" class="secondary" onClick={setLimit}>
          Set {props.amountLabel.toLowerCase()}
        </button>
      </div>
    </fieldset>
  );
}
