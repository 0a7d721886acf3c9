import { askBackground } from '../../utils/messaging/ask-background';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';

/** On the Options page itself the fix is already in view. */
const onOptionsPage = () => location.pathname.endsWith('/options.html');

export function ErrorNotice({ error }: { error: AgentFacingError }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{error.message}</p>
      {error.requestId && (
        <p class="muted">
          Stripe request ID: <code>{error.requestId}</code>
        </p>
      )}
      {error.fixInOptions && !onOptionsPage() && (
        <p>
          <button
            type="button"
            class="secondary"
            onClick={() => void askBackground({ type: 'options.open' })}
          >
            Open Options
          </button>
        </p>
      )}
    </div>
  );
}
