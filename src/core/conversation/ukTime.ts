/** A moment as a UK worker would write it in a note: "6 December 2026 at 20:50" (UK time, summer time included). */
const UK_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' });

export function ukTime(at: number): string {
  return UK_TIME.format(new Date(at));
}
