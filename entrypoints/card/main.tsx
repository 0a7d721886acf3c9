import '../../components/shared/theme.css';
import '../../components/card/card.css';
import '../../components/card/framed-card.css';
import { render } from 'preact';
import { ActionCard } from '../../components/card/ActionCard';
import { browser } from 'wxt/browser';
import { CARD_PORT_PREFIX } from '../../utils/messaging/card-port';
import { askBackground } from '../../utils/messaging/ask-background';
import { SPARE_FRAGMENT_PREFIX, tokenOfSpareGrant } from '../../utils/messaging/spare-card';

/**
 * Starts the card for the grant `token`, once: a frame serves one grant for its whole life,
 * so a later message changes nothing.
 */
let started = false;
let closeCard: (() => void) | null = null;

// Closed as Escape is released, not pressed: the frame goes once the key's whole press has
// landed in it, so its key-up never goes to a frame that no longer exists. Only a press that
// began here counts. Listened for from the start, so a spare's first key is not missed; one
// released before the spare's grant has arrived (the agent quicker than the message that
// starts it, seen at cycle 48 of 200 open/Escape cycles) closes the card as soon as it starts.
let escapePressed = false;
let closeWanted = false;
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') escapePressed = true;
});
document.addEventListener('keyup', (event) => {
  if (event.key !== 'Escape' || !escapePressed) return;
  escapePressed = false;
  if (closeCard) closeCard();
  else closeWanted = true;
});

function start(token: string) {
  if (started || !token) return;
  started = true;
  const close = () => void askBackground({ type: 'card.close', token });

  // The grant lives as long as this frame: the background revokes it when this port goes.
  // A stopped service worker drops the port too (and keeps the grant): connect again.
  const holdGrant = () =>
    browser.runtime
      .connect({ name: `${CARD_PORT_PREFIX}${token}` })
      .onDisconnect.addListener(() => setTimeout(holdGrant, 200));
  holdGrant();

  closeCard = close;
  if (closeWanted) return close();
  const app = document.getElementById('app')!;
  render(<ActionCard token={token} onClose={close} />, app);
}

// A frame made ahead of need has no token yet: the page's script posts it as the agent
// clicks, and the code above is loaded by then. Its address then carries the token, as a
// card made for the click does.
const fragment = location.hash.slice(1);
if (fragment.startsWith(SPARE_FRAGMENT_PREFIX)) {
  const nonce = fragment.slice(SPARE_FRAGMENT_PREFIX.length);
  addEventListener('message', (event) => {
    const token = tokenOfSpareGrant(event.data, nonce);
    if (!token || started) return;
    history.replaceState(null, '', `#${token}`);
    start(token);
  });
} else start(fragment);
