import { useState } from 'preact/hooks';
import { MAX_CURRENCY_LIMIT } from '../../utils/guardrails/defaults';
import { formatLimit } from '../../utils/guardrails/limits';
import { checkCurrency } from '../../utils/money-input';
import { SET_BY_ORGANISATION } from './SetByOrganisation';

/**
 * Limits by currency that the agent sets over the defaults: the largest credit per action,
 * or the most an account may credit in 24 hours. Currencies the organisation fixed are shown
 * and cannot be changed. Edits stay here until the Guardrails form is saved.
 */
export function CurrencyLimitSettings(props: {
  /** Tells the two editors' fields apart: "limit", "daily". */
  idPrefix: string;
  legend: string;
  explanation: preact.ComponentChildren;
  amountLabel: string;
  /** "per credit", "in 24 hours". */
  per: string;
  limits: Readonly<Record<string, number>>;
  lockedCurrencies: readonly string[];
  defaultFor: (currency: string) => number | null;
  onChange: (limits: Record<string, number>) => void;
}) {
  const [currency, setCurrency] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const code = currency.trim().toLowerCase();
  const known = /^[a-z]{3}$/.test(code) && checkCurrency(code) === null;
  const fallback = known ? props.defaultFor(code) : null;
  const isLocked = (c: string) => props.lockedCurrencies.includes(c);

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
    setProblem(null);
    props.onChange({ ...props.limits, [code]: figure });
    setCurrency('');
    setAmount('');
  }

  const remove = (removed: string) =>
    props.onChange(Object.fromEntries(Object.entries(props.limits).filter(([c]) => c !== removed)));

  const set = Object.entries(props.limits).sort(([a], [b]) => a.localeCompare(b));
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
              {isLocked(c) ? (
                <span class="locked">{SET_BY_ORGANISATION}</span>
              ) : (
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
      {fallback !== null && !isLocked(code) && (
        <p class="muted">
          Default for {code.toUpperCase()}: {formatLimit(fallback, code)}.
        </p>
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
