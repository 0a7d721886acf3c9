import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { OptionsPage, saveTestKey } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { TicketPage } from './pages/ticket-page';
import { EXTENSION_DIR, UNDECLARED_ORIGIN } from './support/extension-browser';
import { ToolbarPopup } from './support/toolbar-popup';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

describeInChromium('the popup', () => {
  const extension = useExtensionBrowser(saveTestKey);

  it('lists the IDs on the current tab and opens a card for one', async () => {
    const ticket = await TicketPage.open(extension().context);
    const popup = await PopupPage.open(extension());
    await popup.idsOnPage().first().waitFor();
    const listed = await popup.idsOnPage().allTextContents();
    // 15 unique IDs (Jenny's appears twice), then the ticket's 2 email addresses.
    expect(listed).toHaveLength(17);
    expect(listed[0]).toMatch(/^Checkout Session cs_test_a1OpenSessio…0{6}\s*Test mode\s*1$/);
    expect(listed.some((text) => text.startsWith('Customer cus_PzJennyRosen01'))).toBe(true);
    // Fourteen IDs still fit a real popup (at most 600 px), Options in its header, and the
    // one saved key is named.
    // The test window is taller than Chrome lets a popup be: shrink it to the popup's
    // limit, and nothing may overflow it.
    await popup.page.setViewportSize({ width: 400, height: 600 });
    expect(
      await popup.page.evaluate(() => document.documentElement.scrollHeight),
    ).toBeLessThanOrEqual(600);
    await popup.page.getByRole('button', { name: 'Open options' }).waitFor();
    expect(await popup.page.getByTestId('popup-account').textContent()).toBe(
      'Test · Acme (emulated) · sk_test_…0000',
    );
    await popup.idsOnPage().filter({ hasText: 'cus_PzJennyRosen01' }).click();
    await popup.page.getByTestId('customer-balance').waitFor();
    expect(await popup.page.getByText('Jenny Rosen').count()).toBe(1);
    await popup.page.getByRole('button', { name: 'Close card' }).click();
    await popup.idsOnPage().first().waitFor();
    await popup.page.close();
    await ticket.page.close();
  });

  it('lists the IDs in the email frames of the tab too, after those of the ticket itself', async () => {
    // Ticket 1 of spa.html: Jenny in the conversation, a Checkout Session only in the email.
    const ticket = await TicketPage.open(extension().context, '/spa.html');
    const popup = await PopupPage.open(extension());
    await popup.idsOnPage().first().waitFor();
    const listed = await popup
      .idsOnPage()
      .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('title')));
    expect(listed).toEqual([SEED_IDS.jenny, SEED_IDS.openSession]);
    await popup.page.close();
    await ticket.page.close();
  });

  it('opens as the real toolbar popup over the ticket: lists its IDs, and 1 opens the first', async () => {
    const ticket = await TicketPage.open(extension().context);
    const { popup } = await ToolbarPopup.open(extension(), ticket.page);
    const idButtons = `document.querySelectorAll('section[aria-labelledby="on-page"] li button')`;
    await popup.waitFor(`${idButtons}.length > 0`);
    expect(await popup.evaluate(`${idButtons}.length`)).toBe(17);
    expect(await popup.evaluate(`document.activeElement.id`)).toBe('lookup');
    await popup.press('1');
    await popup.waitFor(`document.body.innerText.includes('$49.00')`);
    expect(await popup.text()).toContain('jenny.rosen@example.com');
    await popup.close();
    await ticket.page.close();
  });

  it('offers Enable on this site over a helpdesk it does not know, once the toolbar button gives it the tab', async () => {
    const page = await extension().context.newPage();
    await page.goto(`${UNDECLARED_ORIGIN}/ticket.html`);
    const popup = await ToolbarPopup.click(extension(), page);
    await popup.waitFor(`document.body?.innerText.includes('Not enabled on support.acme.example')`);
    const text = await popup.text();
    expect(text).toContain('Enable on this site');
    expect(text).not.toContain('No Stripe IDs found');
    expect(text).not.toContain('Disable on this site');
    // Nothing runs there until the agent grants access (see the Firefox test, where a grant
    // can be given without a prompt).
    expect(await page.evaluate(() => CSS.highlights.has('stripe-helpdesk-actions-id'))).toBe(false);
    await popup.close();
    await page.close();
  });

  it('waits on one file only before Chrome shows it: its styles are inline, one script', async () => {
    // Chrome shows the popup once its page has loaded; each file loaded by then is waited on.
    const html = readFileSync(join(EXTENSION_DIR, 'popup.html'), 'utf8');
    expect(html).not.toMatch(/<link\b/);
    const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((found) => found[1]!);
    expect(scripts).toEqual([expect.stringMatching(/^\/chunks\/popup-[\w-]+\.js$/)]);
    const script = readFileSync(join(EXTENSION_DIR, scripts[0]!), 'utf8');
    expect(script).not.toMatch(/(^|[;\n])\s*import\s*["'{\w*]/);

    const ticket = await TicketPage.open(extension().context);
    const { popup } = await ToolbarPopup.open(extension(), ticket.page);
    await popup.waitFor(`document.readyState === 'complete'`);
    expect(await popup.evaluate(`getComputedStyle(document.querySelector('main')).width`)).toBe(
      '380px',
    );
    await popup.close();
    await ticket.page.close();
  });

  it('opens the third ID with the 3 key and goes back with Escape', async () => {
    const ticket = await TicketPage.open(extension().context);
    const popup = await PopupPage.open(extension());
    await popup.idsOnPage().first().waitFor();
    const third = await popup.idsOnPage().nth(2).getAttribute('title');
    await popup.page.locator('body').press('3');
    await popup.page.locator('.object-id code').waitFor();
    expect(await popup.page.locator('.object-id code').getAttribute('title')).toBe(third);
    await popup.page.locator('body').press('Escape');
    await popup.idsOnPage().first().waitFor();
    await popup.page.close();
    await ticket.page.close();
  });

  it('opens a card for a pasted Dashboard URL, and explains what it cannot read', async () => {
    const popup = await PopupPage.open(extension());
    await popup.lookUp('https://dashboard.stripe.com/test/search?query=not-an-id');
    expect(await popup.page.getByRole('alert').textContent()).toContain(
      'a Dashboard or checkout URL that holds one, or a customer',
    );
    // Words that are no ID at all hear every kind of thing the box takes, not only IDs.
    await popup.lookUp('hello');
    expect(await popup.page.getByRole('alert').textContent()).toBe(
      `Nothing to open in "hello". Paste a Stripe ID (cus_…, in_…, cs_test_…), a Dashboard or checkout URL that holds one, or a customer's email address.`,
    );
    await popup.lookUp('cus_');
    expect(await popup.page.getByRole('alert').textContent()).toContain('too short');
    await popup.lookUp(`https://dashboard.stripe.com/test/customers/${SEED_IDS.jenny}`);
    await popup.page.getByTestId('customer-balance').waitFor();
    await popup.page.close();
  });

  it('expires a session from a pasted checkout link and shows it under recent activity', async () => {
    let popup = await PopupPage.open(extension());
    await popup.lookUp(`https://checkout.stripe.com/c/pay/${SEED_IDS.openSession}#fidkdWx`);
    await popup.page.getByRole('button', { name: 'Expire session' }).click();
    await popup.page.getByRole('button', { name: 'Confirm' }).click();
    await popup.page.getByRole('status').getByText('Session expired').waitFor();
    const post = extension().emulator.apiPosts()[0]!;
    expect(post.path).toBe(`/v1/checkout/sessions/${SEED_IDS.openSession}/expire`);
    await popup.page.close();
    popup = await PopupPage.open(extension());
    const recent = popup.page.getByRole('region', { name: 'Recent activity' });
    await recent.waitFor();
    expect(await recent.textContent()).toContain('Expired cs_test_a1OpenSessio…000000 — succeeded');
    await popup.page.close();
  });

  it('switches the active account', async () => {
    const options = await OptionsPage.open(extension().context, extension().extensionId);
    await options.saveKey(extension().emulator.keys.liveSecret);
    await options.page.close();
    const popup = await PopupPage.open(extension());
    const switcher = popup.page.getByLabel('Active account');
    await switcher.waitFor();
    expect(await popup.page.locator('header .mode-badge').textContent()).toBe('Test mode');
    await switcher.selectOption({ label: 'LIVE · Acme (emulated) · sk_live_…0000' });
    await expect.poll(() => popup.page.locator('header .mode-badge').textContent()).toBe('LIVE');
    await popup.page.close();
  });
});
