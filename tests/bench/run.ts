/**
 * `npm run bench`: our scanner against mark.js (markRegExp) and findAndReplaceDOMText, with
 * the same regular expression, on the same generated tickets, in one headless Chromium run.
 * Prints a Markdown table and writes it to tests/bench/RESULTS.md.
 *
 * Per tool and page: initial scan + mark (median of fresh page loads), layouts during marking
 * (CDP LayoutCount), DOM mutations made, the longest task, a mutation batch (one new message
 * + 20 edited text nodes), JS heap added; for ours also the cost of one hit test.
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { STRIPE_ID_PATTERN_SOURCE } from '../../utils/stripe-id-grammar';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../e2e/support/chromium-path';
import { REPO_ROOT } from '../e2e/support/extension-browser';
import { bodyId, generateTicketHtml, type TicketShape } from './ticket-generator';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
const quick = args.includes('--quick');
const SCENARIOS: TicketShape[] = quick
  ? [{ textNodes: 10_000, idCount: 200 }]
  : [
      { textNodes: 1_000, idCount: 200 },
      { textNodes: 10_000, idCount: 200 },
      { textNodes: 10_000, idCount: 5_000 },
      { textNodes: 50_000, idCount: 200 },
      { textNodes: 50_000, idCount: 5_000 },
    ];
type Tool = 'ours' | 'mark.js' | 'findAndReplaceDOMText';
const TOOLS: Tool[] = ['ours', 'mark.js', 'findAndReplaceDOMText'];

const require = createRequire(import.meta.url);
const oursBundle = (
  await build({
    entryPoints: [join(REPO_ROOT, 'tests/bench/ours-entry.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    write: false,
  })
).outputFiles[0]!.text;
const markJs = readFileSync(require.resolve('mark.js/dist/mark.min.js'), 'utf8');
const findAndReplace = readFileSync(require.resolve('findandreplacedomtext'), 'utf8');

/** Page-side harness: the same regex and the same mutation batch for every tool. */
const harness = `
window.benchRegex = () => new RegExp(${JSON.stringify(STRIPE_ID_PATTERN_SOURCE)}, 'g');
window.domRecords = 0;
new MutationObserver((r) => { window.domRecords += r.length; })
  .observe(document.documentElement, { childList: true, characterData: true, subtree: true });
window.benchPeers = {
  mark(tool, targets) {
    const start = performance.now();
    if (tool === 'mark.js') new Mark(targets).markRegExp(window.benchRegex());
    else for (const t of targets) findAndReplaceDOMText(t, { find: window.benchRegex(), wrap: 'mark' });
    return { ms: performance.now() - start, marks: document.querySelectorAll('mark').length };
  },
};
window.benchMutate = () => {
  const ticket = document.getElementById('ticket');
  const message = document.createElement('article');
  message.innerHTML = '<div class="body"><p>New reply about ${bodyId(900001)} and ${bodyId(900002)} just now.</p></div>';
  ticket.append(message);
  const edited = [];
  const walker = document.createTreeWalker(ticket, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(), i = 0; n && edited.length < 20; n = walker.nextNode(), i++) {
    if (i % 97 !== 0 || n.parentElement.tagName === 'MARK') continue;
    n.data = n.data + (edited.length % 10 === 0 ? ' see ${bodyId(900003)}' : ' edited');
    edited.push(n.parentElement);
  }
  return [message, ...edited];
};`;

interface Sample {
  /** Main-thread time spent marking: ours runs in slices, so this is the sum of its slices. */
  markMs: number;
  /** From start to every ID marked, including the page's own work between our slices. */
  wallMs: number;
  marks: number;
  layouts: number;
  domRecords: number;
  longestTaskMs: number;
  batchMs: number;
  heapKb: number;
  hitMedianUs?: number;
  hitP95Us?: number;
}

async function metric(page: Page, name: string) {
  const session = await page.context().newCDPSession(page);
  const { metrics } = await session.send('Performance.getMetrics');
  await session.detach();
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

async function heapUsed(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}

async function measure(
  page: Page,
  tool: Tool,
  html: string,
  withHitTest: boolean,
): Promise<Sample> {
  await page.route('https://bench.local/', (route) =>
    route.fulfill({ contentType: 'text/html', body: html }),
  );
  await page.goto('https://bench.local/');
  // Content scripts run at document_idle, after the page has rendered: start from there.
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  await page.addScriptTag({ content: harness });
  await page.addScriptTag({
    content: tool === 'ours' ? oursBundle : tool === 'mark.js' ? markJs : findAndReplace,
  });
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await session.detach();
  await page.evaluate(() => {
    (window as any).longTasks = [];
    new PerformanceObserver((list) =>
      (window as any).longTasks.push(...list.getEntries().map((e) => e.duration)),
    ).observe({
      type: 'longtask',
    });
  });
  const heapBefore = await heapUsed(page);
  const recordsBefore = await page.evaluate(() => (window as any).domRecords);
  const layoutsBefore = await metric(page, 'LayoutCount');
  const marked =
    tool === 'ours'
      ? await page.evaluate(() => (window as any).benchOurs.mark())
      : await page.evaluate(
          (t) => (window as any).benchPeers.mark(t, [document.getElementById('ticket')]),
          tool,
        );
  const layouts = (await metric(page, 'LayoutCount')) - layoutsBefore;
  const domRecords = (await page.evaluate(() => (window as any).domRecords)) - recordsBefore;
  const heapKb = ((await heapUsed(page)) - heapBefore) / 1024;
  const longestTaskMs = await page.evaluate(() => Math.max(0, ...(window as any).longTasks));
  const batch =
    tool === 'ours'
      ? await page.evaluate(() => {
          (window as any).benchMutate();
          return (window as any).benchOurs.flushChanges();
        })
      : await page.evaluate(
          (t) => (window as any).benchPeers.mark(t, (window as any).benchMutate()),
          tool,
        );
  const sample: Sample = {
    markMs: marked.busyMs ?? marked.ms,
    wallMs: marked.ms,
    marks: marked.marks,
    layouts,
    domRecords,
    longestTaskMs,
    batchMs: batch.ms,
    heapKb,
  };
  if (withHitTest && tool === 'ours') {
    const hit = await page.evaluate(() => (window as any).benchOurs.hitTest(40, 300));
    sample.hitMedianUs = hit.medianUs;
    sample.hitP95Us = hit.p95Us;
  }
  return sample;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const chromiumPath = findChromium();
if (!chromiumPath) {
  console.error('No Chromium found at /usr/bin/chromium (set CHROMIUM_PATH).');
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath: chromiumPath,
  headless: true,
  args: QUIET_CHROMIUM_FLAGS,
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });

const rows: string[] = [];
const summary: string[] = [];
for (const shape of SCENARIOS) {
  const html = generateTicketHtml(shape);
  const label = `${shape.textNodes.toLocaleString('en')} nodes / ${shape.idCount.toLocaleString('en')} IDs`;
  const medians = {} as Record<Tool, number>;
  for (const tool of TOOLS) {
    const samples: Sample[] = [];
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage();
      samples.push(await measure(page, tool, html, run === 0));
      await page.close();
    }
    const markMs = median(samples.map((s) => s.markMs));
    medians[tool] = markMs;
    const first = samples[0]!;
    rows.push(
      `| ${label} | ${tool} | ${fmt(markMs)} | ${fmt(median(samples.map((s) => s.wallMs)))} | ${first.marks} | ${median(samples.map((s) => s.layouts))} | ${first.domRecords} | ${fmt(Math.max(...samples.map((s) => s.longestTaskMs)), 0)} | ${fmt(median(samples.map((s) => s.batchMs)), 2)} | ${fmt(median(samples.map((s) => s.heapKb)), 0)} | ${first.hitMedianUs === undefined ? '—' : `${fmt(first.hitMedianUs)} / ${fmt(first.hitP95Us!)}`} |`,
    );
    console.error(`${label} ${tool}: ${fmt(markMs)} ms`);
  }
  summary.push(
    `- ${label}: ours ${fmt(medians.ours)} ms — ${fmt(medians['mark.js'] / medians.ours)}× faster than mark.js, ${fmt(medians.findAndReplaceDOMText / medians.ours)}× faster than findAndReplaceDOMText`,
  );
}
await browser.close();

const table = [
  `Benchmark: ${new Date().toISOString().slice(0, 10)}, headless Chromium ${chromiumPath}, ${RUNS} fresh page loads per cell (medians; longest task is the worst run).`,
  '',
  '| page | tool | scan + mark, main thread (ms) | until all marked (ms) | marks | layouts | DOM mutations | longest task (ms) | mutation batch (ms) | heap added (KB) | hit test median / p95 (µs) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  ...summary,
  '',
].join('\n');
console.log(table);
if (!quick)
  writeFileSync(
    join(REPO_ROOT, 'tests/bench/RESULTS.md'),
    `# Latest benchmark\n\nRerun with \`npm run bench\`.\n\n${table}`,
  );
