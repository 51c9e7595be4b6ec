/** Dutch formatting of dates and times, for documents, messages and answers files. */

const DAYS = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
/** Dutch month names, January first. */
export const MONTHS = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];

function parts(iso: string): { date: Date; y: number; m: number; d: number } {
  const [y, m, d] = iso.split("-").map(Number);
  if (!y || !m || !d) throw new Error(`"${iso}" is geen datum (verwacht jjjj-mm-dd).`);
  return { date: new Date(Date.UTC(y, m - 1, d)), y, m, d };
}

/** `zaterdag 13 maart 2027` */
export function formatLongDate(iso: string): string {
  const { date, y, m, d } = parts(iso);
  return `${DAYS[date.getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
}

/** `13 maart 2027` */
export function formatDate(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** `13-03-2027` */
export function formatShortDate(iso: string): string {
  const { y, m, d } = parts(iso);
  return `${String(d).padStart(2, "0")}-${String(m).padStart(2, "0")}-${y}`;
}

/** `13.30 uur` (Dutch writes times with a point). */
export function formatTime(time: string): string {
  return `${formatClock(time)} uur`;
}

/** `13.30` */
export function formatClock(time: string): string {
  return time.replace(":", ".");
}

/**
 * Lower-cases the first letter for use inside a sentence ("Warm doorverwijzen" → "warm
 * doorverwijzen"), but leaves abbreviations alone ("LSD (…)", "IDO-…").
 */
export function lowerFirst(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/** Dutch enumeration: `a`, `a en b`, `a, b en c` (or another last word, such as "of"). */
export function enumerate(items: readonly unknown[], last = "en"): string {
  const texts = items.map(String).filter((t) => t !== "");
  if (texts.length <= 1) return texts.join("");
  return `${texts.slice(0, -1).join(", ")} ${last} ${texts[texts.length - 1]}`;
}
