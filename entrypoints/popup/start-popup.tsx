import { render } from 'preact';
import type { EarlyInput } from '../../components/popup/early-input';
import { Popup } from '../../components/popup/Popup';

/** `early`: what the agent did in the static first frame before this code loaded. */
export function startPopup(early: EarlyInput) {
  render(<Popup early={early} />, document.getElementById('app')!);
  // Read by `npm run bench:popup`: from here the popup's controls respond.
  performance.mark('popup-interactive');
}
