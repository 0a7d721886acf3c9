import type { Frame } from 'playwright-core';

/**
 * Clicks the card's button `name`, as a person does. The card's frame has one height from
 * the start (its content scrolls inside it), so nothing moves the button once it is drawn.
 */
export async function clickCardButton(
  card: Frame,
  name: string,
  { double = false, exact = false } = {},
) {
  const button = card.getByRole('button', { name, exact });
  await (double ? button.dblclick() : button.click());
}
