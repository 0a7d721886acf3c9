import { useEffect, useState } from 'preact/hooks';
import type { AccountSummary } from '../../utils/storage/account-store';
import type { SavedKeyReport } from '../../utils/background/save-api-key';
import { askBackground } from '../../utils/messaging/ask-background';
import type { NeededPermission } from '../../utils/stripe/key-permissions';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';
import { ErrorNotice } from '../shared/ErrorNotice';
import { ModeBadge } from '../shared/ModeBadge';

/**
 * What a saved key lacks, by the Dashboard's names. A key saved by an earlier version kept
 * Stripe's internal `rak_…` names, which the Dashboard never shows: it asks for a new save.
 */
const lacksInWords = (missing: readonly string[]) => {
  const named = missing.filter((name) => !name.startsWith('rak_'));
  const older = missing.length - named.length;
  return [
    ...named,
    ...(older
      ? [
          `${older === 1 ? 'a permission' : `${older} permissions`} (save the key again to see which)`,
        ]
      : []),
  ].join(', ');
};

export function ApiKeySettings() {
  const [accounts, setAccounts] = useState<AccountSummary[]>([]);
  const [draft, setDraft] = useState('');
  const [label, setLabel] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AgentFacingError | null>(null);
  const [saved, setSaved] = useState<SavedKeyReport | null>(null);
  const [needed, setNeeded] = useState<NeededPermission[]>([]);

  const refresh = async () => {
    const reply = await askBackground({ type: 'accounts.list' });
    if (reply.ok) setAccounts(reply.value);
    else setError(reply.error);
  };
  useEffect(() => {
    void refresh();
    void askBackground({ type: 'accounts.permissionsNeeded' }).then(
      (reply) => reply.ok && setNeeded(reply.value),
    );
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setSaved(null);
    const reply = await askBackground({
      type: 'accounts.save',
      apiKey: draft,
      ...(label.trim() ? { label: label.trim() } : {}),
    });
    setSaving(false);
    if (!reply.ok) return setError(reply.error);
    setDraft(''); // The full key is never shown again.
    setLabel('');
    setSaved(reply.value);
    await refresh();
  }

  async function makeActive(accountId: string) {
    const reply = await askBackground({ type: 'accounts.setActive', accountId });
    if (reply.ok) setAccounts(reply.value);
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
        Keys stay in this browser's extension storage and are sent only to Stripe. Use a restricted
        key (rk_…) with these permissions, as the Stripe Dashboard names them (Developers → API keys
        → Create restricted key):
      </p>
      <table class="permissions" aria-label="Permissions a restricted key needs">
        <thead>
          <tr>
            <th>Permission</th>
            <th>Lets the cards</th>
          </tr>
        </thead>
        <tbody>
          {needed.map((permission) => (
            <tr key={permission.name}>
              <td>
                {permission.name}
                {!permission.required && <span class="muted"> (optional)</span>}
              </td>
              <td>{permission.jobs.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
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
        <label for="account-name">Account name (optional)</label>
        <input
          id="account-name"
          type="text"
          maxLength={80}
          value={label}
          onInput={(event) => setLabel(event.currentTarget.value)}
          placeholder="Defaults to the business name in Stripe"
        />
        <div class="actions">
          <button type="submit" disabled={saving || !draft}>
            {saving ? 'Checking with Stripe…' : 'Save'}
          </button>
        </div>
      </form>
      {error && <ErrorNotice error={error} />}
      {saved && (
        <div
          class={`notice ${!saved.usable ? 'notice-error' : saved.warning ? 'notice-warning' : 'notice-success'}`}
          role={saved.usable ? 'status' : 'alert'}
        >
          <p>
            Saved {saved.account.mode} key {saved.account.maskedKey} as “{saved.account.label}”
            {saved.account.stripeAccountId ? ` (${saved.account.stripeAccountId})` : ''}.
          </p>
          {saved.warning && <p>{saved.warning}</p>}
        </div>
      )}
      {accounts.length > 0 && (
        <ul class="account-list" aria-label="Saved keys">
          {accounts.map((account) => (
            <li key={account.id}>
              <ModeBadge mode={account.mode} />
              <span class="account-name">
                <strong>{account.label}</strong> <code>{account.maskedKey}</code>{' '}
                <span class="muted">
                  {account.keyKind === 'restricted' ? 'restricted key' : 'secret key'}
                  {account.stripeAccountId ? ` · ${account.stripeAccountId}` : ''}
                  {account.active ? ' · active' : ''}
                </span>
                {account.missingPermissions.length > 0 && (
                  <span class="muted missing">
                    {' '}
                    Lacks: {lacksInWords(account.missingPermissions)}
                  </span>
                )}
              </span>
              {!account.active && (
                <button type="button" class="secondary" onClick={() => void makeActive(account.id)}>
                  Make active
                </button>
              )}
              <button
                type="button"
                class="secondary"
                aria-label={`Remove ${account.label} ${account.maskedKey}`}
                onClick={() => void remove(account.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
