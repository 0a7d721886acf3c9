const BRAND_NAME: Record<string, string> = {
  amex: 'American Express',
  diners: 'Diners Club',
  discover: 'Discover',
  jcb: 'JCB',
  mastercard: 'Mastercard',
  unionpay: 'UnionPay',
  visa: 'Visa',
};

/** A card as the agent and the customer call it: "Visa •••• 4242". */
export const cardLabel = (card: { brand: string; last4: string }) =>
  `${BRAND_NAME[card.brand] ?? card.brand} •••• ${card.last4}`;

/** A payment method with no card, by its type: "sepa_debit" → "SEPA Debit"-like "sepa debit". */
export const methodTypeLabel = (type: string) => type.replaceAll('_', ' ');
