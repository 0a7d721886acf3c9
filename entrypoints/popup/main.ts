import '../../components/popup.css';
import { holdEarlyInput, releaseEarlyInput } from '../../components/early-input';

// Chrome shows a popup once its page has loaded. The page's static first frame (search box
// included) loads alone and is painted first; the scripts that bring it to life follow, and
// replay anything typed meanwhile (`npm run bench:popup` has the figures).
holdEarlyInput(document);
let started = false;
const start = async () => {
  if (started) return;
  started = true;
  (await import('./start-popup')).startPopup(releaseEarlyInput(document));
};
// After the first frame; a hidden page may run no frames, hence the timer as well.
const afterFirstFrame = () => {
  requestAnimationFrame(() => setTimeout(start));
  setTimeout(start, 200);
};
if (document.readyState === 'complete') afterFirstFrame();
else addEventListener('load', afterFirstFrame, { once: true });
