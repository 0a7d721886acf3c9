import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { frameLifetime } from '../utils/page/frame-lifetime';
import { startIdMarking } from '../utils/page/start-id-marking';

/**
 * The content script (declared in the manifest by wxt.config.ts). An unlisted script rather
 * than WXT's content script, whose start-up announced itself to the page; see frameLifetime.
 */
export default defineUnlistedScript(() => {
  startIdMarking(document, frameLifetime());
});
