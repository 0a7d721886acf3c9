// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { holdEarlyInput, releaseEarlyInput } from '../../components/popup/early-input';
import { Popup } from '../../components/popup/Popup';

const popupHtml = readFileSync(join(__dirname, '../../entrypoints/popup/index.html'), 'utf8');
/** What popup.html paints before its scripts run. */
const shellMarkup = () => {
  const doc = new DOMParser().parseFromString(popupHtml, 'text/html');
  return doc.getElementById('app')!.innerHTML;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

/** Starts the popup with what was held, and checks it asked the background for one card. */
async function expectOneCardOpenedFor(objectId: string) {
  const asked: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    asked.push(message);
    return Promise.resolve({ ok: false, error: { message: 'not in this test' } });
  });
  render(<Popup early={releaseEarlyInput(document)} />, document.getElementById('app')!);
  await vi.waitFor(() => expect(asked).toContainEqual({ type: 'popup.openCard', objectId }));
  expect(asked.filter((m) => (m as { type: string }).type === 'popup.openCard')).toHaveLength(1);
}

test("the static first frame in popup.html is exactly the popup's first render", () => {
  const rendered = document.createElement('div');
  render(<Popup />, rendered);
  const shell = document.createElement('div');
  shell.innerHTML = shellMarkup();
  expect(shell.innerHTML).toBe(rendered.innerHTML);
  expect(shell.querySelector('input#lookup')).not.toBeNull();
});

test('the popup renders over the shell, keeping its input and what the agent typed there', () => {
  document.body.innerHTML = `<div id="app">${shellMarkup()}</div>`;
  const app = document.getElementById('app')!;
  const typedInto = document.getElementById('lookup') as HTMLInputElement;
  typedInto.value = 'cus_TypedBeforeScripts';

  render(<Popup />, app);

  const input = document.getElementById('lookup') as HTMLInputElement;
  expect(input).toBe(typedInto);
  expect(input.value).toBe('cus_TypedBeforeScripts');
  expect(app.querySelectorAll('main')).toHaveLength(1);
  expect(app.querySelectorAll('input')).toHaveLength(1);
});

test('a search submitted before the scripts loaded is held, then run once: the card opens', async () => {
  document.body.innerHTML = `<div id="app">${shellMarkup()}</div>`;
  holdEarlyInput(document);
  (document.getElementById('lookup') as HTMLInputElement).value = ' cus_EarlyBird42 ';
  const form = document.querySelector('form')!;
  const notPrevented = form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  expect(notPrevented).toBe(false); // The page did not navigate away with the typed ID.

  await expectOneCardOpenedFor('cus_EarlyBird42');
  // Released: later input is the app's.
  expect(releaseEarlyInput(document)).toEqual({ submitted: false, openNth: null });
});

test('a digit pressed in the empty box before the scripts loaded opens that ID once the list is known', async () => {
  document.body.innerHTML = `<div id="app">${shellMarkup()}</div>`;
  holdEarlyInput(document);
  const box = document.getElementById('lookup') as HTMLInputElement;
  const press = (key: string) =>
    box.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  expect(press('2')).toBe(false); // Held, not typed into the box.
  box.value = 'cus_';
  expect(press('3')).toBe(true); // Part of an ID being typed: left alone.
  box.value = '';

  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id: 5, index: 0, url: 'https://acme.zendesk.com/agent/tickets/1' },
  ] as Awaited<ReturnType<typeof fakeBrowser.tabs.query>>);
  // The page's answer on the port the popup opens to the tab's frames.
  const port = {
    onMessage: {
      addListener: (listener: (answer: unknown) => void) =>
        setTimeout(() => listener({ top: true, ids: ['cus_FirstOne1', 'cus_SecondOne2'] })),
    },
    onDisconnect: { addListener: () => {} },
    disconnect: () => {},
  };
  vi.spyOn(fakeBrowser.tabs, 'connect').mockReturnValue(
    port as unknown as ReturnType<typeof fakeBrowser.tabs.connect>,
  );
  await expectOneCardOpenedFor('cus_SecondOne2');
});

test('keys pressed before the box has focus go to the box; elsewhere they are left alone', () => {
  document.body.innerHTML = `<div id="app">${shellMarkup()}</div>`;
  holdEarlyInput(document);
  const box = document.getElementById('lookup') as HTMLInputElement;
  const press = (target: Element, key: string) =>
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

  expect(document.activeElement).toBe(document.body);
  expect(press(document.body, 'c')).toBe(true); // Typed into the box, which now has focus.
  expect(document.activeElement).toBe(box);

  box.blur();
  expect(press(document.body, '2')).toBe(false); // The empty box's digit: held.
  expect(document.activeElement).toBe(box);

  const openButton = document.querySelector('button.secondary')!;
  expect(press(openButton, '3')).toBe(true);
  expect(releaseEarlyInput(document)).toEqual({ submitted: false, openNth: 2 });
});
