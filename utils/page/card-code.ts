/**
 * The content script's code for drawing cards, a file of its own (built by wxt.config.ts
 * from `card-code-entry.ts`): every helpdesk page load pays for the content script, and most
 * never open a card. Loaded from the extension, never the network, once the agent reaches
 * for a mark (points at one, moves to one, opens one); it adds nothing to the page.
 */
import type * as CardCode from './card-code-entry';
import { extensionUrl } from './extension-runtime';

/** Where the build puts it, from the extension's root (web-accessible with a dynamic URL). */
export const CARD_CODE_FILE = 'card-code.js';

export type CardCodeModule = typeof CardCode;

let loading: Promise<CardCodeModule> | null = null;

/** The card code, loaded once per frame; a failed load (the extension gone) is tried again. */
export function loadCardCode(): Promise<CardCodeModule> {
  loading ??= (
    import(/* @vite-ignore */ extensionUrl(`/${CARD_CODE_FILE}`)) as Promise<CardCodeModule>
  ).catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
