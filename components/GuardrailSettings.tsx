import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../utils/messaging/ask-background';
import type { AgentFacingError } from '../utils/stripe/explain-failure';
import { CreditLimitSettings } from './CreditLimitSettings';
import { ErrorNotice } from './ErrorNotice';

export function GuardrailSettings() {
  const [creditLimits, setCreditLimits] = useState<Record<string, number>>({});
  const [returnUrl, setReturnUrl] = useState('');
  const [retention, setRetention] = useState('');
  const [autoLock, setAutoLock] = useState('');
  const [error, setError] = useState<AgentFacingError | null>(null);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    void askBackground({ type: 'settings.get' }).then((reply) => {
      if (!reply.ok) return setError(reply.error);
      setCreditLimits(reply.value.creditLimits);
      setReturnUrl(reply.value.portalReturnUrl ?? '');
      setRetention(String(reply.value.retentionDays));
      setAutoLock(String(reply.value.autoLockMinutes));
    });
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setSaved(false);
    setError(null);
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
        creditLimits,
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
        <CreditLimitSettings
          limits={creditLimits}
          onChange={(limits) => {
            setCreditLimits(limits);
            setSaved(false);
          }}
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
