import type { Reply } from '../messaging/reply';
import { sendToBackground } from './extension-runtime';
import { DEFAULT_MARKING, type MarkingOptions } from './id-index';

/**
 * What the agent (or their organisation) chose to mark besides IDs. The setting lives where
 * content scripts cannot read it, so the background is asked; when it cannot answer, the
 * defaults apply and the agent's choice arrives with the next change of it.
 */
export async function markingOptions(): Promise<MarkingOptions> {
  try {
    const reply = (await sendToBackground({ type: 'page.marking' })) as Reply<unknown> | undefined;
    const value = reply?.ok ? (reply.value as { emails?: unknown; skip?: unknown }) : {};
    const skip = Array.isArray(value.skip)
      ? value.skip.filter((a): a is string => typeof a === 'string')
      : [];
    return typeof value.emails === 'boolean' ? { emails: value.emails, skip } : DEFAULT_MARKING;
  } catch {
    return DEFAULT_MARKING;
  }
}
