import type { StripeMode } from '../../utils/stripe-id-grammar';

/** Live mode must be impossible to miss wherever an action can be taken. */
export function ModeBadge({ mode }: { mode: StripeMode | null }) {
  if (!mode) return null;
  return <span class={`mode-badge mode-${mode}`}>{mode === 'live' ? 'LIVE' : 'Test mode'}</span>;
}
