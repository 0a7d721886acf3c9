import type { ComponentChildren } from 'preact';
import { ConfirmButton } from './ConfirmButton';
import { ConfirmQuestion } from './ConfirmQuestion';
import { ReviewLines } from './ReviewLines';
import type { ReviewLine } from '../../utils/review-lines';

/** What a kind says before one of its actions: the question's name, its words, its look. */
export interface ConfirmWords {
  /** The question's name for assistive technology: "Confirm expiring the session". */
  label: string;
  /** What will happen, in the agent's words. */
  children?: ComponentChildren;
  /** Every field that will be sent, one per line, below the words. */
  lines?: readonly ReviewLine[];
  /** What Confirm says while the request is out: "Expiring…". */
  busyLabel: string;
  /** Irreversible (expire, void): Confirm is drawn as such. */
  danger?: boolean;
  /** A live-mode object: the question and Confirm say so, as real money or customers move. */
  live?: boolean;
}

/**
 * The one question before a change to money or state: what will happen (the kind's words),
 * Confirm, and a way back. Every action's confirmation is this component; a kind supplies
 * only its words.
 */
export function ConfirmAction(
  props: ConfirmWords & {
    /** The attempt the question is for (`useAttempt`): Confirm sends it, the way back resets it. */
    attempt: { busy: boolean; confirm(): Promise<void>; reset(): void };
    /** "Back" to a form the question came from, else "Cancel". */
    cancelLabel?: 'Back' | 'Cancel';
    /** Below the buttons: what arrives a moment later must not move them. */
    after?: ComponentChildren;
  },
) {
  const { attempt } = props;
  return (
    <ConfirmQuestion label={props.label}>
      {props.live && (
        <p class="live-band" role="note">
          LIVE mode: this changes a real customer's account.
        </p>
      )}
      {props.children}
      {props.lines && <ReviewLines lines={props.lines} />}
      <div class="actions">
        <ConfirmButton
          danger={props.danger}
          busy={attempt.busy}
          busyLabel={props.busyLabel}
          live={props.live}
          onConfirm={() => void attempt.confirm()}
        />
        <button type="button" class="secondary" disabled={attempt.busy} onClick={attempt.reset}>
          {props.cancelLabel ?? 'Cancel'}
        </button>
      </div>
      {props.after}
    </ConfirmQuestion>
  );
}
