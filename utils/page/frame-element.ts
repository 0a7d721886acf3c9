/** The frame element showing `doc` in its parent: null for the top, or across origins. */
export function frameElementOf(doc: Document): Element | null {
  try {
    return doc.defaultView?.frameElement ?? null; // null, or throws, across origins.
  } catch {
    return null;
  }
}
