/**
 * `npx tsx tests/bench/content-script-parts.ts`: what each part of the content script and of
 * its card code weighs, minified as the build ships them (esbuild's metafile, with the
 * options of utils/build/page-scripts.ts). Prints a Markdown table for RESULTS.md.
 */
import { build } from 'esbuild';
import { relative } from 'node:path';
import { PAGE_SCRIPT_OPTIONS, pageScriptSource } from '../../utils/build/page-scripts';
import { REPO_ROOT } from '../e2e/support/extension-browser';

/** Which part of the product each file is, for the reader. */
const PARTS: [RegExp, string][] = [
  [/stripe-id-grammar|card-subject/, 'Stripe ID grammar'],
  [/email-grammar/, 'email grammar'],
  [
    /scan-scheduler|id-index|page-marker|visible-marks|adopt-marks-sheet|mark-styles/,
    'scanning and marking',
  ],
  [
    /composed-order|frame-matches|frame-element/,
    'reading order, email frames (keyboard navigation)',
  ],
  [/hit-test|pointer-cursor|element-above/, 'hit test, pointer'],
  [
    /site-policy|organisation-allows|helpdesk-sites|marking-options/,
    'policy gate, marking options',
  ],
  [
    /extension-runtime|messaging\/|frame-lifetime|card-code\.ts/,
    'messages, lifetime, card code loader',
  ],
  [/start-id-marking|content-script/, 'start-up, clicks and keys'],
  [/card-host/, 'card host and spare frame'],
  [/card-drawing/, 'how the page draws the card (Confirm check)'],
  [/card-anchor/, 'card placement'],
];

async function parts(entry: string, format: 'iife' | 'esm') {
  const result = await build({
    ...PAGE_SCRIPT_OPTIONS,
    entryPoints: [pageScriptSource(entry)],
    format,
    metafile: true,
  });
  const [output] = Object.values(result.metafile!.outputs);
  const rows = Object.entries(output!.inputs)
    .map(([file, { bytesInOutput }]) => ({
      file: relative(REPO_ROOT, file).replace(/^.*node_modules\//, ''),
      bytes: bytesInOutput,
    }))
    .filter((row) => row.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { total: result.outputFiles![0]!.text.length, rows };
}

const partOf = (file: string) => PARTS.find(([pattern]) => pattern.test(file))?.[1] ?? 'other';

for (const [entry, format, name] of [
  ['content-script.ts', 'iife', 'Content script (every helpdesk page load)'],
  ['card-code-entry.ts', 'esm', 'Card code (once the agent reaches for a mark)'],
] as const) {
  const { total, rows } = await parts(entry, format);
  console.log(`\n${name}: ${total.toLocaleString('en-US')} bytes\n`);
  console.log('| part | file | bytes |\n| --- | --- | --- |');
  for (const row of rows)
    console.log(`| ${partOf(row.file)} | ${row.file} | ${row.bytes.toLocaleString('en-US')} |`);
}
