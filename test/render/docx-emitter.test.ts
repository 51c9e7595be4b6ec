/**
 * idokit writes the .docx body itself (src/render/docx/xml.ts) instead of through the docx
 * library's object tree. These tests hold it to the library: the same block model written both
 * ways must give byte-identical packages, for every .docx of both built-in example packs and the
 * bijeenkomst pack, for Markdown that uses every directive of the dialect, and for free text.
 * The written XML must also parse, keep the text exactly, and pass the ISO 29500 schema check.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { renderDocx, type DocxOptions } from "../../src/render/docx/index.js";
import { buildTheme } from "../../src/render/theme.js";
import { escapeMarkdown } from "../../src/templates/escape.js";
import { exampleDocuments } from "../helpers/example-documents.js";
import { checkOoxml, findingsOf, ooxmlChecker } from "../helpers/ooxml.js";
import { solidPng } from "../helpers/png.js";
import { renderDocxWithLibrary } from "./docx-reference.js";

const CREATED = new Date("2026-11-28T00:00:00Z");
const DIALECT = readFileSync(new URL("../fixtures/render/dialect-all.md", import.meta.url), "utf8");
const SAMPLE = readFileSync(
  new URL("../fixtures/render/draaiboek-sample.md", import.meta.url),
  "utf8",
);

interface Case {
  name: string;
  markdown: string;
  options: DocxOptions;
}

/** Every .docx of every built-in example's trainingspakket and bijeenkomstpakket. */
function packCases(): Case[] {
  const theme = buildTheme();
  return exampleDocuments()
    .filter(({ doc }) => doc.format === "docx")
    .map(({ example, kind, doc, markdown, library }) => ({
      name: `${example} ${kind} ${doc.file}`,
      markdown,
      options: {
        theme,
        title: doc.title,
        header: `${library.organisatie} · ${library.vestiging}`,
        large: doc.large ?? false,
        created: CREATED,
      },
    }));
}

/** The dialect fixture in every way a document can be set: house style, logo, large type. */
function dialectCases(): Case[] {
  const logo = solidPng(8, 2);
  const house = buildTheme({
    primary: "7A1F5C",
    headingFont: "Georgia",
    bodyFont: "Verdana",
    logo,
    titleName: 'Bibliotheek "Rivierenland" & <Co>',
    footerText: "POI 'Zuid' & co",
  });
  const base = { title: "Alles & <meer>", created: CREATED };
  const handout = DIALECT.replace(/<!-- titelpagina -->[\s\S]*?<!-- \/titelpagina -->\n/, "");
  return [
    { name: "dialect", markdown: DIALECT, options: { ...base, theme: buildTheme() } },
    {
      name: "dialect, house style with logo, header",
      markdown: DIALECT,
      options: { ...base, theme: house, header: 'Bieb & <Zuid> "Oost"' },
    },
    {
      name: "dialect, large type",
      markdown: DIALECT,
      options: { ...base, theme: house, large: true },
    },
    { name: "hand-out with logo", markdown: handout, options: { ...base, theme: house } },
    { name: "draaiboek sample", markdown: SAMPLE, options: { ...base, theme: buildTheme() } },
    {
      name: "title page only",
      markdown: "<!-- titelpagina -->\n# Alleen een titel\n\nOnder\n<!-- /titelpagina -->\n",
      options: { ...base, theme: house },
    },
    {
      name: "title page ending in a table",
      markdown:
        "<!-- titelpagina -->\n# Titel\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n# Romp\n\nTekst\n",
      options: { ...base, theme: buildTheme() },
    },
    {
      name: "empty title page",
      markdown: "<!-- titelpagina -->\n<!-- /titelpagina -->\nTekst",
      options: { ...base, theme: buildTheme() },
    },
    {
      name: "empty title page with a logo",
      markdown: "<!-- titelpagina -->\n<!-- /titelpagina -->\nTekst",
      options: { ...base, theme: buildTheme({ logo }) },
    },
    { name: "empty", markdown: "", options: { ...base, theme: buildTheme() } },
    {
      name: "lists that register a definition no paragraph uses",
      markdown: "- - genest\n\n1. 1. genest genummerd\n\n7. zeven\n\n- [ ] taak\n",
      options: { ...base, theme: buildTheme() },
    },
  ];
}

/** Every part of a package, by name: text parts as text, others as bytes in hex. */
function partsOf(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(
    Object.entries(files).map(([name, data]) => [
      name,
      /\.(xml|rels)$/.test(name) ? strFromU8(data) : Buffer.from(data).toString("hex"),
    ]),
  );
}

/**
 * The docx library writes a list's id as "{reference-instance}" and replaces that pattern in the
 * whole of document.xml afterwards, so text such as "{bullet-1}" turns into a number. idokit's
 * writer keeps it: the one place the two may differ.
 */
const LIBRARY_LIST_KEY = /\{[^{}]*-\d+\}/;

async function expectSameAsLibrary(markdown: string, options: DocxOptions): Promise<Uint8Array> {
  const ours = await renderDocx(markdown, options);
  const library = await renderDocxWithLibrary(markdown, options);
  const a = partsOf(ours);
  const b = partsOf(library);
  expect([...a.keys()]).toEqual([...b.keys()]);
  for (const [name, xml] of b) expect(a.get(name), name).toBe(xml);
  // Same parts, same order, same dates: the same bytes.
  expect(Buffer.from(ours).equals(Buffer.from(library))).toBe(true);
  return ours;
}

/** The text inside w:t elements of a well-formed part (throws on malformed XML). */
function parsedTexts(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const texts: string[] = [];
  let inText = false;
  parser.on("opentag", (tag) => {
    if (tag.name === "w:t") {
      inText = true;
      texts.push("");
    }
  });
  parser.on("closetag", (tag) => {
    if (tag.name === "w:t") inText = false;
  });
  parser.on("text", (text) => {
    if (inText) texts[texts.length - 1] += text;
  });
  parser.on("error", (error) => {
    throw error;
  });
  parser.write(xml).close();
  return texts;
}

describe("the .docx body idokit writes itself", () => {
  it("is byte for byte the docx library's for every .docx of the example packs", async () => {
    const cases = packCases();
    // Two examples, each with a trainingspakket and a bijeenkomstpakket.
    expect(cases.length).toBeGreaterThanOrEqual(2 * (8 + 3));
    for (const c of cases) await expectSameAsLibrary(c.markdown, c.options);
  });

  it("is byte for byte the library's for every directive of the dialect, in every style", async () => {
    for (const c of dialectCases()) await expectSameAsLibrary(c.markdown, c.options);
  });

  it("shares the library's parts only between documents with the same look, header and sections", async () => {
    const theme = buildTheme({ logo: solidPng(4, 4) });
    const base = { theme, title: "T", created: CREATED };
    const titled = "<!-- titelpagina -->\n# Titel\n<!-- /titelpagina -->\n- punt\n";
    for (const [markdown, options] of [
      [titled, { ...base, header: "Bieb A" }],
      [titled, { ...base, header: "Bieb B" }],
      [titled, { ...base }],
      [titled, { ...base, large: true }],
      ["- punt\n\n1. een\n", { ...base, large: true }],
      [titled, { ...base, theme: buildTheme({ logo: solidPng(6, 2) }) }],
      [titled, { ...base, theme: buildTheme({ logo: solidPng(6, 2), footerText: "Voet" }) }],
    ] as const)
      await expectSameAsLibrary(markdown, options);
  });

  it("writes every directive's XML in schema order (ISO 29500 check)", async () => {
    if (!ooxmlChecker.available) return;
    const files = await Promise.all(
      dialectCases().map(async (c, i) => ({
        name: `dialect-${i}.docx`,
        data: await renderDocx(c.markdown, c.options),
      })),
    );
    expect(findingsOf(checkOoxml(files))).toEqual([]);
  });

  it("keeps free text exactly, escaped, in well-formed XML, as the library does", async () => {
    const theme = buildTheme();
    const piece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 12 }),
      fc.constantFrom(
        "&",
        "<",
        ">",
        '"',
        "'",
        "&amp;",
        "]]>",
        "  ",
        " ",
        "*",
        "_",
        "`",
        "#",
        "|",
        "-",
        "1.",
        "\\",
        "<!--",
        "-->",
        "{bullet-1}",
        "$&",
        "IDO-balie",
        "é",
        "👩🏽‍💻",
        "\u00a0",
        "\u2028",
        "&#1;",
        "&#x7;",
      ),
    );
    const text = fc.array(piece, { minLength: 1, maxLength: 8 }).map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(text, text, async (value, cell) => {
        // Values from answers are Markdown-escaped by the templates; they land in a heading, a
        // paragraph, a list item and a table cell, and also unescaped (raw Markdown-ish text).
        const v = escapeMarkdown(value);
        const markdown =
          `# Kop ${v}\n\nTekst: ${v} einde\n\n- Punt ${v}\n\n` +
          `| Kolom | ${escapeMarkdown(cell)} |\n|---|---|\n| ${v} | x |\n\n${value}\n`;
        const options = { theme, title: value, header: value, created: CREATED };
        const bytes = LIBRARY_LIST_KEY.test(value + cell)
          ? await renderDocx(markdown, options)
          : await expectSameAsLibrary(markdown, options);
        const xml = partsOf(bytes).get("word/document.xml")!;
        // The escaped value comes out literally (any white space reads as a space: a line
        // separator becomes one).
        const spaced = (t: string) => t.replace(/\s/g, " ");
        const texts = spaced(parsedTexts(xml).join(""));
        const expected = spaced(value);
        if (expected.trim() !== "" && !/ {2}|^ | $/.test(expected))
          expect(texts).toContain(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps text like "{bullet-1}" literally, where the docx library put a list id in its place', async () => {
    const markdown = "- punt\n\nCode \\{bullet-1\\} en {ordered-0-1-2}\n";
    const options = { theme: buildTheme(), title: "T", created: CREATED };
    const ours = parsedTexts(
      partsOf(await renderDocx(markdown, options)).get("word/document.xml")!,
    );
    expect(ours.join("")).toContain("Code {bullet-1} en {ordered-0-1-2}");
    const library = partsOf(await renderDocxWithLibrary(markdown, options));
    expect(parsedTexts(library.get("word/document.xml")!).join("")).not.toContain("{bullet-1}");
  });
});
