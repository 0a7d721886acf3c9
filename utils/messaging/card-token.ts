/** What a card grant's token looks like: base64url, as `randomUrlToken` makes them. */
export const CARD_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22,64}$/;

/** `byteCount` random bytes in base64url without padding: safe in an address's fragment. */
export function randomUrlToken(byteCount: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(byteCount));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
