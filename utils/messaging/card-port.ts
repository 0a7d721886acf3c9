/** The name of the port a card holds open while its frame lives: this prefix and its token. */
export const CARD_PORT_PREFIX = 'card:';
