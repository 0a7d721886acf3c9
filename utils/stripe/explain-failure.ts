import {
  otherModeNamedIn,
  dashboardNameOfRak,
  permissionNamedIn,
  StripeApiError,
  StripeConnectionError,
  StripeResponseShapeError,
} from './stripe-error';

/** What the agent sees when something fails: a plain sentence and the ID to quote to Stripe. */
export interface AgentFacingError {
  message: string;
  requestId?: string;
  stripeCode?: string;
  stripeType?: string;
  status?: number;
  /**
   * Stripe's answer never arrived, so whether it acted is unknown: trying again must reuse the
   * same attempt (and idempotency key). Any definite answer starts a new attempt instead,
   * because Stripe replays a stored answer, errors included, for a key it has seen.
   */
  unresolved?: boolean;
  /** The fix is in Options (save, replace or unlock a key): the notice offers to open it. */
  fixInOptions?: boolean;
}

export function explainStripeFailure(error: unknown): AgentFacingError {
  if (error instanceof StripeApiError) {
    const base = {
      requestId: error.requestId,
      stripeCode: error.code,
      stripeType: error.type,
      status: error.status,
    };
    // A missing key, or one for the other mode (a live-only customer with a test key), is
    // fixed in Options: the notice offers to open it, as for a live session.
    const keyProblem =
      error.status === 401 ||
      /publishable API key/i.test(error.message) ||
      ((error.status === 404 || error.code === 'resource_missing') &&
        otherModeNamedIn(error.message) !== undefined);
    return { ...base, message: sentenceFor(error), ...(keyProblem && { fixInOptions: true }) };
  }
  if (error instanceof StripeConnectionError) {
    return {
      message: `Could not reach Stripe (${error.attempts} attempts). Check the connection and try again; a retry cannot act twice.`,
    };
  }
  if (error instanceof StripeResponseShapeError) {
    return {
      requestId: error.requestId,
      message:
        'Stripe answered, but not in the shape this extension expects. Check the object in the Dashboard.',
    };
  }
  return {
    message:
      'Something went wrong inside the extension. Try again; if it persists, reload the extension.',
  };
}

function sentenceFor(error: StripeApiError): string {
  const message = error.message;
  if (/publishable API key/i.test(message))
    return 'A publishable key (pk_…) cannot do this. Save a secret (sk_…) or restricted (rk_…) key in Options.';
  if (error.status === 401)
    return 'Stripe did not accept the saved API key (it may have been rolled or deleted). Save a current key in Options.';
  if (error.status === 403) {
    const permission = permissionNamedIn(message);
    return permission
      ? `This restricted key lacks the ${dashboardNameOfRak(permission)} permission. Add it to the key in the Stripe Dashboard (Developers → API keys → edit the key), or use another key.`
      : 'This API key is not allowed to do this. Check its permissions in the Stripe Dashboard.';
  }
  if (error.status === 404 || error.code === 'resource_missing') {
    const otherMode = otherModeNamedIn(message);
    if (otherMode)
      return `Not found with this key, but it exists in ${otherMode} mode: save a ${otherMode}-mode key in Options to open it.`;
    return `Stripe has no such object for this account: ${message}`;
  }
  if (error.status === 429 || error.code === 'rate_limit')
    return 'Stripe is limiting requests right now. Wait a few seconds and try again; nothing was done twice.';
  if (error.code === 'charge_already_refunded')
    return 'Stripe says the payment was already refunded in full, so nothing more can go back to the card: credit the balance or record it as outside Stripe instead.';
  if (error.type === 'idempotency_error')
    return 'Stripe refused a repeat of this action with different details. Start the action again.';
  if (error.status >= 500)
    return 'Stripe had a problem on its side. Try again in a moment; a retry cannot act twice.';
  return message;
}
