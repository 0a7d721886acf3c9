import type { CardKind } from '../card-subject';
import type { FormValue } from '../stripe/form-encoding';
import type { StripeMode } from '../stripe-id-grammar';
import { checkoutSessionFacts } from './checkout-session/facts';
import { creditNoteFacts } from './credit-note/facts';
import { customerFacts } from './customer/facts';
import { customerEmailFacts } from './customer-email/facts';
import { invoiceFacts } from './invoice/facts';
import { paymentFacts } from './payment/facts';
import { refundFacts } from './refund/facts';
import { subscriptionFacts } from './subscription/facts';

/** What the activity log reads of a record to say more of it: what was sent, in which currency. */
export interface RecordDetailInput {
  request: { params: Record<string, FormValue> };
  currency?: string;
}

/** One action the journal records, as every part of the extension may know it. */
export interface JournalActionFacts {
  name: string;
  short: string;
  /**
   * Whether the action gives money back (a credit, a credit note, a refund): if so, every
   * attempt of it names its amount and currency, and the per-action and daily guardrails
   * apply to it. Declared for every action, so none can escape them by being left out.
   */
  movesMoney: boolean;
  /** What one of it is called in a sentence ("an earlier credit of $20.00"); else its name. */
  noun?: string;
  /** What the activity log says of one record beyond its amount (where the money went). */
  detail?: (record: RecordDetailInput) => string;
  /**
   * How the ticket's note starts once it is done ("Credited", "Voided credit note"); by
   * default its name.
   */
  done?: string;
}

export interface ObjectKindFacts {
  /** The card's heading, and the popup's label unless `listLabel` says otherwise. */
  title: string;
  /** The popup's label for what was found on the page, when not the title. */
  listLabel?: string;
  /** What the card's copy button says, when not "Copy ID". */
  copyLabel?: string;
  /**
   * The journal's name for each action on this kind, with its facts: the activity log's
   * label (`name`), the popup's recent list's (`short`), and whether it moves money.
   */
  journalActions: Readonly<Record<string, JournalActionFacts>>;
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
  payment: paymentFacts,
  refund: refundFacts,
  subscription: subscriptionFacts,
} as const satisfies Record<CardKind, ObjectKindFacts>;

type ActionsOf<K extends CardKind> = (typeof KIND_FACTS)[K]['journalActions'];
type JournalActionsOf<K extends CardKind> = keyof ActionsOf<K>;

/** Every action the journal records, named by the kinds that own them. */
export type JournalAction = { [K in CardKind]: JournalActionsOf<K> }[CardKind] & string;

/** The actions whose facts say they move money: each attempt of one must name its amount. */
export type MoneyAction = {
  [K in CardKind]: {
    [A in JournalActionsOf<K>]: ActionsOf<K>[A] extends { movesMoney: true } ? A : never;
  }[JournalActionsOf<K>];
}[CardKind] &
  string;

/** Every action's labels, by the journal's name for it. */
export const JOURNAL_ACTIONS: Readonly<Record<JournalAction, JournalActionFacts>> = Object.assign(
  {},
  ...Object.values(KIND_FACTS).map((facts) => facts.journalActions),
);

/**
 * Whether a journaled action moves money. An action this version does not know (a record
 * from another version) counts, as the guardrails must assume the worst.
 */
export const movesMoney = (action: string): boolean =>
  Object.hasOwn(JOURNAL_ACTIONS, action)
    ? (JOURNAL_ACTIONS[action as JournalAction] as JournalActionFacts).movesMoney
    : true;

/** What one of an action is called in a sentence: "credit", "credit note". */
export const journalActionNoun = (action: string): string =>
  Object.hasOwn(JOURNAL_ACTIONS, action)
    ? ((JOURNAL_ACTIONS[action as JournalAction] as JournalActionFacts).noun ??
      JOURNAL_ACTIONS[action as JournalAction].name.toLowerCase())
    : 'action';

/** How a ticket's note says an action was done: "Credited"; else its name. */
export const journalActionNoteWords = (action: string): string =>
  Object.hasOwn(JOURNAL_ACTIONS, action)
    ? ((JOURNAL_ACTIONS[action as JournalAction] as JournalActionFacts).done ??
      JOURNAL_ACTIONS[action as JournalAction].name)
    : `Unknown action (${action})`;

/** An action's label; a record of an action this version does not know says so. */
export const journalActionLabel = (action: string, form: 'name' | 'short'): string =>
  Object.hasOwn(JOURNAL_ACTIONS, action)
    ? JOURNAL_ACTIONS[action as JournalAction][form]
    : `Unknown action (${action})`;

/** The activity log's detail for a record, or '' when its action has none. */
export const journalRecordDetail = (record: RecordDetailInput & { action: string }) =>
  Object.hasOwn(JOURNAL_ACTIONS, record.action)
    ? ((JOURNAL_ACTIONS[record.action as JournalAction] as JournalActionFacts).detail?.(record) ??
      '')
    : '';
