import { render } from 'preact';
import { Popup } from '../../components/Popup';

/** `submitOnStart`: the agent submitted a search before this code had loaded. */
export function startPopup(submitOnStart: boolean) {
  render(<Popup submitOnStart={submitOnStart} />, document.getElementById('app')!);
  // Read by `npm run bench:popup`: from here the popup's controls respond.
  performance.mark('popup-interactive');
}
