/**
 * The manifest's keyboard commands. Chrome allows four suggested keys; these avoid the
 * browser's own shortcuts and the single-letter ones Gmail, Zendesk and Front use.
 */
export const KEYBOARD_COMMANDS = {
  _execute_action: {
    suggested_key: { default: 'Alt+Shift+S' },
    description: 'Open Stripe Actions',
  },
  'next-id': {
    suggested_key: { default: 'Alt+Shift+J' },
    description: 'Go to the next Stripe ID on the page',
  },
  'previous-id': {
    suggested_key: { default: 'Alt+Shift+K' },
    description: 'Go to the previous Stripe ID on the page',
  },
  'open-selected-id': {
    suggested_key: { default: 'Alt+Shift+O' },
    description: 'Open the card for the selected Stripe ID',
  },
} as const;
