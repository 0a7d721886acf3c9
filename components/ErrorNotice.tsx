import type { AgentFacingError } from '../utils/stripe/explain-failure';

export function ErrorNotice({ error }: { error: AgentFacingError }) {
  return (
    <div class="notice notice-error" role="alert">
      <p>{error.message}</p>
      {error.requestId && (
        <p class="muted">
          Stripe request ID: <code>{error.requestId}</code>
        </p>
      )}
    </div>
  );
}
