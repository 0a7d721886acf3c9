import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { CONTENT_SCRIPT_FILE, DECLARED_HELPDESK_MATCHES } from './utils/helpdesk-sites';
import { bundleCardCode, bundleContentScript } from './utils/build/page-scripts';
import { inlinePageStyles } from './utils/build/inline-page-styles';
import { noWxtHtmlPlugins } from './utils/build/no-wxt-html-plugins';
import { KEYBOARD_COMMANDS } from './utils/keyboard-shortcuts';
import { CARD_CODE_FILE } from './utils/page/card-code';
import { MARKS_CSS, MARKS_CSS_FILE } from './utils/page/mark-styles';
import { MANAGED_SCHEMA, MANAGED_SCHEMA_FILE } from './utils/policy/managed-schema';

// The card page is embedded only by our content script, on the hosts it runs on.
// `use_dynamic_url` makes its address change per browser session, so a page cannot
// guess it and embed the card itself.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact(), noWxtHtmlPlugins(), inlinePageStyles()],
    // Every browser we support has modulepreload; the polyfill would be one more file to
    // load before the popup shows.
    build: { modulePreload: { polyfill: false } },
  }),
  hooks: {
    'config:resolved': (wxt) => {
      if (wxt.config.plugins.length > 0)
        throw new Error(
          'WXT plugins would not start in HTML pages: see utils/build/no-wxt-html-plugins.ts',
        );
    },
    // The content script and the card code it loads when the agent reaches for a mark (see
    // utils/build/page-scripts.ts and CARD_CODE_FILE), the marks' stylesheet that goes in
    // with it (see MARKS_CSS_FILE for why), and an organisation's policy schema (Chrome;
    // Firefox reads policies without one).
    'build:publicAssets': async (wxt, files) => {
      files.push({ relativeDest: CONTENT_SCRIPT_FILE, contents: await bundleContentScript() });
      files.push({ relativeDest: CARD_CODE_FILE, contents: await bundleCardCode() });
      files.push({ relativeDest: MARKS_CSS_FILE, contents: MARKS_CSS });
      if (wxt.config.browser !== 'firefox')
        files.push({ relativeDest: MANAGED_SCHEMA_FILE, contents: JSON.stringify(MANAGED_SCHEMA) });
    },
    // The content script, built above, is declared here with the marks' stylesheet.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox')
        manifest.storage = { managed_schema: MANAGED_SCHEMA_FILE };
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        {
          matches: DECLARED_HELPDESK_MATCHES,
          all_frames: true,
          // Helpdesks show emails in about:blank/srcdoc frames.
          match_about_blank: true,
          run_at: 'document_idle',
          css: [MARKS_CSS_FILE],
          js: [CONTENT_SCRIPT_FILE],
        },
      ];
    },
    // Only the background needs the 10 KB polyfill: its onMessage listener answers by
    // returning a promise, which Chrome's own API does not accept. Everything else (the
    // content script on every helpdesk load, the popup on every click, the card, Options)
    // only makes calls, which Chrome's and Firefox's own APIs answer with promises.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entrypoint) => entrypoint.type === 'background')) return;
      const nativeBrowser = fileURLToPath(import.meta.resolve('wxt/browser'));
      const aliases = config.resolve?.alias;
      const entry = { find: /^wxt\/browser$/, replacement: nativeBrowser };
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(aliases)
          ? [entry, ...aliases]
          : [
              entry,
              ...Object.entries(aliases ?? {}).map(([find, replacement]) => ({
                find,
                replacement,
              })),
            ],
      };
    },
  },
  manifest: {
    name: 'Stripe Actions for Helpdesks',
    // Firefox 140+: the CSS Custom Highlight API; an ID keeps storage and permissions.
    browser_specific_settings: {
      gecko: {
        id: 'stripe-helpdesk-actions@example.org',
        strict_min_version: '140.0',
        // Sent to the agent's own Stripe account, nowhere else: amounts and the ticket's URL.
        data_collection_permissions: { required: ['financialAndPaymentInfo', 'browsingActivity'] },
      },
      gecko_android: { strict_min_version: '142.0' },
    },
    description:
      'See and act on Stripe Checkout Sessions and Customers from the helpdesk ticket you are reading.',
    // storage: keys, settings, journal state. activeTab: the popup reads the current tab's
    // address (for "Enable on this site") only after the agent opens it. scripting: the
    // content script for sites the agent enables.
    permissions: ['storage', 'activeTab', 'scripting', 'alarms'],
    host_permissions: ['https://api.stripe.com/*'],
    optional_host_permissions: ['https://*/*'],
    commands: KEYBOARD_COMMANDS,
    web_accessible_resources: [
      {
        // The card code is imported by the content script, whose imports load as the page's.
        resources: ['card.html', CARD_CODE_FILE],
        // Declared helpdesks plus any site the agent enables later. `use_dynamic_url` keeps the
        // address unguessable, and a card without a grant for its tab does nothing.
        matches: ['https://*/*'],
        use_dynamic_url: true,
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none';",
    },
  },
});
