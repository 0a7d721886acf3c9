/**
 * A queue of changes that run one after another, each once the one before has settled
 * (succeeded or failed). For state that is read, changed and written back, where two
 * changes at once would each write what it read and one would be lost.
 */
export function createSerialQueue() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(change: () => Promise<T>): Promise<T> => {
    const run = last.then(change, change);
    last = run.catch(() => undefined);
    return run;
  };
}
