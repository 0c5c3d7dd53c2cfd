/**
 * Short, Anki-style labels for a span of time, as shown above the answer buttons and in the
 * card browser: "45s", "10m", "1.5h", "3d", "2.5mo", "1.2y". Months are 30 days and years
 * 365 days, which is what a person expects of an approximate label.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MONTH = 30 * DAY;
const YEAR = 365 * DAY;

/** One decimal, without a trailing ".0": 1.5 -> "1.5", 2 -> "2". */
function oneDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/**
 * The label for `ms` milliseconds. A value that rounds up to the next unit is shown in that
 * unit ("60m" reads as "1h"). Negative spans are shown as zero.
 *
 * @example
 * formatInterval(10 * 60_000); // '10m'
 * formatInterval(3 * 86_400_000); // '3d'
 * formatInterval(75 * 86_400_000); // '2.5mo'
 * formatInterval(438 * 86_400_000); // '1.2y'
 */
export function formatInterval(ms: number): string {
  const span = Math.max(0, ms);
  const seconds = Math.round(span / SECOND);
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.round(span / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.round((span / HOUR) * 10) / 10;
  if (hours < 24) return `${oneDecimal(hours)}h`;
  const days = Math.round(span / DAY);
  if (days < 30) return `${days}d`;
  const months = Math.round((span / MONTH) * 10) / 10;
  if (months < 12) return `${oneDecimal(months)}mo`;
  return `${oneDecimal(span / YEAR)}y`;
}
