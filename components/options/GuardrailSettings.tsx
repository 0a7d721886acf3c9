import { useEffect, useState } from 'preact/hooks';
import { DAILY_LIMIT_MULTIPLE, DEFAULT_CREDIT_LIMITS } from '../../utils/guardrails/defaults';
import { creditLimitFor, DEFAULT_GUARDRAILS, formatLimit } from '../../utils/guardrails/limits';
import { askBackground } from '../../utils/messaging/ask-background';
import { PORTAL_CONFIGURATION_ID } from '../../utils/portal-configuration';
import { limitBound, type LimitField } from '../../utils/policy/limit-bounds';
import type { SetByOrganisation } from '../../utils/policy/settings-in-force';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';
import { CurrencyLimitSettings } from './CurrencyLimitSettings';
import { ErrorNotice } from '../shared/ErrorNotice';
import { PolicyWarnings, SET_BY_ORGANISATION, SetByOrganisationNote } from './SetByOrganisation';

type TextField = 'retentionDays' | 'autoLockMinutes' | 'portalReturnUrl' | 'portalConfigurationId';

const NOTHING_SET: SetByOrganisation = {
  fields: [],
  limitPolicy: { creditLimits: {}, dailyCreditLimits: {}, lockLimits: false },
  liveKeysAllowed: true,
  passphraseLockRequired: false,
  helpdeskSites: null,
  replaceBuiltInHelpdesks: false,
};

export function GuardrailSettings() {
  const [creditLimits, setCreditLimits] = useState<Record<string, number>>({});
  const [dailyLimits, setDailyLimits] = useState<Record<string, number>>({});
  const [text, setText] = useState<Record<TextField, string>>({
    retentionDays: '',
    autoLockMinutes: '',
    portalReturnUrl: '',
    portalConfigurationId: '',
  });
  const [organisation, setOrganisation] = useState<SetByOrganisation>(NOTHING_SET);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<AgentFacingError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void askBackground({ type: 'settings.get' }).then((reply) => {
      if (!reply.ok) return setError(reply.error);
      const { settings } = reply.value;
      setCreditLimits(settings.creditLimits);
      setDailyLimits(settings.dailyCreditLimits);
      setText({
        retentionDays: String(settings.retentionDays),
        autoLockMinutes: String(settings.autoLockMinutes),
        portalReturnUrl: settings.portalReturnUrl ?? '',
        portalConfigurationId: settings.portalConfigurationId ?? '',
      });
      setOrganisation(reply.value.organisation);
      setWarnings(reply.value.warnings);
    });
  }, []);

  const locked = (field: TextField) => organisation.fields.includes(field);
  const field = (name: TextField, label: string, extra: Record<string, string> = {}) => (
    <>
      <label for={name}>{label}</label>
      <input
        id={name}
        type="text"
        {...extra}
        value={text[name]}
        readOnly={locked(name)}
        aria-describedby={locked(name) ? `${name}-locked` : undefined}
        onInput={(e) => {
          setText({ ...text, [name]: e.currentTarget.value });
          setSaved(false);
        }}
      />
      {locked(name) && <SetByOrganisationNote id={`${name}-locked`} />}
    </>
  );

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const retention = text.retentionDays.trim();
    const days = Number(retention);
    if (!/^\d+$/.test(retention) || days < 1 || days > 3650)
      return setError({ message: 'Keep the activity log between 1 and 3650 days.' });
    const autoLock = text.autoLockMinutes.trim();
    const lockAfter = Number(autoLock);
    if (!/^\d+$/.test(autoLock) || lockAfter < 1 || lockAfter > 1440)
      return setError({
        message: 'Lock after between 1 and 1440 minutes (a day) without use.',
      });
    const url = text.portalReturnUrl.trim();
    if (url && !/^https:\/\/[^\s]+$/.test(url))
      return setError({ message: 'The return URL must be a full https:// address, or empty.' });
    const configuration = text.portalConfigurationId.trim();
    if (configuration && !PORTAL_CONFIGURATION_ID.test(configuration))
      return setError({
        message:
          'The portal configuration is an ID starting bpc_ (Stripe Dashboard → Settings → Billing → Customer portal), or empty for the default.',
      });
    const reply = await askBackground({
      type: 'settings.save',
      settings: {
        creditLimits,
        dailyCreditLimits: dailyLimits,
        retentionDays: days,
        autoLockMinutes: lockAfter,
        portalReturnUrl: url || null,
        portalConfigurationId: configuration || null,
      },
    });
    if (!reply.ok) return setError(reply.error);
    setSaved(true);
  }

  const perCreditFor = (code: string) =>
    creditLimitFor(code, { ...DEFAULT_GUARDRAILS, creditLimits });
  const boundFor = (limitField: LimitField) => (code: string) =>
    limitBound(limitField, code, organisation.limitPolicy);
  // A pinned per-credit limit caps its currency's day: shown even where the agent set no daily.
  const dailyCapsFromPinnedPerCredit = Object.fromEntries(
    Object.keys(organisation.limitPolicy.creditLimits).flatMap((code) => {
      const bound = limitBound('dailyCreditLimits', code, organisation.limitPolicy);
      return bound.kind === 'atMost' ? [[code, bound.figure]] : [];
    }),
  );
  return (
    <section aria-labelledby="guardrails-heading">
      <h2 id="guardrails-heading">Guardrails and links</h2>
      <PolicyWarnings warnings={warnings} />
      {!organisation.liveKeysAllowed && (
        <p class="locked" role="note">
          {SET_BY_ORGANISATION}: live-mode keys are not allowed.
        </p>
      )}
      {organisation.passphraseLockRequired && (
        <p class="locked" role="note">
          {SET_BY_ORGANISATION}: the passphrase lock is required.
        </p>
      )}
      {organisation.limitPolicy.lockLimits && (
        <p class="locked" role="note">
          {SET_BY_ORGANISATION}: limits can be lowered here, never raised above the organisation's
          own figures or, for currencies it did not list, above the defaults.
        </p>
      )}
      <form onSubmit={save}>
        <CurrencyLimitSettings
          idPrefix="limit"
          field="creditLimits"
          legend="Largest credit per action, by currency"
          explanation={
            <>
              Every currency has a default of about the value of US$100 ({formatLimit(100, 'usd')},{' '}
              {formatLimit(DEFAULT_CREDIT_LIMITS.eur!, 'eur')},{' '}
              {formatLimit(DEFAULT_CREDIT_LIMITS.jpy!, 'jpy')},{' '}
              {formatLimit(DEFAULT_CREDIT_LIMITS.kwd!, 'kwd')}). Set your own for the currencies you
              use.
            </>
          }
          amountLabel="Limit per credit"
          per="per credit"
          limits={creditLimits}
          boundFor={boundFor('creditLimits')}
          defaultFor={(code) => creditLimitFor(code, DEFAULT_GUARDRAILS)}
          onChange={(limits) => {
            setCreditLimits(limits);
            setSaved(false);
          }}
        />
        <CurrencyLimitSettings
          idPrefix="daily"
          field="dailyCreditLimits"
          legend="Most credited per account in 24 hours, by currency"
          explanation={
            <>
              Counted from the activity log over the last 24 hours. Without a figure of your own, a
              currency's daily limit is {DAILY_LIMIT_MULTIPLE} times its per-credit limit.
            </>
          }
          amountLabel="Daily limit"
          per="in 24 hours"
          limits={dailyLimits}
          boundFor={boundFor('dailyCreditLimits')}
          implied={dailyCapsFromPinnedPerCredit}
          defaultFor={(code) => {
            const perCredit = perCreditFor(code);
            return perCredit === null ? null : perCredit * DAILY_LIMIT_MULTIPLE;
          }}
          onChange={(limits) => {
            setDailyLimits(limits);
            setSaved(false);
          }}
        />
        {field('retentionDays', 'Keep the activity log for (days)', { inputMode: 'numeric' })}
        {field('autoLockMinutes', 'Lock the passphrase lock after this many minutes unused', {
          inputMode: 'numeric',
        })}
        {field('portalReturnUrl', 'Portal return URL (optional)', {
          type: 'url',
          placeholder: 'https://example.com/account',
        })}
        {field('portalConfigurationId', 'Portal configuration ID (optional)', {
          placeholder: 'bpc_…',
          autoComplete: 'off',
        })}
        <div class="actions">
          <button type="submit">Save settings</button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {saved && (
        <p class="notice notice-success" role="status">
          Settings saved.
        </p>
      )}
    </section>
  );
}
