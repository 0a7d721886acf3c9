import type { ComponentChildren } from 'preact';
import { ConfirmButton } from './ConfirmButton';
import { ConfirmQuestion } from './ConfirmQuestion';

/**
 * The one question before a change to money or state: what will happen (the kind's words),
 * Confirm, and a way back. Every action's confirmation is this component; a kind supplies
 * only its words.
 */
export function ConfirmAction(props: {
  /** The question's name for assistive technology: "Confirm expiring the session". */
  label: string;
  /** What will happen, in the agent's words. */
  children: ComponentChildren;
  busy: boolean;
  /** What Confirm says while the request is out: "Expiring…". */
  busyLabel: string;
  /** Irreversible (expire, void): Confirm is drawn as such. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** "Back" to a form the question came from, else "Cancel". */
  cancelLabel?: 'Back' | 'Cancel';
  /** Below the buttons: what arrives a moment later must not move them. */
  after?: ComponentChildren;
}) {
  return (
    <ConfirmQuestion label={props.label}>
      {props.children}
      <div class="actions">
        <ConfirmButton
          danger={props.danger}
          busy={props.busy}
          busyLabel={props.busyLabel}
          onConfirm={props.onConfirm}
        />
        <button type="button" class="secondary" disabled={props.busy} onClick={props.onCancel}>
          {props.cancelLabel ?? 'Cancel'}
        </button>
      </div>
      {props.after}
    </ConfirmQuestion>
  );
}
