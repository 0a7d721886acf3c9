import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * What a bundle is made of, read from the sources: the files an entry pulls in at run time
 * and the packages they name. Follows relative imports, re-exports and dynamic `import()`;
 * skips what the build erases (`import type`, `export type`, and imports or re-exports whose
 * every name is a type). A value import used only as a type is erased too, but telling that
 * needs the type checker: it is followed, so a closure may be a little larger than the
 * bundle, never smaller.
 */

/** A file or package in a closure, and how it got there. */
export interface Reached {
  /** Repository-relative path with `/`, or a bare specifier such as `preact/hooks`. */
  readonly name: string;
  /** From the root to the file that imported it, root first. */
  readonly chain: readonly string[];
}

export interface Closure {
  /** Every source file reached (and other assets imported, such as CSS), root files included. */
  readonly files: ReadonlyMap<string, Reached>;
  /** Every bare specifier named by a reached file, first way found. */
  readonly packages: ReadonlyMap<string, Reached>;
}

interface FileImports {
  readonly relative: string[];
  readonly bare: string[];
}

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.js', '.jsx', '.mjs'];

export function createImportGraph(repoRoot: string) {
  const compilerOptions = readCompilerOptions(repoRoot);
  const cache = new Map<string, FileImports>();
  const toName = (absolute: string) => relative(repoRoot, absolute).split(sep).join('/');

  function importsOf(absolute: string): FileImports {
    const cached = cache.get(absolute);
    if (cached) return cached;
    const found = SOURCE_EXTENSIONS.some((ext) => absolute.endsWith(ext))
      ? parseImports(absolute, compilerOptions.jsxImportSource)
      : { relative: [], bare: [] };
    cache.set(absolute, found);
    return found;
  }

  /** Breadth first, so each chain is a shortest one. */
  function closureOf(roots: readonly string[]): Closure {
    const files = new Map<string, Reached>();
    const packages = new Map<string, Reached>();
    const queue: string[] = [];
    for (const root of roots) {
      const absolute = resolve(repoRoot, root);
      if (!existsSync(absolute)) throw new Error(`No such entry: ${root}`);
      const name = toName(absolute);
      if (files.has(name)) continue;
      files.set(name, { name, chain: [] });
      queue.push(absolute);
    }
    while (queue.length > 0) {
      const absolute = queue.shift()!;
      const name = toName(absolute);
      const chain = [...files.get(name)!.chain, name];
      const { relative: specifiers, bare } = importsOf(absolute);
      for (const specifier of specifiers) {
        const target = resolveRelative(dirname(absolute), specifier);
        if (!target)
          throw new Error(`${name}: cannot resolve '${specifier}' (the graph would have a hole)`);
        const targetName = toName(target);
        if (files.has(targetName)) continue;
        files.set(targetName, { name: targetName, chain });
        queue.push(target);
      }
      for (const specifier of bare) {
        if (!packages.has(specifier)) packages.set(specifier, { name: specifier, chain });
      }
    }
    return { files, packages };
  }

  return { closureOf };
}

/** `preact/hooks` → `preact`, `@preact/signals/x` → `@preact/signals`. */
export function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The `src` of each `<script>` in an HTML page, resolved against the page's folder. */
export function scriptsOfPage(repoRoot: string, htmlPath: string): string[] {
  const html = readFileSync(resolve(repoRoot, htmlPath), 'utf8');
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc\s*=\s*["']([^"']+)["'][^>]*>/gi)].map(
    (match) => match[1]!,
  );
  return sources.map((src) =>
    relative(repoRoot, resolve(repoRoot, dirname(htmlPath), src))
      .split(sep)
      .join('/'),
  );
}

/** `a → b → c`, for failure messages. */
export function describeChain(reached: Reached): string {
  return [...reached.chain, reached.name].join('\n  → ');
}

function readCompilerOptions(repoRoot: string): { jsxImportSource?: string } {
  const path = join(repoRoot, 'tsconfig.json');
  const { config, error } = ts.readConfigFile(path, (file) => ts.sys.readFile(file));
  if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, repoRoot);
  return { jsxImportSource: parsed.options.jsxImportSource };
}

function resolveRelative(fromDir: string, specifier: string): string | undefined {
  const base = resolve(fromDir, specifier);
  const candidates = [
    base,
    ...SOURCE_EXTENSIONS.map((ext) => base + ext),
    ...SOURCE_EXTENSIONS.map((ext) => join(base, `index${ext}`)),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/**
 * Files that import a module by its address in the built extension rather than by name, and
 * the module that address holds: followed as an import, so no room's code goes unseen.
 */
const LOADED_BY_ADDRESS: Record<string, string> = {
  'utils/page/card-code.ts': './card-code-entry',
};

function parseImports(absolute: string, jsxImportSource: string | undefined): FileImports {
  const text = readFileSync(absolute, 'utf8');
  const kind =
    absolute.endsWith('.tsx') || absolute.endsWith('.jsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(absolute, text, ts.ScriptTarget.Latest, true, kind);
  const specifiers: string[] = [];
  let usesJsx = false;

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) {
      if (!isErasedImport(node)) specifiers.push(literalText(node.moduleSpecifier));
    } else if (ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier && !isErasedExport(node))
        specifiers.push(literalText(node.moduleSpecifier));
    } else if (ts.isImportEqualsDeclaration(node)) {
      const reference = node.moduleReference;
      if (!node.isTypeOnly && ts.isExternalModuleReference(reference))
        specifiers.push(literalText(reference.expression));
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      const byAddress = Object.entries(LOADED_BY_ADDRESS).find(([file]) =>
        absolute.split(sep).join('/').endsWith(`/${file}`),
      )?.[1];
      if (argument && ts.isStringLiteralLike(argument)) specifiers.push(argument.text);
      else if (byAddress) specifiers.push(byAddress);
      else throw new Error(`${absolute}: import() of something other than a literal`);
    } else if (
      ts.isJsxElement(node) ||
      ts.isJsxSelfClosingElement(node) ||
      ts.isJsxFragment(node)
    ) {
      usesJsx = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  // The automatic JSX runtime is an import the source does not spell out.
  if (usesJsx && jsxImportSource) specifiers.push(`${jsxImportSource}/jsx-runtime`);

  return {
    relative: specifiers.filter((specifier) => specifier.startsWith('.')),
    bare: specifiers.filter((specifier) => !specifier.startsWith('.')),
  };
}

function literalText(expression: ts.Expression): string {
  if (!ts.isStringLiteralLike(expression))
    throw new Error('A module specifier that is not a string');
  return expression.text;
}

/** `import type …`, or `import { type A, type B } from …` with nothing else: gone at build time. */
function isErasedImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x'`: kept for its side effects.
  if (clause.isTypeOnly) return true;
  if (clause.name) return false;
  const bindings = clause.namedBindings;
  return (
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.length > 0 &&
    bindings.elements.every((element) => element.isTypeOnly)
  );
}

/** `export type { … } from …`, or every name re-exported marked `type`. */
function isErasedExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const clause = node.exportClause;
  return (
    clause !== undefined &&
    ts.isNamedExports(clause) &&
    clause.elements.length > 0 &&
    clause.elements.every((element) => element.isTypeOnly)
  );
}
