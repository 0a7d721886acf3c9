/**
 * The messages between the extension's parts. Requests to the background are defined beside
 * their handlers (`utils/background/`, and each kind's in `utils/objects/<kind>/`); their
 * types are re-exported here for the pages that send them, which import no handler code.
 */
export type {
  ExtensionPageRequest,
  ReplyOf,
  RequestOf,
  RequestType,
} from '../background/request-table';
export type { ContentScriptRequest } from '../background/card-requests';
export type { CardContents } from '../background/card-contents';

export type { BackgroundToContentMessage } from './content-messages';
