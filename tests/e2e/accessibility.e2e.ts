import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SEED_EMAILS, SEED_IDS } from '../emulator/seed-data';
import { OptionsPage, saveTestKey } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { TicketPage, NO_CARD_SHOWN } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** axe-core's WCAG 2.1 A/AA rules; evaluated over CDP, which the pages' strict CSP allows. */
async function accessibilityViolations(target: Page | Frame) {
  await target.evaluate(axeSource);
  const result = await target.evaluate(() =>
    (window as any).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    }),
  );
  // The scan really ran: it checked dozens of rules on this page.
  expect(result.passes.length).toBeGreaterThan(10);
  return (
    result.violations as Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>
  ).map((v) => `${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The size of the page's running text. Chrome gives extension pages' body 75% of the root's
 * size: it had made every card, popup and options text 10.5 px, too small to read easily, and
 * hidden the underscores of the IDs in the popup's search placeholder.
 */
const textSize = (target: Page | Frame) =>
  target.evaluate(
    () => getComputedStyle(document.querySelector('p, dd, td') ?? document.body).fontSize,
  );

describeInChromium('accessibility (axe-core, WCAG 2.1 AA)', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('options page', async () => {
    const options = await OptionsPage.open(extension().context, extension().extensionId);
    await options.savedKeys().waitFor();
    expect(await accessibilityViolations(options.page)).toEqual([]);
    expect(await textSize(options.page)).toBe('14px');
    await options.page.close();
  });

  it('popup', async () => {
    const ticket = await TicketPage.open(extension().context);
    const popup = await PopupPage.open(extension());
    await popup.idsOnPage().first().waitFor();
    expect(await accessibilityViolations(popup.page)).toEqual([]);
    expect(await textSize(popup.page)).toBe('14px');
    await popup.page.close();
    await ticket.page.close();
  });

  it('session card, at the confirmation step', async () => {
    const ticket = await TicketPage.open(extension().context);
    const card = await ticket.openCard(SEED_IDS.openSession);
    await card.getByRole('button', { name: 'Expire session' }).click();
    await card.getByRole('button', { name: 'Confirm' }).waitFor();
    expect(await accessibilityViolations(card)).toEqual([]);
    expect(await textSize(card)).toBe('14px');
    await ticket.page.close();
  });

  it('customer card, with the credit form open', async () => {
    const ticket = await TicketPage.open(extension().context);
    const card = await ticket.openCard(SEED_IDS.jenny);
    await card.getByRole('button', { name: 'Add credit' }).click();
    await card.getByLabel('Amount').waitFor();
    // Its open sessions and invoices are on screen too.
    await card.getByRole('region', { name: 'Recent invoices' }).waitFor();
    expect(await accessibilityViolations(card)).toEqual([]);
    expect(await textSize(card)).toBe('14px');
    await ticket.page.close();
  });

  it("an email address's card, listing its customers", async () => {
    const ticket = await TicketPage.open(extension().context);
    const card = await ticket.openCard(SEED_EMAILS.alex);
    await card.getByTestId('match-count').waitFor();
    expect(await accessibilityViolations(card)).toEqual([]);
    await ticket.page.close();
  });

  it('invoice card, with the credit note form split and line by line, and a credit note card', async () => {
    const ticket = await TicketPage.open(extension().context);
    const card = await ticket.openCard(SEED_IDS.jennyPaidInvoice);
    await card.getByRole('button', { name: 'Issue credit note' }).click();
    await card.getByLabel('Split between them').check();
    await card.getByLabel('Refund', { exact: true }).fill('5');
    expect(await accessibilityViolations(card)).toEqual([]);
    await card.getByLabel('Line by line').check();
    await card.getByRole('table').waitFor();
    expect(await accessibilityViolations(card)).toEqual([]);
    await card.getByRole('button', { name: 'Close card' }).click();
    await ticket.page.waitForFunction(NO_CARD_SHOWN);
    const note = await ticket.openCard(SEED_IDS.jennyCreditNote);
    await note.getByRole('button', { name: /Void credit note/ }).waitFor();
    expect(await accessibilityViolations(note)).toEqual([]);
    await ticket.page.close();
  });
});
