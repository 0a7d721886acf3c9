import { siteEntryCovers } from './policy/site-policy';

/** The content script as built (`utils/page/content-script.ts`), from the extension's root. */
export const CONTENT_SCRIPT_FILE = 'helpdesk.js';

/**
 * Helpdesks the extension runs on from install. Everything else is opt-in per site.
 * Patterns are Chrome match patterns; keep them HTTPS-only.
 */
export const DECLARED_HELPDESK_MATCHES = [
  'https://*.zendesk.com/*',
  'https://app.intercom.com/*',
  'https://app.frontapp.com/*',
  'https://secure.helpscout.net/*',
  'https://*.freshdesk.com/*',
  'https://app.hubspot.com/*',
  'https://mail.google.com/*',
];

/** Whether a declared helpdesk pattern covers this origin (as Chrome matches it). */
export const isDeclaredSite = (origin: string): boolean =>
  DECLARED_HELPDESK_MATCHES.some((pattern) =>
    siteEntryCovers(pattern.replace(/\/\*$/, ''), origin),
  );
