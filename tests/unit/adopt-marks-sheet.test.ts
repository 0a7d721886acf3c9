import { describe, expect, it } from 'vitest';
import { adoptMarksSheet } from '../../utils/page/adopt-marks-sheet';

const sheet = { id: 'marks' } as unknown as CSSStyleSheet;
const pageSheet = { id: 'page' } as unknown as CSSStyleSheet;

describe('the marks stylesheet in a page shadow root', () => {
  it("is added after the page's own sheets where the list can be assigned (Chromium)", () => {
    const root = { adoptedStyleSheets: [pageSheet] } as unknown as ShadowRoot;
    adoptMarksSheet(root, sheet);
    expect(root.adoptedStyleSheets).toEqual([pageSheet, sheet]);
  });

  it("goes through the page's own view where the script's array is refused (Firefox 140)", () => {
    // As a content script sees it there: a list it cannot assign, whose copy has no push.
    const pageList = [pageSheet];
    const root = {
      get adoptedStyleSheets() {
        return Object.freeze([...pageList]);
      },
      set adoptedStyleSheets(_value) {
        throw new TypeError('Accessing from Xray wrapper is not supported.');
      },
      wrappedJSObject: { adoptedStyleSheets: pageList },
    } as unknown as ShadowRoot;
    adoptMarksSheet(root, sheet);
    expect(pageList).toEqual([pageSheet, sheet]);
  });
});
