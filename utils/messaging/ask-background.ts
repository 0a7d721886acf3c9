import { browser } from 'wxt/browser';
import type { ExtensionPageRequest } from './protocol';
import type { Reply } from './reply';

/** Sends a request from an extension page and always resolves with a Reply. */
export async function askBackground<T>(request: ExtensionPageRequest): Promise<Reply<T>> {
  try {
    const reply = (await browser.runtime.sendMessage(request)) as Reply<T> | undefined;
    return (
      reply ?? {
        ok: false,
        error: { message: 'The extension did not answer. Reload it and try again.' },
      }
    );
  } catch {
    return {
      ok: false,
      error: { message: 'The extension did not answer. Reload it and try again.' },
    };
  }
}
