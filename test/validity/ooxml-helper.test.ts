import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../src/render/docx/index.js";
import { buildTheme } from "../../src/render/theme.js";
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
