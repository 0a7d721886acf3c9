import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { chromiumOrSkipReason } from './chromium-path';
import { launchExtensionBrowser, type ExtensionBrowser } from './extension-browser';

const chromium = chromiumOrSkipReason();
if ('skip' in chromium) console.warn(chromium.skip);

/** `describe` that runs only where Chromium exists (always under CI), with one browser per file. */
export const describeInChromium = describe.skipIf('skip' in chromium);

export function useExtensionBrowser(setup?: (browser: ExtensionBrowser) => Promise<void>) {
  let browser: ExtensionBrowser | undefined;
  beforeAll(async () => {
    if ('skip' in chromium) return;
    browser = await launchExtensionBrowser({ chromiumPath: chromium.path });
    await setup?.(browser);
  });
  // Each test starts from the seeded objects with no faults queued and an empty request log.
  beforeEach(() => browser?.emulator.reset());
  afterAll(() => browser?.close());
  return () => browser!;
}
