/**
 * Stripe's request encoding: application/x-www-form-urlencoded with nested keys written as
 * `a[b]=v` and arrays as `a[0][k]=v`. Undefined values are left out; null sends an empty
 * string, which is how Stripe unsets a field.
 */
export type FormValue =
  string | number | boolean | null | undefined | FormValue[] | { [key: string]: FormValue };

export function encodeStripeForm(params: Record<string, FormValue>): string {
  const pairs: string[] = [];
  const add = (key: string, value: FormValue): void => {
    if (value === undefined) return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => add(`${key}[${index}]`, item));
    } else if (value !== null && typeof value === 'object') {
      for (const [child, childValue] of Object.entries(value)) add(`${key}[${child}]`, childValue);
    } else {
      pairs.push(
        `${encodeURIComponent(key)}=${encodeURIComponent(value === null ? '' : String(value))}`,
      );
    }
  };
  for (const [key, value] of Object.entries(params)) add(key, value);
  return pairs.join('&');
}
