import type { AgentFacingError } from '../../utils/stripe/explain-failure';
import { ErrorNotice } from '../shared/ErrorNotice';

/**
 * The end of every action's form: what is wrong with what the agent typed, Stripe's refusal of
 * the review, and the two buttons. One place, so every form says a problem the same way and
 * keeps its way back beside its submit.
 */
export function FormEnd(props: {
  problem: string | null | undefined;
  error?: AgentFacingError | null;
  submit: string;
  /** Said on the submit button while the review is being asked for. */
  busy?: string | null;
  disabled?: boolean;
  back?: 'Cancel' | 'Back';
  onBack: () => void;
}) {
  return (
    <>
      {props.problem && (
        <p class="notice notice-error" role="alert">
          {props.problem}
        </p>
      )}
      {props.error && <ErrorNotice error={props.error} />}
      <div class="actions">
        <button type="submit" disabled={Boolean(props.busy) || props.disabled}>
          {props.busy || props.submit}
        </button>
        <button type="button" class="secondary" onClick={props.onBack}>
          {props.back ?? 'Cancel'}
        </button>
      </div>
    </>
  );
}
