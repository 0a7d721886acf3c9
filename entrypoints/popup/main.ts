import '../../components/popup/popup.css';
import { holdEarlyInput, releaseEarlyInput } from '../../components/popup/early-input';

// Chrome shows a popup once its page has loaded: the static first frame (search box
// included) and this one small script. It then takes a few frames to put the popup on
// screen, and work done in those frames delays them: starting the scripts there, and even
// the search box's autofocus. Both wait until the first frame is painted; anything typed
// meanwhile is held and replayed (`npm run bench:popup` has the figures).
holdEarlyInput(document);
let started = false;
const start = async () => {
  if (started) return;
  started = true;
  (await import('./start-popup')).startPopup(releaseEarlyInput(document));
};
new PerformanceObserver((_paints, observer) => {
  observer.disconnect();
  if (document.activeElement === document.body) document.getElementById('lookup')?.focus();
  setTimeout(start);
}).observe({ type: 'paint', buffered: true });
// A page that is never shown (a background tab) paints nothing.
setTimeout(start, 500);
