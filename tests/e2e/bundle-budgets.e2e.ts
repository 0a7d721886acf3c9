import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUDGETS,
  buildParts,
  librariesIn,
  LIBRARY_SIGNATURES,
  totalBytes,
  type BundleFile,
  type Library,
} from '../bench/bundle-budgets';
import { REPO_ROOT } from './support/extension-browser';

/**
 * The weight budgets of issue #36, over the production build of each browser (`npm run
 * test:e2e` builds both first): a build over budget fails here, naming the file and its size.
 */
const overBudget = (what: string, files: BundleFile[], budget: number) => {
  const total = totalBytes(files);
  return total <= budget
    ? []
    : [
        `${what} is ${total.toLocaleString('en-US')} bytes, over its budget of ${budget.toLocaleString('en-US')}: ${files
          .map((f) => `${f.file} ${f.bytes.toLocaleString('en-US')} bytes`)
          .join(', ')}`,
      ];
};

for (const browser of ['chrome-mv3', 'firefox-mv3']) {
  const dir = join(REPO_ROOT, '.output', browser);
  describe(`the ${browser} build`, () => {
    it('was built', () => {
      expect(existsSync(join(dir, 'manifest.json')), `no build in ${dir}`).toBe(true);
    });

    it('keeps the content script, the card code and the popup within their budgets', () => {
      const parts = buildParts(dir);
      expect(parts.cardCode, 'card-code.js is missing from the build').not.toBeNull();
      expect([
        ...overBudget('The content script', [parts.contentScript], BUDGETS.contentScript),
        ...overBudget('The card code', [parts.cardCode!], BUDGETS.cardCode),
        ...overBudget('Everything the popup loads', parts.popup, BUDGETS.popup),
      ]).toEqual([]);
    });

    it('carries no zod, idb or Preact into the content script or the card code', () => {
      const parts = buildParts(dir);
      const all: Library[] = ['zod', 'idb', 'preact'];
      expect(librariesIn(dir, [parts.contentScript, parts.cardCode!], all)).toEqual([]);
    });

    it('carries no zod or idb into the popup, Options or the card page', () => {
      const { popup, options, card } = buildParts(dir);
      expect(librariesIn(dir, [...popup, ...options, ...card], ['zod', 'idb'])).toEqual([]);
    });

    it('knows each library by its signature: the bundles that carry them are found out', () => {
      const { background, card } = buildParts(dir);
      // The background holds zod and idb, the card page Preact: a signature that no longer
      // matches its library would let it in unseen.
      expect(librariesIn(dir, [background], ['zod', 'idb'])).toEqual([
        'zod in background.js',
        'idb in background.js',
      ]);
      expect(librariesIn(dir, card, ['preact']).length).toBeGreaterThan(0);
      expect(Object.keys(LIBRARY_SIGNATURES)).toEqual(['zod', 'idb', 'preact']);
    });
  });
}
