import {
  asSentence,
  enumerate,
  formatClock,
  formatDate,
  formatLongDate,
  formatShortDate,
  formatTime,
  inSentence,
  lowerFirst,
  upperFirst,
  withNoun,
} from "../domain/format.js";
import { Markdown } from "./escape.js";

function plain(value: unknown): unknown {
  return value instanceof Markdown ? value.text : value;
}

// Handlebars passes an options object as the last argument of every helper.
function args(list: unknown[]): unknown[] {
  return list.slice(0, -1).map(plain);
}

/**
 * Template helpers. Every helper is a pure function of its arguments; their results are
 * escaped like any other inserted value unless they return `Markdown`.
 */
export const helpers: Record<string, (...params: unknown[]) => unknown> = {
  datum: (...p) => formatLongDate(String(args(p)[0])),
  datumKort: (...p) => formatDate(String(args(p)[0])),
  datumCijfers: (...p) => formatShortDate(String(args(p)[0])),
  tijd: (...p) => formatTime(String(args(p)[0])),
  klok: (...p) => formatClock(String(args(p)[0])),
  /** `opsomming lijst` → "a, b en c"; `opsomming lijst "of"` → "a, b of c". */
  opsomming: (...p) => {
    const [items, last] = args(p);
    return enumerate(Array.isArray(items) ? items : [], typeof last === "string" ? last : "en");
  },
  /** `lijstMet "gemeente" "gemeenten" lijst` → "gemeente X" or "gemeenten X en Y". */
  lijstMet: (...p) => {
    const [one, many, items] = args(p);
    return withNoun(Array.isArray(items) ? items : [], String(one), String(many));
  },
  eq: (...p) => {
    const [a, b] = args(p);
    return a === b;
  },
  ne: (...p) => {
    const [a, b] = args(p);
    return a !== b;
  },
  gt: (...p) => {
    const [a, b] = args(p);
    return Number(a) > Number(b);
  },
  and: (...p) => args(p).every(Boolean),
  or: (...p) => args(p).some(Boolean),
  not: (...p) => !args(p)[0],
  bevat: (...p) => {
    const [list, item] = args(p);
    return Array.isArray(list) && list.includes(item);
  },
  aantal: (...p) => {
    const [list] = args(p);
    return Array.isArray(list) ? list.length : 0;
  },
  plus: (...p) => args(p).reduce((a: number, b) => a + Number(b), 0),
  /** `meervoud n "casus" "casussen"` → `1 casus`, `3 casussen` */
  meervoud: (...p) => {
    const [n, one, many] = args(p);
    return `${String(n)} ${Number(n) === 1 ? String(one) : String(many)}`;
  },
  /** First letter lower case, for a label inside a sentence; "LSD", "DigiD", "IDO-…" stay. */
  klein: (...p) => lowerFirst(String(args(p)[0] ?? "")),
  /** First letter upper case, for a value that stands alone ("één" → "Eén"). */
  hoofdletter: (...p) => upperFirst(String(args(p)[0] ?? "")),
  /** A free answer inside a sentence: lower-case start, no final full stop. */
  inZin: (...p) => inSentence(String(args(p)[0] ?? "")),
  /** A free answer as a sentence of its own: capital start, one final full stop. */
  zin: (...p) => asSentence(String(args(p)[0] ?? "")),
  /** First non-empty argument: `{{ofwel acteur.naam "de trainingsacteur"}}`. */
  ofwel: (...p) => args(p).find((v) => v !== undefined && v !== null && v !== "") ?? "",
};
