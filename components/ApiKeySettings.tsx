import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../utils/account-store';
import type { SavedKeyReport } from '../utils/actions/save-api-key';
import { askBackground } from '../utils/messaging/ask-background';
import type { AgentFacingError } from '../utils/stripe/explain-failure';
import { ErrorNotice } from './ErrorNotice';
import { ModeBadge } from './ModeBadge';

export function ApiKeySettings() {
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AgentFacingError | null>(null);
  const [saved, setSaved] = useState<SavedKeyReport | null>(null);

  const refresh = async () => {
    const reply = await askBackground<AccountSummary[]>({ type: 'accounts.list' });
    if (reply.ok) setAccounts(reply.value);
    else setError(reply.error);
  };
  useEffect(() => void refresh(), []);

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(null);
    const reply = await askBackground<SavedKeyReport>({ type: 'accounts.save', apiKey: draft });
    setSaving(false);
    if (!reply.ok) return setError(reply.error);
    setDraft(''); // The full key is never shown again.
    setSaved(reply.value);
    await refresh();
  }

  async function remove(accountId: string) {
    const reply = await askBackground({ type: 'accounts.remove', accountId });
    if (!reply.ok) setError(reply.error);
    await refresh();
  }

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Stripe API keys</h2>
      <p class="muted">
        Use a restricted key (rk_…) with: Checkout Sessions — write; Customers — write; Customer
        portal — write; Subscriptions — read (optional: offers the “cancel a subscription” portal
        link). Keys stay in this browser's extension storage and are sent only to Stripe.
      </p>
      <form onSubmit={save}>
        <label for="api-key">API key</label>
        <input
          id="api-key"
          type="password"
          autoComplete="off"
          spellcheck={false}
          value={draft}
          onInput={(event) => setDraft(event.currentTarget.value)}
          placeholder="rk_test_… or sk_test_…"
        />
        <div class="actions">
          <button type="submit" disabled={saving || !draft}>
            {saving ? 'Checking with Stripe…' : 'Save'}
          </button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {saved && (
        <div class="notice notice-success" role="status">
          <p>
            Saved {saved.account.mode} key {saved.account.maskedKey}.
          </p>
          {saved.warning && <p>{saved.warning}</p>}
        </div>
      )}
      {accounts.length > 0 && (
        <ul class="account-list" aria-label="Saved keys">
          {accounts.map((account) => (
            <li key={account.id}>
              <ModeBadge mode={account.mode} /> <code>{account.maskedKey}</code>{' '}
              <span class="muted">
                {account.keyKind === 'restricted' ? 'restricted key' : 'secret key'}
              </span>{' '}
              <button type="button" class="secondary" onClick={() => void remove(account.id)}>
                Remove {account.mode} key
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
