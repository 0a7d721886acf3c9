import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../utils/messaging/ask-background';
import { DECLARED_HELPDESK_MATCHES } from '../utils/helpdesk-sites';
import type { SetByOrganisation } from '../utils/policy/settings-in-force';
import { SET_BY_ORGANISATION } from './SetByOrganisation';

/** Declared helpdesks, and the sites the agent enabled from the popup (which can be removed). */
export function EnabledSites() {
  const [sites, setSites] = useState<string[]>([]);
  const [organisation, setOrganisation] = useState<SetByOrganisation | null>(null);
  useEffect(() => {
    void askBackground({ type: 'sites.list' }).then((r) => r.ok && setSites(r.value));
    void askBackground({ type: 'settings.get' }).then(
      (r) => r.ok && setOrganisation(r.value.organisation),
    );
  }, []);
  const orgSites = organisation?.helpdeskSites ?? null;
  async function disable(origin: string) {
    const reply = await askBackground({ type: 'sites.disable', origin });
    if (reply.ok) setSites(reply.value);
  }
  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Sites</h2>
      {orgSites && (
        <p class="locked" role="note">
          {SET_BY_ORGANISATION}: runs only on{' '}
          {organisation!.replaceBuiltInHelpdesks ? '' : 'the helpdesks below and on '}
          {orgSites.join(', ') || 'no other site'}. Each of these is enabled once with{' '}
          <strong>Enable on this site</strong> in the toolbar popup.
        </p>
      )}
      <p class="muted" hidden={organisation?.replaceBuiltInHelpdesks}>
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
