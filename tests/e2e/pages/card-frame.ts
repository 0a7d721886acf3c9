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

/** The review's lines as the agent reads them: label → value (with any aside). */
export async function reviewLines(card: Frame): Promise<Record<string, string>> {
  const list = card.getByTestId('review-lines');
  await list.waitFor();
  return list.evaluate((dl) =>
    Object.fromEntries(
      [...dl.querySelectorAll(':scope > div')].map((row) => [
        row.querySelector('dt')!.textContent!.trim(),
        row.querySelector('dd')!.textContent!.replace(/\s+/g, ' ').trim(),
      ]),
    ),
  );
}
