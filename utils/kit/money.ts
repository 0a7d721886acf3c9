/** An amount that leaves the account: what the guardrails weigh. */
export interface Money {
  minorUnits: number;
  currency: string;
}
