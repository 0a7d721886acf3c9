import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { frameLifetime } from '../utils/page/frame-lifetime';
import { markingOptions } from '../utils/page/marking-options';
import { organisationAllowsThisSite } from '../utils/page/organisation-allows';
import { answerPageIds, startIdMarking, type PageIdsSource } from '../utils/page/start-id-marking';

/**
 * The content script (declared in the manifest by wxt.config.ts). An unlisted script rather
 * than WXT's content script, whose start-up announced itself to the page; see frameLifetime.
 * `self.origin` is the frame's, inherited by the about:blank frames helpdesks show mail in.
 */
export default defineUnlistedScript(() => {
  const lifetime = frameLifetime();
  // Asked together: one wait before marking starts, not two in a row.
  const options = markingOptions();
  void organisationAllowsThisSite(self.origin).then((allowed) => {
    if (!allowed) return;
    const pageIds: PageIdsSource = { read: null };
    const started = options.then((marking) => startIdMarking(document, lifetime, marking, pageIds));
    answerPageIds(pageIds, started, lifetime);
  });
});
