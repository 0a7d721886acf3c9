import type { Reconciler } from './stale-attempts';

type ReconcileResult = Awaited<ReturnType<Reconciler>>;

/** Pages of a list read when looking for what a lost answer made. */
const PAGES = 3;

interface Page {
  data: ReadonlyArray<{ id: string; metadata?: Record<string, unknown> | null }>;
  has_more: boolean;
}

/**
 * Looks for the object an attempt made, by the attempt ID it carries in its metadata, in the
 * first pages of a list (newest first): succeeded (with it) if there, else failed with
 * `notFound`.
 */
export async function findAttemptInPages(
  attemptId: string,
  readPage: (startingAfter: string | undefined) => Promise<Page>,
  notFound: string,
): Promise<ReconcileResult> {
  let startingAfter: string | undefined;
  for (let page = 0; page < PAGES; page++) {
    const list = await readPage(startingAfter);
    const found = list.data.find((item) => item.metadata?.attempt_id === attemptId);
    if (found) return { outcome: 'succeeded', found };
    if (!list.has_more) break;
    startingAfter = list.data.at(-1)?.id;
  }
  return { outcome: 'failed', errorMessage: notFound };
}
