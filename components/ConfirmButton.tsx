import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * Whether the agent can really see `element`: IntersectionObserver v2 reports occlusion,
 * opacity, transforms and filters applied by the page around our frame (clickjacking).
 * null where the browser cannot tell (then the trusted-click check still applies).
 */
function useVisibleToAgent(ref: { current: HTMLElement | null }): boolean | null {
  const [visible, setVisible] = useState<boolean | null>(null);
  useEffect(() => {
    if (!ref.current || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1) as
          (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        if (entry && typeof entry.isVisible === 'boolean') setVisible(entry.isVisible);
      },
      { threshold: [1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
    observer.observe(ref.current);
    return () => observer.disconnect();
  }, []);
  return visible;
}

/**
 * The one button that changes money or state. It acts only on a trusted event (a real click
 * or key press by the agent), and not while the page covers or hides the card.
 */
export function ConfirmButton(props: {
  busy: boolean;
  busyLabel: string;
  danger?: boolean;
  onConfirm: () => void;
}) {
  const ref = useRef<HTMLButtonElement>(null);
  const visible = useVisibleToAgent(ref);
  useEffect(() => ref.current?.focus(), []);
  return (
    <>
      <button
        ref={ref}
        type="button"
        class={props.danger ? 'danger' : ''}
        disabled={props.busy || visible === false}
        onClick={(event) => {
          if (!event.isTrusted || visible === false) return;
          props.onConfirm();
        }}
      >
        {props.busy ? props.busyLabel : 'Confirm'}
      </button>
      {visible === false && (
        <p class="notice notice-error" role="alert">
          The page is covering or hiding this card, so Confirm is off. Scroll or close what covers
          it.
        </p>
      )}
    </>
  );
}
