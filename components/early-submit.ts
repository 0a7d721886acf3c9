/**
 * The popup's static first frame shows its search form before the scripts that handle it
 * have loaded. A search submitted in that moment is held here and run once they have, so an
 * agent who pastes an ID and presses Enter at once loses nothing.
 */
let heldSubmit = false;

const hold = (event: Event) => {
  event.preventDefault();
  heldSubmit = true;
};

export function holdEarlySubmits(doc: Document): void {
  doc.addEventListener('submit', hold, true);
}

/** Stops holding and says whether a search was submitted meanwhile. */
export function releaseEarlySubmits(doc: Document): boolean {
  doc.removeEventListener('submit', hold, true);
  const submitted = heldSubmit;
  heldSubmit = false;
  return submitted;
}
