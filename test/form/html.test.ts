import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeHtml, html, jsonForScript, raw } from "../../src/form/html.js";

/** Whatever a person types comes out of the form's HTML as text, never as markup. */

const unescape = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");

describe("the form's HTML builder", () => {
  it("escapes every interpolated text, in content and in attributes", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = html`<p title="${text}">${text}</p>`.text;
        const inner = out.slice(out.indexOf(">") + 1, out.lastIndexOf("</p>"));
        expect(inner).not.toMatch(/[<>"']/);
        expect(unescape(inner)).toBe(text);
        const title = /^<p title="([^"]*)">/.exec(out)![1]!;
        expect(unescape(title)).toBe(text);
      }),
    );
  });

  it("keeps nested HTML and lists as they are, and leaves nothing for empty values", () => {
    const items = ["a&b", "<c>"];
    const list = html`<ul>
      ${items.map((i) => html`<li>${i}</li>`)}
    </ul>`.text;
    expect(list.replace(/\s+/g, "")).toBe("<ul><li>a&amp;b</li><li>&lt;c&gt;</li></ul>");
    expect(html`${null}${undefined}${false}${raw("<br>")}${0}`.text).toBe("<br>0");
    expect(escapeHtml(`"'`)).toBe("&quot;&#39;");
  });

  it("embeds JSON that no answer can break out of", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = jsonForScript({ text }).text;
        expect(out.toLowerCase()).not.toContain("</script");
        expect(JSON.parse(out)).toEqual({ text });
      }),
    );
  });
});
