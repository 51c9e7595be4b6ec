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

// ---------------------------------------------------------------------------------------------
// Text layer: answers are form values, not sentences. These helpers shape them so that inserted
// values read as written Dutch wherever they land (see style.md, "Words in documents").
// ---------------------------------------------------------------------------------------------

const LIST_FORMATS = new Map<string, Intl.ListFormat>();

function listFormat(type: "conjunction" | "disjunction"): Intl.ListFormat | undefined {
  if (typeof Intl.ListFormat !== "function") return undefined;
  let format = LIST_FORMATS.get(type);
  if (format === undefined) {
    format = new Intl.ListFormat("nl", { style: "long", type });
    LIST_FORMATS.set(type, format);
  }
  return format;
}

/**
 * Dutch enumeration: `a`, `a en b`, `a, b en c` (`"of"`: `a, b of c`), via Intl.ListFormat;
 * another last word (such as "en/of") is joined the same way by hand. Empty items are left out.
 */
export function enumerate(items: readonly unknown[], last = "en"): string {
  const texts = items.map((item) => String(item ?? "").trim()).filter((t) => t !== "");
  const type = last === "en" ? "conjunction" : last === "of" ? "disjunction" : undefined;
  const format = type === undefined ? undefined : listFormat(type);
  if (format !== undefined) return format.format(texts);
  if (texts.length <= 1) return texts.join("");
  return `${texts.slice(0, -1).join(", ")} ${last} ${texts[texts.length - 1]}`;
}

/**
 * A noun with the right number before a list: `gemeente Zuiderhaven`, `gemeenten Zuiderhaven en
 * Lingedijk`. Empty when the list is empty.
 *
 * @example withNoun(["Zuiderhaven", "Lingedijk"], "gemeente", "gemeenten") // "gemeenten Zuiderhaven en Lingedijk"
 */
export function withNoun(
  items: readonly unknown[],
  one: string,
  many: string,
  last = "en",
): string {
  const texts = items.map((item) => String(item ?? "").trim()).filter((t) => t !== "");
  if (texts.length === 0) return "";
  return `${texts.length === 1 ? one : many} ${enumerate(texts, last)}`;
}

/** A count with the right noun: `1 casus`, `3 casussen`. */
export function countOf(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

// A first word that may lose its capital: a capital followed only by lower-case letters (and an
// inner hyphen or apostrophe), so "Dinsdag", "Eén", "Alleen" — never "IDO-tafel", "DigiD", "SVB".
const PLAIN_CAPITALISED = /^\p{Lu}[\p{Ll}'’]*(?:-[\p{Ll}]+)*$/u;

function firstWord(text: string): string {
  return (/^[^\s,.;:!?()]+/u.exec(text)?.[0] ?? "").replace(/[)"'”’]+$/u, "");
}

/**
 * The first letter in lower case, for a label or free answer that continues a sentence
 * ("Warm doorverwijzen" → "warm doorverwijzen", "Eén maand" → "één maand"). Abbreviations,
 * words with inner capitals ("DigiD", "IDO-tafel") and the proper nouns in `keep` keep their
 * capital: a text that starts with one of them (a partner's name, the gemeente) stays as it is.
 *
 * @example lowerFirst("Dinsdag en donderdag") // "dinsdag en donderdag"
 * @example lowerFirst("Humanitas Rivierland belt", ["Humanitas Rivierland"]) // unchanged
 */
export function lowerFirst(text: string, keep: Iterable<string> = []): string {
  const word = firstWord(text);
  if (!PLAIN_CAPITALISED.test(word)) return text;
  for (const name of keep) {
    const trimmed = name.trim();
    if (trimmed === "") continue;
    // The whole name, as a word of its own: "Taalhuis Zuiderhaven belt", not "Taalhuisje".
    if (text.startsWith(trimmed) && !/^[\p{L}\p{N}]/u.test(text.slice(trimmed.length))) return text;
  }
  if (word.normalize("NFC") === "Eén") return `één${text.slice(word.length)}`;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * The first letter in upper case, for a text that stands alone (a bullet, a table cell, the
 * start of a sentence): "één maand" → "Eén maand", "'s middags" → "'s Middags".
 */
export function upperFirst(text: string): string {
  const apostrophe = /^(['’]s\s+)(.*)$/su.exec(text);
  if (apostrophe) return `${apostrophe[1]}${upperFirst(apostrophe[2] ?? "")}`;
  const nfc = text.normalize("NFC");
  if (nfc.startsWith("één")) return `Eén${nfc.slice(3)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Removes one final full stop (not "..." or "…"), so a template can end the sentence itself. */
export function withoutFinalPeriod(text: string): string {
  const trimmed = text.trim();
  return /[^.]\.$/u.test(trimmed) ? trimmed.slice(0, -1) : trimmed;
}

/**
 * A free answer as part of a sentence the template continues or ends: lower-case start (see
 * `lowerFirst`) and no final full stop.
 *
 * @example inSentence("Dinsdag 10.00–12.00 uur.") // "dinsdag 10.00–12.00 uur"
 */
export function inSentence(text: string, keep: Iterable<string> = []): string {
  return lowerFirst(withoutFinalPeriod(text), keep);
}

/** A free answer as a sentence of its own: capital first letter, ending in one full stop. */
export function asSentence(text: string): string {
  const trimmed = upperFirst(text.trim());
  if (trimmed === "") return "";
  return /[.!?…:]$/u.test(trimmed) ? trimmed : `${trimmed}.`;
}

// A line that starts a Markdown block of its own: a heading, list item, quote, table row, fence,
// comment or horizontal rule. Such a line is never joined to the line before it.
const BLOCK_START = /^(?:#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||```|~~~|<!--|(?:[-*_]\s*){3,}$)/u;

/**
 * Joins the source line wraps inside Markdown paragraphs and list items into single lines, so
 * a text wrapped at 100 columns in a casus file reads as one paragraph wherever it lands (speaker
 * notes keep every line as a line). Blank lines, block starts (headings, list items, quotes,
 * tables, fences), hard breaks (two trailing spaces or a backslash) and fenced code stay as they are.
 *
 * @example unwrapMarkdown("Een jongen loopt\nnaar het IDO.\n\n- een\n  item") // "Een jongen loopt naar het IDO.\n\n- een item"
 */
export function unwrapMarkdown(markdown: string): string {
  const out: string[] = [];
  let fenced = false;
  let joinable = false;
  for (const line of markdown.split(/\r?\n/u)) {
    const trimmed = line.trim();
    if (/^(?:```|~~~)/u.test(trimmed)) fenced = !fenced;
    const previous = out.at(-1);
    if (
      !fenced &&
      joinable &&
      previous !== undefined &&
      trimmed !== "" &&
      !BLOCK_START.test(trimmed) &&
      !/(?: {2}|\\)$/u.test(previous)
    ) {
      out[out.length - 1] = `${previous.trimEnd()} ${trimmed}`;
      continue;
    }
    out.push(line);
    // Headings, table rows and blank lines end a paragraph; fenced code is never joined.
    joinable = !fenced && trimmed !== "" && !/^(?:#{1,6}\s|\||```|~~~|<!--)/u.test(trimmed);
  }
  return out.join("\n");
}
