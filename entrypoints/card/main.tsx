import '../../components/theme.css';
import '../../components/card.css';
import { render } from 'preact';
import { ActionCard } from '../../components/ActionCard';
import { browser } from 'wxt/browser';
import { CARD_PORT_PREFIX } from '../../utils/messaging/card-port';
import { askBackground } from '../../utils/messaging/ask-background';

const token = location.hash.slice(1);
const close = () => void askBackground({ type: 'card.close', token });

// The grant lives as long as this frame: the background revokes it when this port goes.
// A stopped service worker drops the port too (and keeps the grant): connect again.
const holdGrant = () =>
  browser.runtime
    .connect({ name: `${CARD_PORT_PREFIX}${token}` })
    .onDisconnect.addListener(() => setTimeout(holdGrant, 200));
holdGrant();

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') close();
});
render(<ActionCard token={token} onClose={close} />, document.getElementById('app')!);

// The frame's size is the page's to set; tell it how tall the card is whenever that changes.
let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.getElementById('app')!.getBoundingClientRect().height);
  if (height === lastHeight) return;
  lastHeight = height;
  void askBackground({ type: 'card.resize', token, height });
}).observe(document.getElementById('app')!);
