/**
 * `npm run bench`: our scanner against mark.js (markRegExp) and findAndReplaceDOMText, with
 * the same regular expression, on the same generated tickets, in one headless Chromium run.
 * Prints a Markdown table and writes it to tests/bench/RESULTS.md.
 *
 * Per tool and page: initial scan + mark (median of fresh page loads), layouts during marking
 * (CDP LayoutCount), the style recalculation it causes (CDP RecalcStyleDuration), DOM
 * mutations made, the longest task, a mutation batch (one new message + 20 edited text
 * nodes), JS heap added; for ours also the cost of one hit test.
 */
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { STRIPE_ID_PATTERN_SOURCE } from '../../utils/stripe-id-grammar';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../e2e/support/chromium-path';
import { REPO_ROOT } from '../e2e/support/extension-browser';
import { bodyId, generateTicketHtml, type TicketShape } from './ticket-generator';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
/** Further loads per cell that force a full GC first, to read the heap the marking adds. */
const HEAP_RUNS = 3;
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
  /** Style recalculation the marking caused, up to the frame that shows the marks. */
  styleMs: number;
  domRecords: number;
  longestTaskMs: number;
  batchMs: number;
  heapKb: number;
  hitMedianUs?: number;
  hitP95Us?: number;
}

async function metric(session: CDPSession, name: string) {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((m) => m.name === name)?.value ?? 0;
}

async function heapUsed(page: Page) {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}

interface LoadOptions {
  withHitTest: boolean;
  /**
   * Force a full GC just before marking, to read the heap the marking adds. A fresh GC also
   * changes how fast the marking then runs (on this machine every tool runs faster after
   * it), so such loads get a column of their own.
   */
  measureHeap: boolean;
}

async function measure(
  page: Page,
  tool: Tool,
  html: string,
  { withHitTest, measureHeap }: LoadOptions,
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
  // Kept open while measuring: detaching would switch the Performance domain off again.
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await page.evaluate(() => {
    (window as any).longTasks = [];
    new PerformanceObserver((list) =>
      (window as any).longTasks.push(...list.getEntries().map((e) => e.duration)),
    ).observe({
      type: 'longtask',
    });
  });
  const heapBefore = measureHeap ? await heapUsed(page) : 0;
  const recordsBefore = await page.evaluate(() => (window as any).domRecords);
  const layoutsBefore = await metric(session, 'LayoutCount');
  const styleBefore = await metric(session, 'RecalcStyleDuration');
  const marked =
    tool === 'ours'
      ? await page.evaluate(() => (window as any).benchOurs.mark())
      : await page.evaluate(
          (t) => (window as any).benchPeers.mark(t, [document.getElementById('ticket')]),
          tool,
        );
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const styleMs = ((await metric(session, 'RecalcStyleDuration')) - styleBefore) * 1000;
  const layouts = (await metric(session, 'LayoutCount')) - layoutsBefore;
  const domRecords = (await page.evaluate(() => (window as any).domRecords)) - recordsBefore;
  const heapKb = measureHeap ? ((await heapUsed(page)) - heapBefore) / 1024 : NaN;
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
    styleMs,
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
  await session.detach();
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
  const afterGcMedians = {} as Record<Tool, number>;
  for (const tool of TOOLS) {
    const samples: Sample[] = [];
    const afterGc: Sample[] = [];
    for (let run = 0; run < RUNS + HEAP_RUNS; run++) {
      const page = await context.newPage();
      const measureHeap = run >= RUNS;
      const sample = await measure(page, tool, html, { withHitTest: run === 0, measureHeap });
      (measureHeap ? afterGc : samples).push(sample);
      await page.close();
    }
    const markMs = median(samples.map((s) => s.markMs));
    medians[tool] = markMs;
    afterGcMedians[tool] = median(afterGc.map((s) => s.markMs));
    const first = samples[0]!;
    const all = [...samples, ...afterGc];
    rows.push(
      `| ${label} | ${tool} | ${fmt(markMs)} | ${fmt(afterGcMedians[tool])} | ${fmt(median(samples.map((s) => s.wallMs)))} | ${first.marks} | ${median(all.map((s) => s.layouts))} | ${fmt(median(samples.map((s) => s.styleMs)))} | ${first.domRecords} | ${fmt(Math.max(...all.map((s) => s.longestTaskMs)), 0)} | ${fmt(median(all.map((s) => s.batchMs)), 2)} | ${fmt(median(afterGc.map((s) => s.heapKb)), 0)} | ${first.hitMedianUs === undefined ? '—' : `${fmt(first.hitMedianUs)} / ${fmt(first.hitP95Us!)}`} |`,
    );
    console.error(`${label} ${tool}: ${fmt(markMs)} ms`);
  }
  const versus = (times: Record<Tool, number>, peer: Tool) => {
    const ratio = times[peer] / times.ours;
    return ratio >= 1
      ? `${fmt(ratio)}× faster than ${peer}`
      : `${fmt(1 / ratio)}× slower than ${peer}`;
  };
  summary.push(
    `- ${label}: ours ${fmt(medians.ours)} ms — ${versus(medians, 'mark.js')}, ${versus(medians, 'findAndReplaceDOMText')}; after a forced GC ${fmt(afterGcMedians.ours)} ms — ${versus(afterGcMedians, 'mark.js')}, ${versus(afterGcMedians, 'findAndReplaceDOMText')}`,
  );
}
await browser.close();

const table = [
  `Benchmark: ${new Date().toISOString().slice(0, 10)}, headless Chromium ${chromiumPath}, ${RUNS} fresh page loads per cell, plus ${HEAP_RUNS} that force a full GC just before marking (for the heap, and the "after a forced GC" column). Medians; the longest task is the worst of all loads.`,
  '',
  '| page | tool | scan + mark, main thread (ms) | same, after a forced GC (ms) | until all marked (ms) | marks | layouts | style recalc (ms) | DOM mutations | longest task (ms) | mutation batch (ms) | heap added (KB) | hit test median / p95 (µs) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
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
