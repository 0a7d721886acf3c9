import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, matchesGlob, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createImportGraph,
  describeChain,
  packageName,
  scriptsOfPage,
  type Closure,
  type Reached,
} from './import-graph';

/**
 * The three rooms of DESIGN.md, checked on what each bundle is really made of: the import
 * closure of the content script, of each extension page (from its HTML's scripts, dynamic
 * imports included) and of the background. And the lint overrides that guard each room must
 * cover every file of its bundle, so they cannot drift from the bundles again.
 */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const graph = createImportGraph(ROOT);

const CONTENT_SCRIPT = 'utils/page/content-script.ts';
const BACKGROUND = 'entrypoints/background.ts';
const PAGES = ['card', 'popup', 'options'] as const;
type Page = (typeof PAGES)[number];

const pageRoots = (page: Page) => scriptsOfPage(ROOT, `entrypoints/${page}/index.html`);
const content = graph.closureOf([CONTENT_SCRIPT]);
const background = graph.closureOf([BACKGROUND]);
const pages = Object.fromEntries(
  PAGES.map((page) => [page, graph.closureOf(pageRoots(page))]),
) as Record<Page, Closure>;

/** Every file of the project's own code, repository-relative with `/`. */
const sourceFiles = ['entrypoints', 'components', 'utils', 'tests'].flatMap((folder) =>
  readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)).split(sep).join('/')),
);
const isLinted = (file: string) => /\.(m?[jt]sx?)$/.test(file);

/**
 * The kinds' facts, and what they import: what a kind says about itself in words and
 * numbers (titles, Dashboard links, journal labels), which any room may carry.
 */
const kindFactFiles = sourceFiles.filter(
  (file) => file === 'utils/objects/kind-facts.ts' || matchesGlob(file, 'utils/objects/*/facts.ts'),
);
const pureFacts = graph.closureOf(kindFactFiles);

/** The background's side of the house: secrets, storage, the journal, Stripe. */
const isBackgroundSide = (file: string) =>
  file.startsWith('utils/background/') ||
  file.startsWith('utils/journal/') ||
  file.startsWith('utils/kit/') ||
  file.startsWith('utils/storage/') ||
  file === 'utils/stripe/client.ts';

const pulledIn = (reached: Reached) => `${reached.name}\n  pulled in by: ${describeChain(reached)}`;

function filesWhere(closure: Closure, unwanted: (file: string) => boolean): string[] {
  return [...closure.files.values()].filter((reached) => unwanted(reached.name)).map(pulledIn);
}

function packagesWhere(closure: Closure, unwanted: readonly string[]): string[] {
  return [...closure.packages.values()]
    .filter((reached) => unwanted.includes(packageName(reached.name)))
    .map(pulledIn);
}

describe('the import graph', () => {
  const dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  write('tsconfig.json', JSON.stringify({ compilerOptions: { jsxImportSource: 'preact' } }));
  write(
    'entry.ts',
    [
      "import type { A } from './type-only';",
      "import { type B, type C } from './inline-types';",
      "export type { D } from './type-reexport';",
      "export { type E } from './inline-type-reexport';",
      "import { value } from './value';",
      "import './side-effect.css';",
      "export * from './star';",
      "export { named } from './named';",
      "export const later = () => import('./lazy');",
      "export type F = typeof import('./type-query');",
      "import { z } from 'zod/mini';",
      "import { openDB } from '@scope/pkg/sub';",
      'export const all = [value, z, openDB];',
    ].join('\n'),
  );
  for (const file of ['type-only', 'inline-types', 'type-reexport', 'inline-type-reexport'])
    write(`${file}.ts`, "import 'never-reached';");
  for (const file of ['value', 'star', 'named', 'type-query']) write(`${file}.ts`, '');
  write('side-effect.css', '');
  write('lazy/index.tsx', 'export const view = () => <p />;');
  const closure = createImportGraph(dir).closureOf(['entry.ts']);

  it('follows value imports, re-exports, side-effect imports and import(), and skips types', () => {
    expect([...closure.files.keys()].sort()).toEqual([
      'entry.ts',
      'lazy/index.tsx',
      'named.ts',
      'side-effect.css',
      'star.ts',
      'value.ts',
    ]);
  });

  it('records bare specifiers, and the JSX runtime a .tsx file uses', () => {
    expect([...closure.packages.keys()].sort()).toEqual([
      '@scope/pkg/sub',
      'preact/jsx-runtime',
      'zod/mini',
    ]);
    expect(packageName('@scope/pkg/sub')).toBe('@scope/pkg');
    expect(packageName('preact/jsx-runtime')).toBe('preact');
    expect(closure.packages.get('preact/jsx-runtime')?.chain).toEqual([
      'entry.ts',
      'lazy/index.tsx',
    ]);
  });

  it('finds what the real entries are known to hold, so the checks below are not vacuous', () => {
    expect(pageRoots('popup')).toEqual(['entrypoints/popup/main.ts']);
    expect(pages.popup.files.has('entrypoints/popup/start-popup.tsx')).toBe(true);
    expect(pages.popup.files.has('components/card/ActionCard.tsx')).toBe(true);
    expect(pages.card.packages.has('preact/jsx-runtime')).toBe(true);
    expect(content.files.has('utils/page/start-id-marking.ts')).toBe(true);
    expect(background.packages.has('zod')).toBe(true);
    expect(background.packages.has('idb')).toBe(true);
    expect(background.files.has('utils/background/message-router.ts')).toBe(true);
  });
});

describe('the content script', () => {
  it('carries no zod, idb or Preact', () => {
    expect(packagesWhere(content, ['zod', 'idb', 'preact'])).toEqual([]);
  });

  it("carries none of the background's, the journal's, the kit's or the Stripe client's files", () => {
    expect(
      filesWhere(
        content,
        (file) =>
          file.startsWith('utils/background/') ||
          file.startsWith('utils/journal/') ||
          file.startsWith('utils/kit/') ||
          file === 'utils/stripe/client.ts',
      ),
    ).toEqual([]);
  });

  it("carries of the kinds' files only their facts", () => {
    expect(
      filesWhere(
        content,
        (file) => file.startsWith('utils/objects/') && !pureFacts.files.has(file),
      ),
    ).toEqual([]);
  });

  it("is allowed the kinds' facts because they are pure: no package, no background", () => {
    expect(kindFactFiles.length).toBeGreaterThan(1);
    expect([...pureFacts.packages.values()].map(pulledIn)).toEqual([]);
    expect(filesWhere(pureFacts, isBackgroundSide)).toEqual([]);
  });
});

describe.each(PAGES)('the %s page', (page) => {
  const closure = pages[page];

  it('has scripts to start from', () => {
    expect(pageRoots(page).length).toBeGreaterThan(0);
  });

  it('carries no idb', () => {
    expect(packagesWhere(closure, ['idb'])).toEqual([]);
  });

  it("reaches Stripe, keys and the journal only through the background's messages", () => {
    expect(
      filesWhere(
        closure,
        (file) =>
          file.startsWith('utils/background/') ||
          file === 'utils/journal/journaled-request.ts' ||
          file === 'utils/stripe/client.ts' ||
          file === 'utils/objects/registry.ts' ||
          matchesGlob(file, 'utils/objects/*/definition.ts'),
      ),
    ).toEqual([]);
  });
});

describe('the popup', () => {
  it('carries no zod and no idb (it opens on every click)', () => {
    expect(packagesWhere(pages.popup, ['zod', 'idb'])).toEqual([]);
  });
});

describe('the background', () => {
  it('draws nothing: no Preact, no components', () => {
    expect(packagesWhere(background, ['preact'])).toEqual([]);
    expect(filesWhere(background, (file) => file.startsWith('components/'))).toEqual([]);
  });
});

// ---- The lint overrides against the bundles ----

interface Override {
  files: string[];
  rules?: Record<string, unknown>;
}
interface OxlintConfig {
  rules?: Record<string, unknown>;
  overrides?: Override[];
}
const config = JSON.parse(readFileSync(join(ROOT, '.oxlintrc.json'), 'utf8')) as OxlintConfig;
const overrides = config.overrides ?? [];
const RULE = 'no-restricted-imports';

/** One restricted path or pattern group, and whether it lets `import type` through. */
interface Restriction {
  readonly key: string;
  readonly typesAllowed: boolean;
}

function restrictionsOf(setting: unknown): Restriction[] {
  if (!Array.isArray(setting) || setting[0] === 'off' || setting[0] === 0) return [];
  const options = (setting[1] ?? {}) as {
    paths?: { name: string; importNames?: string[]; allowTypeImports?: boolean }[];
    patterns?: { group?: string[]; regex?: string; allowTypeImports?: boolean }[];
  };
  return [
    ...(options.paths ?? []).map((path) => ({
      key: `path ${path.name}${path.importNames ? ` (${[...path.importNames].sort().join(', ')})` : ''}`,
      typesAllowed: path.allowTypeImports === true,
    })),
    ...(options.patterns ?? []).map((pattern) => ({
      key: `pattern ${pattern.regex ?? [...(pattern.group ?? [])].sort().join(' ')}`,
      typesAllowed: pattern.allowTypeImports === true,
    })),
  ];
}

const matches = (override: Override, file: string) =>
  override.files.some((glob) => matchesGlob(file, glob));

/**
 * The override whose setting of the rule oxlint applies to a file. An override's setting
 * replaces, rather than adds to, what an earlier override or the root set: the last wins.
 */
const lastOverrideSetting = (file: string) =>
  overrides.findLast((override) => override.rules?.[RULE] && matches(override, file));

function restrictionsIn(file: string): Restriction[] {
  const last = lastOverrideSetting(file);
  return restrictionsOf(last ? last.rules![RULE] : config.rules?.[RULE]);
}

/** The override that guards a room: the first one setting the rule on the room's entry. */
function overrideFor(entry: string): Override {
  const found = overrides.find((override) => override.rules?.[RULE] && matches(override, entry));
  if (!found) throw new Error(`No override in .oxlintrc.json sets ${RULE} for ${entry}`);
  return found;
}

/** The restrictions `required` asks for that `file` is not linted with. */
function missing(file: string, required: readonly Restriction[]): string[] {
  const applied = restrictionsIn(file);
  return required
    .filter(
      (wanted) =>
        !applied.some(
          (have) => have.key === wanted.key && (wanted.typesAllowed || !have.typesAllowed),
        ),
    )
    .map((wanted) => wanted.key);
}

function whyUnguarded(file: string, lacking: readonly string[], room: string): string {
  const last = lastOverrideSetting(file);
  if (!last)
    return `no override sets ${RULE} for it: add it to the files of the ${room} override in .oxlintrc.json`;
  const globs = last.files.slice(0, 3).join(', ') + (last.files.length > 3 ? ', …' : '');
  return `linted by the override for ${globs}, whose ${RULE} replaces the ${room} override's and lacks: ${lacking.join('; ')}`;
}

function unguarded(closure: Closure, guard: Override, room: string): string[] {
  const required = restrictionsOf(guard.rules![RULE]);
  return [...closure.files.values()]
    .filter((reached) => isLinted(reached.name))
    .flatMap((reached) => {
      const lacking = missing(reached.name, required);
      return lacking.length === 0
        ? []
        : [`${pulledIn(reached)}\n  ${whyUnguarded(reached.name, lacking, room)}`];
    });
}

describe('the lint overrides', () => {
  it('name no file pattern that matches nothing', () => {
    const dead = overrides.flatMap((override) =>
      override.files.filter((glob) => !sourceFiles.some((file) => matchesGlob(file, glob))),
    );
    expect(dead).toEqual([]);
  });

  it("lint every file the content script bundles with the content-script override's rule", () => {
    expect(unguarded(content, overrideFor(CONTENT_SCRIPT), 'content-script')).toEqual([]);
  });

  it.each(PAGES)(
    "lint every file the %s page bundles with the extension-page override's rule",
    (page) => {
      const guard = overrideFor(pageRoots(page)[0]!);
      expect(guard).toBe(overrideFor('entrypoints/card/main.tsx'));
      expect(unguarded(pages[page], guard, 'extension-page')).toEqual([]);
    },
  );

  it("lint every kind and the kit with the rule keeping them out of the background's files", () => {
    const guard = overrideFor('utils/kit/index.ts');
    const required = restrictionsOf(guard.rules![RULE]);
    expect(required.some((restriction) => restriction.key.includes('background'))).toBe(true);
    const lacking = sourceFiles
      .filter(
        (file) =>
          isLinted(file) && (file.startsWith('utils/objects/') || file.startsWith('utils/kit/')),
      )
      .flatMap((file) => {
        const gone = missing(file, required);
        return gone.length === 0 ? [] : [`${file}\n  ${whyUnguarded(file, gone, 'kinds-and-kit')}`];
      });
    expect(lacking).toEqual([]);
  });
});
