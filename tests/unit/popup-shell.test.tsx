// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { beforeEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { holdEarlySubmits, releaseEarlySubmits } from '../../components/early-submit';
import { Popup } from '../../components/Popup';

const popupHtml = readFileSync(join(__dirname, '../../entrypoints/popup/index.html'), 'utf8');
/** What popup.html paints before its scripts run. */
const shellMarkup = () => {
  const doc = new DOMParser().parseFromString(popupHtml, 'text/html');
  return doc.getElementById('app')!.innerHTML;
};

beforeEach(() => {
  document.body.innerHTML = '';
});

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
  holdEarlySubmits(document);
  (document.getElementById('lookup') as HTMLInputElement).value = ' cus_EarlyBird42 ';
  const form = document.querySelector('form')!;
  const notPrevented = form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  expect(notPrevented).toBe(false); // The page did not navigate away with the typed ID.

  const asked: unknown[] = [];
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    asked.push(message);
    return Promise.resolve({ ok: false, error: { message: 'not in this test' } });
  });
  render(<Popup submitOnStart={releaseEarlySubmits(document)} />, document.getElementById('app')!);

  await vi.waitFor(() =>
    expect(asked).toContainEqual({ type: 'popup.openCard', objectId: 'cus_EarlyBird42' }),
  );
  expect(asked.filter((m) => (m as { type: string }).type === 'popup.openCard')).toHaveLength(1);
  expect(releaseEarlySubmits(document)).toBe(false); // Released: later submits are the app's.
});
