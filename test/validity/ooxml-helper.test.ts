import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadPackKind } from "../../src/batch/kinds.js";
import { describeTemplate } from "../../src/batch/template.js";
import { buildTemplateXlsx } from "../../src/batch/template-xlsx.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { buildTheme } from "../../src/render/theme.js";
import { fileContext, TODAY } from "../helpers/context.js";
import { checkOoxml, findingsOf, ooxmlChecker } from "../helpers/ooxml.js";

/** A real .docx, then the same file with one part changed. */
async function docxWith(change?: (parts: Record<string, Uint8Array>) => void): Promise<Uint8Array> {
  const data = await renderDocx("# Kop\n\nTekst.", {
    theme: buildTheme({}),
    title: "Proef",
    header: "Bibliotheek",
    created: new Date("2026-01-01T00:00:00Z"),
  });
  if (!change) return data;
  const parts = unzipSync(data);
  change(parts);
  return zipSync(parts);
}

const editXml = (parts: Record<string, Uint8Array>, name: string, edit: (x: string) => string) => {
  parts[name] = strToU8(edit(strFromU8(parts[name]!)));
};

describe.skipIf(!ooxmlChecker.available)("the schema check helper", () => {
  it("checks spreadsheets against SpreadsheetML too: a batch template passes, a broken one fails", async () => {
    const kind = (await loadPackKind("training"))!;
    const sheet = await buildTemplateXlsx(
      describeTemplate(kind, await kind.exampleAnswers(TODAY), fileContext()),
    );
    const parts = unzipSync(sheet);
    editXml(parts, "xl/worksheets/sheet1.xml", (x) =>
      x.replace("<sheetData>", "<sheetData><bestaatNiet/>"),
    );
    const [good, broken, strict] = [
      ...checkOoxml([
        { name: "sjabloon.xlsx", data: sheet },
        { name: "kapot.xlsx", data: zipSync(parts) },
      ]),
      ...checkOoxml([{ name: "sjabloon.xlsx", data: sheet }], { strict: true }),
    ];
    expect(good!.findings).toEqual([]);
    expect(broken!.findings.join("\n")).toMatch(/sheet1\.xml \| XSD .*bestaatNiet/);
    // Excel's own xml:space on <t> is tolerated, and shown with --strict.
    expect(strict!.findings.join("\n")).toContain("XML/1998/namespace}space");
  });

  it("checks several documents given as bytes in one run and reports per document", async () => {
    const reports = checkOoxml([
      { name: "goed.docx", data: await docxWith() },
      {
        name: "nan.docx",
        data: await docxWith((p) =>
          editXml(p, "word/document.xml", (x) => x.replace("<w:body>", '<w:body w:x="NaN">')),
        ),
      },
      {
        name: "relatie.docx",
        data: await docxWith((p) =>
          editXml(p, "word/_rels/document.xml.rels", (x) =>
            x.replace(
              "</Relationships>",
              '<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/weg.png"/></Relationships>',
            ),
          ),
        ),
      },
      {
        name: "schema.docx",
        data: await docxWith((p) =>
          editXml(p, "word/document.xml", (x) => x.replace("<w:body>", "<w:body><w:bestaatNiet/>")),
        ),
      },
    ]);
    expect(reports.map((r) => r.file)).toEqual([
      "goed.docx",
      "nan.docx",
      "relatie.docx",
      "schema.docx",
    ]);
    expect(reports[0]!.findings).toEqual([]);
    expect(reports[1]!.findings.join("\n")).toMatch(/NaN/);
    expect(reports[2]!.findings.join("\n")).toMatch(/DANGLING relationship rIdX/);
    expect(reports[3]!.findings.join("\n")).toMatch(/XSD .*bestaatNiet/);
    expect(findingsOf(reports).every((line) => /^(nan|relatie|schema)\.docx: /.test(line))).toBe(
      true,
    );
  });
});
