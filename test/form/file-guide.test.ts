import { describe, expect, it } from "vitest";
import { guideFor, readFileGuide } from "../../src/form/file-guide.js";
import { README_FILE } from "../../src/plan/extras.js";
import { exampleAnswers, makeExamplePack } from "../helpers/pack.js";

/** The form's list of files says what the pack's own LEESMIJ.html says of each file. */

describe("the files of a made pack", () => {
  it("are each described by the pack's LEESMIJ.html", async () => {
    const pack = await makeExamplePack(exampleAnswers());
    const readme = pack.files.find((file) => file.name === README_FILE);
    expect(readme).toBeDefined();
    const guide = readFileGuide(new TextDecoder().decode(readme!.data));
    expect(guide.length).toBeGreaterThan(5);
    for (const file of pack.files) {
      const row = guideFor(guide, file.name);
      expect(row, file.name).toBeDefined();
      expect(row!.voor, file.name).not.toBe("");
      expect(row!.wat, file.name).not.toBe("");
    }
    expect(guideFor(guide, "draaiboek.docx")).toMatchObject({ printen: "1" });
  });

  it("reads the table's cells as text, and nothing from a LEESMIJ without it", () => {
    const html = `<h2>Wat zit erin</h2><table><thead><tr><th>Bestand</th><th>Voor wie</th><th>Waarvoor</th></tr></thead>
      <tbody><tr><td>logo.png of logo.jpg</td><td>idokit</td><td>het <strong>logo</strong> &amp; meer &#39;x&#39;</td></tr></tbody></table>`;
    const guide = readFileGuide(html);
    expect(guideFor(guide, "logo.jpg")).toEqual({
      bestand: "logo.png of logo.jpg",
      voor: "idokit",
      wat: "het logo & meer 'x'",
      printen: "",
    });
    expect(readFileGuide("<table><tr><th>Datum</th></tr></table><p>Geen bestanden.</p>")).toEqual(
      [],
    );
  });
});
