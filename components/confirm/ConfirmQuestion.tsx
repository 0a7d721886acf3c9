import type { ComponentChildren } from 'preact';
import { focusOnMount } from '../shared/KeyShortcut';

/**
 * The step that asks before a change to money or state. Focus moves to the question, never
 * to Confirm: a key meant for something else cannot answer it (Tab reaches Confirm, and a
 * held Enter confirms).
 */
export function ConfirmQuestion(props: { label: string; children: ComponentChildren }) {
  return (
    <div class="confirm" role="group" aria-label={props.label} tabIndex={-1} ref={focusOnMount}>
      {props.children}
    </div>
  );
}
