/** "Jan 7, 2027": a day the agent can read out to the customer. */
export const formatDay = (seconds: number) =>
  new Date(seconds * 1000).toLocaleDateString(undefined, {
    month: 'short',
    day: 'numeric',
    year: 'numeric',
  });
