import type { ViewOf } from '../../utils/objects/registry';
import type { CardKind } from '../../utils/card-subject';
import type { ShownCard } from './ask-card';

// Not in object-panels.ts: that file imports every panel, and every panel needs these
// props (an import cycle).
export interface PanelProps<K extends CardKind> {
  /** The card's grant, and the object it shows: what every request of the panel names. */
  card: ShownCard;
  view: ViewOf<K>;
  /**
   * The requester's email address the card was reached by, when it was not opened for the
   * object's own ID: a match by address, which the sender of a ticket can forge.
   */
  reachedBy?: string;
  /** The card reads its object again (after a change that moves what it shows). */
  onChanged: () => void;
}
