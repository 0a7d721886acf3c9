import { frameLifetime } from './frame-lifetime';
import { DEFAULT_MARKING } from './id-index';
import { markingOptions } from './marking-options';
import { organisationAllowsThisSite } from './organisation-allows';
import { startIdMarking } from './start-id-marking';

/**
 * The content script: built by wxt.config.ts (see utils/build/page-scripts.ts) and declared
 * in the manifest there. Not WXT's content script, whose start-up announced itself to the
 * page (see frameLifetime), nor its unlisted script, whose wrapper weighed on every load.
 * `self.origin` is the frame's, inherited by the about:blank frames helpdesks show mail in.
 */
const lifetime = frameLifetime();
// Asked at once; marking does not wait for the answer (see startIdMarking).
const marking = markingOptions();
void organisationAllowsThisSite(self.origin).then(
  (allowed) => allowed && startIdMarking(document, lifetime, DEFAULT_MARKING, marking),
);
