/**
 * lexMarkdown cuts Markdown into parts and lexes each part once per process; the tokens must be
 * exactly the ones marked gives for the whole text: for every document of the built-in example
 * packs, for the dialect fixtures, and for generated Markdown built from the constructs that can
 * reach across an empty line (lists, comments, code, HTML, link references).
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { Lexer } from "marked";
import { describe, expect, it } from "vitest";
import { lexMarkdown } from "../../src/render/markdown.js";
import { exampleDocuments } from "../helpers/example-documents.js";

/** What marked gives for the whole text, as plain data. */
function whole(markdown: string): unknown {
  return JSON.parse(JSON.stringify([...new Lexer({ gfm: true }).lex(markdown)]));
}

/** lexMarkdown's tokens as plain data, three times (the third from what was kept). */
function parts(markdown: string): unknown[] {
  return [0, 1, 2].map(() => JSON.parse(JSON.stringify(lexMarkdown(markdown))));
}

/** The Markdown of every document of both examples' training and bijeenkomst packs. */
function packMarkdown(): { name: string; markdown: string }[] {
  return exampleDocuments().map(({ example, doc, markdown }) => ({
    name: `${example} ${doc.file}`,
    markdown,
  }));
}

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/render/${name}`, import.meta.url), "utf8");

describe("lexMarkdown (marked's tokens, what repeats lexed once)", () => {
  const documents = packMarkdown();

  it.each(documents.map((d) => [d.name, d.markdown] as const))(
    "gives marked's tokens for %s",
    (_name, markdown) => {
      const expected = whole(markdown);
      for (const got of parts(markdown)) expect(got).toEqual(expected);
    },
  );

  it.each(["dialect-all.md", "draaiboek-sample.md"])("gives marked's tokens for %s", (name) => {
    const markdown = fixture(name);
    const expected = whole(markdown);
    for (const got of parts(markdown)) expect(got).toEqual(expected);
  });

  it("cuts the example documents into parts (so what repeats is found)", () => {
    const cut = documents.filter((d) => /\n\n(?:#|<!--)/.test(d.markdown));
    expect(cut.length).toBeGreaterThan(documents.length / 2);
  });

  it("reads Windows line ends as marked does", () => {
    const markdown = "# Kop\r\n\r\nTekst\r\n\r\n<!-- pagina -->\r\n\r\n- a\r\n- b\r\n";
    for (const got of parts(markdown)) expect(got).toEqual(whole(markdown));
  });

  it.each([
    ["a link reference defined in a quote", "> [ref]: https://x.org\n\n# Kop\n\nZie [ref].\n"],
    [
      "a link reference defined in a list",
      "- [ref]: https://x.org\n\n<!-- pagina -->\n\nZie [ref].\n",
    ],
    ["a link reference defined after its use", "Zie [ref].\n\n# Kop\n\n[ref]: https://x.org\n"],
    ["an <a> tag left open", 'Zie <a href="https://x.org">hier\n\n# Kop\n\nhttps://example.org\n'],
    ["a comment over several lines", "<!-- open\n\n# Kop\n-->\n\nTekst\n"],
    ["fenced code with an empty line", "```\n\n# Kop\n```\n"],
    ["a loose list around a comment", "- a\n\n<!-- pagina -->\n\n- b\n"],
  ])("gives marked's tokens for %s", (_name, markdown) => {
    for (const got of parts(markdown)) expect(got).toEqual(whole(markdown));
  });

  // Building blocks, among them everything that can reach past an empty line or into the next
  // part: loose lists, lists continued after a comment, fenced and indented code, HTML blocks,
  // comments over several lines, link reference definitions and their use, inline <a> tags.
  const pieces = [
    "# Kop",
    "## Kop met *nadruk*",
    "#geen-kop",
    "<!-- pagina -->",
    "<!-- kolommen: 20,80 -->",
    "<!-- begin\n\n# nog in de opmerking\n-->",
    "<!-- bijeen -->",
    "Gewone tekst met **vet** en een [link](https://example.org).",
    "Tekst met een [verwijzing][ref] en [ref].",
    "[ref]: https://example.org/ref",
    "> [ref]: https://example.org/in-citaat",
    "- [ref]: https://example.org/in-lijst",
    "- een\n- twee",
    "- los\n\n- lijstje",
    "1. eerste\n2. tweede",
    "  ingesprongen vervolg",
    "    code ingesprongen",
    "```\ncode\n\n# geen kop\n```",
    "~~~\nook code\n~~~",
    "> citaat\n> verder",
    "| a | b |\n| --- | --- |\n| 1 | 2 |",
    "***",
    "Setext\n===",
    "<div>\nblok\n</div>",
    "<pre>\n\n# in pre\n</pre>",
    'Zie <a href="https://example.org">hier',
    "</a> en https://example.org/url",
    "- [ ] taak\n- [x] gedaan",
    "tekst  \nmet harde regel",
    "\\# geen kop \\*ook geen nadruk\\*",
  ];
  const separators = ["\n", "\n\n", "\n\n\n", "\n  \n"];

  it("gives marked's tokens for any Markdown made of these pieces (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), {
          maxLength: 12,
        }),
        fc.boolean(),
        (blocks, finalNewline) => {
          const markdown =
            blocks.map(([piece, separator]) => piece + separator).join("") +
            (finalNewline ? "" : "tail");
          const expected = whole(markdown);
          for (const got of parts(markdown)) expect(got).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });
});
