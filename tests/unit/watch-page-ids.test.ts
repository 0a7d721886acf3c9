import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { watchPageIds } from '../../utils/watch-page-ids';

/** A port to a tab's frames, whose answers and closing the test plays. */
function fakePort() {
  const onMessage: Array<(answer: unknown) => void> = [];
  const onDisconnect: Array<() => void> = [];
  const port = {
    name: '',
    onMessage: { addListener: (listener: (answer: unknown) => void) => onMessage.push(listener) },
    onDisconnect: { addListener: (listener: () => void) => onDisconnect.push(listener) },
    disconnect: () => {},
  };
  vi.spyOn(fakeBrowser.tabs, 'connect').mockImplementation(((
    _tab: number,
    info: { name: string },
  ) => {
    port.name = info.name;
    return port;
  }) as unknown as typeof fakeBrowser.tabs.connect);
  return {
    port,
    answer: (answer: unknown) => onMessage.forEach((listener) => listener(answer)),
    close: () => onDisconnect.forEach((listener) => listener()),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

test("shows the ticket's IDs first, then its frames', each once, on the port named for it", () => {
  const frames = fakePort();
  const shown: string[][] = [];
  watchPageIds(3, (ids) => shown.push(ids));
  expect(frames.port.name).toBe('page-ids');
  // An email frame answers before the ticket: held, so the ticket's numbers do not move.
  frames.answer({ top: false, ids: ['cs_test_a1InEmail', 'cus_BothPlaces1'] });
  expect(shown).toEqual([]);
  frames.answer({ top: true, ids: ['cus_BothPlaces1', 'cus_TicketOwn2'] });
  frames.answer({ top: false, ids: ['cus_LaterOne3'] });
  expect(shown).toEqual([
    ['cus_BothPlaces1', 'cus_TicketOwn2', 'cs_test_a1InEmail'],
    ['cus_BothPlaces1', 'cus_TicketOwn2', 'cs_test_a1InEmail', 'cus_LaterOne3'],
  ]);
});

test('keeps only well-formed Stripe IDs from what a frame sends', () => {
  const frames = fakePort();
  const shown: string[][] = [];
  watchPageIds(3, (ids) => shown.push(ids));
  frames.answer('cus_NotAnAnswer1');
  frames.answer({ top: true, ids: 'cus_NotAList1' });
  frames.answer({ top: true, ids: ['cus_FineOne1', 42, '<img src=x>', 'cs_testing_abc', null] });
  expect(shown).toEqual([['cus_FineOne1']]);
});

test("shows frames' IDs after a moment when the ticket itself does not answer", () => {
  const frames = fakePort();
  const shown: string[][] = [];
  watchPageIds(3, (ids) => shown.push(ids));
  frames.answer({ top: false, ids: ['cus_InAFrame1'] });
  vi.advanceTimersByTime(299);
  expect(shown).toEqual([]);
  vi.advanceTimersByTime(1);
  expect(shown).toEqual([['cus_InAFrame1']]);
});

test('shows an empty list at once when nothing on the tab answers', () => {
  const frames = fakePort();
  const shown: string[][] = [];
  watchPageIds(3, (ids) => shown.push(ids));
  frames.close();
  expect(shown).toEqual([[]]);
  vi.advanceTimersByTime(1000);
  expect(shown).toEqual([[]]);
});

test('asks to start the content script when no frame answers, then asks the tab again', async () => {
  const first = fakePort();
  const shown: string[][] = [];
  const notRunning = vi.fn();
  const start = vi.fn(async () => true);
  watchPageIds(3, (ids) => shown.push(ids), { start, notRunning });
  const second = fakePort();
  first.close(); // Nothing on the tab answered: the script there was cut off by an update.
  await vi.advanceTimersByTimeAsync(1); // The start resolves; the new port waits.
  expect(start).toHaveBeenCalledTimes(1);
  expect(shown).toEqual([]); // Not "no IDs" while it starts.
  second.answer({ top: true, ids: ['cus_TicketOwn2'] });
  expect(shown).toEqual([['cus_TicketOwn2']]);
  expect(notRunning).not.toHaveBeenCalled();
});

test('asks again while a script it just started is not ready to answer', async () => {
  const first = fakePort();
  const shown: string[][] = [];
  const notRunning = vi.fn();
  const start = vi.fn(async () => true);
  watchPageIds(3, (ids) => shown.push(ids), { start, notRunning });
  const second = fakePort();
  first.close();
  await vi.advanceTimersByTimeAsync(1);
  // The new script is still asking the background what to mark: no answer yet.
  const third = fakePort();
  second.close();
  expect(shown).toEqual([]); // Not "no IDs" while it gets ready.
  await vi.advanceTimersByTimeAsync(50);
  third.answer({ top: true, ids: ['cus_TicketOwn2', 'jenny@example.com'] });
  expect(shown).toEqual([['cus_TicketOwn2', 'jenny@example.com']]);
  expect(start).toHaveBeenCalledTimes(1);
  expect(notRunning).not.toHaveBeenCalled();
});

test('shows no IDs and says it is not running when it cannot be started', async () => {
  const frames = fakePort();
  const shown: string[][] = [];
  const notRunning = vi.fn();
  watchPageIds(3, (ids) => shown.push(ids), { start: async () => false, notRunning });
  frames.close();
  await vi.runAllTimersAsync();
  expect(shown).toEqual([[]]);
  expect(notRunning).toHaveBeenCalledTimes(1);
});

test('does not start a second copy when the tab answered before the port closed', async () => {
  const frames = fakePort();
  const start = vi.fn(async () => true);
  watchPageIds(3, () => {}, { start, notRunning: () => {} });
  frames.answer({ top: true, ids: [] });
  frames.close();
  await vi.runAllTimersAsync();
  expect(start).not.toHaveBeenCalled();
});
