/**
 * The popup lists the IDs on the agent's tab by opening one port to the tab: a port opened
 * without a frame reaches every frame that runs the content script (the ticket, and the
 * frames helpdesks show emails in). Each answers once with what it has found.
 */
export const PAGE_IDS_PORT = 'page-ids';

export interface PageIdsAnswer {
  /** From the tab's top document rather than a frame inside it. */
  top: boolean;
  /** In document order, each once. */
  ids: string[];
}
