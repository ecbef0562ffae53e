// Start times in the runs table: precise enough to tell neighbouring runs apart
// ("26 Nov 14:03"), where "2 days ago" would repeat down a sorted column.

const month = new Intl.DateTimeFormat('en-GB', { month: 'short' });
const pad = (n: number) => String(n).padStart(2, '0');

/** "Today 14:03", "26 Nov 14:03" this year, "26 Nov 2025" before, in local time. */
export function formatStart(ms: number, now: number): string {
  const d = new Date(ms);
  const n = new Date(now);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  if (d.toDateString() === n.toDateString()) return `Today ${time}`;
  const day = `${d.getDate()} ${month.format(d)}`;
  return d.getFullYear() === n.getFullYear() ? `${day} ${time}` : `${day} ${d.getFullYear()}`;
}
