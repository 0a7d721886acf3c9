// Apart from site-access.ts so the popup can use them: that file's policy reads bring
// storage, zod and idb with them.

/** `https://acme.example` from any URL on it, or null for what cannot be enabled. */
export function siteOriginOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.origin : null;
  } catch {
    return null;
  }
}

export const originPattern = (origin: string) => `${origin}/*`;
