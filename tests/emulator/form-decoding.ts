/**
 * Decodes a Stripe-style form body (`a[b][0][c]=v`) into nested objects and arrays, the way
 * Stripe reads it. Numeric segments become array indexes.
 */
export type Decoded = string | Decoded[] | { [key: string]: Decoded };

export function decodeStripeForm(body: string): Record<string, Decoded> {
  const root: Record<string, Decoded> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const segments = rawKey.split(/\[|\]\[|\]/).filter((s, i) => s !== '' || i === 0);
    let target: Record<string, Decoded> | Decoded[] = root;
    segments.forEach((segment, i) => {
      const last = i === segments.length - 1;
      const container = target as Record<string, Decoded>;
      if (last) {
        container[segment] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(segments[i + 1]!);
      container[segment] ??= nextIsIndex ? [] : {};
      target = container[segment] as Record<string, Decoded>;
    });
  }
  return root;
}
