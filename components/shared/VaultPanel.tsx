import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '../../utils/messaging/ask-background';
import type { RequestOf } from '../../utils/messaging/protocol';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';
import type { VaultState } from '../../utils/storage/vault-store';
import { ErrorNotice } from './ErrorNotice';

/**
 * The passphrase lock. `compact` (the popup) shows only what a locked extension needs: the
 * unlock form. Options shows turning it on and off too.
 */
export function VaultPanel({
  compact = false,
  onChange,
}: {
  compact?: boolean;
  onChange?: (state: VaultState) => void;
}) {
  const [state, setState] = useState<VaultState | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [error, setError] = useState<AgentFacingError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void askBackground({ type: 'vault.state' }).then((r) => r.ok && setState(r.value));
  }, []);

  async function send(
    request: RequestOf<'vault.enable' | 'vault.unlock' | 'vault.lock' | 'vault.disable'>,
  ) {
    setBusy(true);
    setError(null);
    const reply = await askBackground(request);
    setBusy(false);
    if (!reply.ok) return setError(reply.error);
    setPassphrase('');
    setConfirmation('');
    setState(reply.value);
    onChange?.(reply.value);
  }

  function turnOn(event: Event) {
    event.preventDefault();
    if (passphrase !== confirmation)
      return setError({ message: 'The two passphrases differ; type them again.' });
    void send({ type: 'vault.enable', passphrase });
  }

  if (state === null || (compact && state === 'off')) return null;
  // The popup: a way to lock at once while away from the desk.
  if (compact && state === 'unlocked')
    return (
      <p class="vault-row">
        <span class="muted">Keys unlocked</span>{' '}
        <button type="button" class="secondary" onClick={() => void send({ type: 'vault.lock' })}>
          Lock now
        </button>
      </p>
    );
  const passphraseField = (id: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label for={id}>{label}</label>
      <input
        id={id}
        type="password"
        autoComplete="off"
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </>
  );

  return (
    <section aria-labelledby="vault-heading" class={compact ? 'notice' : ''}>
      <h2 id="vault-heading">Passphrase lock</h2>
      {state === 'off' && (
        <form onSubmit={turnOn}>
          <p class="muted">
            Encrypts the saved keys with a passphrase (AES-GCM, PBKDF2 with 600,000 iterations). You
            unlock once per browser session. There is no recovery: a forgotten passphrase means
            adding the keys again.
          </p>
          {passphraseField('vault-new', 'New passphrase', passphrase, setPassphrase)}
          {passphraseField('vault-confirm', 'Repeat passphrase', confirmation, setConfirmation)}
          <div class="actions">
            <button type="submit" disabled={busy || !passphrase}>
              {busy ? 'Encrypting…' : 'Turn on lock'}
            </button>
          </div>
        </form>
      )}
      {state === 'locked' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send({ type: 'vault.unlock', passphrase });
          }}
        >
          <p>Locked: the saved keys are encrypted. Unlock to act on Stripe objects.</p>
          {passphraseField('vault-unlock', 'Passphrase', passphrase, setPassphrase)}
          <div class="actions">
            <button type="submit" disabled={busy || !passphrase}>
              {busy ? 'Unlocking…' : 'Unlock'}
            </button>
          </div>
        </form>
      )}
      {state === 'unlocked' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void send({ type: 'vault.disable', passphrase });
          }}
        >
          <p>
            On, and unlocked until you lock it, the browser closes, or it sits unused for the time
            set under Guardrails.
          </p>
          <div class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() => void send({ type: 'vault.lock' })}
            >
              Lock now
            </button>
          </div>
          {passphraseField(
            'vault-off',
            'Passphrase (to turn the lock off)',
            passphrase,
            setPassphrase,
          )}
          <div class="actions">
            <button type="submit" class="secondary" disabled={busy || !passphrase}>
              Turn off lock
            </button>
          </div>
        </form>
      )}
      {error && <ErrorNotice error={error} />}
    </section>
  );
}
