import { describe, expect, it } from 'vitest';
import { EXTENSION_ORIGIN, RUNTIME_ID, useEmulator } from './emulator-harness';
import type { MessageSenderLike } from '../../utils/messaging/sender-policy';

const harness = useEmulator();
const from = (page: string): MessageSenderLike => ({
  id: RUNTIME_ID,
  url: `${EXTENSION_ORIGIN}/${page}`,
  tab: { id: 4 },
  frameId: 2,
});
const REFUSED_REPLY = { ok: false, error: { message: 'This request is not allowed from here.' } };

// A card frame sits inside a page we do not trust: whatever runs in it must not change the
// agent's settings, keys or lock, nor read the activity log.
describe('requests of the popup and Options', () => {
  it.each([
    { type: 'settings.save', settings: { markEmails: false } },
    { type: 'accounts.save', apiKey: 'sk_test_abc' },
    { type: 'accounts.list' },
    { type: 'vault.disable', passphrase: 'x' },
    { type: 'vault.lock' },
    { type: 'journal.recent', limit: 5 },
    { type: 'sites.disable', origin: 'https://acme.zendesk.com' },
    { type: 'popup.openCard', objectId: 'cus_12345678901234' },
  ])('are refused from a card frame: $type', async (request) => {
    const { handle } = harness.router();
    expect(await handle(request, from('card.html#token'))).toEqual(REFUSED_REPLY);
  });

  it.each(['settings.get', 'options.open'])('%s is still answered for a card', async (type) => {
    const { handle } = harness.router();
    expect((await handle({ type }, from('card.html#token'))).ok).toBe(true);
  });

  it('are answered for Options and the popup', async () => {
    const { handle } = harness.router();
    expect((await handle({ type: 'journal.recent', limit: 5 }, from('options.html'))).ok).toBe(
      true,
    );
    expect((await handle({ type: 'accounts.list' }, from('popup.html'))).ok).toBe(true);
  });
});
