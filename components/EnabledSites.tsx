import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../utils/messaging/ask-background';
import { DECLARED_HELPDESK_MATCHES } from '../utils/helpdesk-sites';

/** Declared helpdesks, and the sites the agent enabled from the popup (which can be removed). */
export function EnabledSites() {
  const [sites, setSites] = useState<string[]>([]);
  useEffect(() => {
    void askBackground({ type: 'sites.list' }).then((r) => r.ok && setSites(r.value));
  }, []);
  async function disable(origin: string) {
    const reply = await askBackground({ type: 'sites.disable', origin });
    if (reply.ok) setSites(reply.value);
  }
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      <p class="muted">
        Runs on{' '}
        {DECLARED_HELPDESK_MATCHES.map((m) => m.replace('https://', '').replace('/*', '')).join(
          ', ',
        )}
        . Use <strong>Enable on this site</strong> in the toolbar popup for any other helpdesk.
      </p>
      {sites.length > 0 && (
        <ul class="account-list" aria-label="Sites you enabled">
          {sites.map((origin) => (
            <li key={origin}>
              <code>{origin}</code>{' '}
              <button type="button" class="secondary" onClick={() => void disable(origin)}>
                Disable {origin}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
