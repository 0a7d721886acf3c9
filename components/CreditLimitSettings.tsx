import { useState } from 'preact/hooks';
import { DEFAULT_CREDIT_LIMITS } from '../utils/credit-limit-defaults';
import { creditLimitFor, formatLimit } from '../utils/guardrails';
import { checkCurrency } from '../utils/money-input';

/**
 * The per-credit limits the agent set, by currency, over the defaults (each of about the
 * value of US$100). Edits stay here until the Guardrails form is saved.
 */
export function CreditLimitSettings(props: {
  limits: Readonly<Record<string, number>>;
  onChange: (limits: Record<string, number>) => void;
}) {
  const [currency, setCurrency] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const code = currency.trim().toLowerCase();
  const known = /^[a-z]{3}$/.test(code) && checkCurrency(code) === null;
  const fallback = known ? creditLimitFor(code, { creditLimits: {} }) : null;

  function setLimit() {
    const currencyProblem = checkCurrency(code);
    if (currencyProblem) return setProblem(currencyProblem);
    const figure = Number(amount.trim().replace(/[\s,']/g, ''));
    if (!/^\d+$/.test(amount.trim().replace(/[\s,']/g, '')) || figure < 1 || figure > 99_999_999)
      return setProblem(
        `Enter the limit as a whole number of ${code.toUpperCase()} from 1 to 99,999,999.`,
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
      <legend>Largest credit per action, by currency</legend>
      <p class="muted">
        Every currency has a default of about the value of US$100 ({formatLimit(100, 'usd')},{' '}
        {formatLimit(DEFAULT_CREDIT_LIMITS.eur!, 'eur')},{' '}
        {formatLimit(DEFAULT_CREDIT_LIMITS.jpy!, 'jpy')},{' '}
        {formatLimit(DEFAULT_CREDIT_LIMITS.kwd!, 'kwd')}). Set your own for the currencies you use.
      </p>
      {set.length > 0 && (
        <ul class="limits" aria-label="Limits you set">
          {set.map(([c, figure]) => (
            <li key={c}>
              <span>
                {c.toUpperCase()}: {formatLimit(figure, c)} per credit
              </span>
              <button type="button" class="secondary" onClick={() => remove(c)}>
                Remove {c.toUpperCase()}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="row">
        <div class="narrow">
          <label for="limit-currency">Currency</label>
          <input
            id="limit-currency"
            type="text"
            maxLength={3}
            autoComplete="off"
            value={currency.toUpperCase()}
            onInput={(e) => setCurrency(e.currentTarget.value)}
          />
        </div>
        <div>
          <label for="limit-amount">Limit per credit</label>
          <input
            id="limit-amount"
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={amount}
            onInput={(e) => setAmount(e.currentTarget.value)}
          />
        </div>
      </div>
      {fallback !== null && (
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
          Set limit
        </button>
      </div>
    </fieldset>
  );
}
