/**
 * Hostile free text for tests: the strings that break documents (XML specials, CDATA ends,
 * emoji and astral characters, right-to-left text, zero-width and control characters, line
 * separators, Markdown, HTML, Handlebars), and the free-text fields of a question schema to put
 * them in. New questions are picked up from the schema, so every new text field is attacked too.
 */
import { listQuestions, type QuestionBase, type SchemaNode } from "../../src/questions/define.js";

/** One free-text answer a person can type: a top-level question or a field of a list item. */
export interface FreeTextField {
  /** Dotted key, e.g. `bibliotheek.organisatie`, or `partners.lokaal[].naam` for list items. */
  key: string;
  kind: "text" | "textarea" | "textlist";
  /** Longest value the schema accepts. */
  max: number;
  optional: boolean;
}

// Answers that are typed as text but must name something that exists: not free text.
const NOT_FREE = new Set(["focus.casussen"]);

const DEFAULT_MAX: Record<FreeTextField["kind"], number> = {
  text: 200,
  textarea: 2000,
  textlist: 200,
};

function isFree(q: QuestionBase): q is QuestionBase & { kind: FreeTextField["kind"] } {
  return q.kind === "text" || q.kind === "textarea" || q.kind === "textlist";
}

/** Every free-text answer of a schema, in asking order. */
export function freeTextFields(schema: { readonly [key: string]: SchemaNode }): FreeTextField[] {
  const out: FreeTextField[] = [];
  for (const q of listQuestions(schema)) {
    if (NOT_FREE.has(q.key)) continue;
    if (isFree(q))
      out.push({
        key: q.key,
        kind: q.kind,
        max: q.max ?? DEFAULT_MAX[q.kind],
        optional: Boolean(q.optional),
      });
    if (q.kind === "list" && q.fields)
      for (const [name, field] of Object.entries(q.fields))
        if (isFree(field))
          out.push({
            key: `${q.key}[].${name}`,
            kind: field.kind,
            max: field.max ?? DEFAULT_MAX[field.kind],
            optional: Boolean(field.optional),
          });
  }
  return out;
}

/**
 * Puts `value` into a raw answers object at a field: a text list gets it as its only item, the
 * field of a list item is set on every item present (at least one item is made).
 */
export function setFreeText(
  raw: Record<string, unknown>,
  field: FreeTextField,
  value: string,
): void {
  const [listKey, itemField] = field.key.split("[].");
  const path = listKey!.split(".");
  let parent = raw;
  for (const part of path.slice(0, -1)) {
    if (typeof parent[part] !== "object" || parent[part] === null) parent[part] = {};
    parent = parent[part] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (itemField === undefined) {
    parent[last] = field.kind === "textlist" ? [value] : value;
    return;
  }
  const items = Array.isArray(parent[last]) ? (parent[last] as Record<string, unknown>[]) : [];
  if (items.length === 0) items.push({});
  for (const item of items) item[itemField] = value;
  parent[last] = items;
}

/** Strings that have broken, or could break, an Office document or a Markdown template. */
export const HOSTILE_SAMPLES: readonly string[] = [
  `Bieb <Zuid> & "Oost" 'West' ]]> <![CDATA[ x ]]> &amp; &#0; &lt;`,
  "Emoji 😀 👩‍👩‍👧‍👦 🇳🇱 en astraal 𝄞 𠀀 Fryslân Ĳsselmonde",
  "Rechts-naar-links: مكتبة المدينة en עברית \u202Eomgekeerd\u202C",
  "Zero\u200Bwidth\u200Cjoin\u200Dand\u2060word\uFEFFjoiner",
  "Stuur\u0001tekens\u0008weg\u000B\u000C\u001F\u007F\u0080\u009F en NEL\u0085LS\u2028PS\u2029tab\tx",
  "# Kop **vet** _cursief_ --- | a | b | [link](https://evil.example/x) <https://evil.example> www.evil.example",
  "<script>alert(1)</script> <b>vet</b> <!-- commentaar --> &nbsp; <img src=x onerror=y>",
  "Handlebars {{x}} {{{x}}} {{> p}} {{#if a}}b{{/if}} {{! c}} \\{{y}}",
  "1. genummerd\n- lijst\n> citaat\n```code```\n    ingesprongen\n\\* sterretje",
  "Aan- en afmelden: 100% + €5 = 'tien' — “quotes” ‘enkel’ «guillemets» … ½",
  "Kosten $& en $' en $` en $$ en $1: wat String.replace zou invullen",
];
