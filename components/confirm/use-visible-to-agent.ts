import { useEffect, useState } from 'preact/hooks';

/** Chromium's IntersectionObserver v2 reports occlusion; Firefox and Safari cannot tell. */
export const canTellVisibility = () =>
  typeof IntersectionObserverEntry !== 'undefined' &&
  'isVisible' in IntersectionObserverEntry.prototype;

/**
 * Whether the agent can really see `element`: IntersectionObserver v2 reports occlusion,
 * opacity, transforms and filters applied by the page around our frame (clickjacking).
 * null until the browser has said, and always where it cannot tell.
 */
export function useVisibleToAgent(ref: { current: HTMLElement | null }): boolean | null {
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
