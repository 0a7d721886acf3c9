/**
 * `npm run bench`: our scanner against mark.js (markRegExp) and findAndReplaceDOMText, with
 * the same regular expression, on the same generated tickets, in one headless Chromium run.
 * Prints a Markdown table and writes it to tests/bench/RESULTS.md.
 *
 * Per tool and page: initial scan + mark (median of fresh page loads), the same end to end
 * (every main-thread task from the start of marking until the frame that shows the marks is
 * drawn: script, style, layout, paint, GC), layouts during marking (CDP LayoutCount), the
 * style recalculation it causes (CDP RecalcStyleDuration), DOM mutations made, the longest
 * task, a mutation batch (one new message + 20 edited text nodes), JS heap added; for ours
 * also the cost of one hit test. The tools take turns, load by load, so a machine that slows
 * down for a while slows all of them alike.
 */
import { build } from 'esbuild';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CONTENT_SCRIPT_FILE } from '../../utils/helpdesk-sites';
import { EMAIL_PATTERN_SOURCE } from '../../utils/email-grammar';
import { STRIPE_ID_PATTERN_SOURCE } from '../../utils/stripe-id-grammar';
import { findChromium, QUIET_CHROMIUM_FLAGS } from '../e2e/support/chromium-path';
import { EXTENSION_DIR, REPO_ROOT } from '../e2e/support/extension-browser';
import { sizeTable } from './bundle-budgets';
import { bodyId, generateTicketHtml, type TicketShape } from './ticket-generator';
import { median } from './stats';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 7;
/** Further loads per cell that force a full GC first, to read the heap the marking adds. */
const HEAP_RUNS = 3;
const ALL_SCENARIOS: TicketShape[] = [
  { textNodes: 1_000, idCount: 200 },
  { textNodes: 10_000, idCount: 200 },
  { textNodes: 10_000, idCount: 5_000 },
  { textNodes: 50_000, idCount: 200 },
  { textNodes: 50_000, idCount: 5_000 },
  // The requester's address and the replies' quoted ones: 200 among the 10,000 text nodes.
  { textNodes: 10_000, idCount: 200, emailCount: 200 },
];
/**
 * `--quick`: the 10k/200 page only; `--pages 10000/5000,50000/200`: those pages only (a third
 * figure is the addresses on it: `10000/200/200`).
 */
const pagesArg = args.includes('--pages') ? args[args.indexOf('--pages') + 1] : undefined;
/** Where in RESULTS.md a full run writes its figures. */
const SECTION_START = '<!-- npm run bench writes from here -->';
const SECTION_END = '<!-- to here -->';
/** A run of some pages only leaves RESULTS.md as it is. */
const partialRun = args.includes('--quick') || pagesArg !== undefined;
const SCENARIOS: TicketShape[] = pagesArg
  ? pagesArg.split(',').map((page) => {
      const [textNodes, idCount, emailCount = 0] = page.split('/').map(Number);
      const shape = ALL_SCENARIOS.find(
        (s) =>
          s.textNodes === textNodes && s.idCount === idCount && (s.emailCount ?? 0) === emailCount,
      );
      if (!shape) throw new Error(`--pages: no page ${page}; use nodes/IDs, e.g. 10000/200`);
      return shape;
    })
  : args.includes('--quick')
    ? [{ textNodes: 10_000, idCount: 200 }]
    : ALL_SCENARIOS;
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

/** What every page load pays before any scanning: the content script as shipped. */
const contentScriptFile = join(EXTENSION_DIR, CONTENT_SCRIPT_FILE);
let contentScriptBytes: number;
try {
  contentScriptBytes = statSync(contentScriptFile).size;
} catch {
  throw new Error(`No ${contentScriptFile}: run \`npx wxt build\` first (\`npm run bench\` does).`);
}

/** Page-side harness: the same regex and the same mutation batch for every tool. */
const harness = `
// The same finds for every tool: IDs, and on a page with addresses, addresses too (our
// scanner looks for both, as it ships).
window.benchRegex = () => document.body.hasAttribute('data-emails')
  ? new RegExp(${JSON.stringify(`${EMAIL_PATTERN_SOURCE}|${STRIPE_ID_PATTERN_SOURCE}`)}, 'gu')
  : new RegExp(${JSON.stringify(STRIPE_ID_PATTERN_SOURCE)}, 'g');
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
  /** The same on the first page its tab showed (see markFirstPage). */
  firstPageMs: number;
  /** From start to every ID marked, including the page's own work between our slices. */
  wallMs: number;
  /**
   * Main-thread task time from the start of marking until the marks are on screen (CDP
   * TaskDuration), less what the same wait costs with nothing marked.
   */
  endToEndMs: number;
  marks: number;
  layouts: number;
  /** Style recalculation the marking caused, up to the frame that shows the marks. */
  styleMs: number;
  domRecords: number;
  longestTaskMs: number;
  batchMs: number;
  /**
   * What each later small change by the page (one text node appended) costs in main-thread
   * time until its frame is drawn, with the marks in place, less the same before marking.
   */
  laterChangeMs: number;
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

/**
 * Resolves as the third frame from now begins: the marks made now are drawn in the next
 * frame, or (ours, shown once an IntersectionObserver reports) in the one after.
 */
const nextFrames = () =>
  new Promise((resolve) =>
    requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );

const PAGE_CHANGES = 3;

/**
 * Main-thread time, per change, from the page appending a few words to its last message
 * until the frame showing them is drawn. A live ticket does this all day; some marks (DOM
 * wrappers, highlights) make every such frame dearer.
 */
async function pageChangeCost(page: Page, session: CDPSession, measuringMs: number) {
  const before = await metric(session, 'TaskDuration');
  for (let i = 0; i < PAGE_CHANGES; i++) {
    await page.evaluate(() =>
      document.getElementById('ticket')!.lastElementChild!.append(' and one more line'),
    );
    await page.evaluate(nextFrames);
  }
  return (((await metric(session, 'TaskDuration')) - before) * 1000) / PAGE_CHANGES - measuringMs;
}

/**
 * Served cross-origin isolated, so the page's clock reads in microseconds, not in the 0.1 ms
 * steps it gives other pages: a mutation batch is about a millisecond.
 */
const CROSS_ORIGIN_ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** A new tab that answers the bench address with `html`. */
async function openTab(html: string) {
  const page = await context.newPage();
  await page.route('https://bench.local/', (route) =>
    route.fulfill({ contentType: 'text/html', body: html, headers: CROSS_ORIGIN_ISOLATED }),
  );
  return page;
}

/** A fresh load of the bench page, rendered, with the harness and `tool` in it. */
async function loadWithTool(page: Page, tool: Tool) {
  await page.goto('https://bench.local/');
  if (!(await page.evaluate(() => crossOriginIsolated)))
    throw new Error('The bench page is not cross-origin isolated: its clock would be coarse.');
  // Content scripts run at document_idle, after the page has rendered: start from there.
  await page.evaluate(nextFrames);
  await page.addScriptTag({ content: harness });
  await page.addScriptTag({
    content: tool === 'ours' ? oursBundle : tool === 'mark.js' ? markJs : findAndReplace,
  });
}

/** Marks the whole ticket with `tool`: its time (ours: `busyMs`, in slices) and its marks. */
function markTicket(
  page: Page,
  tool: Tool,
): Promise<{ ms: number; busyMs?: number; marks: number }> {
  return tool === 'ours'
    ? page.evaluate(() => (window as any).benchOurs.mark())
    : page.evaluate(
        (t) => (window as any).benchPeers.mark(t, [document.getElementById('ticket')]),
        tool,
      );
}

/**
 * Script time of marking the first page a new tab shows. Its renderer has shown no page
 * before, and there every tool runs several times slower: in a probe, the same XPath search
 * took 12–33 ms on a tab's first page and 2–5 ms once the tab had loaded any page before,
 * even with no script run on it. A helpdesk tab is never in that state when a content script
 * starts (its app has booted first), so the other columns measure the tab's next page. That
 * page also finds the tool's code compiled, as a content script does on a helpdesk's next
 * page; every tool gets the same.
 */
async function markFirstPage(page: Page, tool: Tool): Promise<number> {
  await loadWithTool(page, tool);
  const marked = await markTicket(page, tool);
  return marked.busyMs ?? marked.ms;
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
  { withHitTest, measureHeap }: LoadOptions,
): Promise<Omit<Sample, 'firstPageMs'>> {
  await loadWithTool(page, tool);
  // Kept open while measuring: detaching would switch the Performance domain off again.
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  await page.evaluate(() => {
    (window as any).longTasks = [];
    new PerformanceObserver((list) => (window as any).longTasks.push(...list.getEntries())).observe(
      {
        type: 'longtask',
      },
    );
  });
  const heapBefore = measureHeap ? await heapUsed(page) : 0;
  // What measuring itself costs: an evaluation and the wait for frames, with nothing to mark.
  const idleBefore = await metric(session, 'TaskDuration');
  await page.evaluate(() => null);
  await page.evaluate(nextFrames);
  const measuringMs = ((await metric(session, 'TaskDuration')) - idleBefore) * 1000;
  const changeBeforeMs = await pageChangeCost(page, session, measuringMs);
  // Long tasks are counted from here: the page's own changes just above are not marking.
  await page.evaluate(() => ((window as any).longTasksFrom = performance.now()));
  const recordsBefore = await page.evaluate(() => (window as any).domRecords);
  const tasksBefore = await metric(session, 'TaskDuration');
  const layoutsBefore = await metric(session, 'LayoutCount');
  const styleBefore = await metric(session, 'RecalcStyleDuration');
  const marked = await markTicket(page, tool);
  await page.evaluate(nextFrames);
  const endToEndMs = Math.max(
    0,
    ((await metric(session, 'TaskDuration')) - tasksBefore) * 1000 - measuringMs,
  );
  const styleMs = ((await metric(session, 'RecalcStyleDuration')) - styleBefore) * 1000;
  const layouts = (await metric(session, 'LayoutCount')) - layoutsBefore;
  const domRecords = (await page.evaluate(() => (window as any).domRecords)) - recordsBefore;
  const heapKb = measureHeap ? ((await heapUsed(page)) - heapBefore) / 1024 : NaN;
  const longestTaskMs = await page.evaluate(() =>
    Math.max(
      0,
      ...(window as any).longTasks
        .filter((task: PerformanceEntry) => task.startTime >= (window as any).longTasksFrom)
        .map((task: PerformanceEntry) => task.duration),
    ),
  );
  const laterChangeMs = (await pageChangeCost(page, session, measuringMs)) - changeBeforeMs;
  // The Performance domain's own bookkeeping doubles the cost of a sub-millisecond batch here
  // (0.4 → 0.8 ms, ours, in a probe): the batch is timed without it, as an agent runs.
  await session.send('Performance.disable');
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
  const sample: Omit<Sample, 'firstPageMs'> = {
    markMs: marked.busyMs ?? marked.ms,
    wallMs: marked.ms,
    endToEndMs,
    marks: marked.marks,
    layouts,
    styleMs,
    domRecords,
    longestTaskMs,
    batchMs: batch.ms,
    laterChangeMs,
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
const versus = (times: Record<Tool, number>, peer: Tool) => {
  const ratio = times[peer] / times.ours;
  return ratio >= 1
    ? `${fmt(ratio)}× faster than ${peer}`
    : `${fmt(1 / ratio)}× slower than ${peer}`;
};
const bothPeers = (times: Record<Tool, number>) =>
  `${versus(times, 'mark.js')}, ${versus(times, 'findAndReplaceDOMText')}`;
for (const shape of SCENARIOS) {
  const html = generateTicketHtml(shape);
  const label = `${shape.textNodes.toLocaleString('en')} nodes / ${shape.idCount.toLocaleString('en')} IDs${shape.emailCount ? ` + ${shape.emailCount} emails` : ''}`;
  const samples = Object.fromEntries(TOOLS.map((tool) => [tool, [] as Sample[]]));
  const afterGc = Object.fromEntries(TOOLS.map((tool) => [tool, [] as Sample[]]));
  for (let run = 0; run < RUNS + HEAP_RUNS; run++) {
    // Each load round starts with another tool, so none always follows the same one.
    for (let turn = 0; turn < TOOLS.length; turn++) {
      const tool = TOOLS[(run + turn) % TOOLS.length]!;
      const page = await openTab(html);
      const firstPageMs = await markFirstPage(page, tool);
      const measureHeap = run >= RUNS;
      const sample = await measure(page, tool, { withHitTest: run === 0, measureHeap });
      (measureHeap ? afterGc : samples)[tool]!.push({ ...sample, firstPageMs });
      await page.close();
    }
  }
  const medianOf = (pick: (s: Sample) => number, from = samples) =>
    Object.fromEntries(TOOLS.map((tool) => [tool, median(from[tool]!.map(pick))])) as Record<
      Tool,
      number
    >;
  const markMs = medianOf((s) => s.markMs);
  const endToEndMs = medianOf((s) => s.endToEndMs);
  const afterGcMs = medianOf((s) => s.markMs, afterGc);
  const firstPageMs = medianOf((s) => s.firstPageMs);
  for (const tool of TOOLS) {
    const first = samples[tool]![0]!;
    const all = [...samples[tool]!, ...afterGc[tool]!];
    rows.push(
      `| ${label} | ${tool} | ${fmt(markMs[tool])} | ${fmt(endToEndMs[tool])} | ${fmt(afterGcMs[tool])} | ${fmt(firstPageMs[tool])} | ${fmt(median(samples[tool]!.map((s) => s.wallMs)))} | ${first.marks} | ${median(all.map((s) => s.layouts))} | ${fmt(median(samples[tool]!.map((s) => s.styleMs)))} | ${first.domRecords} | ${fmt(Math.max(...all.map((s) => s.longestTaskMs)), 0)} | ${fmt(median(all.map((s) => s.batchMs)), 2)} | ${fmt(median(all.map((s) => s.laterChangeMs)))} | ${fmt(median(afterGc[tool]!.map((s) => s.heapKb)), 0)} | ${first.hitMedianUs === undefined ? '—' : `${fmt(first.hitMedianUs)} / ${fmt(first.hitP95Us!)}`} |`,
    );
    console.error(
      `${label} ${tool}: ${fmt(markMs[tool])} ms script, ${fmt(endToEndMs[tool])} ms end to end`,
    );
  }
  summary.push(
    `- ${label}: end to end, ours ${fmt(endToEndMs.ours)} ms — ${bothPeers(endToEndMs)}. Script only, ours ${fmt(markMs.ours)} ms — ${bothPeers(markMs)}; after a forced GC ${fmt(afterGcMs.ours)} ms — ${bothPeers(afterGcMs)}; on a new tab's first page ${fmt(firstPageMs.ours)} ms — ${bothPeers(firstPageMs)}.`,
  );
}
await browser.close();

const table = [
  `Content script, as \`wxt build\` ships it (minified): ${contentScriptBytes.toLocaleString('en')} bytes. Every bundle of that build (Chromium's):`,
  '',
  sizeTable(EXTENSION_DIR),
  '',
  `Benchmark: ${new Date().toISOString().slice(0, 10)}, headless Chromium ${chromiumPath}, ${RUNS} fresh page loads per cell, plus ${HEAP_RUNS} that force a full GC just before marking (for the heap, and the "after a forced GC" column); the tools take turns load by load. Each load is the second page of a new tab, as a helpdesk tab has booted its app before a content script starts; the tab's first page, whose renderer has shown nothing before and runs every tool several times slower, is marked too, and its script time has a column of its own. Medians; the longest task is the worst of all loads. "End to end" is every main-thread task from the start of marking until the frame showing the marks is drawn (script, style, layout, paint, GC), less what that wait costs with nothing to mark. "Each later page change" is what one small change by the page (a few words appended to a message) then costs until its frame is drawn, less the same measured before marking.`,
  '',
  '| page | tool | scan + mark, script (ms) | end to end, main thread (ms) | script, after a forced GC (ms) | script, first page of a new tab (ms) | until all marked (ms) | marks | layouts | style recalc (ms) | DOM mutations | longest task (ms) | mutation batch (ms) | each later page change, added per frame (ms) | heap added (KB) | hit test median / p95 (µs) |',
  '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  ...summary,
  '',
].join('\n');
console.log(table);
if (!partialRun) {
  // The run's own section of RESULTS.md; the rest of the file is written by hand.
  const resultsFile = join(REPO_ROOT, 'tests/bench/RESULTS.md');
  const results = readFileSync(resultsFile, 'utf8');
  const section = new RegExp(`(${SECTION_START}\n)[\\s\\S]*?(\n${SECTION_END})`);
  if (!section.test(results))
    throw new Error(`${resultsFile} has no ${SECTION_START} … ${SECTION_END} section to write.`);
  writeFileSync(
    resultsFile,
    results.replace(section, (_, start, end) => `${start}${table}${end}`),
  );
}
