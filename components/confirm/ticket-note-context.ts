import { createContext } from 'preact';

/**
 * Where an action's note for the ticket goes once it is done: the card shows it with Copy
 * note (see ActionCard). `useAttempt` hands it over, so every action on a card has one.
 */
export const TicketNoteContext = createContext<(note: string) => void>(() => {});
