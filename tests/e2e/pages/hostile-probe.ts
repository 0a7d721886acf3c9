import { expect } from 'vitest';
import { SEED_IDS } from '../../emulator/seed-data';

/** What hostile.html's `attack.probe()` could see with Jenny's card open. */
export interface HostileProbe {
  hostFound: boolean;
  openShadowRoot: boolean;
  capturedRoots: number;
  /** Messages posted to the page by anything but the page itself. */
  messagesFromOthers: string[];
  iframesVisible: string[];
  bodyText: string;
  markTexts: string[];
}

/** The page found the card's host and nothing else: no root, frame, Stripe data or key. */
export function expectProbeFoundNothing(seen: HostileProbe, apiKey: string) {
  expect(seen.hostFound).toBe(true);
  expect(seen.openShadowRoot).toBe(false); // closed
  expect(seen.capturedRoots).toBe(0); // the page's attachShadow hook never saw ours
  expect(seen.messagesFromOthers).toEqual([]); // nothing announced the extension
  expect(seen.iframesVisible).toEqual([]);
  for (const secret of ['Jenny Rosen', 'jenny.rosen@example.com', 'card.html', apiKey])
    expect(seen.bodyText).not.toContain(secret);
  // The marks only repeat text the page already has.
  expect(seen.markTexts).toEqual([SEED_IDS.jenny, SEED_IDS.openSession]);
}
