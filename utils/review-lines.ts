/**
 * One line of a review: a field that will be sent (or what it will do), as the agent reads
 * it before Confirm. Every review lists every field, so nothing is sent unseen.
 */
export interface ReviewLine {
  /** "Balance", "Memo". */
  label: string;
  /** "Credit $10.50 → Credit $21.00"; "None" for a field left empty. */
  value: string;
  /** Who sees it, or what follows from it: "the customer sees it on the credit note". */
  aside?: string;
}
