import type { ViewOf } from '../../utils/objects/registry';
import type { CardKind } from '../../utils/card-subject';

// Not in object-panels.ts: that file imports every panel, and every panel needs these
// props (an import cycle).
export interface PanelProps<K extends CardKind> {
  token: string;
  view: ViewOf<K>;
  /** The card reads its object again (after a change that moves what it shows). */
  onChanged: () => void;
}
