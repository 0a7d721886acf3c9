import { useLayoutEffect } from 'preact/hooks';

const typingInto = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * A single-key accelerator for a button in the card or popup: only a real key press, with no
 * modifier, and never while the agent is typing in a field.
 */
export function useKeyShortcut(
  key: string | ((key: string) => boolean),
  action: (key: string) => void,
  enabled = true,
) {
  // A layout effect, so the key listens from the render that enables it. A plain effect ran
  // after the next paint: a P pressed right after Cancel was lost (seen once in CI).
  useLayoutEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (
        !event.isTrusted ||
        event.altKey ||
        event.ctrlKey ||
        event.metaKey ||
        typingInto(event.target)
      )
        return;
      const pressed = event.key.toLowerCase();
      if (typeof key === 'string' ? pressed !== key : !key(pressed)) return;
      event.preventDefault();
      action(pressed);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [key, action, enabled]);
}

/** The key shown on a button, hidden from the accessible name (aria-keyshortcuts says it). */
export function KeyHint({ shortcut }: { shortcut: string }) {
  return (
    <kbd class="key-hint" aria-hidden="true">
      {shortcut.toUpperCase()}
    </kbd>
  );
}

/**
 * Focuses an element when it appears. `autoFocus` only works for elements present when a page
 * loads, not for ones a component adds later (a confirmation step, a form).
 */
export const focusOnMount = (element: HTMLElement | null) => element?.focus();
