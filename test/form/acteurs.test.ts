import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ActorList } from "../../src/acteurs/parse.js";
import { actorDetails } from "../../src/form/session.js";
import { ensureBuilt, ROOT } from "../helpers/pty.js";
import { tempDir } from "../helpers/temp.js";
import { paragraphsOf, readParts } from "../helpers/zip.js";
import { startForm, type FormRun } from "./helpers.js";

/**
 * A POI's list of trainingsacteurs in the form: found through instellingen.yaml (or --acteurs),
 * its names offered at the actor question, and a name from it bringing bureau, e-mail and phone,
 * as the wizard and the answers file do.
 */

const list: ActorList = {
  source: "lijst.yaml",
  acteurs: [
    {
      naam: "Mila de Boer",
      bureau: "Bureau Echt Gebeurd",
      email: "mila@echtgebeurd.nl",
      telefoon: "06 11112222",
      specialiteiten: [],
    },
    { naam: "Karim Aziz", email: "karim@spelwerk.nl", specialiteiten: [] },
  ],
};

describe("the details a listed actor brings", () => {
  it("fills empty fields, whatever the case or spacing of the name", () => {
    expect(actorDetails({ "acteur.naam": "  mila DE boer " }, list)).toEqual({
      "acteur.bureau": "Bureau Echt Gebeurd",
      "acteur.email": "mila@echtgebeurd.nl",
      "acteur.telefoon": "06 11112222",
    });
    expect(actorDetails({ "acteur.naam": "Mila de Boer", "acteur.email": " " }, list)).toEqual(
      expect.objectContaining({ "acteur.email": "mila@echtgebeurd.nl" }),
    );
  });

  it("keeps what the person typed, replaces another listed actor's details, and knows no other names", () => {
    expect(
      actorDetails(
        { "acteur.naam": "Mila de Boer", "acteur.email": "mila.privé@example.nl" },
        list,
      ),
    ).not.toHaveProperty("acteur.email");
    expect(
      actorDetails(
        {
          "acteur.naam": "Karim Aziz",
          "acteur.bureau": "Bureau Echt Gebeurd",
          "acteur.email": "mila@echtgebeurd.nl",
          "acteur.telefoon": "06 99",
        },
        list,
      ),
    ).toEqual({ "acteur.bureau": "", "acteur.email": "karim@spelwerk.nl" });
    expect(actorDetails({ "acteur.naam": "Mila de Boe" }, list)).toEqual({});
    expect(actorDetails({ "acteur.naam": "Mila de Boer" }, undefined)).toEqual({});
  });
});

function post(form: FormRun, route: string, body: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port: form.port,
        method: "POST",
        path: `/${form.token}/api/${route}`,
        headers: { "Content-Type": "application/json", Origin: `http://127.0.0.1:${form.port}` },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString("utf8")));
        res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(() => ensureBuilt(), 180_000);

describe("idokit formulier with a POI's settings", () => {
  it("offers the actors from instellingen.yaml and makes the pack with a listed actor's details", async () => {
    const poi = tempDir();
    writeFileSync(join(poi, "instellingen.yaml"), "acteurs: lijst.yaml\n");
    writeFileSync(
      join(poi, "lijst.yaml"),
      [
        "acteurs:",
        "  - naam: Mila de Boer",
        "    bureau: Bureau Echt Gebeurd",
        "    email: mila@echtgebeurd.nl",
        '    telefoon: "06 11112222"',
        "  - naam: Karim Aziz",
      ].join("\n"),
    );
    const dir = tempDir();
    const form = await startForm(["--map", "pakket"], {
      cwd: dir,
      env: { IDOKIT_INSTELLINGEN: poi },
    });
    try {
      const page = await fetch(form.url).then((response) => response.text());
      const options = /<datalist id="v-acteur-naam-keuzes">([\s\S]*?)<\/datalist>/.exec(page);
      expect(options?.[1]?.match(/value="[^"]*"/g)).toEqual([
        'value="Mila de Boer"',
        'value="Karim Aziz"',
      ]);
      expect(page).toMatch(/list="v-acteur-naam-keuzes"/);
      expect(page).toContain("Kies een naam uit jullie lijst (2 acteurs)");

      // The example's answers, with an actor from the list and no details of their own.
      const example = readFileSync(join(ROOT, "data", "voorbeeld-training.yaml"), "utf8")
        .replace("naam: Joost van Dijk", "naam: mila de boer")
        .replace("  bureau: Spel & Co trainingsacteurs\n", "")
        .replace("  email: joost@spelenco.nl\n", "");
      const opened = await post(form, "open", { name: "antwoorden.yaml", text: example });
      const answers = opened.answers as Record<string, unknown>;
      expect(answers["acteur.email"]).toBeUndefined();
      const evaluated = await post(form, "evalueer", { answers });
      expect(evaluated.set).toEqual({
        "acteur.bureau": "Bureau Echt Gebeurd",
        "acteur.email": "mila@echtgebeurd.nl",
        "acteur.telefoon": "06 11112222",
      });

      const made = await post(form, "pakket", { answers });
      expect(made.fout).toBeUndefined();
      expect(made.map).toBe(join(dir, "pakket"));
      const briefing = paragraphsOf(
        readParts(
          new Uint8Array(readFileSync(join(dir, "pakket", "briefing-trainingsacteur.docx"))),
        )["word/document.xml"]!,
      ).join("\n");
      expect(briefing).toContain("Mila de Boer");
      const draaiboek = paragraphsOf(
        readParts(new Uint8Array(readFileSync(join(dir, "pakket", "draaiboek.docx"))))[
          "word/document.xml"
        ]!,
      ).join("\n");
      expect(draaiboek).toContain("mila@echtgebeurd.nl");
      expect(readdirSync(dir)).toEqual(["pakket"]);
    } finally {
      await form.stop();
    }
  });
});
