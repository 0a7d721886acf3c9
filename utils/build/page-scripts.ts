import { build, type BuildOptions } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const pageScriptSource = (path: string) =>
  fileURLToPath(new URL(`../page/${path}`, import.meta.url));

/**
 * The scripts that run in helpdesk pages, bundled by esbuild rather than as WXT entrypoints:
 * every helpdesk page load pays for the content script, and WXT's wrapper for an unlisted
 * script (its logger, its start-up checks) cost some 830 bytes of it. Both use the browser's
 * own API, as everything but the background does (see wxt.config.ts).
 */
export const PAGE_SCRIPT_OPTIONS: BuildOptions = {
  bundle: true,
  minify: true,
  target: 'esnext',
  write: false,
  logLevel: 'silent',
  alias: { 'wxt/browser': fileURLToPath(import.meta.resolve('wxt/browser')) },
};

async function bundle(options: BuildOptions): Promise<string> {
  const result = await build({ ...PAGE_SCRIPT_OPTIONS, ...options });
  return result.outputFiles![0]!.text;
}

/** The content script (utils/page/content-script.ts), a classic script as manifests declare. */
export const bundleContentScript = () =>
  bundle({ entryPoints: [pageScriptSource('content-script.ts')], format: 'iife' });

/** The card code (utils/page/card-code.ts): an ES module the content script imports. */
export const bundleCardCode = () =>
  bundle({ entryPoints: [pageScriptSource('card-code-entry.ts')], format: 'esm' });
