import type { Plugin } from 'vite';

const STYLESHEET_LINK = /<link rel="stylesheet"(?: crossorigin)? href="\/([^"]+\.css)">/g;

/**
 * Puts each extension page's stylesheet inside its HTML. Chrome shows the toolbar popup
 * only once its page has loaded, and paints nothing before its stylesheets are in: a
 * separate CSS file is one more load the agent waits for on every click
 * (`npm run bench:popup` has the figures). Extension pages' CSP restricts scripts only.
 */
export function inlinePageStyles(): Plugin {
  const inlined = new Set<string>();
  return {
    name: 'inline-page-styles',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!bundle) return html;
        return html.replace(STYLESHEET_LINK, (link, fileName: string) => {
          const asset = bundle[fileName];
          if (asset?.type !== 'asset') return link;
          const css =
            typeof asset.source === 'string'
              ? asset.source
              : new TextDecoder().decode(asset.source);
          if (/<\/style/i.test(css)) return link;
          inlined.add(fileName);
          return `<style>${css}</style>`;
        });
      },
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const stillLinked = (fileName: string) =>
          Object.values(bundle).some((output) =>
            output.type === 'chunk'
              ? output.code.includes(fileName)
              : typeof output.source === 'string' && output.source.includes(fileName),
          );
        for (const fileName of inlined) if (!stillLinked(fileName)) delete bundle[fileName];
      },
    },
  };
}
