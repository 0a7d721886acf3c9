/**
 * `::highlight()` cannot set a cursor, and the app's elements are not ours to style, so a
 * document-level adopted stylesheet is switched on while the pointer is over an ID.
 */
export function createPointerCursor(doc: Document) {
  const sheet = new CSSStyleSheet();
  let adopted = false;
  let showing = false;
  return {
    set(onId: boolean) {
      if (onId === showing) return;
      showing = onId;
      if (!adopted) {
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
        adopted = true;
      }
      sheet.replaceSync(onId ? 'html, html * { cursor: pointer !important; }' : '');
    },
  };
}
