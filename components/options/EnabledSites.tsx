import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../../utils/messaging/ask-background';
import { DECLARED_HELPDESK_MATCHES } from '../../utils/helpdesk-sites';
import type { SetByOrganisation } from '../../utils/policy/settings-in-force';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';
import { ErrorNotice } from '../shared/ErrorNotice';
import { SET_BY_ORGANISATION, SetByOrganisationNote } from './SetByOrganisation';

/** Declared helpdesks, and the sites the agent enabled from the popup (which can be removed). */
export function EnabledSites() {
  const [sites, setSites] = useState<string[]>([]);
  const [organisation, setOrganisation] = useState<SetByOrganisation | null>(null);
  const [markEmails, setMarkEmails] = useState<boolean | null>(null);
  const [error, setError] = useState<AgentFacingError | null>(null);
  useEffect(() => {
    void askBackground({ type: 'sites.list' }).then((r) => r.ok && setSites(r.value));
    void askBackground({ type: 'settings.get' }).then((r) => {
      if (!r.ok) return;
      setOrganisation(r.value.organisation);
      setMarkEmails(r.value.settings.markEmails);
    });
  }, []);
  const emailsLocked = organisation?.fields.includes('markEmails') ?? false;
  async function changeMarkEmails(on: boolean) {
    setError(null);
    // Only this field: the guardrails above save their own.
    const reply = await askBackground({ type: 'settings.save', settings: { markEmails: on } });
    if (!reply.ok) return setError(reply.error);
    setMarkEmails(reply.value.settings.markEmails);
  }
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
      <p class="checkbox-row">
        <input
          id="mark-emails"
          type="checkbox"
          checked={markEmails ?? true}
          disabled={markEmails === null || emailsLocked}
          aria-describedby={emailsLocked ? 'mark-emails-locked' : 'mark-emails-how'}
          onChange={(e) => void changeMarkEmails(e.currentTarget.checked)}
        />{' '}
        <label for="mark-emails">Mark email addresses too</label>
      </p>
      {emailsLocked ? (
        <SetByOrganisationNote id="mark-emails-locked" />
      ) : (
        <p id="mark-emails-how" class="muted">
          Clicking a marked address finds the Stripe customers with it. An address is sent only to
          Stripe, and only when you click it. Stripe IDs are marked either way.
        </p>
      )}
      {error && <ErrorNotice error={error} />}
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
