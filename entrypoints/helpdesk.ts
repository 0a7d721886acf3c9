import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { frameLifetime } from '../utils/page/frame-lifetime';
import { DEFAULT_MARKING } from '../utils/page/id-index';
import { markingOptions } from '../utils/page/marking-options';
import { organisationAllowsThisSite } from '../utils/page/organisation-allows';
import { startIdMarking } from '../utils/page/start-id-marking';

/**
 * The content script (declared in the manifest by wxt.config.ts). An unlisted script rather
 * than WXT's content script, whose start-up announced itself to the page; see frameLifetime.
 * `self.origin` is the frame's, inherited by the about:blank frames helpdesks show mail in.
 */
export default defineUnlistedScript(() => {
  const lifetime = frameLifetime();
  // Asked at once; marking does not wait for the answer (see startIdMarking).
  const marking = markingOptions();
  void organisationAllowsThisSite(self.origin).then(
    (allowed) => allowed && startIdMarking(document, lifetime, DEFAULT_MARKING, marking),
  );
});
