import type { Plugin } from 'vite';

const WXT_HTML_PLUGINS_SCRIPT = /<script\b[^>]*\bsrc="virtual:wxt-html-plugins"[^>]*><\/script>/;

/**
 * WXT adds a module to every HTML page to start WXT plugins. We use none, so the module is
 * an empty try/catch, yet each page imported it as a chunk of its own: one more file
 * fetched, one after the other, before the popup could show. Its script tag is taken out
 * again here, after WXT has put it in and before Vite bundles the page. `wxt.config.ts`
 * refuses to build if a WXT plugin is ever added.
 */
export function noWxtHtmlPlugins(): Plugin {
  return {
    name: 'no-wxt-html-plugins',
    apply: 'build',
    // After WXT's own plugin, which adds the tag in a 'pre' transform too.
    enforce: 'post',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!WXT_HTML_PLUGINS_SCRIPT.test(html))
          throw new Error('WXT no longer adds virtual:wxt-html-plugins as expected');
        return html.replace(WXT_HTML_PLUGINS_SCRIPT, '');
      },
    },
  };
}
