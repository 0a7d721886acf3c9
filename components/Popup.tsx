import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountSummary } from '../utils/account-store';
import { askBackground } from '../utils/messaging/ask-background';
import { ModeBadge } from './ModeBadge';

export function Popup() {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  useEffect(() => {
    void askBackground<AccountSummary[]>({ type: 'accounts.list' }).then((reply) =>
      setAccounts(reply.ok ? reply.value : []),
    );
  }, []);
  return (
    <main class="popup">
      <h1>Stripe Actions</h1>
      {accounts?.length === 0 && <p>No API key yet. Add one in Options to start.</p>}
      {accounts && accounts.length > 0 && (
        <ul class="account-list" aria-label="Saved keys">
          {accounts.map((a) => (
            <li key={a.id}>
              <ModeBadge mode={a.mode} /> <code>{a.maskedKey}</code>
            </li>
          ))}
        </ul>
      )}
      <p class="muted">Click a highlighted Stripe ID on a helpdesk page to act on it.</p>
      <button
        type="button"
        class="secondary"
        onClick={() => void browser.runtime.openOptionsPage()}
      >
        Open options
      </button>
    </main>
  );
}
