/**
 * The popup's static first frame shows its search box before the scripts that handle it
 * have loaded. What the agent does there in that moment is held here and replayed once they
 * have, so nothing is lost: a submitted search, or a digit 1–9 pressed in the empty box
 * (which opens that ID from the page's list). Keys pressed before the box has focus (it
 * gets it once the first frame is painted) go to it too.
 */
export interface EarlyInput {
  submitted: boolean;
  openNth: number | null;
}

let held: EarlyInput = { submitted: false, openNth: null };

const holdSubmit = (event: Event) => {
  event.preventDefault();
  held.submitted = true;
};

const holdKey = (event: KeyboardEvent) => {
  const doc = event.currentTarget as Document;
  const box = doc.getElementById('lookup') as HTMLInputElement | null;
  if (!box) return;
  // Focus moved now takes the key's character with it.
  if (event.target === doc.body) box.focus();
  else if (event.target !== box) return;
  // No ID starts with a digit: in the empty box, 1–9 mean "open that ID", as once loaded.
  if (box.value || !/^[1-9]$/.test(event.key)) return;
  event.preventDefault();
  held.openNth = Number(event.key);
};

export function holdEarlyInput(doc: Document): void {
  doc.addEventListener('submit', holdSubmit, true);
  doc.addEventListener('keydown', holdKey, true);
}

/** Stops holding and returns what the agent did meanwhile. */
export function releaseEarlyInput(doc: Document): EarlyInput {
  doc.removeEventListener('submit', holdSubmit, true);
  doc.removeEventListener('keydown', holdKey, true);
  const done = held;
  held = { submitted: false, openNth: null };
  return done;
}
