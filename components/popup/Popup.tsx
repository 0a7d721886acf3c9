import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { AccountSummary } from '../../utils/storage/account-store';
import type { JournalRecord } from '../../utils/journal/activity-journal';
import { askBackground } from '../../utils/messaging/ask-background';
import {
  journalActionLabel,
  KIND_FACTS,
  type ObjectKindFacts,
} from '../../utils/objects/kind-facts';
import { isDeclaredSite } from '../../utils/helpdesk-sites';
import { originPattern, siteOriginOf } from '../../utils/site-origin';
import { watchPageIds } from '../../utils/watch-page-ids';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';
import { parseCardSubject, type CardKind } from '../../utils/card-subject';
import { describeInvalidEmail, EMAIL_MARKER, extractEmailAddress } from '../../utils/email-grammar';
import { describeInvalidStripeId, extractStripeId } from '../../utils/stripe-id-grammar';
import type { EarlyInput } from './early-input';
import { ErrorNotice } from '../shared/ErrorNotice';
import { focusOnMount, KeyHint, useKeyShortcut } from '../shared/KeyShortcut';
import { ModeBadge } from '../shared/ModeBadge';
import { VaultPanel } from '../shared/VaultPanel';

interface ActiveTab {
  id: number;
  origin: string | null;
}

/**
 * The tab the agent is looking at. When the popup is opened in a window of its own (a
 * detached popup, or a test), that is the active tab of a normal window instead.
 */
async function pageTabBehindPopup() {
  const [current] = await browser.tabs.query({ active: true, currentWindow: true });
  if (current?.url && !current.url.startsWith(browser.runtime.getURL('/'))) return current;
  const [behind] = await browser.tabs.query({ active: true, windowType: 'normal' });
  return behind;
}

/**
 * popup.html paints a static copy of the first frame before any script runs, so the agent
 * can start typing at once; whatever was typed there is carried over, never cleared.
 */
const typedBeforeScripts = () =>
  (document.getElementById('lookup') as HTMLInputElement | null)?.value ?? '';

/** The card's code is loaded when a card is first opened, not on every popup open. */
type ActionCardModule = typeof import('../card/ActionCard');
let actionCardModule: Promise<ActionCardModule> | null = null;
function loadActionCard(): Promise<ActionCardModule | null> {
  actionCardModule ??= import('../card/ActionCard');
  return actionCardModule.catch(() => {
    actionCardModule = null; // A later click tries again.
    return null;
  });
}

/** The page's Stripe IDs, then its email addresses: each in the order the page shows them. */
const idsBeforeEmails = (found: string[]) => {
  const kinds = found.map((subject) => parseCardSubject(subject)?.kind);
  return [
    ...found.filter((_, i) => kinds[i] !== 'customer_email'),
    ...found.filter((_, i) => kinds[i] === 'customer_email'),
  ];
};

const listLabelOf = (kind: CardKind) => {
  const facts: ObjectKindFacts = KIND_FACTS[kind];
  return facts.listLabel ?? facts.title;
};

const shortId = (id: string) => (id.length > 28 ? `${id.slice(0, 20)}…${id.slice(-6)}` : id);

/** `early`: what the agent did in popup.html's static first frame, replayed here. */
export function Popup({ early }: { early?: EarlyInput } = {}) {
  const [accounts, setAccounts] = useState<AccountSummary[] | null>(null);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [pageIds, setPageIds] = useState<string[] | null>(null);
  const showPageIds = (found: string[]) => setPageIds(idsBeforeEmails(found));
  /** The content script is not running on the tab and could not be started there. */
  const [notRunning, setNotRunning] = useState(false);
  /** The sites the agent enabled; null until the background has said. */
  const [sites, setSites] = useState<string[] | null>(null);
  const [recent, setRecent] = useState<JournalRecord[]>([]);
  const [search, setSearch] = useState(typedBeforeScripts);
  const [problem, setProblem] = useState<AgentFacingError | null>(null);
  const [cardToken, setCardToken] = useState<string | null>(null);
  const [cardModule, setCardModule] = useState<ActionCardModule | null>(null);

  useEffect(() => {
    if (early?.submitted) submitSearch();
    void askBackground({ type: 'accounts.list' }).then((r) => {
      setAccounts(r.ok ? r.value : []);
      // Read by `npm run bench:popup`: the popup is useful once the account is known.
      requestAnimationFrame(() => performance.mark('popup-ready'));
      // Ready before the agent picks an ID, without delaying the popup's first frames.
      setTimeout(() => void loadActionCard(), 0);
    });
    void askBackground({ type: 'sites.list' }).then((r) => setSites(r.ok ? r.value : []));
    void askBackground({ type: 'journal.recent', limit: 10 }).then(
      (r) => r.ok && setRecent(r.value),
    );
    void (async () => {
      const active = await pageTabBehindPopup();
      if (active?.id === undefined) return setPageIds([]);
      const tabId = active.id;
      setTab({ id: tabId, origin: active.url ? siteOriginOf(active.url) : null });
      watchPageIds(tabId, showPageIds, {
        start: async () => {
          const reply = await askBackground({ type: 'sites.startOnTab', tabId });
          return reply.ok && reply.value;
        },
        notRunning: () => setNotRunning(true),
      });
    })();
  }, []);

  async function openCard(objectId: string) {
    setProblem(null);
    const [reply, module] = await Promise.all([
      askBackground({ type: 'popup.openCard', objectId }),
      loadActionCard(),
    ]);
    if (!reply.ok) return setProblem(reply.error);
    if (!module)
      return setProblem({
        message: 'The card could not be loaded. Close the popup and open it again.',
      });
    setCardModule(module);
    setCardToken(reply.value.token);
  }

  function submitSearch(event?: Event) {
    event?.preventDefault();
    const pasted = search.trim();
    const found = extractStripeId(pasted)?.id ?? extractEmailAddress(pasted);
    if (found) return void openCard(found);
    // No ID holds an @: with one, an address was meant.
    setProblem({
      message: pasted.includes(EMAIL_MARKER)
        ? describeInvalidEmail(pasted)
        : /^[a-z]+_/.test(pasted)
          ? describeInvalidStripeId(pasted)
          : // Nothing like an ID at all ("hello"): say every kind of thing the box takes.
            `Nothing to open in "${pasted.slice(0, 40)}". Paste a Stripe ID (cus_…, in_…, cs_test_…), a Dashboard or checkout URL that holds one, or a customer's email address.`,
    });
  }

  async function switchAccount(accountId: string) {
    const reply = await askBackground({ type: 'accounts.setActive', accountId });
    if (reply.ok) setAccounts(reply.value);
  }

  async function enableHere() {
    if (!tab?.origin) return;
    // Must run straight from the click: browsers ask the agent only during a user gesture.
    const granted = await browser.permissions.request({ origins: [originPattern(tab.origin)] });
    if (!granted)
      return setProblem({ message: 'Access to this site was not granted, so nothing changed.' });
    // In Chrome the popup closed as the prompt showed, and this line is never reached: the
    // background enables the site on the grant itself (siteAccessGranted). Where the popup
    // stays open (Firefox), this asks for the same, once.
    const reply = await askBackground({ type: 'sites.enable', origin: tab.origin });
    if (!reply.ok) return setProblem(reply.error);
    setSites(reply.value);
    watchPageIds(tab.id, showPageIds); // It runs on the tab now.
  }

  async function disableHere() {
    if (!tab?.origin) return;
    const reply = await askBackground({ type: 'sites.disable', origin: tab.origin });
    if (!reply.ok) return;
    setSites(reply.value);
    setPageIds([]); // Stopped on the tab, marks and all.
  }

  const openNth = (n: number) => {
    const id = pageIds?.[n - 1];
    if (id && !cardToken) void openCard(id);
  };
  // A digit pressed before the scripts loaded opens its ID once the page's IDs are known.
  const [pendingNth, setPendingNth] = useState(early?.openNth ?? null);
  useEffect(() => {
    if (pendingNth === null || pageIds === null) return;
    setPendingNth(null);
    openNth(pendingNth);
  }, [pageIds, pendingNth]);
  useKeyShortcut(
    (key) => /^[1-9]$/.test(key),
    (key) => openNth(Number(key)),
    !cardToken,
  );
  useKeyShortcut('/', () => document.getElementById('lookup')?.focus(), !cardToken);
  useKeyShortcut('escape', () => setCardToken(null), !!cardToken);

  if (cardToken && cardModule)
    return (
      <div class="popup popup-card">
        <cardModule.ActionCard token={cardToken} onClose={() => setCardToken(null)} />
      </div>
    );

  const active = accounts?.find((a) => a.active);
  const siteState = !tab?.origin
    ? null
    : isDeclaredSite(tab.origin)
      ? 'declared'
      : sites === null
        ? null
        : sites.includes(tab.origin)
          ? 'enabled'
          : 'off';

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>Stripe Actions</h1>
        {active && <ModeBadge mode={active.mode} />}
        {/* In the header: reachable however long the lists below are. */}
        <button
          type="button"
          class="secondary small"
          onClick={() => void browser.runtime.openOptionsPage()}
        >
          Open options
        </button>
      </header>

      <VaultPanel compact />
      {accounts?.length === 0 && <p>No API key yet. Add one in Options to start.</p>}
      {accounts?.length === 1 && active && (
        <p class="muted" data-testid="popup-account">
          {active.mode === 'live' ? 'LIVE' : 'Test'} · {active.label} · {active.maskedKey}
        </p>
      )}
      {accounts && accounts.length > 1 && (
        <p>
          <label for="account">Active account</label>
          <select
            id="account"
            value={active?.id}
            onChange={(e) => void switchAccount(e.currentTarget.value)}
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.mode === 'live' ? 'LIVE' : 'Test'} · {a.label} · {a.maskedKey}
              </option>
            ))}
          </select>
        </p>
      )}

      <form onSubmit={submitSearch} class="popup-search">
        <label for="lookup">Stripe ID, Dashboard URL or email</label>
        <div class="row">
          <input
            id="lookup"
            type="text"
            value={search}
            onInput={(e) => setSearch(e.currentTarget.value)}
            onKeyDown={(e) => {
              // No ID starts with a digit: in the empty box, 1–9 open the IDs listed below.
              if (!search && e.isTrusted && /^[1-9]$/.test(e.key) && pageIds?.[Number(e.key) - 1]) {
                e.preventDefault();
                openNth(Number(e.key));
              }
            }}
            placeholder="cus_…, cs_test_…, an email, or 1–9"
            ref={focusOnMount}
          />
          <button type="submit">Open</button>
        </div>
      </form>
      {problem && <ErrorNotice error={problem} />}

      <section aria-labelledby="on-page">
        <h2 id="on-page">On this page</h2>
        {siteState === 'off' ? (
          // Known as soon as the tab's address is: nothing to look for on the page.
          <p class="muted">
            Not enabled on {new URL(tab!.origin!).host}, so its Stripe IDs are not looked for.
          </p>
        ) : (
          <>
            {pageIds === null && <p class="muted">Looking…</p>}
            {pageIds?.length === 0 && (
              <p class="muted">
                {/* Not running on a site it runs on, or on a tab whose address the popup was
                    not given: most likely open since before an install or update. */}
                {notRunning
                  ? 'Reload this tab to find its Stripe IDs: it was open before the extension was installed or updated.'
                  : 'No Stripe IDs found on this page.'}
              </p>
            )}
          </>
        )}
        {pageIds && pageIds.length > 0 && (
          <ul class="id-list">
            {pageIds.map((id, index) => {
              const parsed = parseCardSubject(id)!;
              return (
                <li key={id}>
                  <button
                    type="button"
                    class="secondary id-button"
                    onClick={() => void openCard(id)}
                    title={id}
                    aria-keyshortcuts={index < 9 ? String(index + 1) : undefined}
                  >
                    <span class="id-kind">{listLabelOf(parsed.kind)}</span>{' '}
                    <code>{shortId(id)}</code> <ModeBadge mode={parsed.mode} />
                    {index < 9 && <KeyHint shortcut={String(index + 1)} />}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        {siteState === 'off' && (
          <button type="button" class="secondary" onClick={() => void enableHere()}>
            Enable on this site
          </button>
        )}
        {siteState === 'enabled' && (
          <button type="button" class="secondary" onClick={() => void disableHere()}>
            Disable on this site
          </button>
        )}
      </section>

      {recent.length > 0 && (
        <section aria-labelledby="recent">
          <h2 id="recent">Recent activity</h2>
          <ul class="recent-list">
            {recent.map((r) => (
              <li key={r.id}>
                {journalActionLabel(r.action, 'short')} <code>{shortId(r.objectId)}</code> —{' '}
                {r.outcome}
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
