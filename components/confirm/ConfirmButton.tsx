import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { DrawnPlainlyContext } from './drawn-plainly';
import { canTellVisibility, useVisibleToAgent } from './use-visible-to-agent';

/**
 * How long Confirm stays inert after it appears and after its window regains focus: a click
 * or key meant for something else (the page's reply box, the button that stood here a moment
 * ago) lands before the agent can have read what Confirm does.
 */
export const CONFIRM_ARMING_MS = 500;
/** A keyboard confirmation is a held Enter or Space, never a single key press. */
export const CONFIRM_HOLD_MS = 1000;

const HOLD_KEYS = new Set(['Enter', ' ']);

/**
 * The one button that changes money or state. It acts only on a deliberate act of the agent:
 * a trusted pointer click, or Enter or Space held for a second while it has focus (it never
 * takes focus itself). It is off for half a second after it appears and after the card's
 * window regains focus, and, where the browser can tell, until the card has been fully
 * visible for that long. As it is pressed, and again before it acts, it asks whether the page
 * draws the card plainly (no mask, filter, transform… around it), and refuses if not.
 */
export function ConfirmButton(props: {
  busy: boolean;
  busyLabel: string;
  danger?: boolean;
  /** Live mode: Confirm says so. */
  live?: boolean;
  onConfirm: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const visible = useVisibleToAgent(ref);
  const [armed, setArmed] = useState(false);
  const [holding, setHolding] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const holdTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const drawnPlainly = useContext(DrawnPlainlyContext);
  // What the page drew as the agent pressed (pointer down, or the hold's key down).
  const drawnAtPress = useRef<Promise<string | null> | null>(null);
  const [checking, setChecking] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  /** Acts only if the page drew the card plainly as it was pressed, and still does now. */
  async function confirmIfDrawnPlainly() {
    const atPress = drawnAtPress.current ?? drawnPlainly();
    drawnAtPress.current = null;
    setChecking(true);
    const [whenPressed, beforeActing] = await Promise.all([atPress, drawnPlainly()]);
    setChecking(false);
    const why = whenPressed ?? beforeActing;
    setRefusal(why);
    if (!why) props.onConfirm();
  }

  // Re-armed from scratch whenever the window comes back to the agent, and whenever the
  // page may have covered the card (visibility turned false, then true again).
  const [armingSince, setArmingSince] = useState(() => performance.now());
  useEffect(() => {
    const restart = () => {
      setArmed(false);
      setArmingSince(performance.now());
    };
    const onVisibility = () => document.visibilityState === 'visible' && restart();
    window.addEventListener('focus', restart);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('focus', restart);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
  const seen = visible === true || (visible === null && !canTellVisibility());
  useEffect(() => {
    if (!seen) return setArmed(false);
    const timer = setTimeout(() => setArmed(true), CONFIRM_ARMING_MS);
    return () => clearTimeout(timer);
  }, [seen, armingSince]);

  const cancelHold = () => {
    if (holdTimer.current) clearTimeout(holdTimer.current);
    holdTimer.current = null;
    drawnAtPress.current = null;
    setHolding(false);
  };
  useEffect(() => cancelHold, []);
  useEffect(() => {
    if (!armed) cancelHold();
    // "Not ready yet…" was true a moment ago; once Confirm is armed it is not.
    else setHint(null);
  }, [armed]);

  const off = props.busy || !armed;
  return (
    <>
      <button
        ref={ref}
        type="button"
        class={props.danger ? 'danger' : ''}
        // aria-disabled, not disabled: the button stays focusable for a keyboard hold.
        aria-disabled={off}
        aria-describedby="confirm-how"
        onPointerDown={(event) => {
          if (event.isTrusted && event.button === 0 && !off) drawnAtPress.current = drawnPlainly();
        }}
        onClick={(event) => {
          // `detail` is 0 for a click made by Enter, Space or a script: those go by the hold.
          if (!event.isTrusted || event.detail === 0 || checking) return;
          if (off) {
            if (!props.busy) setHint('Not ready yet: read it, then click Confirm again.');
            return;
          }
          setHint(null);
          void confirmIfDrawnPlainly();
        }}
        onKeyDown={(event) => {
          if (!HOLD_KEYS.has(event.key)) return;
          event.preventDefault();
          if (!event.isTrusted || event.repeat || holdTimer.current || off || checking) return;
          setHolding(true);
          setHint(null);
          drawnAtPress.current = drawnPlainly();
          holdTimer.current = setTimeout(() => {
            holdTimer.current = null;
            setHolding(false);
            void confirmIfDrawnPlainly();
          }, CONFIRM_HOLD_MS);
        }}
        onKeyUp={(event) => {
          if (!HOLD_KEYS.has(event.key)) return;
          event.preventDefault();
          if (!holdTimer.current) return;
          cancelHold();
          setHint('Hold Enter a full second, or click Confirm.');
        }}
        onBlur={cancelHold}
      >
        {props.busy
          ? props.busyLabel
          : holding
            ? 'Keep holding…'
            : props.live
              ? 'Confirm in LIVE mode'
              : 'Confirm'}
      </button>
      <p id="confirm-how" class="muted confirm-how">
        {hint ?? 'Click Confirm, or hold Enter on it for a second.'}
      </p>
      {refusal && (
        <p class="notice notice-error" role="alert">
          {refusal}
        </p>
      )}
      {visible === false && (
        <p class="notice notice-error" role="alert">
          The page is covering or hiding this card, so Confirm is off. Scroll or close what covers
          it.
        </p>
      )}
    </>
  );
}
