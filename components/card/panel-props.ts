import type { ViewOf } from '../../utils/objects/registry';
import type { CardKind } from '../../utils/card-subject';
import type { ShownCard } from './ask-card';

// Not in object-panels.ts: that file imports every panel, and every panel needs these
// props (an import cycle).
export interface PanelProps<K extends CardKind> {
  /** The card's grant, and the object it shows: what every request of the panel names. */
  card: ShownCard;
  view: ViewOf<K>;
  /** The card reads its object again (after a change that moves what it shows). */
  onChanged: () => void;
}
