import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, writeSettings } from '../../utils/storage/settings-store';
import { lockIfIdle, vaultState } from '../../utils/storage/vault-store';
import { SEED_IDS } from '../emulator/seed-data';
import { expectOk, testSenders, useEmulator } from './emulator-harness';

const harness = useEmulator();
const senders = testSenders(41);
const MINUTE = 60_000;

async function lockedAfterFiveIdleMinutes() {
  const router = harness.router({ senders });
  await router.saveTestKey();
  await writeSettings({ ...DEFAULT_SETTINGS, autoLockMinutes: 5 });
  expectOk(
    await router.ask({ type: 'vault.enable', passphrase: 'a long passphrase' }, senders.options),
  );
  const start = Date.now();
  const at = (minutes: number) => vi.spyOn(Date, 'now').mockReturnValue(start + minutes * MINUTE);
  return { router, at };
}

// The idle lock closes a key the agent has stopped using. A page (or a content script it has
// subverted) asking for cards in the background is not the agent using it.
describe('what keeps the passphrase lock open', () => {
  it('is not a look-up a content script triggers', async () => {
    const { router, at } = await lockedAfterFiveIdleMinutes();
    for (const minute of [2, 4, 6]) {
      at(minute);
      expectOk(await router.askForCard(SEED_IDS.jenny));
      await new Promise((resolve) => setTimeout(resolve, 100)); // Its early look-up runs.
    }
    at(6);
    await lockIfIdle();
    expect(await vaultState()).toBe('locked');
  });

  it('is what the agent does in a card', async () => {
    const { router, at } = await lockedAfterFiveIdleMinutes();
    at(4);
    await router.openCard(SEED_IDS.jenny);
    at(8);
    await lockIfIdle();
    expect(await vaultState()).toBe('unlocked');
  });
});
