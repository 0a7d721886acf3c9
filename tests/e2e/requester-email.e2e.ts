import type { Frame, Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { SEED_EMAILS, SEED_IDS } from '../emulator/seed-data';
import { clickCardButton } from './pages/card-frame';
import { OptionsPage, saveTestKey } from './pages/options-page';
import { PopupPage } from './pages/popup-page';
import { TicketPage } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

describeInChromium("the requester's email, when a ticket holds no Stripe ID", () => {
  const extension = useExtensionBrowser(saveTestKey);
  const gets = (path: string) =>
    extension().emulator.received.filter((r) => r.method === 'GET' && r.path === path);

  it("opens the one customer's card and expires their open session from it", async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context, '/requester.html');
    // The signed-in agent's own address is marked too: noise, but a missed requester is worse.
    expect(await ticket.markedTexts()).toEqual(['agent.sam@acme.example', SEED_EMAILS.jenny]);
    // The address, and only it, reached Stripe: as written (already lower case), once.
    const card = await ticket.openCard(SEED_EMAILS.jenny);
    await card.getByText(`Found by email: ${SEED_EMAILS.jenny}`).waitFor();
    await card.getByRole('heading', { name: 'Customer' }).waitFor();
    expect(await card.getByText('Jenny Rosen').count()).toBe(1);
    expect(gets('/v1/customers').map((r) => r.query)).toEqual([
      { email: SEED_EMAILS.jenny, limit: '100' },
    ]);
    // What the agent acts on is on the card: the open session, the invoices.
    const sessions = card.getByRole('region', { name: 'Open Checkout Sessions' });
    await sessions.getByText('$49.00').waitFor();
    expect(gets('/v1/checkout/sessions')[0]!.query).toEqual({
      customer: SEED_IDS.jenny,
      status: 'open',
      limit: '10',
    });
    const invoices = card.getByRole('region', { name: 'Recent invoices' });
    await invoices.getByText('ACME-0042').waitFor();
    expect(await invoices.getByRole('listitem').count()).toBe(3); // May's draft too.
    // Before a link that logs the customer in, the card says the match is by address only.
    await clickCardButton(card, 'Create portal link');
    await card
      .getByTestId('matched-by-email')
      .getByText(/a sender can forge/)
      .waitFor();
    // Exactly: the customer's subscriptions list "Open subscription … (Canceled)" too.
    await clickCardButton(card, 'Cancel', { exact: true });

    await clickCardButton(card, 'Expire');
    expect(emulator.apiPosts()).toHaveLength(0);
    await card.getByRole('group', { name: 'Confirm expiring the session' }).waitFor();
    await clickCardButton(card, 'Confirm');
    await sessions.getByRole('status').getByText('Expired').waitFor();
    const [expire] = emulator.apiPosts();
    expect(expire).toMatchObject({
      path: `/v1/checkout/sessions/${SEED_IDS.openSession}/expire`,
      rawBody: '',
    });
    expect(expire!.headers['idempotency-key']).toMatch(/^sha-[0-9a-f-]{36}$/);
    expect(emulator.apiPosts()).toHaveLength(1);
    expect(emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('expired');
    await ticket.page.close();
  });

  it("expires nothing from the customer card's session list by keys alone", async () => {
    const { context, emulator } = extension();
    const ticket = await TicketPage.open(context, '/requester.html');
    const card = await ticket.openCard(SEED_EMAILS.jenny);
    await card
      .getByRole('region', { name: 'Open Checkout Sessions' })
      .getByText('$49.00')
      .waitFor();
    await clickCardButton(card, 'Expire');
    const confirm = card.getByRole('button', { name: 'Confirm' });
    await confirm.waitFor();
    await card.getByRole('button', { name: 'Confirm', disabled: false }).waitFor(); // Armed.
    for (const key of ['Enter', ' ', 'Enter', 'y', 'e']) await ticket.page.keyboard.press(key);
    expect(await confirm.evaluate((button) => button === document.activeElement)).toBe(false);
    expect(emulator.apiPosts()).toHaveLength(0);
    expect(emulator.sessions().get(SEED_IDS.openSession)!.status).toBe('open');
    await ticket.page.close();
  });

  it('lists the customers an address matches, as written and lower-cased, and opens the one picked', async () => {
    const ticket = await TicketPage.open(extension().context);
    const card = await ticket.openCard(SEED_EMAILS.alex);
    await card.getByRole('heading', { name: 'Customers by email' }).waitFor();
    await card.getByTestId('match-count').getByText('2 customers, newest first').waitFor();
    await card.getByRole('button', { name: 'Copy email' }).waitFor();
    // Stripe compares case-sensitively: both spellings were asked for.
    expect(
      gets('/v1/customers')
        .map((r) => r.query.email)
        .sort(),
    ).toEqual(['Alex@example.net', 'alex@example.net']);
    const matches = card.getByRole('button', { name: /Alex Kim/ });
    expect(await matches.count()).toBe(2);
    // Newest first, each with what it has open.
    expect(await matches.first().textContent()).toContain('Alex Kim (Kim Design Ltd)');
    expect(await matches.first().textContent()).toContain('1 open session');
    expect(await matches.first().textContent()).toContain('1 unpaid invoice');
    expect(await matches.first().textContent()).toContain('Credit $25.00');
    expect(await matches.last().textContent()).toContain('0 open sessions');

    // 1 picks the first, as in the popup's list.
    expect(await matches.first().getAttribute('aria-keyshortcuts')).toBe('1');
    await card.locator('body').press('1');
    await card.getByRole('heading', { name: 'Customer' }).waitFor();
    await card.getByText(SEED_IDS.alexWork, { exact: true }).waitFor();
    await card.getByText(`Found by email: ${SEED_EMAILS.alex}`).waitFor();
    await card
      .getByRole('region', { name: 'Open Checkout Sessions' })
      .getByText('$150.00')
      .waitFor();
    // Picked the wrong one: Back to the list, and the other is one key away.
    await clickCardButton(card, 'Back to the list');
    await card.getByTestId('match-count').waitFor();
    await card.locator('body').press('2');
    await card.getByText(SEED_IDS.alexHome, { exact: true }).waitFor();
    expect(extension().emulator.apiPosts()).toHaveLength(0);
    await ticket.page.close();
  });

  it('shows the page one card height whatever an address finds: one customer, several or none', async () => {
    const { context } = extension();
    /** What the page can measure of the card: its host's box (the frame is inside it). */
    const heightSeenByPage = (ticket: TicketPage) =>
      ticket.page.evaluate(() => {
        const shown = [...document.querySelectorAll('stripe-helpdesk-card')].find(
          (host) => getComputedStyle(host).visibility === 'visible',
        );
        return shown ? Math.round(shown.getBoundingClientRect().height) : null;
      });
    /** The card's height once it has drawn what `drawn` waits for, and settled. */
    async function heightFor(path: string, address: string, drawn: (card: Frame) => Locator) {
      const ticket = await TicketPage.open(context, path);
      const card = await ticket.openCard(address);
      await drawn(card).waitFor();
      await new Promise((resolve) => setTimeout(resolve, 700));
      const height = await heightSeenByPage(ticket);
      await ticket.page.close();
      return height;
    }
    const heights = {
      one: await heightFor('/requester.html', SEED_EMAILS.jenny, (card) =>
        card.getByRole('region', { name: 'Recent invoices' }).getByText('ACME-0042'),
      ),
      several: await heightFor('/ticket.html', SEED_EMAILS.alex, (card) =>
        card.getByTestId('match-count').getByText('2 customers, newest first'),
      ),
      none: await heightFor('/ticket.html', SEED_EMAILS.liveOnly, (card) =>
        card.getByRole('status').getByText('No test-mode customer has this email'),
      ),
    };
    expect(heights.one).toBeGreaterThan(0);
    expect(heights).toEqual({ one: heights.one, several: heights.one, none: heights.one });
  });

  it('says when no customer has the address, and searches live mode only when asked', async () => {
    const { context, extensionId, emulator } = extension();
    const options = await OptionsPage.open(context, extensionId);
    await options.saveKey(emulator.keys.liveSecret);
    // The live key is saved second; the test key stays the active one.
    await options.page.close();
    emulator.received.length = 0;

    const ticket = await TicketPage.open(context);
    const card = await ticket.openCard(SEED_EMAILS.liveOnly);
    await card.getByRole('status').getByText('No test-mode customer has this email').waitFor();
    const liveKeyUsed = () =>
      emulator.received.filter((r) => r.headers.authorization?.includes(emulator.keys.liveSecret));
    expect(liveKeyUsed()).toHaveLength(0);

    await clickCardButton(card, 'Search live mode');
    await card.getByRole('heading', { name: 'Customer' }).waitFor();
    await card.getByText('Live Only Ltd').waitFor();
    expect(await card.getByText('LIVE', { exact: true }).count()).toBe(1);
    expect(liveKeyUsed().map((r) => r.path)[0]).toBe('/v1/customers');
    await ticket.page.close();
  });

  it('opens an address from the popup, and says what is wrong with one it cannot use', async () => {
    const browser = extension();
    const ticket = await TicketPage.open(browser.context);
    const popup = await PopupPage.open(browser);
    // IDs first, then the addresses, each with its number.
    const listed = popup.idsOnPage();
    await listed.filter({ hasText: 'Email' }).first().waitFor();
    const texts = await listed.allTextContents();
    const firstEmail = texts.findIndex((text) => text.startsWith('Email'));
    expect(texts.slice(firstEmail).every((text) => text.startsWith('Email'))).toBe(true);
    expect(texts.slice(firstEmail).map((text) => text.replace(/\d$/, ''))).toEqual([
      `Email ${SEED_EMAILS.alex} `,
      `Email ${SEED_EMAILS.liveOnly} `,
    ]);

    browser.emulator.received.length = 0;
    await popup.lookUp('jenny.rosen@example');
    await popup.page.getByRole('alert').getByText('The domain "example" has no dot').waitFor();
    await popup.lookUp(`${'a'.repeat(520)}@example.com`);
    await popup.page.getByRole('alert').getByText('Stripe accepts at most 512').waitFor();
    expect(browser.emulator.received).toHaveLength(0);

    await popup.lookUp(`Jenny Rosen <${SEED_EMAILS.jenny}>`);
    await popup.page.getByText(`Found by email: ${SEED_EMAILS.jenny}`).waitFor();
    await popup.page.close();
    await ticket.page.close();
  });

  it('stops marking addresses on open tabs when the agent turns it off, and IDs stay', async () => {
    const { context, extensionId } = extension();
    const ticket = await TicketPage.open(context);
    const withEmails = await ticket.markedTexts();
    expect(withEmails).toContain(SEED_EMAILS.alex);
    const options = await OptionsPage.open(context, extensionId);
    const toggle = options.page.getByLabel('Mark email addresses too');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await toggle.uncheck();
    await expect
      .poll(() => ticket.markedTexts())
      .toEqual(withEmails.filter((text) => !text.includes('@')));
    expect(await ticket.clickOpensNoCard(SEED_EMAILS.liveOnly)).toBe(true);
    // A page loaded now marks IDs at once, and drops addresses once the background answers.
    await ticket.page.reload();
    await ticket.waitForMarks();
    await expect
      .poll(() => ticket.markedTexts())
      .toEqual(withEmails.filter((text) => !text.includes('@')));
    expect(await ticket.clickOpensNoCard(SEED_EMAILS.alex)).toBe(true);

    // Kept across a reload, and on again when asked.
    await options.page.reload();
    await expect.poll(() => toggle.isChecked()).toBe(false);
    await toggle.check();
    await expect.poll(() => ticket.markedTexts()).toEqual(withEmails);
    await options.page.close();
    await ticket.page.close();
  });
});
