import { existsSync } from 'node:fs';

/** The first of `candidates` that exists on this machine, or null. */
export function findBrowser(candidates: Array<string | undefined>): string | null {
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

/**
 * A browser the end-to-end tests need. Under CI a missing browser is a failure, not a skip;
 * elsewhere the tests skip with a printed reason.
 */
export function browserOrSkipReason(browser: {
  name: string;
  candidates: Array<string | undefined>;
  envVariable: string;
  install: string;
}): { path: string } | { skip: string } {
  const path = findBrowser(browser.candidates);
  if (path) return { path };
  const lookedAt = browser.candidates.filter(Boolean).join(', ');
  if (process.env.CI)
    throw new Error(`CI=true but no ${browser.name} found at ${lookedAt}: ${browser.install}.`);
  return {
    skip: `No ${browser.name} found (looked at ${lookedAt}; set ${browser.envVariable}). Its end-to-end tests are skipped.`,
  };
}
