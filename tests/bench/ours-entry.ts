/**
 * The benchmark's handle on our scanner, bundled for a bare page (no extension APIs).
 */
import { idAtPoint } from '../../utils/page/hit-test';
import { liveRangeFor } from '../../utils/page/id-index';
import { startPageMarker, type PageMarker } from '../../utils/page/page-marker';
import { median, quantile } from './stats';

let marker: PageMarker | null = null;

Object.assign(window, {
  benchOurs: {
    async mark() {
      const start = performance.now();
      marker = startPageMarker(document, new AbortController().signal);
      await marker!.scheduler.whenIdle();
      return {
        ms: performance.now() - start,
        busyMs: marker!.scheduler.busyMs,
        marks: marker!.index.size,
      };
    },
    flushChanges() {
      const start = performance.now();
      marker!.flush();
      return { ms: performance.now() - start, marks: marker!.index.size };
    },
    /**
     * Cost of one hit test. The page clock is coarse (0.1 ms), so each sampled ID is scrolled
     * into view and hit `repeat` times in a row; the per-call time is the batch over `repeat`.
     */
    hitTest(samples: number, repeat: number) {
      const matches = marker!.index.inReadingOrder();
      const perCall: number[] = [];
      for (let i = 0; i < samples; i++) {
        const match = matches[Math.floor((i * matches.length) / samples)]!;
        match.node.parentElement!.scrollIntoView({ block: 'center' });
        const rect = liveRangeFor(match).getClientRects()[0]!;
        const x = rect.left + Math.min(rect.width / 2, 20);
        const y = rect.top + rect.height / 2;
        if (idAtPoint(marker!.index, document, x, y)?.id !== match.id)
          throw new Error(`Hit test missed ${match.id}`);
        const start = performance.now();
        for (let r = 0; r < repeat; r++) idAtPoint(marker!.index, document, x, y);
        perCall.push((performance.now() - start) / repeat);
      }
      return { medianUs: median(perCall) * 1000, p95Us: quantile(perCall, 0.95) * 1000 };
    },
  },
});
