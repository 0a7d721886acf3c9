import type { CardKind } from '../card-subject';
import type { JournalRecord } from '../journal/activity-journal';
import type { StripeMode } from '../stripe-id-grammar';
import { checkoutSessionFacts } from './checkout-session/facts';
import { creditNoteFacts } from './credit-note/facts';
import { customerFacts } from './customer/facts';
import { customerEmailFacts } from './customer-email/facts';
import { invoiceFacts } from './invoice/facts';

export interface JournalActionLabels {
  name: string;
  short: string;
  /** What the activity log says of one record beyond its amount (where the money went). */
  detail?: (record: Pick<JournalRecord, 'request' | 'currency'>) => string;
}

export interface ObjectKindFacts {
  /** The card's heading, and the popup's label unless `listLabel` says otherwise. */
  title: string;
  /** The popup's label for what was found on the page, when not the title. */
  listLabel?: string;
  /** What the card's copy button says, when not "Copy ID". */
  copyLabel?: string;
  /**
   * The journal's name for each action on this kind, with its labels: the activity log's
   * (`name`) and the popup's recent list (`short`).
   */
  journalActions: Readonly<Record<string, JournalActionLabels>>;
  /** Where the Dashboard shows it (or searches for it). */
  dashboardUrl: (id: string, mode: StripeMode) => string;
}

/**
 * The plain facts of each kind, for the card, popup and options alike (no zod, no Stripe
 * client). A kind missing here is a compile error.
 */
export const KIND_FACTS = {
  checkout_session: checkoutSessionFacts,
  customer: customerFacts,
  customer_email: customerEmailFacts,
  invoice: invoiceFacts,
  credit_note: creditNoteFacts,
} as const satisfies Record<CardKind, ObjectKindFacts>;

type JournalActionsOf<K extends CardKind> = keyof (typeof KIND_FACTS)[K]['journalActions'];

/** Every action the journal records, named by the kinds that own them. */
export type JournalAction = { [K in CardKind]: JournalActionsOf<K> }[CardKind] & string;

/** Every action's labels, by the journal's name for it. */
export const JOURNAL_ACTIONS: Readonly<Record<JournalAction, JournalActionLabels>> = Object.assign(
  {},
  ...Object.values(KIND_FACTS).map((facts) => facts.journalActions),
);

/** An action's label; a record of an action this version does not know says so. */
export const journalActionLabel = (action: string, form: 'name' | 'short'): string =>
  Object.hasOwn(JOURNAL_ACTIONS, action)
    ? JOURNAL_ACTIONS[action as JournalAction][form]
    : `Unknown action (${action})`;

/** The activity log's detail for a record, or '' when its action has none. */
export const journalRecordDetail = (
  record: Pick<JournalRecord, 'action' | 'request' | 'currency'>,
) =>
  Object.hasOwn(JOURNAL_ACTIONS, record.action)
    ? ((JOURNAL_ACTIONS[record.action as JournalAction] as JournalActionLabels).detail?.(record) ??
      '')
    : '';
