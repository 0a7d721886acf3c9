// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, expect, test, vi } from 'vitest';
import { useKeyShortcut } from '../../components/shared/KeyShortcut';

function Shortcut({ enabled }: { enabled: boolean }) {
  useKeyShortcut('p', () => {}, enabled);
  return null;
}

afterEach(() => vi.useRealTimers());

test('listens for its key from the render that enables it, not after the next paint', () => {
  vi.useFakeTimers(); // No frame and no timer runs: only what the render itself does.
  const root = document.createElement('div');
  const listen = vi.spyOn(document, 'addEventListener');
  render(<Shortcut enabled={false} />, root);
  expect(listen).not.toHaveBeenCalledWith('keydown', expect.any(Function));
  // The agent clicked Cancel: the card is idle again and P must work at once.
  render(<Shortcut enabled />, root);
  expect(listen).toHaveBeenCalledWith('keydown', expect.any(Function));
  render(null, root);
});
