import { build } from 'esbuild';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { chromiumOrSkipReason, QUIET_CHROMIUM_FLAGS } from './support/chromium-path';
import { REPO_ROOT } from './support/extension-browser';
import { describeInChromium } from './support/use-extension-browser';

/**
 * Light DOM, links, text the scanner must skip, and shadow roots (one nested, one with bare
 * text). `main` has no whitespace between its children, so a run of them ends on the host.
 */
const MESSAGES = Array.from(
  { length: 12 },
  (_, i) =>
    `<article><div><p>Order for cus_LightDom${i} and <b>cs_test_BoldText${i}</b>, not focus_x${i} or cs_testing_y${i}</p></div></article>`,
).join('');
const PAGE = `<!doctype html><html><body>
<main>${MESSAGES}<section>
    <a href="https://dashboard.stripe.com/customers/cus_OnlyInHref"><span>View</span> customer</a>
    <a href="https://dashboard.stripe.com/customers/cus_ShownAndHref">cus_ShownAndHref</a>
    <script>var skipped = "cus_InScript";</script>
    <style>/* cus_InStyleSheet */</style>
    <textarea>cus_InTextarea</textarea>
  </section><div id="host"><span>Light child the shadow root hides</span></div></main>
Loose text with cus_DirectInBody
<script>
  const shadow = document.getElementById('host').attachShadow({ mode: 'open' });
  shadow.append('Bare shadow text cus_ShadowBare ');
  const inner = document.createElement('div');
  inner.innerHTML = '<p>Shadow paragraph cs_live_ShadowPara</p>';
  shadow.append(inner);
  const nestedHost = document.createElement('span');
  nestedHost.attachShadow({ mode: 'open' }).innerHTML = '<i>Nested cus_NestedShadow</i>';
  inner.append(nestedHost);
</script>
</body></html>`;

const EXPECTED = [
  ...Array.from({ length: 12 }, (_, i) => [`cus_LightDom${i}`, `cs_test_BoldText${i}`]).flat(),
  'cus_OnlyInHref (href)',
  'cus_ShownAndHref',
  'cus_DirectInBody',
  'cus_ShadowBare',
  'cs_live_ShadowPara',
  'cus_NestedShadow',
].sort();

const chromiumPath = chromiumOrSkipReason();

describeInChromium('the scanner on a bare page', () => {
  let browser: Browser;
  let page: Page;
  let harness: string;
  beforeAll(async () => {
    if ('skip' in chromiumPath) return;
    const bundle = await build({
      entryPoints: [join(REPO_ROOT, 'tests/e2e/support/scanner-harness.ts')],
      bundle: true,
      format: 'iife',
      write: false,
    });
    browser = await chromium.launch({
      executablePath: chromiumPath.path,
      args: QUIET_CHROMIUM_FLAGS,
    });
    page = await browser.newPage();
    await page.route('https://scan.test/', (route) =>
      route.fulfill({ contentType: 'text/html', body: PAGE }),
    );
    await page.goto('https://scan.test/');
    harness = bundle.outputFiles[0]!.text;
    await page.addScriptTag({ content: harness });
  });
  afterAll(() => browser?.close());

  interface ScanResult {
    ids: string[];
    shadowRoots: number;
    /** How many native searches read text: none when the nodes were walked. */
    searches: number;
    changedMidScan?: boolean;
  }
  const scan = (
    options: {
      maxElementsPerPass?: number;
      walkTextAbove?: number;
      walkTextUpTo?: number;
      midScan?: 'prepend' | 'remove-first' | 'remove-walked';
    } = {},
  ) =>
    page.evaluate(
      (o) => (window as unknown as { scanIds(o: object): Promise<ScanResult> }).scanIds(o),
      options,
    );
  const searched = expect.any(Number) as number;

  it('finds every ID in text, links and open shadow roots, and nothing in scripts, styles or fields', async () => {
    const found = await scan();
    expect(found).toEqual({ ids: EXPECTED, shadowRoots: 2, searches: searched });
    expect(found.searches).toBeGreaterThan(0);
  });

  it.each([
    ['over -1 elements (all)', { walkTextAbove: -1 }],
    ['over 20 elements (`body`) and of up to 16 (the shadow roots’)', {}],
  ])(
    'finds the same when subtrees %s are read by walking their nodes, with no search',
    async (_which, options) => {
      const found = await scan({ walkTextAbove: 20, ...options });
      expect(found).toEqual({ ids: EXPECTED, shadowRoots: 2, searches: 0 });
    },
  );

  it('finds the same when even the smallest subtrees are searched', async () => {
    const found = await scan({ maxElementsPerPass: 1, walkTextUpTo: -1 });
    expect(found).toEqual({ ids: EXPECTED, shadowRoots: 2, searches: searched });
    expect(found.searches).toBeGreaterThan(20);
  });

  it('lists IDs in reading order, with each shadow root where its host is', async () => {
    const order = await page.evaluate(() =>
      (window as unknown as { readingOrder(): string[] }).readingOrder(),
    );
    expect(order).toEqual([
      ...Array.from({ length: 12 }, (_, i) => [`cus_LightDom${i}`, `cs_test_BoldText${i}`]).flat(),
      'cus_OnlyInHref',
      'cus_ShownAndHref',
      'cus_ShadowBare',
      'cs_live_ShadowPara',
      'cus_NestedShadow',
      'cus_DirectInBody',
    ]);
  });

  it.each([0, 1, 20])(
    'finds the same when subtrees over %i elements are searched in runs of their children',
    async (maxElementsPerPass) => {
      expect(await scan({ maxElementsPerPass })).toEqual({
        ids: EXPECTED,
        shadowRoots: 2,
        searches: searched,
      });
    },
  );

  it.each([
    ['adds a message', 'prepend', [...EXPECTED, 'cus_Prepended']],
    [
      'removes one',
      'remove-first',
      EXPECTED.filter((id) => id !== 'cus_LightDom0' && id !== 'cs_test_BoldText0'),
    ],
  ] as const)(
    'misses nothing when the page %s between slices, moving the runs',
    async (_change, midScan, ids) => {
      await page.reload();
      await page.addScriptTag({ content: harness });
      // `main` is split into runs of children, then the page changes before they are read.
      expect(await scan({ maxElementsPerPass: 20, midScan })).toEqual({
        ids: [...ids].sort(),
        shadowRoots: 2,
        searches: searched,
        changedMidScan: true,
      });
    },
  );

  it.each([
    ['searched', { maxElementsPerPass: 20 }],
    ['read by walking', { walkTextAbove: -1 }],
  ])(
    'still finds every shadow root and ID when the page removes the element the walk stands on (text %s)',
    async (_how, options) => {
      await page.reload();
      await page.addScriptTag({ content: harness });
      expect(await scan({ ...options, midScan: 'remove-walked' })).toEqual({
        ids: EXPECTED.filter((id) => id !== 'cus_LightDom0' && id !== 'cs_test_BoldText0'),
        shadowRoots: 2,
        searches: searched,
        changedMidScan: true,
      });
    },
  );
});
