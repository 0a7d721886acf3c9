import type { ComponentType } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { askBackground } from '../../utils/messaging/ask-background';
import type { CardContents } from '../../utils/messaging/protocol';
import { KIND_FACTS, type ObjectKindFacts } from '../../utils/objects/kind-facts';
import type { AgentFacingError } from '../../utils/stripe/explain-failure';
import { DrawnPlainlyContext } from '../confirm/drawn-plainly';
import { TicketNote } from '../confirm/TicketNote';
import { TicketNoteContext } from '../confirm/ticket-note-context';
import { CopyButton } from '../shared/CopyButton';
import { ErrorNotice } from '../shared/ErrorNotice';
import { ModeBadge } from '../shared/ModeBadge';
import { OBJECT_PANELS } from './object-panels';
import { useDragCard } from './use-drag-card';
import type { PanelProps } from './panel-props';

/**
 * How long the card waits on a look-up before it says so and offers Retry: Stripe's own
 * retries can take a minute, and a read changes nothing, so the agent may ask again.
 */
export const LOOK_UP_PATIENCE_MS = 10_000;

type Loaded =
  | { state: 'loading' }
  | { state: 'refused'; error: AgentFacingError }
  | { state: 'open'; contents: CardContents };

export function ActionCard({ token, onClose }: { token: string; onClose: () => void }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  // The last action's note for the ticket, with the object it was done on.
  const [note, setNote] = useState<{ objectId: string; text: string } | null>(null);

  // Only the latest read may draw the card: a slow read of the object the card has since
  // left must never show it again, under a grant that now stands for another.
  const reads = useRef(0);
  // One round trip: the background started the look-up when it granted the card.
  const [slow, setSlow] = useState(false);
  const load = async () => {
    const read = ++reads.current;
    setSlow(false);
    const patience = setTimeout(() => read === reads.current && setSlow(true), LOOK_UP_PATIENCE_MS);
    const reply = await askBackground({ type: 'card.open', token });
    clearTimeout(patience);
    if (read !== reads.current) return;
    setLoaded(
      reply.ok
        ? { state: 'open', contents: reply.value }
        : { state: 'refused', error: reply.error },
    );
  };
  useEffect(() => void load(), [token]);
  // Confirm asks, through the background, the content script of the page the card is on.
  const drawnPlainly = useMemo(
    () => () =>
      askBackground({ type: 'card.checkDrawnPlainly', token }).then((reply) =>
        reply.ok ? null : reply.error.message,
      ),
    [token],
  );

  const contents = loaded.state === 'open' ? loaded.contents : null;
  const view = contents?.found.ok ? contents.found.value : null;
  const mode = view?.mode ?? contents?.mode ?? null;
  // Which panel draws the view is the registry's to say; the kind and the view come together.
  const Panel = contents
    ? (OBJECT_PANELS[contents.kind] as ComponentType<PanelProps<typeof contents.kind>>)
    : null;
  const drag = useDragCard(token);
  /** Back from a customer picked from an address's list: the card reads the list again. */
  const backToList = async () => {
    const reply = await askBackground({ type: 'card.backToList', token });
    if (reply.ok) await load();
  };
  const shownId = contents?.objectId ?? null;
  const showNote = useMemo(
    () => (text: string) => shownId && setNote({ objectId: shownId, text }),
    [shownId],
  );
  return (
    <DrawnPlainlyContext.Provider value={drawnPlainly}>
      <TicketNoteContext.Provider value={showNote}>
        <main
          class={`card ${mode === 'live' ? 'card-live' : ''}`}
          aria-busy={loaded.state === 'loading'}
        >
          <header
            class="card-header"
            title="Drag to move the card"
            onPointerDown={drag.onPointerDown}
            onPointerMove={drag.onPointerMove}
            onPointerUp={drag.onPointerUp}
            onPointerCancel={drag.onPointerUp}
          >
            <h1>{contents ? KIND_FACTS[contents.kind].title : 'Stripe'}</h1>
            <ModeBadge mode={mode} />
            <button type="button" class="icon" aria-label="Close card" onClick={onClose}>
              ×
            </button>
          </header>
          {contents && (
            <p class="object-id">
              <code title={contents.objectId}>{contents.objectId}</code>
              <CopyButton
                text={contents.objectId}
                label={(KIND_FACTS[contents.kind] as ObjectKindFacts).copyLabel ?? 'Copy ID'}
              />
            </p>
          )}
          {contents?.reachedBy && (
            <p class="muted reached-by">
              {contents.reachedBy.includes('@') ? 'Found by email' : 'Opened from'}:{' '}
              <strong>{contents.reachedBy}</strong>
              {contents.backToList && (
                <>
                  {' '}
                  <button type="button" class="link" onClick={() => void backToList()}>
                    Back to the list
                  </button>
                </>
              )}
            </p>
          )}
          {loaded.state === 'loading' && !slow && <p class="muted">Loading…</p>}
          {loaded.state === 'loading' && slow && (
            <div class="notice" role="status" aria-label="Look-up is slow">
              <p>
                Stripe has not answered in {LOOK_UP_PATIENCE_MS / 1000} seconds. Reading changes
                nothing, so asking again is safe.
              </p>
              <button type="button" onClick={() => void load()}>
                Retry
              </button>
            </div>
          )}
          {loaded.state === 'refused' && <ErrorNotice error={loaded.error} />}
          {contents && !contents.found.ok && <ErrorNotice error={contents.found.error} />}
          {contents && !contents.found.ok && (
            <p class="actions">
              <button type="button" class="secondary" onClick={() => void load()}>
                Retry
              </button>
            </p>
          )}
          {note && note.objectId === shownId && <TicketNote note={note.text} />}
          {Panel && view && contents && (
            // Keyed by its object: a panel never carries an attempt from one object to another.
            <Panel
              key={contents.objectId}
              card={{ token, shownId: contents.objectId }}
              reachedBy={contents.reachedBy}
              view={view}
              onChanged={() => void load()}
            />
          )}
          {view && (
            <p class="links">
              <a href={view.dashboardUrl} target="_blank" rel="noreferrer">
                Open in Dashboard
              </a>
            </p>
          )}
        </main>
      </TicketNoteContext.Provider>
    </DrawnPlainlyContext.Provider>
  );
}
