import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { DECLARED_HELPDESK_MATCHES } from './utils/helpdesk-sites';

// The card page is embedded only by our content script, on the hosts it runs on.
// `use_dynamic_url` makes its address change per browser session, so a page cannot
// guess it and embed the card itself.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'Stripe Actions for Helpdesks',
    description:
      'See and act on Stripe Checkout Sessions and Customers from the helpdesk ticket you are reading.',
    permissions: ['storage'],
    host_permissions: ['https://api.stripe.com/*'],
    web_accessible_resources: [
      {
        resources: ['card.html'],
        matches: DECLARED_HELPDESK_MATCHES,
        use_dynamic_url: true,
      },
    ],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'none'; base-uri 'none';",
    },
  },
});
