import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { parseXlsxTable } from "../../src/batch/read-xlsx.js";
import { fromExcelSerial } from "../../src/batch/rows.js";
import { normalizeHeader } from "../../src/batch/columns.js";

// A workbook written by hand the way other programs write them, part by part: openpyxl's
// absolute relationship targets and comments in xl/comments/, Excel's shared strings with rich
// text runs, inline strings, a date as a serial number with a date format, a formula with its
// cached value, a hidden column, and a sheet of notes in front of the data.

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';

function workbook(edit: (xml: string) => string = (xml) => xml): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`,
    "_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships ${PKG}><Relationship Id="rId1" Type="${REL}/officeDocument" Target="/xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${R}><sheets><sheet name="Toelichting" sheetId="1" r:id="rId1"/><sheet name="Bibliotheken" sheetId="2" r:id="rId2"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships ${PKG}><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="/xl/styles.xml"/></Relationships>`,
    "xl/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="hh:mm"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`,
    "xl/sharedStrings.xml": `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="4" uniqueCount="4"><si><t>Lees dit eerst</t></si><si><t>Organisatie</t></si><si><r><rPr><b/></rPr><t>Bibliotheek </t></r><r><t>Rijk Gedeeld</t></r></si><si><t>Datum training</t></si></sst>`,
    // The notes sheet in front: one cell, nothing idokit knows.
    "xl/worksheets/sheet1.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${R}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`,
    // The data: shared, rich and inline strings, a date serial with format 14 (and one typed as
    // text), a time with a custom format, a formula with its cached value, a hidden column C.
    "xl/worksheets/sheet2.xml": `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS} ${R}><cols><col min="3" max="3" width="0" hidden="1" customWidth="1"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v>3</v></c><c r="C1" t="inlineStr"><is><t>Starttijd</t></is></c><c r="D1" t="inlineStr"><is><t>Plaats</t></is></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>46785</v></c><c r="C2" s="2"><v>0.5625</v></c><c r="D2" t="str"><f>UPPER("culemborg")</f><v>CULEMBORG</v></c></row><row r="3"><c r="A3" t="inlineStr"><is><r><t>Bibliotheek </t></r><r><t>Inline</t></r></is></c><c r="B3" t="inlineStr"><is><t>2-2-2028</t></is></c><c r="C3"><v>9</v></c><c r="D3" t="inlineStr"><is><t>Tiel</t></is></c></row></sheetData><legacyDrawing r:id="anysvml"/></worksheet>`,
    "xl/worksheets/_rels/sheet2.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships ${PKG}><Relationship Type="${REL}/comments" Target="/xl/comments/comment1.xml" Id="comments"/><Relationship Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml" Id="anysvml"/></Relationships>`,
    "xl/comments/comment1.xml": `<?xml version="1.0" encoding="UTF-8"?><comments ${NS}><authors><author>idokit</author></authors><commentList><comment ref="A1" authorId="0"><text><t>De naam van de bibliotheek.</t></text></comment></commentList></comments>`,
    "xl/drawings/commentsDrawing1.vml": `<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape/></xml>`,
  };
  files["xl/worksheets/sheet2.xml"] = edit(files["xl/worksheets/sheet2.xml"]!);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

describe("parseXlsxTable on workbooks other programs wrote", () => {
  it("reads every kind of cell, passes over the notes sheet in front, and ignores comments", async () => {
    const known = new Set(["Organisatie", "Datum training", "Starttijd"].map(normalizeHeader));
    const table = await parseXlsxTable(workbook(), "lijst.xlsx", undefined, known);
    expect(table.source).toBe('lijst.xlsx, blad "Bibliotheken"');
    expect(table.headers).toEqual(["Organisatie", "Datum training", "Starttijd", "Plaats"]);
    expect(table.rows.map((row) => row.cells)).toEqual([
      ["Bibliotheek Rijk Gedeeld", "2028-02-02", "13:30", "CULEMBORG"],
      ["Bibliotheek Inline", "2-2-2028", "9", "Tiel"],
    ]);
    expect(table.notices).toEqual([
      'lijst.xlsx: blad "Bibliotheken" gelezen (kies een ander blad met --blad NAAM).',
    ]);
  });

  it("says which formulas have no stored outcome (a script wrote them) instead of only 'leeg'", async () => {
    const known = new Set(["Organisatie", "Datum training", "Starttijd"].map(normalizeHeader));
    const table = await parseXlsxTable(
      workbook((xml) =>
        xml.replace(
          '<c r="D2" t="str"><f>UPPER("culemborg")</f><v>CULEMBORG</v></c>',
          '<c r="D2"><f>UPPER("culemborg")</f></c>',
        ),
      ),
      "lijst.xlsx",
      undefined,
      known,
    );
    expect(table.rows[0]!.cells[3]).toBe("");
    expect(table.notices).toContain(
      'lijst.xlsx, blad "Bibliotheken": cel D2 heeft een formule zonder uitkomst (idokit leest die als leeg). Het bestand is bewaard door een programma dat formules niet uitrekent: open het in Excel of LibreOffice Calc en sla het daar op, dan staan de uitkomsten erin.',
    );
  });

  it("reads the first sheet when no header is known, and a named one with --blad", async () => {
    expect((await parseXlsxTable(workbook(), "lijst.xlsx")).source).toBe(
      'lijst.xlsx, blad "Toelichting"',
    );
    const named = await parseXlsxTable(workbook(), "lijst.xlsx", "bibliotheken");
    expect(named.rows).toHaveLength(2);
  });
});

describe("fromExcelSerial: dates and times that lost their format", () => {
  it.each([
    ["date", "46785", "2028-02-02"],
    ["date", "36526", "2000-01-01"],
    ["date", "46785.0", "2028-02-02"],
    ["date", "1234", undefined],
    ["date", "99999", undefined],
    ["date", "02-02-2028", undefined],
    ["time", "0.5625", "13:30"],
    ["time", "0,375", "09:00"],
    ["time", ".5", "12:00"],
    ["time", "13.30", undefined],
  ] as const)("%s %s → %s", (kind, text, expected) =>
    expect(fromExcelSerial(kind, text)).toBe(expected),
  );
});
