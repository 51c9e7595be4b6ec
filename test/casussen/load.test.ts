import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadCasusLibrary, readCasusFolder } from "../../src/casussen/load.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { InputError } from "../../src/errors.js";
import { MODEL_TEXT } from "./helpers.js";

const vocabulary = loadVocabulary();
const KAPOT = "test/fixtures/casussen-kapot";
const BASIS = "test/fixtures/casussen-basis";
const EIGEN = "test/fixtures/casussen-eigen";

function thrown(action: () => unknown): InputError {
  try {
    action();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error("expected an InputError");
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "idokit-casussen-"));
  temporary.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe("loadCasusLibrary with broken files", () => {
  it("throws one InputError that lists every problem with file and field", () => {
    const error = thrown(() => loadCasusLibrary({ vocabulary, builtInDir: KAPOT }));
    expect(error.message).toBe("7 casusbestanden bevatten fouten.");
    expect(error.exitCode).toBe(1);
    expect(error.hint).toContain("idokit casussen controleer MAP");
    expect(error.problems.map((problem) => `${problem.where}: ${problem.message}`)).toEqual([
      `${KAPOT}/dubbel-id-kopie.md: id "dubbel-id" hoort gelijk te zijn aan de bestandsnaam zonder .md ("dubbel-id-kopie"). Hernoem het bestand naar dubbel-id.md of pas het id aan.`,
      `${KAPOT}/dubbel-id-kopie.md, veld "id": id "dubbel-id" wordt ook gebruikt in ${KAPOT}/dubbel-id.md. Elk id mag in een map maar één keer voorkomen.`,
      `${KAPOT}/geen-voorwerk.md: geen voorwerk gevonden (het bestand moet beginnen met een regel ---).`,
      `${KAPOT}/onbekend-thema.md, veld "thema": "digi" is geen bekend thema. Bedoelde je "digid"? Kies uit: digid, toeslagen, belasting, inkomen-pensioen, werk, zorg, boetes-schulden, onderwijs-inburgering, vervoer, identiteit-gemeente, wonen-recht, veiligheid, apparaten, meervoudig, grenzen.`,
      `${KAPOT}/onbekend-veld.md, veld "moeilijkhied": is geen bekend veld. Bedoelde je "moeilijkheid"? Toegestane velden: id, titel, thema, partners, lokalePartners, vaardigheden, moeilijkheid, profiel, klant, geslacht, leeftijd, lokaleHulp.`,
      `${KAPOT}/onbekend-veld.md, veld "moeilijkheid": ontbreekt. Voeg toe, bijvoorbeeld: moeilijkheid: 1`,
      `${KAPOT}/ontbrekend-onderdeel.md: onderdeel "## Goede aanpak" ontbreekt.`,
      `${KAPOT}/twee-niveaus.md, onderdeel "### Intensiteit": moet een lijst met precies drie punten: **Niveau 1:** …, **Niveau 2:** … en **Niveau 3:** … (nu 2 punten).`,
      `${KAPOT}/verkeerd-id.md: id "ander-id" hoort gelijk te zijn aan de bestandsnaam zonder .md ("verkeerd-id"). Hernoem het bestand naar ander-id.md of pas het id aan.`,
    ]);
  });

  it("reports problems of the built-in and the user's folders together", () => {
    const error = thrown(() =>
      loadCasusLibrary({ vocabulary, builtInDir: BASIS, extraDirs: [KAPOT] }),
    );
    expect(error.message).toBe("7 casusbestanden bevatten fouten.");
  });

  it("says 1 casusbestand bevat fouten for a single broken file", () => {
    const dir = folderWith({ "x.md": MODEL_TEXT.replace("thema: digid", "thema: digi") });
    const error = thrown(() => loadCasusLibrary({ vocabulary, builtInDir: BASIS, extraDirs: [dir] }));
    expect(error.message).toBe("1 casusbestand bevat fouten.");
    expect(error.problems.map((problem) => problem.where)).toEqual([
      `${dir}/x.md, veld "thema"`,
      `${dir}/x.md`,
    ]);
  });

  it("names a missing folder", () => {
    const error = thrown(() =>
      loadCasusLibrary({ vocabulary, builtInDir: BASIS, extraDirs: ["test/fixtures/bestaat-niet"] }),
    );
    expect(error.message).toBe("De map met casussen test/fixtures/bestaat-niet bestaat niet.");
    expect(error.hint).toBe("Controleer het pad bij --casussen.");
  });

  it("names a path that is a file rather than a folder", () => {
    const error = thrown(() =>
      loadCasusLibrary({ vocabulary, builtInDir: BASIS, extraDirs: [`${EIGEN}/README.md`] }),
    );
    expect(error.message).toBe(`De map met casussen ${EIGEN}/README.md is geen map.`);
  });
});

describe("loadCasusLibrary with valid folders", () => {
  it("lays a user's casus over the built-in one with the same id, with a notice", () => {
    const { casussen, notices } = loadCasusLibrary({ vocabulary, builtInDir: BASIS, extraDirs: [EIGEN] });
    expect(casussen.map((casus) => [casus.id, casus.builtIn])).toEqual([
      ["cjib-aanmaning-boete", true],
      ["digid-verlopen-activeringsbrief", false],
      ["eigen-taalhuis", false],
    ]);
    expect(casussen.find((casus) => casus.id === "digid-verlopen-activeringsbrief")?.titel).toBe(
      "Onze eigen verlopen brief",
    );
    expect(notices).toEqual([
      `Eigen casus digid-verlopen-activeringsbrief vervangt de ingebouwde casus digid-verlopen-activeringsbrief (bestand ${EIGEN}/digid-verlopen-activeringsbrief.md).`,
    ]);
  });

  it("skips README.md and hidden files", () => {
    const dir = folderWith({
      "README.md": "# Uitleg\n",
      "._digid-verlopen-activeringsbrief.md": "rommel",
      "digid-verlopen-activeringsbrief.md": MODEL_TEXT,
    });
    expect(readCasusFolder(dir, vocabulary)).toMatchObject({ fileCount: 1, problems: [] });
  });

  it("lets a later user folder win over an earlier one", () => {
    const first = folderWith({ "eigen-taalhuis.md": MODEL_TEXT.replace("id: digid-verlopen-activeringsbrief", "id: eigen-taalhuis") });
    const { casussen, notices } = loadCasusLibrary({ vocabulary, builtInDir: BASIS, extraDirs: [EIGEN, first] });
    expect(casussen.find((casus) => casus.id === "eigen-taalhuis")?.source).toBe(`${first}/eigen-taalhuis.md`);
    expect(notices).toContain(
      `Eigen casus eigen-taalhuis uit ${first}/eigen-taalhuis.md vervangt die uit ${EIGEN}/eigen-taalhuis.md.`,
    );
  });

  it("reads a folder given twice, or the built-in folder as a user folder, only once", () => {
    const { casussen, notices } = loadCasusLibrary({
      vocabulary,
      builtInDir: BASIS,
      extraDirs: [BASIS, `./${BASIS}/`],
    });
    expect(casussen).toHaveLength(2);
    expect(notices).toEqual([]);
  });

  it("notes an empty user folder", () => {
    const dir = folderWith({});
    const { notices } = loadCasusLibrary({ vocabulary, builtInDir: BASIS, extraDirs: [dir] });
    expect(notices).toEqual([`In de map ${dir} staan geen casussen (*.md).`]);
  });
});

describe("loadCasusLibrary with only the own casussen (--alleen-eigen-casussen)", () => {
  it("leaves the built-in library out, so an own casus replaces nothing", () => {
    const own = loadCasusLibrary({ vocabulary, extraDirs: [EIGEN], ownOnly: true });
    expect(own.casussen.map((casus) => casus.id)).toEqual([
      "digid-verlopen-activeringsbrief",
      "eigen-taalhuis",
    ]);
    expect(own.casussen.every((casus) => !casus.builtIn)).toBe(true);
    expect(own.casussen.every((casus) => casus.source.startsWith(EIGEN))).toBe(true);
    expect(own.ownOnly).toEqual([EIGEN]);
    expect(own.notices.join("\n")).not.toContain("vervangt de ingebouwde");

    // Without it, the same folder adds to the built-in library.
    const added = loadCasusLibrary({ vocabulary, extraDirs: [EIGEN] });
    expect(added.casussen.length).toBeGreaterThan(40);
    expect(added.casussen.some((casus) => casus.builtIn)).toBe(true);
    expect(added.ownOnly).toBeUndefined();
  });

  it("leaves out a test's built-in folder too, without reading it", () => {
    const own = loadCasusLibrary({
      vocabulary,
      builtInDir: KAPOT,
      extraDirs: [EIGEN],
      ownOnly: true,
    });
    expect(own.casussen).toHaveLength(2);
  });

  it("refuses without an own folder, saying how to give one", () => {
    const error = thrown(() => loadCasusLibrary({ vocabulary, ownOnly: true }));
    expect(error.exitCode).toBe(1);
    expect(error.problems).toEqual([
      {
        where: "--alleen-eigen-casussen",
        message:
          "er is geen eigen casusmap opgegeven (--casussen MAP, of casussen: in instellingen.yaml).",
      },
    ]);
    expect(error.hint).toContain("--casussen MAP");
  });
});

describe("readCasusFolder", () => {
  it("keeps the valid casussen and returns the problems instead of throwing", () => {
    const folder = readCasusFolder(KAPOT, vocabulary);
    expect(folder.fileCount).toBe(8);
    expect(folder.brokenFileCount).toBe(7);
    // dubbel-id.md itself is fine: the copy with the wrong name is to blame.
    expect(folder.casussen.map((casus) => casus.id)).toEqual(["dubbel-id"]);
  });
});
