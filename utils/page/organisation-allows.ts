import { browser } from 'wxt/browser';
import { isDeclaredSite } from '../helpdesk-sites';
import { siteAllowedByPolicy } from '../policy/site-policy';

/**
 * Whether the organisation's policy lets the content script run in this frame. Managed
 * storage is read-only to every part of the extension and unreadable by the page. The
 * background enforces the same rule on every request; this only keeps marks off a site the
 * organisation took away. Where the browser cannot say (no policy in Firefox), it runs.
 */
export async function organisationAllowsThisSite(origin: string): Promise<boolean> {
  try {
    const { helpdeskSites, replaceBuiltInHelpdesks } = await browser.storage.managed.get([
      'helpdeskSites',
      'replaceBuiltInHelpdesks',
    ]);
    const sites = Array.isArray(helpdeskSites)
      ? helpdeskSites.filter((s): s is string => typeof s === 'string')
      : undefined;
    return siteAllowedByPolicy(
      origin,
      { helpdeskSites: sites, replaceBuiltInHelpdesks: replaceBuiltInHelpdesks === true },
      isDeclaredSite,
    );
  } catch {
    return true;
  }
}
