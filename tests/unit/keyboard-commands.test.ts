import { afterEach, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runKeyboardCommand } from '../../utils/keyboard-commands';

const NO_RECEIVER = new Error('Could not establish connection. Receiving end does not exist.');

/** The agent's active tab at `url`, and a content script that answers or is not there. */
function activeTab(url: string, contentScriptAnswers: boolean[]) {
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((async () => [
    { id: 5, url },
  ]) as unknown as typeof fakeBrowser.tabs.query);
  vi.spyOn(fakeBrowser.tabs, 'get').mockImplementation((async () => ({
    id: 5,
    url,
  })) as unknown as typeof fakeBrowser.tabs.get);
  const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
  for (const answers of contentScriptAnswers)
    sendMessage.mockImplementationOnce(async () => {
      if (!answers) throw NO_RECEIVER;
      return undefined;
    });
  const scripting = {
    executeScript: vi.fn(async () => []),
    insertCSS: vi.fn(async () => undefined),
    getRegisteredContentScripts: vi.fn(async () => []),
  };
  Object.assign(fakeBrowser, { scripting });
  return { sendMessage, scripting };
}

afterEach(() => vi.restoreAllMocks());

test('sends "next ID" to the top frame of the active tab', async () => {
  const { sendMessage, scripting } = activeTab('https://acme.zendesk.com/agent/tickets/1', [true]);
  await runKeyboardCommand('next-id');
  expect(sendMessage).toHaveBeenCalledExactlyOnceWith(
    5,
    { type: 'content.navigate', direction: 1 },
    { frameId: 0 },
  );
  expect(scripting.executeScript).not.toHaveBeenCalled();
});

test('starts the content script in a helpdesk tab that predates an update, then moves', async () => {
  const { sendMessage, scripting } = activeTab('https://acme.zendesk.com/agent/tickets/1', [
    false,
    true,
  ]);
  await runKeyboardCommand('previous-id');
  expect(scripting.executeScript).toHaveBeenCalledWith({
    target: { tabId: 5, allFrames: true },
    files: ['/helpdesk.js'],
  });
  expect(sendMessage).toHaveBeenCalledTimes(2);
  expect(sendMessage).toHaveBeenLastCalledWith(
    5,
    { type: 'content.navigate', direction: -1 },
    { frameId: 0 },
  );
});

test('starts nothing on a site the extension does not run on', async () => {
  const { sendMessage, scripting } = activeTab('https://news.example/story', [false]);
  await runKeyboardCommand('open-selected-id');
  expect(sendMessage).toHaveBeenCalledExactlyOnceWith(
    5,
    { type: 'content.openSelected' },
    undefined,
  );
  expect(scripting.executeScript).not.toHaveBeenCalled();
});

test('ignores commands it does not know', async () => {
  const { sendMessage } = activeTab('https://acme.zendesk.com/', [true]);
  await runKeyboardCommand('not-a-command');
  expect(sendMessage).not.toHaveBeenCalled();
});
