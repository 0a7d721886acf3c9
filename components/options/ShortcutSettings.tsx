import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

interface Binding {
  name: string;
  description: string;
  shortcut: string;
}

/** The keyboard commands as the browser has them now; the agent changes them in the browser. */
export function ShortcutSettings() {
  const [bindings, setBindings] = useState<Binding[]>([]);
  useEffect(() => {
    void browser.commands.getAll().then((commands) =>
      setBindings(
        commands.map((c) => ({
          name: c.name ?? '',
          description: c.name === '_execute_action' ? 'Open Stripe Actions' : (c.description ?? ''),
          shortcut: c.shortcut ?? '',
        })),
      ),
    );
  }, []);
  const isFirefox = browser.runtime.getURL('/').startsWith('moz-extension:');
  return (
    <section aria-labelledby="shortcuts-heading">
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <table class="activity">
        <tbody>
          {bindings.map((b) => (
            <tr key={b.name}>
              <td>{b.description}</td>
              <td>
                <kbd>{b.shortcut || 'Not set'}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="muted">
        In a card: <kbd>E</kbd> expire, <kbd>C</kbd> add credit, <kbd>P</kbd> portal link,{' '}
        <kbd>1</kbd>–<kbd>9</kbd> pick one of an email address's customers, <kbd>Esc</kbd> close. On
        the page: <kbd>Enter</kbd> opens the ID chosen with the next/previous shortcuts.
      </p>
      {!isFirefox && (
        <button
          type="button"
          class="secondary"
          onClick={() => void browser.tabs.create({ url: 'chrome://extensions/shortcuts' })}
        >
          Change shortcuts
        </button>
      )}
    </section>
  );
}
