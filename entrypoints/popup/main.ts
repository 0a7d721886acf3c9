import '../../components/popup.css';
import { holdEarlySubmits, releaseEarlySubmits } from '../../components/early-submit';

// Chrome shows a popup once its page has loaded. The page's static first frame (search box
// included) loads alone, and the scripts that bring it to life follow at once, so the popup
// appears without waiting for them (`npm run bench:popup`).
holdEarlySubmits(document);
const start = () =>
  setTimeout(async () => (await import('./start-popup')).startPopup(releaseEarlySubmits(document)));
if (document.readyState === 'complete') start();
else addEventListener('load', start, { once: true });
