/**
 * The package and content check behind `idokit controleer` and behind every pack command: it
 * passes what idokit makes, and each rule fires on the fault it is there for (a real document
 * with exactly that fault put in), so a renderer or library upgrade that brings one back is caught.
 */
import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { assertDocumentsValid, checkDocument } from "../../src/check/index.js";
import { IdokitError } from "../../src/errors.js";
import { renderDocx, renderDocxDocument } from "../../src/render/docx/index.js";
import { renderPptx, renderPptxDocument } from "../../src/render/pptx/index.js";
import { buildTheme } from "../../src/render/theme.js";
import { solidPng } from "../helpers/png.js";

const CREATED = new Date("2026-11-28T12:00:00Z");
const DECK = readFileSync(new URL("../fixtures/render/pptx/training.md", import.meta.url), "utf8");
const DOC = readFileSync(
  new URL("../fixtures/render/draaiboek-sample.md", import.meta.url),
  "utf8",
);

let pptx: Uint8Array;
let docx: Uint8Array;

beforeAll(async () => {
  pptx = await renderPptx(DECK, {
    theme: buildTheme({ logo: solidPng(200, 60) }),
    title: "Training",
    footer: "Bibliotheek · 12 maart 2027",
    created: CREATED,
  });
  docx = await renderDocx(DOC, {
    theme: buildTheme({}),
    title: "Draaiboek",
    header: "Bibliotheek",
    created: CREATED,
  });
});

type Parts = Record<string, Uint8Array>;

/** The file with one part's XML changed (the part must exist and the change must apply). */
function withPart(data: Uint8Array, name: string, edit: (xml: string) => string): Uint8Array {
  return withParts(data, (parts) => {
    const before = strFromU8(parts[name] ?? fail(`no part ${name}`));
    const after = edit(before);
    if (after === before) fail(`the edit of ${name} changed nothing`);
    parts[name] = strToU8(after);
  });
}

function withParts(data: Uint8Array, edit: (parts: Parts) => void): Uint8Array {
  const parts = unzipSync(data);
  edit(parts);
  return zipSync(parts);
}

function fail(message: string): never {
  throw new Error(message);
}

const rulesOf = (name: string, data: Uint8Array): string[] =>
  checkDocument(name, data).findings.map((f) => f.rule);

const CT = "[Content_Types].xml";
const SLIDE = "ppt/slides/slide2.xml";
const pptxFaults: Array<[string, string, (d: Uint8Array) => Uint8Array]> = [
  [
    "a phantom slide master in the content types (PptxGenJS #1444)",
    "content-type-spook",
    (d) =>
      withPart(d, CT, (x) =>
        x.replace(
          "</Types>",
          '<Override PartName="/ppt/slideMasters/slideMaster2.xml" ContentType="application/vnd.openxmlformats-officedocument.presentationml.slideMaster+xml"/></Types>',
        ),
      ),
  ],
  [
    "a default content type for media that is not there",
    "content-type-ongebruikt",
    (d) =>
      withPart(d, CT, (x) =>
        x.replace("<Default ", '<Default Extension="gif" ContentType="image/gif"/><Default '),
      ),
  ],
  [
    "a part without a content type",
    "content-type-ontbreekt",
    (d) => withParts(d, (p) => void (p["ppt/extra.bin"] = new Uint8Array([1, 2, 3]))),
  ],
  [
    "a relationship to a part that is missing",
    "rels-doel",
    (d) => withParts(d, (p) => void delete p["ppt/slideLayouts/slideLayout1.xml"]),
  ],
  [
    "an r:id without its relationship",
    "rid",
    (d) => withPart(d, "ppt/presentation.xml", (x) => x.replace(/r:id="rId2"/, 'r:id="rId999"')),
  ],
  [
    "two shapes with one id",
    "vorm-id",
    (d) => withPart(d, SLIDE, (x) => x.replace('<p:cNvPr id="3"', '<p:cNvPr id="2"')),
  ],
  [
    "a text body without a paragraph",
    "lege-tekst",
    (d) =>
      withPart(d, SLIDE, (x) =>
        x.replace(/(<p:txBody><a:bodyPr[^>]*\/><a:lstStyle\/>)<a:p>[\s\S]*?<\/a:p>/, "$1"),
      ),
  ],
  [
    "a shape without a text body (PptxGenJS #1441)",
    "vorm-zonder-tekst",
    (d) =>
      withPart(d, SLIDE, (x) =>
        x.replace(/<p:txBody><a:bodyPr rtlCol="0" anchor="ctr"\/>[\s\S]*?<\/p:txBody>/, ""),
      ),
  ],
  [
    "a solid background without a:effectLst (PptxGenJS #1442)",
    "achtergrond",
    (d) =>
      withPart(d, "ppt/slides/slide1.xml", (x) =>
        x.replace("<a:effectLst/></p:bgPr>", "</p:bgPr>"),
      ),
  ],
  [
    "an empty outline",
    "lege-lijn",
    (d) => withPart(d, SLIDE, (x) => x.replace("<a:ln><a:noFill/></a:ln>", "<a:ln></a:ln>")),
  ],
  [
    "a negative extent",
    "negatieve-maat",
    (d) => withPart(d, SLIDE, (x) => x.replace(/<a:ext cx="([1-9]\d*)"/, '<a:ext cx="-$1"')),
  ],
  [
    "a NaN margin (PptxGenJS #1440)",
    "waarde",
    (d) => withPart(d, SLIDE, (x) => x.replace(/lIns="\d+"/, 'lIns="NaN"')),
  ],
  [
    'an "undefined" value, as a JavaScript writer leaves it',
    "waarde",
    (d) => withPart(d, SLIDE, (x) => x.replace(/<a:off x="\d+"/, '<a:off x="undefined"')),
  ],
  [
    "a notes master that shares the slide theme",
    "notitiemodel-thema",
    (d) =>
      withPart(d, "ppt/notesMasters/_rels/notesMaster1.xml.rels", (x) =>
        x.replace("theme2.xml", "theme1.xml"),
      ),
  ],
  [
    "a notes master whose placeholders were stripped (PptxGenJS #1443)",
    "notitiemodel",
    (d) =>
      withPart(d, "ppt/notesMasters/notesMaster1.xml", (x) =>
        x.replace(/<p:sp>[\s\S]*<\/p:sp>/, ""),
      ),
  ],
  [
    "the notes master list after the slide list",
    "volgorde",
    (d) =>
      withPart(d, "ppt/presentation.xml", (x) => {
        const list = /<p:notesMasterIdLst>[\s\S]*?<\/p:notesMasterIdLst>/.exec(x)![0];
        return x.replace(list, "").replace("<p:sldSz", `${list}<p:sldSz`);
      }),
  ],
  [
    "paragraph properties in the middle of a paragraph",
    "alinea-opmaak",
    (d) => withPart(d, SLIDE, (x) => x.replace(/(<a:p>[\s\S]*?<\/a:r>)/, "$1<a:pPr/>")),
  ],
  [
    "two notes slides with one creation id",
    "dia-id",
    (d) =>
      withPart(d, "ppt/notesSlides/notesSlide2.xml", (x) => {
        const id = /creationId[^>]*val="(\d+)"/.exec(
          strFromU8(unzipSync(d)["ppt/notesSlides/notesSlide1.xml"]!),
        )![1]!;
        return x.replace(/(creationId[^>]*val=")\d+"/, `$1${id}"`);
      }),
  ],
  [
    "a slide without its layout",
    "dia-relatie",
    (d) =>
      withPart(d, "ppt/slides/_rels/slide2.xml.rels", (x) =>
        x.replace(/<Relationship [^>]*slideLayout"[^>]*\/>/, ""),
      ),
  ],
  [
    "a notes-only placeholder on a slide",
    "aanduiding",
    (d) =>
      withPart(d, SLIDE, (x) =>
        x.replace("<p:nvPr></p:nvPr>", '<p:nvPr><p:ph type="sldImg"/></p:nvPr>'),
      ),
  ],
  [
    "a control character in the text",
    "xml",
    (d) => withPart(d, SLIDE, (x) => x.replace(/<a:t>/, "<a:t>\u0001")),
  ],
  [
    "a C1 control character in the text",
    "stuurteken",
    (d) => withPart(d, SLIDE, (x) => x.replace(/<a:t>/, "<a:t>\u0085")),
  ],
  [
    "a colour with a #",
    "kleur",
    (d) =>
      withPart(d, SLIDE, (x) =>
        x.replace(/<a:srgbClr val="([0-9A-F]{6})"/, '<a:srgbClr val="#$1"'),
      ),
  ],
  [
    'a text anchor that does not exist (anchor="mid", reported from generated table cells)',
    "uitlijning",
    (d) =>
      withPart(d, SLIDE, (x) =>
        x.replace(/<a:bodyPr([^>]*?) anchor="[a-z]+"/, '<a:bodyPr$1 anchor="mid"'),
      ),
  ],
  [
    "folder entries in the zip, as pptxgenjs writes them",
    "zip-map",
    (d) => {
      const parts: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = unzipSync(d);
      parts["ppt/charts/"] = [new Uint8Array(0), { level: 0 }];
      return zipSync(parts);
    },
  ],
  [
    "notes without a notes master",
    "notitiemodel",
    (d) =>
      withParts(d, (p) => {
        delete p["ppt/notesMasters/notesMaster1.xml"];
        delete p["ppt/notesMasters/_rels/notesMaster1.xml.rels"];
      }),
  ],
  [
    "two relationships with one id",
    "rels-dubbel-id",
    (d) =>
      withPart(d, "ppt/_rels/presentation.xml.rels", (x) => x.replace(/Id="rId3"/, 'Id="rId2"')),
  ],
  [
    "relationships of a part that is not there",
    "rels-bron",
    (d) =>
      withParts(
        d,
        (p) =>
          void (p["ppt/slides/_rels/slide99.xml.rels"] = p["ppt/slides/_rels/slide1.xml.rels"]!),
      ),
  ],
  [
    "a part no relationship points to",
    "los-onderdeel",
    (d) =>
      withParts(d, (p) => {
        p["ppt/slides/slide99.xml"] = p["ppt/slides/slide1.xml"]!;
      }),
  ],
  [
    "two slides with one number",
    "dia-nummer",
    (d) =>
      withPart(d, "ppt/presentation.xml", (x) =>
        x.replace(/(<p:sldId id=")(\d+)("[^>]*\/>\s*<p:sldId id=")\d+/, "$1$2$3$2"),
      ),
  ],
  [
    "a slide number below the allowed range",
    "dia-nummer",
    (d) =>
      withPart(d, "ppt/presentation.xml", (x) =>
        x.replace(/<p:sldId id="\d+"/, '<p:sldId id="12"'),
      ),
  ],
  [
    "a slide size of zero",
    "paginamaat",
    (d) =>
      withPart(d, "ppt/presentation.xml", (x) => x.replace(/<p:sldSz cx="\d+"/, '<p:sldSz cx="0"')),
  ],
  [
    "notes that lost their slide",
    "notities",
    (d) =>
      withPart(d, "ppt/notesSlides/_rels/notesSlide1.xml.rels", (x) =>
        x.replace(/<Relationship [^>]*relationships\/slide"[^>]*\/>/, ""),
      ),
  ],
];

const DOCUMENT = "word/document.xml";
const docxFaults: Array<[string, string, (d: Uint8Array) => Uint8Array]> = [
  [
    "a paragraph style that does not exist",
    "stijl",
    (d) =>
      withPart(d, DOCUMENT, (x) =>
        x.replace(/<w:pStyle w:val="[^"]*"/, '<w:pStyle w:val="Bestaatniet"'),
      ),
  ],
  [
    "a list numbering that does not exist",
    "nummering",
    (d) => withPart(d, DOCUMENT, (x) => x.replace(/<w:numId w:val="\d+"/, '<w:numId w:val="999"')),
  ],
  [
    "a numbering without its list definition",
    "nummering",
    (d) =>
      withPart(d, "word/numbering.xml", (x) =>
        x.replace(/(<w:num w:numId="\d+"[^>]*>\s*<w:abstractNumId w:val=")\d+"/, '$1999"'),
      ),
  ],
  [
    "a table cell without a paragraph",
    "tabelcel",
    (d) =>
      withPart(d, DOCUMENT, (x) =>
        x.replace(
          /(<w:tc>(?:<w:tcPr>[\s\S]*?<\/w:tcPr>)?)<w:p[ >][\s\S]*?<\/w:p>(?=<\/w:tc>)/,
          "$1",
        ),
      ),
  ],
  [
    "a table without rows",
    "tabel",
    (d) =>
      withPart(d, DOCUMENT, (x) =>
        x.replace(/(<w:tbl>[\s\S]*?<\/w:tblGrid>)[\s\S]*?(<\/w:tbl>)/, "$1$2"),
      ),
  ],
  [
    "a document that is not well-formed",
    "xml",
    (d) => withPart(d, DOCUMENT, (x) => x.replace("</w:body>", "</w:bod>")),
  ],
  ["a missing main part", "hoofddeel", (d) => withParts(d, (p) => void delete p[DOCUMENT])],
  [
    "a table without a column grid",
    "tabel",
    (d) => withPart(d, DOCUMENT, (x) => x.replace(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/, "")),
  ],
  [
    "two bookmarks with one number",
    "bladwijzer",
    (d) =>
      withPart(d, DOCUMENT, (x) =>
        x.replace(
          "</w:body>",
          '<w:p><w:bookmarkStart w:id="7" w:name="a"/><w:bookmarkEnd w:id="7"/><w:bookmarkStart w:id="7" w:name="b"/><w:bookmarkEnd w:id="7"/></w:p></w:body>',
        ),
      ),
  ],
  [
    "a Word part with only the generic XML content type",
    "content-type-generiek",
    (d) =>
      withPart(d, CT, (x) =>
        x.replace(/<Override [^>]*PartName="\/word\/styles\.xml"[^>]*\/>/, ""),
      ),
  ],
  [
    "two entries in the zip that differ only in case",
    "zip-dubbel",
    (d) => withParts(d, (p) => void (p["WORD/STYLES.XML"] = p["word/styles.xml"]!)),
  ],
];

describe("the package and content check", () => {
  it("finds nothing in a presentation and a document that idokit makes", () => {
    expect(checkDocument("presentatie.pptx", pptx).findings).toEqual([]);
    expect(checkDocument("draaiboek.docx", docx).findings).toEqual([]);
  });

  it.each(pptxFaults)("finds %s in a presentation", (_name, rule, fault) => {
    expect(rulesOf("presentatie.pptx", fault(pptx))).toContain(rule);
  });

  it.each(docxFaults)("finds %s in a document", (_name, rule, fault) => {
    expect(rulesOf("draaiboek.docx", fault(docx))).toContain(rule);
  });

  it("finds two drawings with one id in a document", async () => {
    const withLogo = await renderDocx(
      "<!-- titelpagina -->\n# Kop\n<!-- /titelpagina -->\n\nTekst.",
      {
        theme: buildTheme({ logo: solidPng(200, 60) }),
        title: "Draaiboek",
        header: "Bibliotheek",
        created: CREATED,
      },
    );
    const parts = unzipSync(withLogo);
    const holder = Object.keys(parts).find((n) => /wp:docPr/.test(strFromU8(parts[n]!)));
    expect(holder, "a part with a drawing").toBeDefined();
    const doubled = withPart(withLogo, holder!, (x) =>
      x.replace(/(<w:drawing>[\s\S]*?<\/w:drawing>)/, "$1$1"),
    );
    expect(rulesOf("draaiboek.docx", doubled)).toContain("tekening-id");
  });

  it("reports a file that is not a zip as one finding instead of throwing", () => {
    const report = checkDocument("kapot.pptx", strToU8("dit is geen presentatie"));
    expect(report.findings).toEqual([expect.objectContaining({ rule: "zip", severity: "fout" })]);
    expect(report.findings[0]!.message).toMatch(/geen leesbaar PowerPoint-bestand/);
    const truncated = checkDocument("half.docx", docx.subarray(0, docx.length / 2));
    expect(truncated.findings.map((f) => f.rule)).toContain("zip");
  });

  it("refuses a pack with a failing document, naming the file and the part", () => {
    const broken = withPart(pptx, SLIDE, (x) => x.replace('<p:cNvPr id="3"', '<p:cNvPr id="2"'));
    expect(() =>
      assertDocumentsValid([
        { name: "draaiboek.docx", data: docx },
        { name: "presentatie.pptx", data: broken },
        { name: "antwoorden.yaml", data: strToU8("a: 1") },
      ]),
    ).toThrow(IdokitError);
    try {
      assertDocumentsValid([{ name: "presentatie.pptx", data: broken }]);
    } catch (error) {
      expect((error as IdokitError).problems).toEqual([
        expect.objectContaining({ where: "presentatie.pptx, dia 2" }),
      ]);
    }
  });

  it("reads the parts a pack was zipped from, and the zip's directory must list exactly those", async () => {
    const options = {
      theme: buildTheme({}),
      title: "Draaiboek",
      header: "Bibliotheek",
      created: CREATED,
    };
    const written = await renderDocxDocument(DOC, options);
    expect(written.data).toEqual(docx);
    expect(checkDocument("d.docx", written.data, written.parts).findings).toEqual([]);
    // What the rules read are the parts handed over, not a second inflate of the zip.
    const broken = new Map(written.parts);
    broken.set(DOCUMENT, String(broken.get(DOCUMENT)).replace("</w:body>", ""));
    expect(checkDocument("d.docx", written.data, broken).findings.map((f) => f.rule)).toContain(
      "xml",
    );
    const missing = new Map(written.parts);
    missing.delete("word/settings.xml");
    expect(checkDocument("d.docx", written.data, missing).findings).toEqual([
      expect.objectContaining({ rule: "zip", severity: "fout" }),
    ]);
    const deck = await renderPptxDocument(DECK, {
      theme: buildTheme({}),
      title: "Training",
      created: CREATED,
    });
    expect(checkDocument("p.pptx", deck.data, deck.parts).findings).toEqual([]);
    expect([...deck.parts.keys()].sort()).toEqual(Object.keys(unzipSync(deck.data)).sort());
  });
});
