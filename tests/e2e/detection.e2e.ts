import { expect, it } from 'vitest';
import { SEED_IDS } from '../emulator/seed-data';
import { saveTestKey } from './pages/options-page';
import { TicketPage, holdsCardGrant } from './pages/ticket-page';
import { describeInChromium, useExtensionBrowser } from './support/use-extension-browser';

// Runs inside the extension's service worker.
declare const chrome: any;

const cardObjectId = async (card: import('playwright-core').Frame) => {
  await card.locator('.object-id code').waitFor();
  return card.locator('.object-id code').getAttribute('title');
};

describeInChromium('detection on an app-like helpdesk page', () => {
  const extension = useExtensionBrowser(saveTestKey);

  /**
   * What the next-id / previous-id commands send (the extension cannot read tab URLs, so
   * every tab gets it; only the ticket's has the content script).
   */
  const navigate = (direction: 1 | -1) =>
    extension().serviceWorker.evaluate(async (dir) => {
      for (const tab of await chrome.tabs.query({}))
        await chrome.tabs
          .sendMessage(tab.id, { type: 'content.navigate', direction: dir }, { frameId: 0 })
          .catch(() => {});
    }, direction);

  async function openApp() {
    const errors: string[] = [];
    const ticket = await TicketPage.open(extension().context, '/app.html');
    ticket.page.on('pageerror', (error) => errors.push(error.message));
    return { ticket, errors };
  }

  /** The app once all its IDs are marked, and the email frame in it. */
  async function openAppMarked() {
    const { ticket, errors } = await openApp();
    // Top document: status, code, pre, checkout URL, link href, shadow, nested shadow, editor.
    await expect.poll(() => ticket.markCount()).toBe(8);
    const email = ticket.page.frame({ url: 'about:srcdoc' })!;
    await expect
      .poll(() => email.evaluate(() => CSS.highlights.get('stripe-helpdesk-actions-id')?.size ?? 0))
      .toBe(2);
    return { ticket, errors, email };
  }

  // Each ID is aimed at inside its own element: most of them also appear, earlier, elsewhere.
  it.each([
    ['a text node the app keeps', '#status', SEED_IDS.completeSession],
    ['<code>', '#code', SEED_IDS.jenny],
    ['<pre>', '#pre', SEED_IDS.openSession],
    ['a checkout URL, stopping at its # fragment', '#checkout', SEED_IDS.openSession],
    ['an open shadow root', '#in-shadow', SEED_IDS.jenny],
    ['a nested shadow root, as its own text', '#inner-host', SEED_IDS.completeSession],
    ['an email in a same-origin frame', '#email', SEED_IDS.jenny],
  ])('opens the card for an ID in %s', async (_where, within, id) => {
    const { ticket, errors } = await openApp();
    const point = await ticket.locateText(id, within);
    const opened = ticket.page.waitForEvent('framenavigated', {
      predicate: holdsCardGrant,
      timeout: 5000,
    });
    await ticket.page.mouse.click(point.x, point.y);
    expect(await cardObjectId(await opened)).toBe(id);
    expect(errors).toEqual([]);
    await ticket.page.close();
  });

  it('marks every true ID and no near miss, without touching the app or its editor', async () => {
    const { ticket, errors } = await openAppMarked();
    const cardsOpened: string[] = [];
    ticket.page.on('framenavigated', (f) => void (holdsCardGrant(f) && cardsOpened.push(f.url())));
    for (const nearMiss of ['focus_abc123', 'abacus_xyz', 'cs_testing_abc', 'discus_a1b2'])
      await ticket.clickText(nearMiss);
    // In the editor, clicking an ID is for typing.
    await ticket.clickText(SEED_IDS.jenny, '#editor');
    // A true ID last: once its card is open, any card the clicks above had asked for would be too.
    const control = await ticket.openCard('cs_test_a1OpenSession');
    expect(await cardObjectId(control)).toBe(SEED_IDS.openSession);
    expect(cardsOpened).toHaveLength(1);
    expect(await ticket.page.evaluate(() => (window as any).appNodesIntact())).toBe(true);
    expect(
      await ticket.page.evaluate(
        () => document.getElementById('editor')!.innerHTML === (window as any).editorHtmlAtLoad,
      ),
    ).toBe(true);
    expect(errors).toEqual([]);
    await ticket.page.close();
  });

  it('shows a pointer over an ID and only there, and styles the marks, all without writing to the page', async () => {
    const { ticket, errors } = await openApp();
    await expect.poll(() => ticket.markCount()).toBe(8);
    const page = ticket.page;
    await page.evaluate(() => {
      const records = ((window as any).recordsSeen = [] as string[]);
      new MutationObserver((list) => list.forEach((r) => records.push(r.type))).observe(document, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    // The cursor of the innermost element under the point, through open shadow roots.
    const cursorAt = (point: { x: number; y: number }) =>
      page.evaluate(({ x, y }) => {
        let element = document.elementFromPoint(x, y)!;
        for (
          let inner = element.shadowRoot?.elementFromPoint(x, y);
          inner && inner !== element;
          inner = element.shadowRoot?.elementFromPoint(x, y)
        )
          element = inner;
        return getComputedStyle(element).cursor;
      }, point);
    const idInPre = await ticket.locateText('cs_test_a1OpenSession', '#pre');
    const wordsBeforeIt = await ticket.locateText('log: expire', '#pre');
    await page.mouse.move(idInPre.x, idInPre.y);
    await expect.poll(() => cursorAt(idInPre)).toBe('pointer');
    // The same element, off the ID: no pointer.
    await page.mouse.move(wordsBeforeIt.x, wordsBeforeIt.y);
    await expect.poll(() => cursorAt(wordsBeforeIt)).not.toBe('pointer');
    const idInCode = await ticket.locateText(SEED_IDS.jenny, '#code');
    await page.mouse.move(idInCode.x, idInCode.y);
    await expect.poll(() => cursorAt(idInCode)).toBe('pointer');
    // Text placed directly in a shadow root has no element of its own: its host shows it.
    const idInShadowRoot = await ticket.locateText('cs_test_b1', '#inner-host');
    await page.mouse.move(idInShadowRoot.x, idInShadowRoot.y);
    await expect.poll(() => cursorAt(idInShadowRoot)).toBe('pointer');
    // In the editor a click is for typing, so no pointer there.
    const idInEditor = await ticket.locateText(SEED_IDS.jenny, '#editor');
    await page.mouse.move(idInEditor.x, idInEditor.y);
    await expect.poll(() => cursorAt(idInCode)).not.toBe('pointer');
    expect(await cursorAt(idInEditor)).not.toBe('pointer');

    // The marks are styled by the stylesheet injected with the content script: the page's
    // own stylesheets are all the document has.
    expect(
      await page.evaluate(
        () =>
          getComputedStyle(
            document.getElementById('code')!,
            '::highlight(stripe-helpdesk-actions-id)',
          ).backgroundColor,
      ),
    ).toBe('rgba(99, 91, 255, 0.22)');
    expect(
      await page.evaluate(() => [document.adoptedStyleSheets.length, document.styleSheets.length]),
    ).toEqual([0, 1]);
    expect(await page.evaluate(() => (window as any).recordsSeen)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows the app when it edits its own text and when a message arrives later', async () => {
    const { ticket, errors } = await openApp();
    await expect.poll(() => ticket.markCount()).toBe(8);
    expect(await ticket.page.evaluate(() => (window as any).appUpdate())).toBe(true);
    await expect.poll(() => ticket.markCount()).toBe(9);
    // The new message's ID, not the same ID shown earlier in the ticket.
    const card = await ticket.openCard(SEED_IDS.openSession, '#late');
    expect(await cardObjectId(card)).toBe(SEED_IDS.openSession);
    expect(await ticket.page.evaluate(() => (window as any).appNodesIntact())).toBe(true);
    expect(errors).toEqual([]);
    await ticket.page.close();
  });

  it('follows a single-page app to another ticket, and closes a card left open on the one it left', async () => {
    const ticket = await TicketPage.open(extension().context, '/spa.html');
    const page = ticket.page;
    const shown = () => ticket.markedTexts();
    expect(await cardObjectId(await ticket.openCard(SEED_IDS.jenny))).toBe(SEED_IDS.jenny);
    // The app moves to ticket 2 (pushState, new conversation): Jenny's card would act for a
    // ticket no longer on screen.
    await page.getByRole('link', { name: 'Ticket 2' }).click();
    await expect.poll(() => ticket.cardIsOpen()).toBe(false);
    await expect.poll(shown).toEqual([SEED_IDS.completeSession]);
    const onTicket2 = await ticket.openCard(SEED_IDS.completeSession);
    expect(await cardObjectId(onTicket2)).toBe(SEED_IDS.completeSession);
    // Back (popstate): ticket 1 again, with its email frame.
    await page.goBack();
    await expect.poll(() => ticket.cardIsOpen()).toBe(false);
    await expect.poll(shown).toEqual([SEED_IDS.jenny]);
    const emailMarks = () =>
      page.evaluate(() => {
        const email = document.getElementById('email') as HTMLIFrameElement | null;
        const view = email?.contentWindow as typeof window | null | undefined;
        return view?.CSS.highlights.get('stripe-helpdesk-actions-id')?.size ?? 0;
      });
    await expect.poll(emailMarks).toBe(1);
    // A card opened from the email is drawn on the ticket, and Escape there closes it.
    let fromEmail = await ticket.openCard(SEED_IDS.openSession, '#email');
    expect(await cardObjectId(fromEmail)).toBe(SEED_IDS.openSession);
    await ticket.clickText('asks about her refund');
    await page.keyboard.press('Escape');
    await expect.poll(() => ticket.cardIsOpen()).toBe(false);
    // It also closes when the app takes the email's frame away.
    fromEmail = await ticket.openCard(SEED_IDS.openSession, '#email');
    expect(await cardObjectId(fromEmail)).toBe(SEED_IDS.openSession);
    await page.getByRole('link', { name: 'Ticket 2' }).click();
    await expect.poll(() => ticket.cardIsOpen()).toBe(false);
    await page.close();
  });

  it('moves through IDs from the keyboard and opens the focused one with Enter, links included', async () => {
    const { ticket } = await openApp();
    await expect.poll(() => ticket.markCount()).toBe(8);
    // Where the keyboard's focus mark is: the id of the element holding it.
    const focusedIn = () =>
      ticket.page.evaluate(() => {
        const [range] = [...(CSS.highlights.get('stripe-helpdesk-actions-focus') ?? [])];
        return range ? (range.startContainer.parentElement?.closest('[id]')?.id ?? '') : null;
      });
    // Document order: status, code, pre, checkout URL, dashboard link, …
    for (let i = 0; i < 5; i++) await navigate(1);
    await expect.poll(focusedIn).toBe('dash');
    await navigate(-1);
    await expect.poll(focusedIn).toBe('checkout');
    await navigate(1);
    await expect.poll(focusedIn).toBe('dash');
    await ticket.page.locator('body').focus();
    const opened = ticket.page.waitForEvent('framenavigated', {
      predicate: holdsCardGrant,
      timeout: 5000,
    });
    await ticket.page.keyboard.press('Enter');
    // The fifth ID is the "View customer in Stripe" link, whose href names the customer.
    expect(await cardObjectId(await opened)).toBe(SEED_IDS.jenny);
    await ticket.page.close();
  });

  it('moves through shadow roots and the email frame in reading order, and opens an email ID with Enter pressed in the email', async () => {
    const { ticket, errors, email } = await openAppMarked();
    // Where the focus mark is: the document, the element with an id around it, and its text.
    const readFocus = (where: string) => {
      const [range] = [...(CSS.highlights.get('stripe-helpdesk-actions-focus') ?? [])];
      if (!range) return null;
      const id = range.startContainer.parentElement?.closest('[id]')?.id ?? '';
      const text = (range.startContainer as Text).data.slice(range.startOffset, range.endOffset);
      return `${where} ${id} ${text}`;
    };
    const focusMark = async () =>
      (await ticket.page.evaluate(readFocus, 'ticket')) ??
      (await email.evaluate(readFocus, 'email'));
    // Status, code, pre, checkout URL, dashboard link; then the shadow root's two IDs, the
    // email's two, and the reply editor.
    for (let i = 0; i < 6; i++) await navigate(1);
    await expect.poll(focusMark).toBe(`ticket in-shadow ${SEED_IDS.jenny}`);
    await navigate(1);
    await expect.poll(focusMark).toBe(`ticket  ${SEED_IDS.completeSession}`);
    await navigate(1);
    await expect.poll(focusMark).toBe(`email  ${SEED_IDS.jenny}`);
    await navigate(1);
    await expect.poll(focusMark).toBe(`email  ${SEED_IDS.openSession}`);
    await navigate(1);
    await expect.poll(focusMark).toBe(`ticket editor ${SEED_IDS.jenny}`);
    // One mark at a time: leaving the email took its focus mark along.
    expect(
      await email.evaluate(() => CSS.highlights.get('stripe-helpdesk-actions-focus')?.size),
    ).toBe(0);
    await navigate(-1);
    await expect.poll(focusMark).toBe(`email  ${SEED_IDS.openSession}`);
    // The agent has clicked into the email (not on an ID), so Enter goes to the email's page.
    await email.getByText('Forwarded').click({ position: { x: 5, y: 5 } });
    const opened = ticket.page.waitForEvent('framenavigated', {
      predicate: holdsCardGrant,
      timeout: 5000,
    });
    await ticket.page.keyboard.press('Enter');
    expect(await cardObjectId(await opened)).toBe(SEED_IDS.openSession);
    expect(errors).toEqual([]);
    await ticket.page.close();
  });

  it('marks only the IDs near the screen, follows a scrolling pane and the keyboard, and still knows and opens every ID', async () => {
    const ticket = await TicketPage.open(extension().context, '/long-ticket.html');
    const shown = () => ticket.markedTexts();
    await expect.poll(async () => (await shown()).length).toBeGreaterThan(0);
    const atTop = await shown();
    expect(atTop).toContain('cus_LongTicket001');
    expect(atTop).not.toContain(SEED_IDS.jenny);
    expect(atTop.length).toBeLessThan(20);
    // All 80 are known, for the popup's list and for the keyboard.
    const listed = await extension().serviceWorker.evaluate(async () => {
      // As the popup asks: one port to every frame of each tab; the top document's answer.
      const lists = await Promise.all(
        (await chrome.tabs.query({})).map(
          (tab: { id: number }) =>
            new Promise<string[]>((resolve) => {
              const port = chrome.tabs.connect(tab.id, { name: 'page-ids' });
              port.onMessage.addListener((answer: { top: boolean; ids: string[] }) => {
                if (answer.top) resolve(answer.ids);
              });
              port.onDisconnect.addListener(() => resolve([]));
            }),
        ),
      );
      return lists.find((ids) => ids.includes('cus_LongTicket001'));
    });
    expect(listed).toHaveLength(80);
    // "Previous ID" from nowhere goes to the last one, far down the pane: it is scrolled to
    // and marked.
    await navigate(-1);
    await expect.poll(shown).toContain(SEED_IDS.jenny);
    expect(await shown()).not.toContain('cus_LongTicket001');
    // Scrolling the pane back up brings the first marks back.
    await ticket.page.locator('#conversation').evaluate((pane) => pane.scrollTo(0, 0));
    await expect.poll(shown).toContain('cus_LongTicket001');
    expect(await shown()).not.toContain(SEED_IDS.jenny);
    await ticket.page
      .locator('#conversation')
      .evaluate((pane) => pane.scrollTo(0, pane.scrollHeight));
    await expect.poll(shown).toContain(SEED_IDS.jenny);
    expect(await cardObjectId(await ticket.openCard(SEED_IDS.jenny))).toBe(SEED_IDS.jenny);
    await ticket.page.close();
  });

  it('stops at once in every frame when the agent disables the site: marks gone, clicks left to the page', async () => {
    const { ticket, errors, email } = await openAppMarked();
    const marked = (frame: typeof email) =>
      frame.evaluate(() => CSS.highlights.get('stripe-helpdesk-actions-id')?.size ?? 0);
    // What disableSite sends to each open tab of the site, to all its frames.
    await extension().serviceWorker.evaluate(async () => {
      for (const tab of await chrome.tabs.query({}))
        await chrome.tabs.sendMessage(tab.id!, { type: 'content.stop' }).catch(() => {});
    });
    await ticket.waitForMarksGone();
    expect(await marked(email)).toBe(0);
    expect(await ticket.clickOpensNoCard(SEED_IDS.jenny)).toBe(true);
    expect(errors).toEqual([]);
    await ticket.page.close();
  });

  it('declares the keyboard commands', async () => {
    const commands = await extension().serviceWorker.evaluate(() => chrome.commands.getAll());
    expect(
      Object.fromEntries(
        commands.map((c: { name: string; shortcut: string }) => [c.name, c.shortcut]),
      ),
    ).toEqual({
      _execute_action: 'Alt+Shift+S',
      'next-id': 'Alt+Shift+J',
      'previous-id': 'Alt+Shift+K',
      'open-selected-id': 'Alt+Shift+O',
    });
  });
});
