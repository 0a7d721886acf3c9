/**
 * The one way the extension writes a date, in the browser's locale: "8 Dec 2026". Times,
 * where the hour matters (when a session expires, when an action was taken), carry their
 * time zone: "8 Dec 2026, 14:02 GMT+1".
 */
const DAY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const DAY_AND_TIME: Intl.DateTimeFormatOptions = {
  ...DAY,
  hour: 'numeric',
  minute: '2-digit',
  timeZoneName: 'short',
};

/** A day, from Stripe's seconds. */
export const formatDay = (seconds: number, locale?: string) =>
  new Date(seconds * 1000).toLocaleDateString(locale, DAY);

/** A moment with its time zone, from milliseconds. */
export const formatMoment = (milliseconds: number, locale?: string) =>
  new Date(milliseconds).toLocaleString(locale, DAY_AND_TIME);
