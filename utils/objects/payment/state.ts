/**
 * A payment's state, one vocabulary for a PaymentIntent and a charge alike: `incomplete` is
 * a PaymentIntent still waiting for its customer (a method, a confirmation).
 */
export type PaymentState =
  | 'succeeded'
  | 'processing'
  | 'requires_capture'
  | 'requires_action'
  | 'incomplete'
  | 'canceled'
  | 'failed';

export const PAYMENT_STATE_WORDS: Record<PaymentState, string> = {
  succeeded: 'Succeeded',
  processing: 'Processing',
  requires_capture: 'Authorized, not captured',
  requires_action: 'Waiting for the customer to authenticate',
  incomplete: 'Incomplete',
  canceled: 'Canceled',
  failed: 'Failed',
};

/** A PaymentIntent's status in the one vocabulary. */
export function intentState(status: string, failed: boolean): PaymentState {
  switch (status) {
    case 'succeeded':
    case 'processing':
    case 'requires_capture':
    case 'requires_action':
    case 'canceled':
      return status;
    case 'requires_payment_method':
      // Back to needing a method after an attempt: the attempt failed.
      return failed ? 'failed' : 'incomplete';
    default:
      return 'incomplete';
  }
}

/** A charge's status in the one vocabulary: a charge not captured is an authorization. */
export function chargeState(charge: { status: string; captured: boolean }): PaymentState {
  if (charge.status === 'failed') return 'failed';
  if (charge.status === 'pending') return 'processing';
  return charge.captured ? 'succeeded' : 'requires_capture';
}
