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

type TextField =
  | 'retentionDays'
  | 'autoLockMinutes'
  | 'portalReturnUrl'
  | 'portalConfigurationId'
  | 'agentName'
  | 'ownEmails';

/** What each field saves as, or the sentence saying what to fix; and its name in "… saved." */
const TEXT_FIELDS: Record<
  TextField,
  { saved: string; read: (typed: string) => { value: unknown } | { problem: string } }
> = {
  retentionDays: {
    saved: 'How long the activity log is kept',
    read: (typed) =>
      /^\d+$/.test(typed) && Number(typed) >= 1 && Number(typed) <= 3650
        ? { value: Number(typed) }
        : { problem: 'Keep the activity log between 1 and 3650 days.' },
  },
  autoLockMinutes: {
    saved: 'When the lock locks itself',
    read: (typed) =>
      /^\d+$/.test(typed) && Number(typed) >= 1 && Number(typed) <= 1440
        ? { value: Number(typed) }
        : { problem: 'Lock after between 1 and 1440 minutes (a day) without use.' },
  },
  portalReturnUrl: {
    saved: 'The portal return URL',
    read: (typed) =>
      !typed || /^https:\/\/[^\s]+$/.test(typed)
        ? { value: typed || null }
        : { problem: 'The return URL must be a full https:// address, or empty.' },
  },
  portalConfigurationId: {
    saved: 'The portal configuration',
    read: (typed) =>
      !typed || PORTAL_CONFIGURATION_ID.test(typed)
        ? { value: typed || null }
        : {
            problem:
              'The portal configuration is an ID starting bpc_ (Stripe Dashboard → Settings → Billing → Customer portal), or empty for the default.',
          },
  },
  ownEmails: {
    saved: 'Your own addresses',
    read: (typed) => {
      const addresses = typed.split(/[\s,;]+/).filter(Boolean);
      const wrong = addresses.find((address) => !/^[^\s@]+@[^\s@]+$/.test(address));
      if (wrong) return { problem: `"${wrong}" is not an email address.` };
      if (addresses.length > 20) return { problem: 'List at most 20 of your own addresses.' };
      return { value: addresses.map((address) => address.toLowerCase()) };
    },
  },
  agentName: {
    saved: 'Your name',
    read: (typed) =>
      typed.length > 60
        ? { problem: 'Keep your name to 60 characters.' }
        : { value: typed || null },
  },
};

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
    agentName: '',
    ownEmails: '',
  });
  const [organisation, setOrganisation] = useState<SetByOrganisation>(NOTHING_SET);
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<AgentFacingError | null>(null);
  /** What was saved last, said until the next change: "Your name saved." */
  const [saved, setSaved] = useState<string | null>(null);

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
        agentName: settings.agentName ?? '',
        ownEmails: settings.ownEmails.join(', '),
      });
      setOrganisation(reply.value.organisation);
      setWarnings(reply.value.warnings);
    });
  }, []);

  const locked = (field: TextField) => (organisation.fields as readonly string[]).includes(field);
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
        onInput={(e) => setText({ ...text, [name]: e.currentTarget.value })}
        // Saved as it is committed (leaving the field, or Enter): nothing waits for a button.
        onChange={(e) => void saveText(name, e.currentTarget.value)}
      />
      {locked(name) && <SetByOrganisationNote id={`${name}-locked`} />}
    </>
  );

  /** Saves only `fields`, and says so; the background refuses what the organisation set. */
  async function saveFields(fields: Record<string, unknown>, what: string): Promise<boolean> {
    setSaved(null);
    setError(null);
    const reply = await askBackground({ type: 'settings.save', settings: fields });
    if (!reply.ok) {
      setError({ ...reply.error, message: `${what} was not saved. ${reply.error.message}` });
      return false;
    }
    setSaved(`${what} saved.`);
    return true;
  }

  async function saveText(name: TextField, typed: string) {
    if (locked(name)) return;
    const read = TEXT_FIELDS[name].read(typed.trim());
    if ('problem' in read) {
      setSaved(null);
      return setError({ message: `${read.problem} Nothing was saved.` });
    }
    await saveFields({ [name]: read.value }, TEXT_FIELDS[name].saved);
  }

  async function saveLimits(
    limitField: LimitField,
    limits: Record<string, number>,
    previous: Record<string, number>,
    set: (limits: Record<string, number>) => void,
  ) {
    set(limits);
    const stored = await saveFields(
      { [limitField]: limits },
      limitField === 'creditLimits' ? 'Largest credit per action' : 'Most credited in 24 hours',
    );
    // Shown as it is stored: a limit refused is not left on screen as if it held.
    if (!stored) set(previous);
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
      <p class="muted">Each change is saved as you make it.</p>
      {/* Enter in a field commits it (saved by its change event), never a whole-form post. */}
      <form onSubmit={(event) => event.preventDefault()}>
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
          onChange={(limits) =>
            void saveLimits('creditLimits', limits, creditLimits, setCreditLimits)
          }
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
          onChange={(limits) =>
            void saveLimits('dailyCreditLimits', limits, dailyLimits, setDailyLimits)
          }
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
        {field('agentName', 'Your name (optional; recorded with each change you make)', {
          autoComplete: 'name',
          maxLength: '60',
        })}
        {field(
          'ownEmails',
          'Your own email addresses (never marked on a page nor searched from one; separate them with commas)',
          { autoComplete: 'off', placeholder: 'you@yourcompany.com' },
        )}
      </form>
      <div class="save-state" aria-live="polite">
        {error && <ErrorNotice error={error} />}
        {saved && (
          <p class="notice notice-success" role="status">
            {saved}
          </p>
        )}
      </div>
    </section>
  );
}
