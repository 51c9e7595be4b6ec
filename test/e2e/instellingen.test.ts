import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIdokit, tempDir } from "../helpers/cli.js";
import { readParts } from "../helpers/zip.js";

const OWN_CASUSSEN = fileURLToPath(new URL("../fixtures/casussen-eigen", import.meta.url));
const EXAMPLE_ACTORS = fileURLToPath(
  new URL("../../data/voorbeeld-trainingsacteurs.yaml", import.meta.url),
);

describe("one place for a POI's settings", () => {
  let dir: string;
  let kit: string;
  beforeAll(() => {
    dir = tempDir();
    kit = join(dir, "poi-kit");
    expect(runIdokit(["sjablonen", "exporteer", kit]).status).toBe(0);
    // The POI fills in its kit: a colour, its actors, its own casussen.
    const huisstijl = join(kit, "huisstijl.yaml");
    writeFileSync(
      huisstijl,
      readFileSync(huisstijl, "utf8").replace(/^hoofdkleur: .*$/m, 'hoofdkleur: "#5B2A86"'),
    );
    cpSync(EXAMPLE_ACTORS, join(kit, "trainingsacteurs.yaml"));
    cpSync(OWN_CASUSSEN, join(kit, "casussen"), { recursive: true });
    rmSync(join(kit, "casussen", "README.md"));
    const settings = join(kit, "instellingen.yaml");
    writeFileSync(
      settings,
      readFileSync(settings, "utf8").replace(
        "# casussen:\n#   - casussen",
        "casussen:\n  - casussen",
      ),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const env = () => ({ IDOKIT_INSTELLINGEN: kit });

  it("is used by every command without flags: templates, house style, actors and casussen", () => {
    const made = runIdokit(["training", "--voorbeeld", "--map", join(dir, "pakket"), "--json"], {
      env: env(),
    });
    expect(made.status, made.stderr).toBe(0);
    expect(made.stderr).toContain(`Huisstijl gebruikt: ${join(kit, "huisstijl.yaml")}`);
    const pptx = Object.values(
      readParts(join(dir, "pakket", "presentatie-vaardigheidstraining.pptx")),
    ).join("");
    expect(pptx).toMatch(/srgbClr val="5B2A86"/);
    // The example's actor is on the POI's list: the phone number comes from there.
    expect(readFileSync(join(dir, "pakket", "antwoorden.yaml"), "utf8")).toMatch(
      /telefoon: 06 41 22 83 90/,
    );

    const listed = runIdokit(["casussen", "--json"], { env: env() });
    const ids = (JSON.parse(listed.stdout) as { casussen: Array<{ id: string }> }).casussen.map(
      (c) => c.id,
    );
    expect(ids).toContain("eigen-taalhuis");
  });

  it("lets a flag win over the settings", () => {
    const made = runIdokit(
      [
        "training",
        "--voorbeeld",
        "--huisstijl",
        join(kit, "..", "geen.yaml"),
        "--map",
        join(dir, "p2"),
      ],
      { env: env() },
    );
    expect(made.status).toBe(1);
    expect(made.stderr).toContain(`${join(dir, "geen.yaml")}: dit huisstijlbestand bestaat niet`);
  });

  it("sjablonen lijst shows where each template, the style, the actors and each casus folder come from", () => {
    const draaiboek = join(kit, "training", "draaiboek.md.hbs");
    writeFileSync(draaiboek, `${readFileSync(draaiboek, "utf8")}\nEen eigen zin.\n`);
    const listed = runIdokit(["sjablonen", "lijst"], { env: env() });
    expect(listed.status, listed.stderr).toBe(0);
    const text = listed.stderr;
    expect(text).toContain(
      `Instellingen  ${join(kit, "instellingen.yaml")} (via IDOKIT_INSTELLINGEN)`,
    );
    expect(text).toMatch(
      new RegExp(`Sjablonen +${kit} \\(uit de instellingen\\); 1 van \\d+ gewijzigd`),
    );
    expect(text).toContain(`Huisstijl     ${join(kit, "huisstijl.yaml")} (naast de sjablonen)`);
    expect(text).toContain(
      `Acteurs       ${join(kit, "trainingsacteurs.yaml")} (uit de instellingen)`,
    );
    expect(text).toMatch(/Casussen +van idokit zelf: \d+ casussen/);
    expect(text).toContain(`${join(kit, "casussen")} (uit de instellingen): 2 casussen`);
    expect(text).toMatch(/training\/draaiboek\.md\.hbs +eigen, gewijzigd/);
    expect(text).toMatch(/training\/spiekbrief\.md\.hbs +eigen, gelijk aan idokit/);

    const plain = runIdokit(["sjablonen", "lijst", "--json"]);
    const json = JSON.parse(plain.stdout) as {
      instellingen: { gevonden: string };
      sjablonen: { bron: string };
    };
    expect(json.instellingen.gevonden).toBe("geen");
    expect(json.sjablonen.bron).toBe("ingebouwd");
  });

  it("refuses broken settings before anything is made, naming file and line", () => {
    const broken = join(dir, "kapot.yaml");
    writeFileSync(broken, "sjablonen: .\nacteur: lijst.yaml\n");
    const made = runIdokit(["training", "--voorbeeld", "--map", join(dir, "p3")], {
      env: { IDOKIT_INSTELLINGEN: broken },
    });
    expect(made.status).toBe(1);
    expect(made.stderr).toContain(
      `${broken}, regel 2: onbekende instelling "acteur". Bedoelde je "acteurs"?`,
    );
  });
});
