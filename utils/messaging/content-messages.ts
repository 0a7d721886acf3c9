/** Sent by the background to a content script. */
export type BackgroundToContentMessage =
  | { type: 'content.closeCard' }
  | { type: 'content.resizeCard'; height: number }
  | { type: 'content.navigate'; direction: 1 | -1 }
  | { type: 'content.openSelected' }
  /** The agent disabled the site: the content script stops in open tabs, marks and all. */
  | { type: 'content.stop' }
  /** What is marked changed (email addresses on or off): marking starts again with it. */
  | { type: 'content.marking'; emails: boolean }
  /**
   * The organisation's policy changed: the content script asks again whether it may run on
   * its site, and what to mark. Its tab's address is its own to know; the background may not
   * see the built-in helpdesks' addresses.
   */
  | { type: 'content.policyChanged' };
