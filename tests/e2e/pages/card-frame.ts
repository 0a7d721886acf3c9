import type { Frame } from 'playwright-core';

/**
 * Waits until the page has fitted the card's frame to its content, as a person waits for the
 * card to settle before clicking. The page resizes the frame when the card tells it (through
 * the background), so for a moment after the card grows (an error above a form, say) its
 * bottom is cut off. A click on a button down there scrolls the card, and when the frame then
 * grows the button moves back down under the pointer: the click lands on nothing.
 */
export async function waitForCardToFit(card: Frame) {
  await card.waitForFunction(() => document.documentElement.scrollHeight <= innerHeight);
}

/** Clicks the card's button `name` once the card has settled (see waitForCardToFit). */
export async function clickCardButton(card: Frame, name: string, { double = false } = {}) {
  await waitForCardToFit(card);
  const button = card.getByRole('button', { name });
  await (double ? button.dblclick() : button.click());
}
