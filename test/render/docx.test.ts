import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderDocx, type DocxOptions } from "../../src/render/docx/index.js";
import { computeColumnWidths } from "../../src/render/docx/table.js";
import { measureEm } from "../../src/render/docx/text-width.js";
import { buildTheme } from "../../src/render/theme.js";
import { solidPng } from "../helpers/png.js";

const theme = buildTheme();
const SAMPLE = readFileSync(
  new URL("../fixtures/render/draaiboek-sample.md", import.meta.url),
  "utf8",
);
/** A4 (210 mm = 11906 twips) minus 22 mm (1247 twips) margins on both sides. */
const TEXT_WIDTH = 11906 - 2 * 1247;

type Parts = Record<string, string>;

async function render(markdown: string, options: Partial<DocxOptions> = {}): Promise<Parts> {
  const bytes = await renderDocx(markdown, { theme, title: "Test", ...options });
  const files = unzipSync(bytes);
  const parts: Parts = {};
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith(".xml") || path.endsWith(".rels")) parts[path] = strFromU8(data);
  }
  return parts;
}

function part(parts: Parts, path: string): string {
  const xml = parts[path];
  if (xml === undefined)
    throw new Error(`missing part ${path}; have ${Object.keys(parts).join(", ")}`);
  return xml;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * The body's paragraphs (also those in table cells), each with its XML and its visible text; a
 * line break reads as a space and a non-breaking hyphen as "-".
 */
function paragraphs(xml: string): { xml: string; text: string }[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g)].map(([p]) => ({
    xml: p,
    text: unescapeXml(
      [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:noBreakHyphen\/>/g)]
        .map((m) => m[1] ?? (m[0] === "<w:br/>" ? " " : "-"))
        .join(""),
    ),
  }));
}

function texts(xml: string): string[] {
  return paragraphs(xml).map((p) => p.text);
}

function paragraphWith(xml: string, text: string): string {
  const found = paragraphs(xml).find((p) => p.text.includes(text));
  if (!found) throw new Error(`no paragraph with "${text}" in:\n${texts(xml).join("\n")}`);
  return found.xml;
}

function attrs(xml: string, element: string, attribute: string): string[] {
  const re = new RegExp(`<${element}\\b[^>]*?\\b${attribute}="([^"]*)"`, "g");
  return [...xml.matchAll(re)].map((m) => m[1] ?? "");
}

function tables(xml: string): string[] {
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
}

// --- tests -----------------------------------------------------------------------------------

describe("renderDocx: text and inline formatting", () => {
  it("maps #, ## and ### to Word's Heading1..3 styles, deeper headings to Heading3", async () => {
    const doc = part(
      await render("# Een\n\n## Twee\n\n### Drie\n\n#### Vier\n"),
      "word/document.xml",
    );
    expect(paragraphWith(doc, "Een")).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(doc, "Twee")).toContain('<w:pStyle w:val="Heading2"/>');
    expect(paragraphWith(doc, "Drie")).toContain('<w:pStyle w:val="Heading3"/>');
    expect(paragraphWith(doc, "Vier")).toContain('<w:pStyle w:val="Heading3"/>');
  });

  it("styles the headings with the theme and keeps them with the next paragraph", async () => {
    const styles = part(await render("# Kop\n"), "word/styles.xml");
    const heading1 =
      /<w:style [^>]*w:styleId="Heading1"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(heading1).toContain("<w:keepNext/>");
    expect(heading1).toContain(`w:val="${theme.color.primary}"`);
    expect(heading1).toContain(`<w:sz w:val="${theme.size.h1 * 2}"/>`);
    expect(heading1).toContain('w:ascii="Arial"');
  });

  it("prints backslash-escaped template values, quotes, entities, accents and emoji literally", async () => {
    const markdown =
      "Bieb \\*Zuid\\* \\& \\<Oost\\> \"dubbel\" 'enkel' \\_laag\\_ &amp; &lt;b&gt; &#233; &#x1F600; café 🙂 👩‍💻\n";
    const doc = part(await render(markdown), "word/document.xml");
    expect(texts(doc)).toContain(
      "Bieb *Zuid* & <Oost> \"dubbel\" 'enkel' _laag_ & <b> é 😀 café 🙂 👩‍💻",
    );
    // The XML itself stays well escaped.
    expect(doc).toContain("Bieb *Zuid* &amp; &lt;Oost&gt;");
  });

  it("drops raw HTML tags but keeps their text, and turns <br> into a line break", async () => {
    const doc = part(
      await render("Een <b>vet</b> woord<br>volgende regel\n\n<div>blok tekst</div>\n"),
      "word/document.xml",
    );
    const all = texts(doc);
    expect(all).toContain("Een vet woord volgende regel");
    expect(all).toContain("blok tekst");
    expect(doc).not.toContain("&lt;b&gt;");
    expect(paragraphWith(doc, "Een vet")).toContain("<w:br/>");
  });

  it("renders bold, italic, strikethrough, code and hard line breaks", async () => {
    const doc = part(
      await render("**vet** *schuin* ~~weg~~ `code`  \nnieuwe regel\n"),
      "word/document.xml",
    );
    const p = paragraphWith(doc, "vet");
    expect(p).toMatch(/<w:b\/>[\s\S]*?<w:t[^>]*>vet</);
    expect(p).toMatch(/<w:i\/>[\s\S]*?<w:t[^>]*>schuin</);
    expect(p).toMatch(/<w:strike\/>[\s\S]*?<w:t[^>]*>weg</);
    expect(p).toMatch(/w:ascii="Courier New"[\s\S]*?<w:t[^>]*>code</);
    expect(p).toContain("<w:br/>");
  });

  it("prints a link's address in parentheses only when it differs from the link text", async () => {
    const doc = part(
      await render("Zie [de site](https://www.digid.nl/hulp) of <https://www.digid.nl>.\n"),
      "word/document.xml",
    );
    expect(texts(doc)).toContain("Zie de site (www.digid.nl/hulp) of https://www.digid.nl.");
  });

  it("strips control characters from the Markdown, the title and the header", async () => {
    const parts = await render("Een\u0001 twee\u000B drie\u0000\uFFFE &#1;vier\n", {
      title: "Titel\u0007",
      header: "Kop\u001F",
    });
    const all = Object.values(parts).join("");
    // eslint-disable-next-line no-control-regex -- looking for the characters that break XML
    expect(all).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(texts(part(parts, "word/document.xml"))).toContain("Een twee drie vier");
    expect(part(parts, "docProps/core.xml")).toContain("<dc:title>Titel</dc:title>");
  });

  it("quotes blocks with the Quote style (indented, italic, coloured left border)", async () => {
    const parts = await render('> "Ik snap er niks van!"\n');
    expect(paragraphWith(part(parts, "word/document.xml"), "Ik snap")).toContain(
      '<w:pStyle w:val="Quote"/>',
    );
    const quote =
      /<w:style [^>]*w:styleId="Quote"[\s\S]*?<\/w:style>/.exec(
        part(parts, "word/styles.xml"),
      )?.[0] ?? "";
    expect(quote).toContain("<w:i/>");
    expect(quote).toMatch(/<w:left w:val="single"[^>]*w:color="D97700"/);
    expect(quote).toMatch(/<w:ind w:left="\d+"/);
  });

  it("draws a thematic break as a paragraph border", async () => {
    const doc = part(await render("Boven\n\n***\n\nOnder\n"), "word/document.xml");
    expect(doc).toMatch(/<w:pBdr><w:bottom w:val="single"/);
  });

  it("keeps a paragraph that ends with a colon, or is all bold, on the page of what follows", async () => {
    const doc = part(
      await render("Neem mee:\n\n- Laptop\n\n**Situatie**\n\nTekst\n"),
      "word/document.xml",
    );
    expect(paragraphWith(doc, "Neem mee:")).toContain("<w:keepNext/>");
    expect(paragraphWith(doc, "Situatie")).toContain("<w:keepNext/>");
    expect(paragraphWith(doc, "Tekst")).not.toContain("<w:keepNext/>");
  });

  it("keeps a short lead-in between two headings with the heading that follows", async () => {
    const doc = part(
      await render(
        "# Inrichting\n\n*Controleer of het nog klopt.*\n\n### Plek\n\nTekst\n\n# Daarna\n\nLos.\n\nKort.\n\n## Dieper\n",
      ),
      "word/document.xml",
    );
    expect(paragraphWith(doc, "Controleer of het nog klopt.")).toContain("<w:keepNext/>");
    expect(paragraphWith(doc, "Tekst")).not.toContain("<w:keepNext/>");
    expect(paragraphWith(doc, "Los.")).not.toContain("<w:keepNext/>");
    expect(paragraphWith(doc, "Kort.")).not.toContain("<w:keepNext/>");
  });

  it("renders an empty document as one empty page", async () => {
    const doc = part(await render(""), "word/document.xml");
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(doc).toContain("<w:body><w:p");
  });
});

describe("renderDocx: lists", () => {
  it("restarts every numbered list with its own numbering instance", async () => {
    const parts = await render("1. een\n2. twee\n\nTussentekst\n\n1. weer een\n2. weer twee\n");
    const doc = part(parts, "word/document.xml");
    const first = attrs(paragraphWith(doc, "twee"), "w:numId", "w:val")[0];
    const second = attrs(paragraphWith(doc, "weer een"), "w:numId", "w:val")[0];
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(first).not.toBe(second);
    expect(attrs(paragraphWith(doc, "weer twee"), "w:numId", "w:val")[0]).toBe(second);
    // Each instance starts again at 1.
    const numbering = part(parts, "word/numbering.xml");
    for (const id of [first, second]) {
      const num =
        new RegExp(`<w:num w:numId="${id}"[^>]*>[\\s\\S]*?</w:num>`).exec(numbering)?.[0] ?? "";
      expect(num).toMatch(/<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"\/>/);
    }
    expect(numbering).toContain('<w:numFmt w:val="decimal"/>');
  });

  it("nests bullets and numbered lists at least two levels deep", async () => {
    const doc = part(
      await render("- boven\n  - midden\n    - onder\n\n1. stap\n   1. deelstap\n"),
      "word/document.xml",
    );
    expect(attrs(paragraphWith(doc, "boven"), "w:ilvl", "w:val")).toEqual(["0"]);
    expect(attrs(paragraphWith(doc, "midden"), "w:ilvl", "w:val")).toEqual(["1"]);
    expect(attrs(paragraphWith(doc, "onder"), "w:ilvl", "w:val")).toEqual(["2"]);
    expect(attrs(paragraphWith(doc, "deelstap"), "w:ilvl", "w:val")).toEqual(["1"]);
  });

  it("numbers a list nested in a numbered list with letters", async () => {
    const parts = await render("1. stap\n   1. deelstap\n");
    const doc = part(parts, "word/document.xml");
    const id = attrs(paragraphWith(doc, "deelstap"), "w:numId", "w:val")[0] ?? "";
    const numbering = part(parts, "word/numbering.xml");
    const abstractId = new RegExp(
      `<w:num w:numId="${id}"[^>]*><w:abstractNumId w:val="(\\d+)"`,
    ).exec(numbering)?.[1];
    const abstract = new RegExp(
      `<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`,
    ).exec(numbering)?.[0];
    expect(abstract).toContain('<w:numFmt w:val="lowerLetter"/>');
  });

  it("prints task list items with ☐ and ☒ instead of a bullet", async () => {
    const doc = part(await render("- [ ] open taak\n- [x] klaar\n"), "word/document.xml");
    const open = paragraphWith(doc, "open taak");
    const done = paragraphWith(doc, "klaar");
    expect(paragraphs(doc).find((p) => p.text.includes("open taak"))?.text).toBe("☐open taak");
    expect(paragraphs(doc).find((p) => p.text.includes("klaar"))?.text).toBe("☒klaar");
    expect(open).not.toContain("<w:numPr>");
    expect(done).not.toContain("<w:numPr>");
    expect(open).toContain("<w:tab/>");
    expect(open).toMatch(/<w:ind w:left="\d+" w:hanging="\d+"\/>/);
  });
});

describe("renderDocx: tables", () => {
  const markdown = [
    "| Tijd | Blok | Doel |",
    "|---|:-:|---|",
    "| 13.30 | Welkom | Kennismaken en verwachtingen ophalen |",
    "| 14.00 |  | **Pauze** |",
    "| 14.15 | Rollenspel | Oefenen met de acteur |",
    "",
  ].join("\n");

  it("repeats the header row on every page and never splits a row", async () => {
    const [table] = tables(part(await render(markdown), "word/document.xml"));
    const rows = [...(table ?? "").matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/<w:tblHeader\/>/);
    for (const row of rows.slice(1)) expect(row).not.toMatch(/<w:tblHeader\/>/);
    for (const row of rows) expect(row).toContain("<w:cantSplit/>");
    expect(rows[0]).toContain(`w:fill="${theme.color.primary}"`);
    expect(rows[2]).toContain(`w:fill="${theme.color.tableStripe}"`);
  });

  it("gives the grid and every cell the same widths in DXA, filling the text width", async () => {
    const [table] = tables(part(await render(markdown), "word/document.xml"));
    const grid = attrs(table ?? "", "w:gridCol", "w:w").map(Number);
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(table).toContain(`<w:tblW w:type="dxa" w:w="${TEXT_WIDTH}"/>`);
    expect(table).toContain('<w:tblLayout w:type="fixed"/>');
    const rows = [...(table ?? "").matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    for (const row of rows) {
      expect(attrs(row, "w:tcW", "w:w").map(Number)).toEqual(grid);
      expect(attrs(row, "w:tcW", "w:type")).toEqual(["dxa", "dxa", "dxa"]);
    }
    // The wordy "Doel" column gets the most room.
    expect(grid[2]).toBeGreaterThan(grid[0] ?? 0);
    expect(grid[2]).toBeGreaterThan(grid[1] ?? 0);
  });

  it("keeps a paragraph in empty cells and inline formatting and alignment in cells", async () => {
    const [table] = tables(part(await render(markdown), "word/document.xml"));
    const cells = [...(table ?? "").matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => m[0]);
    expect(cells).toHaveLength(12);
    for (const cell of cells) expect(cell).toMatch(/<w:p[ >]/);
    expect(cells.find((c) => c.includes("Pauze"))).toContain("<w:b/>");
    expect(cells[1]).toContain('<w:jc w:val="center"/>');
  });

  it("uses the relative widths of a kolommen directive", async () => {
    const [table] = tables(
      part(await render(`<!-- kolommen: 20,30,50 -->\n${markdown}`), "word/document.xml"),
    );
    const grid = attrs(table ?? "", "w:gridCol", "w:w").map(Number);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
    expect(grid[0]).toBeCloseTo(TEXT_WIDTH * 0.2, -1);
    expect(grid[1]).toBeCloseTo(TEXT_WIDTH * 0.3, -1);
  });

  it("ignores a kolommen directive with the wrong number of columns", async () => {
    const [table] = tables(
      part(await render(`<!-- kolommen: 50,50 -->\n${markdown}`), "word/document.xml"),
    );
    const grid = attrs(table ?? "", "w:gridCol", "w:w").map(Number);
    expect(grid).toHaveLength(3);
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH);
  });

  it("keeps two tables in a row apart, as Word would merge them", async () => {
    const doc = part(await render(`${markdown}\n<!-- invulregels: 2 -->\n`), "word/document.xml");
    expect(doc).not.toContain("</w:tbl><w:tbl>");
  });
});

describe("computeColumnWidths", () => {
  const sizing = { textWidth: 9000, fontSize: 10 };
  const cells = (rows: string[][]) => rows.map((row) => row.map((text) => ({ text })));

  it.each([
    [
      "short table",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "wordy table",
      [
        ["Tijd", "Doel", "Wie"],
        [
          "13.30",
          "Iedereen kent de werkwijze, de partners en de inrichting van de IDO",
          "Kartrekker",
        ],
      ],
    ],
    [
      "long words",
      [
        [
          "Evaluatieformulieren",
          "Stellingenkaarten",
          "Trainingsacteur",
          "Casusbespreking",
          "Presentatiemateriaal",
          "Deelnemerslijst",
          "Koffiearrangement",
        ],
      ],
    ],
    ["ragged rows", [["a", "b", "c"], ["d"]]],
  ])("fills the text width exactly for a %s", (_name, rows) => {
    const widths = computeColumnWidths(cells(rows), sizing);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
    for (const w of widths) expect(w).toBeGreaterThan(0);
  });

  it("keeps a template's relative widths, but widens a column to its longest word", () => {
    const rows = cells([
      ["Nr.", "Naam", "Rol", "Verklaring getekend", "Handtekening"],
      ["1", "", "", "", ""],
    ]);
    const relative = [6, 31, 20, 14, 29];
    // Words that fit: the template's widths exactly.
    const fits = computeColumnWidths(
      cells([["a", "b", "c", "d", "e"]]),
      sizing,
      [20, 20, 20, 20, 20],
    );
    expect(fits).toEqual([1800, 1800, 1800, 1800, 1800]);
    const arial = computeColumnWidths(rows, sizing, relative);
    const wide = computeColumnWidths(rows, { ...sizing, fontFactor: 1.21 }, relative);
    expect(wide.reduce((a, b) => a + b, 0)).toBe(9000);
    const word = (text: string) => measureEm(text, true) * sizing.fontSize * 20 * 1.21;
    expect(wide[3]).toBeGreaterThan(word("Verklaring"));
    expect(wide[0]).toBeGreaterThan(word("Nr."));
    expect(wide[1]).toBeLessThan(arial[1]!);
  });

  it("gives every column room for its longest word when that fits", () => {
    const widths = computeColumnWidths(
      cells([
        ["Tijd", "Materiaal", "Doel"],
        [
          "13.30",
          "Evaluatieformulier",
          "Een lange omschrijving van het doel van dit blok in de training met veel woorden",
        ],
      ]),
      sizing,
    );
    // "Evaluatieformulier" is about 8 ems: 1600 twips at 10 pt.
    expect(widths[1]).toBeGreaterThanOrEqual(1600);
    expect(widths[2]).toBeGreaterThan(widths[1] ?? 0);
  });

  it("returns no widths for an empty table", () => {
    expect(computeColumnWidths([], sizing)).toEqual([]);
  });
});

describe("renderDocx: layout directives", () => {
  it("starts a new page at <!-- pagina --> with pageBreakBefore on the next paragraph", async () => {
    const doc = part(await render("Eerste\n\n<!-- pagina -->\n\n# Tweede\n"), "word/document.xml");
    expect(paragraphWith(doc, "Tweede")).toContain("<w:pageBreakBefore/>");
    expect(paragraphWith(doc, "Eerste")).not.toContain("<w:pageBreakBefore/>");
  });

  it("breaks the page before a table with a page break run", async () => {
    const doc = part(
      await render("Eerste\n\n<!-- pagina -->\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
      "word/document.xml",
    );
    expect(doc).toMatch(/<w:br w:type="page"\/>[\s\S]*<w:tbl>/);
  });

  it("makes no empty page for a break at the start or a repeated break", async () => {
    const doc = part(
      await render("<!-- pagina -->\n\nEen\n\n<!-- pagina -->\n<!-- pagina -->\n\nTwee\n"),
      "word/document.xml",
    );
    expect(paragraphWith(doc, "Een")).not.toContain("<w:pageBreakBefore/>");
    expect(doc.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it("renders invulregels as that many bordered writing lines", async () => {
    const doc = part(await render("Naam:\n\n<!-- invulregels: 3 -->\n"), "word/document.xml");
    const [table] = tables(doc);
    expect(table?.match(/<w:tr>/g)).toHaveLength(3);
    expect(table).toMatch(/<w:insideH w:val="single"/);
    expect(table).toMatch(/<w:trHeight w:val="\d+" w:hRule="exact"\/>/);
    // Kept together: every line but the last keeps with the next, so none is left alone on a page.
    const rows = table?.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows.map((row) => row.includes("<w:keepNext/>"))).toEqual([true, true, false]);
  });

  it("ignores unknown comments", async () => {
    const doc = part(
      await render("<!-- opmerking voor de auteur -->\n\nTekst\n"),
      "word/document.xml",
    );
    expect(texts(doc).join("")).toBe("Tekst");
  });
});

describe("renderDocx: page setup, header and footer", () => {
  it("sets up A4 with the theme's margins in twips", async () => {
    const doc = part(await render("Tekst\n"), "word/document.xml");
    expect(doc).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(doc).toMatch(/<w:pgMar w:top="1417" w:right="1247" w:bottom="1247" w:left="1247"/);
  });

  it("puts the header text in the header and 'Pagina X van Y' fields in the footer", async () => {
    const parts = await render("Tekst\n", { header: "Bieb *Zuid* & <Oost>" });
    const header =
      Object.entries(parts).find(([path]) => /^word\/header\d+\.xml$/.test(path))?.[1] ?? "";
    const footer =
      Object.entries(parts).find(([path]) => /^word\/footer\d+\.xml$/.test(path))?.[1] ?? "";
    expect(texts(header)).toContain("Bieb *Zuid* & <Oost>");
    expect(header).toContain('<w:pStyle w:val="Header"/>');
    expect(footer).toMatch(
      /Pagina [\s\S]*<w:instrText[^>]*>PAGE<\/w:instrText>[\s\S]* van [\s\S]*<w:instrText[^>]*>NUMPAGES<\/w:instrText>/,
    );
    const styles = part(parts, "word/styles.xml");
    const headerStyle =
      /<w:style [^>]*w:styleId="Header"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? "";
    expect(headerStyle).toContain('<w:jc w:val="right"/>');
    expect(headerStyle).toContain(`w:val="${theme.color.muted}"`);
  });

  it("switches the default font size to hand-out size with the large option", async () => {
    const normal = part(await render("Tekst\n"), "word/styles.xml");
    const large = part(await render("Tekst\n", { large: true }), "word/styles.xml");
    const defaultSize = (styles: string) =>
      /<w:docDefaults>[\s\S]*?<w:sz w:val="(\d+)"\/>/.exec(styles)?.[1];
    expect(defaultSize(normal)).toBe(String(theme.size.body * 2));
    expect(defaultSize(large)).toBe(String(theme.size.handout * 2));
  });

  it("keeps normal table type for wide tables in a large document", async () => {
    const wide = "| a | b | c | d |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n";
    const narrow = "| a | b |\n|---|---|\n| 1 | 2 |\n";
    const [wideTable] = tables(part(await render(wide, { large: true }), "word/document.xml"));
    const [narrowTable] = tables(part(await render(narrow, { large: true }), "word/document.xml"));
    expect(wideTable).toContain(`<w:sz w:val="${theme.size.body * 2}"/>`);
    expect(narrowTable).not.toContain("<w:sz ");
  });

  it("writes title and creator to docProps and is reproducible with a fixed creation time", async () => {
    const created = new Date("2026-03-10T09:30:00Z");
    const options = { title: "Draaiboek Bieb & Co", created };
    const a = await renderDocx(SAMPLE, { theme, ...options });
    const b = await renderDocx(SAMPLE, { theme, ...options });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const core = strFromU8(unzipSync(a)["docProps/core.xml"] ?? new Uint8Array());
    expect(core).toContain("<dc:title>Draaiboek Bieb &amp; Co</dc:title>");
    expect(core).toContain("<dc:creator>idokit</dc:creator>");
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-10T09:30:00Z</dcterms:created>',
    );
  });
});

describe("renderDocx: title page", () => {
  const markdown = [
    "<!-- titelpagina -->",
    "# Casuslijst",
    "",
    "Bieb \\*Zuid\\*",
    "",
    "- **Datum:** 10 maart 2026",
    "<!-- /titelpagina -->",
    "",
    "# Casus 1",
    "",
    "Tekst",
    "",
  ].join("\n");

  it("puts the title page in its own section without header or footer", async () => {
    const doc = part(await render(markdown, { header: "Bieb" }), "word/document.xml");
    const sections = [...doc.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sections).toHaveLength(2);
    expect(sections[0]).not.toContain("headerReference");
    expect(sections[0]).not.toContain("footerReference");
    expect(sections[1]).toContain("headerReference");
    expect(sections[1]).toContain('<w:type w:val="nextPage"/>');
    expect(paragraphWith(doc, "Casuslijst")).toContain('<w:pStyle w:val="Title"/>');
    expect(paragraphWith(doc, "Bieb *Zuid*")).toContain('<w:pStyle w:val="Subtitle"/>');
    expect(paragraphWith(doc, "Datum:")).toContain('<w:pStyle w:val="TitleFact"/>');
    expect(paragraphWith(doc, "Casus 1")).toContain('<w:pStyle w:val="Heading1"/>');
    // The body follows the title page, which ends its section, not the other way round.
    expect(doc.indexOf("Casuslijst")).toBeLessThan(doc.indexOf("<w:sectPr>"));
    expect(doc.indexOf("<w:sectPr>")).toBeLessThan(doc.indexOf("Casus 1"));
  });

  it("shows the theme's logo on the title page, keeping its aspect ratio within 5 cm", async () => {
    const logo = solidPng(8, 2);
    const bytes = await renderDocx(markdown, { theme: buildTheme({ logo }), title: "T" });
    const files = unzipSync(bytes);
    const media = Object.keys(files).filter((path) => path.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    const doc = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    const [cx, cy] = [
      Number(attrs(doc, "wp:extent", "cx")[0]),
      Number(attrs(doc, "wp:extent", "cy")[0]),
    ];
    expect(cx / cy).toBeCloseTo(4, 1);
    expect(cx).toBeLessThanOrEqual(1_800_000); // 5 cm in EMU
    expect(doc.indexOf("<w:drawing>")).toBeLessThan(doc.indexOf("Casuslijst"));
    expect(doc.indexOf("<w:drawing>")).toBeLessThan(doc.indexOf("<w:sectPr>"));
    // Reproducible even though docx numbers drawings across the whole process.
    const again = await renderDocx(markdown, { theme: buildTheme({ logo }), title: "T" });
    expect(strFromU8(unzipSync(again)["word/document.xml"] ?? new Uint8Array())).toBe(doc);
  });

  it("puts the logo, smaller and to the right, at the top of a hand-out without a title page", async () => {
    const logo = solidPng(8, 2);
    const bytes = await renderDocx("# Spiekbrief\n\nTekst.\n", {
      theme: buildTheme({ logo }),
      title: "T",
    });
    const files = unzipSync(bytes);
    expect(Object.keys(files).filter((path) => path.startsWith("word/media/"))).toHaveLength(1);
    const doc = strFromU8(files["word/document.xml"] ?? new Uint8Array());
    expect(doc.indexOf("<w:drawing>")).toBeLessThan(doc.indexOf("Spiekbrief"));
    expect(Number(attrs(doc, "wp:extent", "cx")[0])).toBeLessThanOrEqual(1_260_000); // 3.5 cm
    // Without a logo, nothing is added.
    const plain = strFromU8(
      unzipSync(await renderDocx("# Spiekbrief\n", { theme: buildTheme(), title: "T" }))[
        "word/document.xml"
      ] ?? new Uint8Array(),
    );
    expect(plain).not.toContain("<w:drawing>");
  });

  it("makes no empty page after a document that is only a title page", async () => {
    const doc = part(
      await render("<!-- titelpagina -->\n# Alleen een titel\n<!-- /titelpagina -->\n"),
      "word/document.xml",
    );
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(doc).not.toContain("headerReference");
  });

  it.each([
    ["a second # heading", "<!-- titelpagina -->\n# Titel\n\nOndertitel\n\n# Hoofdstuk\n\nTekst\n"],
    [
      "a page break",
      "<!-- titelpagina -->\n# Titel\n\nOndertitel\n\n<!-- pagina -->\n\n# Hoofdstuk\n\nTekst\n",
    ],
  ])("ends a title page left open at %s", async (_name, markdown) => {
    const doc = part(await render(markdown), "word/document.xml");
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(2);
    expect(paragraphWith(doc, "Hoofdstuk")).toContain('<w:pStyle w:val="Heading1"/>');
    expect(paragraphWith(doc, "Tekst")).not.toContain("Subtitle");
  });

  it("has a single section and no title style without a titelpagina block", async () => {
    const doc = part(await render("# Kop\n\nTekst\n"), "word/document.xml");
    expect(doc.match(/<w:sectPr>/g)).toHaveLength(1);
    expect(doc).not.toContain('<w:pStyle w:val="Title"/>');
  });
});

describe("renderDocx: the draaiboek sample", () => {
  it("renders every part of the sample: title page, checklist, schedule, lists, quote, fill-in lines", async () => {
    const parts = await render(SAMPLE, {
      header: "Bieb Zuid",
      created: new Date("2026-01-01T00:00:00Z"),
    });
    const doc = part(parts, "word/document.xml");
    const all = texts(doc);
    expect(all).toContain("Draaiboek vaardigheidstraining IDO");
    expect(all).toContain('Bieb *Zuid* & <Oost> — "samen" sterk 💪');
    expect(all.filter((t) => t.startsWith("☐") || t.startsWith("☒"))).toHaveLength(5);
    expect(all).toContain("☐Zet koffie, thee & water klaar 🙂");
    const [schedule] = tables(doc);
    expect(schedule?.match(/<w:tr>/g)).toHaveLength(13);
    expect(attrs(schedule ?? "", "w:gridCol", "w:w")).toHaveLength(6);
    expect(all).toContain(
      "Citaat met tekens: 'enkel' \"dubbel\" < > & _onderstreept_ — café, één, naïef, Ærø. " +
        "Tweede regel na een harde regelafbreking.",
    );
    expect(doc.match(/<w:pStyle w:val="Heading1"\/>/g)?.length).toBe(2);
  });
});

describe("renderDocx: page flow", () => {
  it("breaks a long title into lines of similar width, never one word alone on the last", async () => {
    const parts = await render(
      "<!-- titelpagina -->\n# Briefing voor de trainingsacteur van de IDO-vaardigheidstraining\n<!-- /titelpagina -->\n\nTekst.",
      {},
    );
    const title = paragraphWith(part(parts, "word/document.xml"), "Briefing");
    const lines = title.split("<w:br/>").map((piece) =>
      [...piece.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:noBreakHyphen\/>/g)]
        .map((m) => m[1] ?? "-")
        .join("")
        .trim(),
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)!.split(" ").length).toBeGreaterThan(1);
    // The compound keeps its hyphen on one line.
    expect(title).toContain("<w:noBreakHyphen/>");
    expect(lines.join(" ")).toContain("IDO-vaardigheidstraining");
  });

  it("keeps a bijeen block together: every paragraph but the last keeps with the next", async () => {
    const parts = await render(
      "Voor.\n\n<!-- bijeen -->\n## Rolkaart\n\nEen.\n\nTwee.\n\nDrie.\n<!-- /bijeen -->\n\nNa.",
      {},
    );
    const doc = part(parts, "word/document.xml");
    for (const text of ["Een.", "Twee."])
      expect(paragraphWith(doc, text)).toContain("<w:keepNext/>");
    expect(paragraphWith(doc, "Drie.")).not.toContain("<w:keepNext/>");
    expect(paragraphWith(doc, "Na.")).not.toContain("<w:keepNext/>");
  });

  it("keeps a short table on one page and a short label with the list it introduces", async () => {
    const parts = await render(
      "**Belonen.** Dit maakt je rustiger\n\n- een\n- twee\n\n| A | B |\n|---|---|\n| 1 | 2 |\n| 3 | 4 |\n",
      {},
    );
    const doc = part(parts, "word/document.xml");
    expect(paragraphWith(doc, "Belonen.")).toContain("<w:keepNext/>");
    const [table] = tables(doc);
    const rows = [...table!.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[1]).toContain("<w:keepNext/>");
    expect(rows[2]).not.toContain("<w:keepNext/>");
  });
});
