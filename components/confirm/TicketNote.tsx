import { CopyButton } from '../shared/CopyButton';

/**
 * The line for the ticket's internal note after an action (utils/journal/ticket-note.ts),
 * shown as it will be pasted, with Copy note.
 */
export function TicketNote({ note }: { note: string }) {
  return (
    <div class="notice ticket-note" role="status" aria-label="Note for the ticket">
      <p>
        <span class="muted">For the ticket: </span>
        <span data-testid="ticket-note">{note}</span>
      </p>
      <CopyButton text={note} label="Copy note" />
    </div>
  );
}
