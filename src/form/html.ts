/**
 * A tiny HTML builder for the form's pages: every interpolated value is escaped unless it is
 * HTML this module made, so an answer like `Bieb <Zuid> & "Oost"` always comes out as text.
 */

/** HTML that is safe to insert as it is (built by `html`, or escaped). */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for use in HTML content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

type Value = SafeHtml | string | number | boolean | null | undefined | readonly Value[];

function render(value: Value): string {
  if (value === null || value === undefined || value === false || value === true) return "";
  if (value instanceof SafeHtml) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * Builds HTML: `html\`<p>${answer}</p>\`` escapes `answer`; nested `html` results, arrays of them,
 * and `raw(...)` go in as they are; `null`, `undefined` and booleans leave nothing.
 */
export function html(strings: TemplateStringsArray, ...values: Value[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? "");
  });
  return new SafeHtml(out);
}

/** Marks text as HTML. Only for text this program wrote itself (never for answers). */
export function raw(text: string): SafeHtml {
  return new SafeHtml(text);
}

/** An attribute that is present only when `on` is true: `${attr("checked", on)}`. */
export function attr(name: string, on: boolean): SafeHtml {
  return new SafeHtml(on ? ` ${name}` : "");
}

/**
 * JSON to embed in a `<script type="application/json">` element: `<` is written as `\u003c`, so
 * no answer can close the element.
 */
export function jsonForScript(value: unknown): SafeHtml {
  return new SafeHtml(
    JSON.stringify(value)
      .replace(/</g, "\\u003c")
      .replace(/\u2028/g, "\\u2028")
      .replace(/\u2029/g, "\\u2029"),
  );
}
