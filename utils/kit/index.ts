/**
 * The objects kit: everything a kind of Stripe object (`utils/objects/<kind>/`) may use from
 * above it. A kind defines itself, its card requests and its actions with these, and never
 * imports the background, which implements the card context behind them.
 */
export {
  alreadyDoneMessage,
  attemptMetadata,
  onStripeRefusal,
  runAttempt,
  type AccountBase,
  type ActionBase,
  type AttemptSpec,
  type Money,
} from './attempt';
export type { CardGrant } from './card-grant';
export {
  asReviewed,
  toSendAsReviewed,
  type BoundPreview,
  type PreviewBook,
  type ToSend,
} from './preview-binding';
export { cardRequest, isReply, type CardContext, type CardRequestHandler } from './card-request';
export { defineKind, type CardView, type KindDefinition } from './define-kind';
export { lookUpInEitherMode } from './either-mode-look-up';
export type { Found, LookUpInput, NarrowTo } from './look-up';
export { AttemptId, CardSubjectField, CardToken, StripeObjectIdField } from './request-fields';
