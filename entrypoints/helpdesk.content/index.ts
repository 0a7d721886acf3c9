import { defineContentScript } from 'wxt/utils/define-content-script';
import { DECLARED_HELPDESK_MATCHES } from '../../utils/helpdesk-sites';
import { startIdMarking } from '../../utils/page/start-id-marking';

export default defineContentScript({
  matches: DECLARED_HELPDESK_MATCHES,
  allFrames: true,
  // Helpdesks show emails in about:blank/srcdoc frames.
  matchAboutBlank: true,
  runAt: 'document_idle',
  main(ctx) {
    startIdMarking(document, ctx.signal);
  },
});
