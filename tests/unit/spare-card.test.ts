import { describe, expect, it } from 'vitest';
import { newSpareNonce, spareGrant, tokenOfSpareGrant } from '../../utils/messaging/spare-card';

const TOKEN = 'q0Vb1y2b3c4d5e6f7g8h9i0jKLMNOPqr';

describe('a spare card frame getting its grant', () => {
  it('takes the token posted with its own nonce', () => {
    const nonce = newSpareNonce();
    expect(tokenOfSpareGrant(spareGrant(nonce, TOKEN), nonce)).toBe(TOKEN);
  });

  it('ignores what the page may post it: another nonce, no nonce, other shapes', () => {
    const nonce = newSpareNonce();
    const refused = [
      spareGrant(newSpareNonce(), TOKEN),
      { type: 'card.spareGrant', token: TOKEN },
      { type: 'card.grant', nonce, token: TOKEN },
      { type: 'card.spareGrant', nonce, token: 42 },
      { type: 'card.spareGrant', nonce, token: 'short' },
      { type: 'card.spareGrant', nonce, token: `${TOKEN}/../options.html` },
      `card.spareGrant ${nonce} ${TOKEN}`,
      null,
    ];
    for (const data of refused) expect(tokenOfSpareGrant(data, nonce)).toBeNull();
  });

  it('makes nonces no page could guess', () => {
    const nonces = new Set(Array.from({ length: 100 }, newSpareNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9_-]{24}$/);
  });
});
