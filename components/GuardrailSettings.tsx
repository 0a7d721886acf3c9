import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../utils/messaging/ask-background';
import type { AgentFacingError } from '../utils/stripe/explain-failure';
import { ErrorNotice } from './ErrorNotice';

export function GuardrailSettings() {
  const [maxCredit, setMaxCredit] = useState('');
  const [returnUrl, setReturnUrl] = useState('');
  const [retention, setRetention] = useState('');
  const [autoLock, setAutoLock] = useState('');
  const [error, setError] = useState<AgentFacingError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void askBackground({ type: 'settings.get' }).then((reply) => {
      if (!reply.ok) return setError(reply.error);
      setMaxCredit(String(reply.value.maxCreditMajorUnits));
      setReturnUrl(reply.value.portalReturnUrl ?? '');
      setRetention(String(reply.value.retentionDays));
      setAutoLock(String(reply.value.autoLockMinutes));
    });
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    setError(null);
    const max = Number(maxCredit.trim());
    if (!/^\d+$/.test(maxCredit.trim()) || max < 1)
      return setError({ message: 'The maximum credit must be a whole number of at least 1.' });
    const days = Number(retention.trim());
    if (!/^\d+$/.test(retention.trim()) || days < 1 || days > 3650)
      return setError({ message: 'Keep the activity log between 1 and 3650 days.' });
    const lockAfter = Number(autoLock.trim());
    if (!/^\d+$/.test(autoLock.trim()) || lockAfter < 1 || lockAfter > 1440)
      return setError({
        message: 'Lock after between 1 and 1440 minutes (a day) without use.',
      });
    const url = returnUrl.trim();
    if (url && !/^https:\/\/[^\s]+$/.test(url))
      return setError({ message: 'The return URL must be a full https:// address, or empty.' });
    const reply = await askBackground({
      type: 'settings.save',
      settings: {
        maxCreditMajorUnits: max,
        retentionDays: days,
        autoLockMinutes: lockAfter,
        portalReturnUrl: url || null,
      },
    });
    if (!reply.ok) return setError(reply.error);
    setSaved(true);
  }

  return (
    <section aria-labelledby="guardrails-heading">
      <h2 id="guardrails-heading">Guardrails and links</h2>
      <form onSubmit={save}>
        <label for="max-credit">Maximum credit per action (in the currency's main unit)</label>
        <input
          id="max-credit"
          type="text"
          inputMode="numeric"
          value={maxCredit}
          onInput={(e) => setMaxCredit(e.currentTarget.value)}
        />
        <label for="retention">Keep the activity log for (days)</label>
        <input
          id="retention"
          type="text"
          inputMode="numeric"
          value={retention}
          onInput={(e) => setRetention(e.currentTarget.value)}
        />
        <label for="auto-lock">Lock the passphrase lock after this many minutes unused</label>
        <input
          id="auto-lock"
          type="text"
          inputMode="numeric"
          value={autoLock}
          onInput={(e) => setAutoLock(e.currentTarget.value)}
        />
        <label for="return-url">Portal return URL (optional)</label>
        <input
          id="return-url"
          type="url"
          placeholder="https://example.com/account"
          value={returnUrl}
          onInput={(e) => setReturnUrl(e.currentTarget.value)}
        />
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
