/** What `card-code.js` holds (see card-code.ts): the card host, and where a card is drawn. */
export { createCardHost } from './card-host';
export { cardDocumentFor } from './card-anchor';
