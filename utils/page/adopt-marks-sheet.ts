/**
 * Adds the marks' stylesheet to a page's shadow root. In Firefox 140's content scripts the
 * root's `adoptedStyleSheets`, seen through the page's Xray, has no `push` and refuses an array
 * made in the script's own world; the page's own view of the same list takes the sheet.
 */
export function adoptMarksSheet(root: ShadowRoot, sheet: CSSStyleSheet) {
  try {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  } catch {
    // Firefox: below.
  }
  const pageView = (root as ShadowRoot & { wrappedJSObject?: ShadowRoot }).wrappedJSObject;
  pageView?.adoptedStyleSheets.push(sheet);
}
