import { browser } from 'wxt/browser';
import type { BackgroundToContentMessage } from './messaging/content-messages';
import { CONTENT_SCRIPT_FILE, DECLARED_HELPDESK_MATCHES, isDeclaredSite } from './helpdesk-sites';
import { MARKS_CSS_FILE } from './page/mark-styles';
import { createSerialQueue } from './serial-queue';
import { currentPolicy } from './policy/policy-source';
import { siteAllowedByPolicy, siteNotAllowedReason } from './policy/site-policy';
import { originPattern, siteOriginOf } from './site-origin';

/**
 * Sites beyond the declared helpdesks, enabled one by one by the agent: an optional host
 * permission (asked for by the popup, on the agent's click) plus a content script registered
 * for that origin only.
 */
const SCRIPT_ID_PREFIX = 'site:';
const scriptIdFor = (origin: string) => `${SCRIPT_ID_PREFIX}${origin}`;
type ScriptPath = NonNullable<
  Parameters<typeof browser.scripting.executeScript>[0]['files']
>[number];
// Built by wxt.config.ts, not as a WXT entrypoint, so WXT's list of script paths lacks it.
const CONTENT_SCRIPT_PATH = `/${CONTENT_SCRIPT_FILE}` as ScriptPath;
const MARKS_CSS_PATH = `/${MARKS_CSS_FILE}`;

/**
 * Whether the organisation's policy (the last valid one) lets the extension run on an
 * origin. An unknown origin (null) is allowed only where the policy lists no sites.
 */
export async function organisationAllows(origin: string | null): Promise<boolean> {
  const { policy } = await currentPolicy();
  if (origin === null) return !policy.helpdeskSites;
  return siteAllowedByPolicy(origin, policy, isDeclaredSite);
}

/**
 * Applies the organisation's site list: a site enabled earlier that the policy no longer
 * allows loses its script, and the open tabs of every site not allowed stop at once.
 * Returns the origins stopped, for their cards' grants to end too.
 */
export function applySitePolicy(): Promise<string[]> {
  return oneAtATime(async () => {
    const { policy } = await currentPolicy();
    const allows = (origin: string) => siteAllowedByPolicy(origin, policy, isDeclaredSite);
    const enabled = await listEnabledSites();
    const dropped = enabled.filter((origin) => !allows(origin));
    if (dropped.length)
      await browser.scripting.unregisterContentScripts({ ids: dropped.map(scriptIdFor) });
    const tabs = await browser.tabs
      .query({ url: [...DECLARED_HELPDESK_MATCHES, ...dropped.map(originPattern)] })
      .catch(() => []);
    const stopped = new Set(dropped);
    const stop: BackgroundToContentMessage = { type: 'content.stop' };
    for (const tab of tabs) {
      const origin = tab.url ? siteOriginOf(tab.url) : null;
      if (!origin || allows(origin) || tab.id === undefined) continue;
      stopped.add(origin);
      await browser.tabs.sendMessage(tab.id, stop).catch(() => undefined);
    }
    return [...stopped];
  });
}

export async function listEnabledSites(): Promise<string[]> {
  const scripts = await browser.scripting.getRegisteredContentScripts();
  return scripts
    .filter((script) => script.id.startsWith(SCRIPT_ID_PREFIX))
    .map((script) => script.id.slice(SCRIPT_ID_PREFIX.length))
    .sort();
}

export type SiteChange = { ok: true; sites: string[] } | { ok: false; reason: string };

/**
 * One change to the sites at a time: a grant reaches the background both as the browser's
 * event and as the popup's request, and two registrations under one ID would fail.
 */
const oneAtATime = createSerialQueue();

/**
 * Registers the content script for an origin the agent has granted, and runs it at once in
 * the site's open tabs. A site already enabled is left as it is: its tabs run the script.
 */
export function enableSite(origin: string): Promise<SiteChange> {
  return oneAtATime(async () => {
    if (!(await organisationAllows(origin)))
      return { ok: false, reason: siteNotAllowedReason(origin) };
    if (isDeclaredSite(origin))
      return { ok: false, reason: 'This helpdesk is supported already; reload the page.' };
    const granted = await browser.permissions.contains({ origins: [originPattern(origin)] });
    if (!granted)
      return { ok: false, reason: 'Access to this site was not granted, so nothing changed.' };
    if (!(await listEnabledSites()).includes(origin)) {
      await browser.scripting.registerContentScripts([
        {
          id: scriptIdFor(origin),
          matches: [originPattern(origin)],
          js: [CONTENT_SCRIPT_PATH],
          css: [MARKS_CSS_PATH],
          allFrames: true,
          matchOriginAsFallback: true,
          runAt: 'document_idle',
          persistAcrossSessions: true,
        },
      ]);
      // A tab may have closed or moved on meanwhile; the registration stands.
      await inEachOpenTab(origin, runContentScriptIn);
    }
    return { ok: true, sites: await listEnabledSites() };
  });
}

/**
 * The browser granted access to sites: each one (a whole https origin) is enabled. The popup
 * asks for access, but Chrome closes the popup as it shows the prompt, so the popup never
 * learns the answer; the grant reaches the background as this event whatever happens to it.
 */
export async function siteAccessGranted({ origins = [] }: { origins?: string[] }) {
  for (const origin of origins.map(originOfPattern))
    // A site that fails here still shows "Enable on this site", whose answer says why.
    if (origin) await enableSite(origin).catch(() => undefined);
}

/** Access taken back (here, or in the browser's settings): the site's script goes too. */
export function siteAccessRemoved({ origins = [] }: { origins?: string[] }) {
  return oneAtATime(async () => {
    const enabled = await listEnabledSites();
    const ids = origins
      .map(originOfPattern)
      .filter((origin): origin is string => origin !== null && enabled.includes(origin))
      .map(scriptIdFor);
    if (ids.length) await browser.scripting.unregisterContentScripts({ ids });
  });
}

/**
 * Tells every open tab the content script runs in. Every tab is asked: the built-in
 * helpdesks' tabs cannot be told apart (the extension holds no host access to them, so their
 * addresses are hidden from it), and a tab without the content script just does not answer.
 */
export async function tellHelpdeskTabs(message: BackgroundToContentMessage): Promise<void> {
  const tabs = await browser.tabs.query({}).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, message).catch(() => undefined),
    ),
  );
}

/** Runs `act` for each open tab of `origin`, each failure (a tab gone) left to that tab. */
async function inEachOpenTab(origin: string, act: (tabId: number) => Promise<unknown>) {
  const tabs = await browser.tabs.query({ url: originPattern(origin) }).catch(() => []);
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : act(tab.id).catch(() => undefined))),
  );
}

/** `https://acme.example` from `https://acme.example/*`; null for wider patterns. */
function originOfPattern(pattern: string): string | null {
  const host = /^https:\/\/([^/*]+)\/\*$/.exec(pattern)?.[1];
  return host ? siteOriginOf(`https://${host}/`) : null;
}

/** Runs the content script in every frame of `tabId` that the extension may access. */
async function runContentScriptIn(tabId: number) {
  const target = { tabId, allFrames: true };
  await browser.scripting.insertCSS({ target, files: [MARKS_CSS_PATH] });
  await browser.scripting.executeScript({ target, files: [CONTENT_SCRIPT_PATH] });
}

/**
 * Starts the content script in a tab on a supported site where it is not running: the tab
 * was opened before the extension was installed or updated, and Chrome runs content scripts
 * only in pages loaded afterwards. Possible only with access to the tab, which the toolbar
 * button and the keyboard shortcuts give (activeTab). Resolves to whether it started.
 */
export async function startOnTab(tabId: number): Promise<boolean> {
  try {
    const { url } = await browser.tabs.get(tabId);
    const origin = url ? siteOriginOf(url) : null;
    if (!origin) return false;
    if (!isDeclaredSite(origin) && !(await listEnabledSites()).includes(origin)) return false;
    if (!(await organisationAllows(origin))) return false;
    await runContentScriptIn(tabId);
    return true;
  } catch {
    return false; // No access to the tab, or it closed or moved on.
  }
}

export function disableSite(origin: string): Promise<SiteChange> {
  return oneAtATime(async () => {
    if ((await listEnabledSites()).includes(origin))
      await browser.scripting.unregisterContentScripts({ ids: [scriptIdFor(origin)] });
    // Its open tabs stop now, not at their next load; found while access to them remains.
    const stop: BackgroundToContentMessage = { type: 'content.stop' };
    await inEachOpenTab(origin, (tabId) => browser.tabs.sendMessage(tabId, stop));
    await browser.permissions.remove({ origins: [originPattern(origin)] });
    return { ok: true, sites: await listEnabledSites() };
  });
}
