// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createCardHost } from '../../utils/page/card-host';

const shownHost = () =>
  [...document.querySelectorAll<HTMLElement>('stripe-helpdesk-card')].find((host) => !host.inert) ??
  null;
const placeOf = (host: HTMLElement) => ({
  top: parseInt(host.style.getPropertyValue('top'), 10),
  left: parseInt(host.style.getPropertyValue('left'), 10),
});
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('where the card stays', () => {
  // One per test, as one per tab: a tab's host remembers where its card was dragged.
  let host = createCardHost('about:blank', { cardOrigin: 'null', spares: false });
  afterEach(() => {
    host.dispose();
    host = createCardHost('about:blank', { cardOrigin: 'null', spares: false });
  });

  it('stays where it opened until the agent drags it, kept in the window', async () => {
    Object.assign(window, { innerWidth: 1280, innerHeight: 800 });
    host.open('token-1', document, new DOMRect(100, 100, 80, 16));
    const shown = shownHost()!;
    expect(placeOf(shown)).toEqual({ top: 122, left: 100 });

    host.moveBy('token-1', 'drag-1', 300, -50);
    await settle();
    // Our own move is not the page's tampering: the card is still open, where it was put.
    expect(host.isOpen()).toBe(true);
    expect(placeOf(shown)).toEqual({ top: 72, left: 400 });

    // Another card's token moves nothing; nor does a drag past the window's edge lose it.
    host.moveBy('token-2', 'drag-2', 50, 50);
    expect(placeOf(shown)).toEqual({ top: 72, left: 400 });
    host.moveBy('token-1', 'drag-3', 5000, 5000);
    expect(placeOf(shown)).toEqual({ top: 800 - 540 - 6, left: 1280 - 380 - 6 });
  });

  it('follows the whole drag so far, so a move lost on the way leaves it where the agent let go', () => {
    Object.assign(window, { innerWidth: 1280, innerHeight: 800 });
    host.open('token-1', document, new DOMRect(100, 100, 80, 16));
    const shown = shownHost()!;
    // Steps of one drag, the first lost and two arriving out of order: the last one counts.
    host.moveBy('token-1', 'drag-1', 30, 12);
    host.moveBy('token-1', 'drag-1', 15, 6);
    host.moveBy('token-1', 'drag-1', 150, 60);
    expect(placeOf(shown)).toEqual({ top: 182, left: 250 });
    // A new drag starts from where the last one left the card.
    host.moveBy('token-1', 'drag-2', -50, 0);
    expect(placeOf(shown)).toEqual({ top: 182, left: 200 });
  });

  it('opens the next card of the tab where the agent left the last one', () => {
    Object.assign(window, { innerWidth: 1280, innerHeight: 800 });
    host.open('token-1', document, new DOMRect(100, 100, 80, 16));
    host.moveBy('token-1', 'drag-1', 500, 0);
    host.close();
    host.open('token-2', document, new DOMRect(20, 600, 80, 16));
    expect(placeOf(shownHost()!)).toEqual({ top: 122, left: 600 });
  });
});

describe('a drag and the page', () => {
  it('does not hide a change the page made just before it: the card closes', () => {
    Object.assign(window, { innerWidth: 1280, innerHeight: 800 });
    const host = createCardHost('about:blank', { cardOrigin: 'null', spares: false });
    host.open('token-1', document, new DOMRect(100, 100, 80, 16));
    document.documentElement.setAttribute('style', 'opacity: 0.1');
    host.moveBy('token-1', 'drag-1', 10, 10);
    expect(host.isOpen()).toBe(false);
    document.documentElement.removeAttribute('style');
    host.dispose();
  });
});
