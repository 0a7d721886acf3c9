import type { ManagedPolicy } from './managed-policy';

/** Whether `https://host` or `https://*.domain` (a policy's site entry) covers an origin. */
export function siteEntryCovers(entry: string, origin: string): boolean {
  let site: URL;
  let target: URL;
  try {
    site = new URL(entry.replace('://*.', '://wildcard.'));
    target = new URL(origin);
  } catch {
    return false;
  }
  if (target.protocol !== 'https:' || site.port !== target.port) return false;
  if (!entry.includes('://*.')) return site.hostname === target.hostname;
  const domain = site.hostname.slice('wildcard.'.length);
  return target.hostname === domain || target.hostname.endsWith(`.${domain}`);
}

/**
 * Whether the organisation lets the extension run on an origin. With no site list in the
 * policy, sites are the agent's to choose (the built-in helpdesks plus any they enable).
 * With one, the built-in helpdesks stay unless the policy replaces them, and any other site
 * must be on the list.
 */
export function siteAllowedByPolicy(
  origin: string,
  policy: Pick<ManagedPolicy, 'helpdeskSites' | 'replaceBuiltInHelpdesks'>,
  isBuiltIn: (origin: string) => boolean,
): boolean {
  if (!policy.helpdeskSites) return true;
  if (policy.helpdeskSites.some((entry) => siteEntryCovers(entry, origin))) return true;
  return !policy.replaceBuiltInHelpdesks && isBuiltIn(origin);
}

export const siteNotAllowedReason = (origin: string) =>
  `Your organisation decides which sites this extension runs on, and ${origin} is not one of them. Ask your administrator to add it.`;
