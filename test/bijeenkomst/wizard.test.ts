import { readdirSync, writeFileSync } from "node:fs";
import { tempDir } from "../helpers/temp.js";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runBijeenkomst, type BijeenkomstOptions } from "../../src/commands/bijeenkomst.js";
import type { CommandContext } from "../../src/commands/context.js";
import { scriptedPrompts, type ScriptedAnswer } from "../questions/scripted-prompts.js";
import { stringify } from "yaml";
import { exampleRaw, TODAY } from "./helpers.js";

function terminal(cwd: string, warnings: string[] = []): CommandContext {
  return {
    today: TODAY,
    now: new Date("2026-11-28T10:00:00Z"),
    cwd,
    interactive: true,
    report: { info: () => undefined, warn: (m) => warnings.push(m) },
  };
}

const options = (overrides: Partial<BijeenkomstOptions> = {}): BijeenkomstOptions => ({
  voorbeeld: false,
  force: false,
  dryRun: false,
  out: "pakket",
  ...overrides,
});

/** The meeting's own answers; every werkafspraak is skipped ("we settle it in the meeting"). */
const SCRIPT: Record<string, ScriptedAnswer> = {
  "bibliotheek.organisatie": "Bibliotheek Rivierenland",
  "bibliotheek.vestiging": "Vestiging Culemborg",
  "bibliotheek.plaats": "Culemborg",
  "bibliotheek.poi": "rijnbrink",
  "kartrekker.naam": "Sanne Jansen",
  "kartrekker.email": "s.jansen@example.nl",
  "werkwijze.vorm": "",
  "werkwijze.bemensing": "",
  "werkwijze.registratie": "",
  "partners.lokaal.toevoegen": false,
  "privacy.toestemmingsformulier": true,
  "bijeenkomst.datum": "16-02-2027",
  "bijeenkomst.locatie": "Leeszaal",
};

describe("idokit bijeenkomst in a terminal", () => {
  it("asks the meeting's questions, lets every werkafspraak be skipped, and makes the pack", async () => {
    const dir = tempDir("idokit-bijeenkomst-wizard-");
    const fake = scriptedPrompts(SCRIPT);
    const result = await runBijeenkomst(options(), terminal(dir), {
      prompts: async () => fake.prompts,
    });
    expect(fake.shown.filter((s) => s.startsWith("## "))).toEqual([
      "## Bibliotheek & IDO",
      "## Werkwijze",
      "## Partners & doorverwijzen",
      "## Inrichting & privacy",
      "## De bijeenkomst",
      "## Huisstijl",
    ]);
    // The werkafspraken come before the meeting, so its defaults can follow from them.
    const ids = fake.ids();
    expect(ids.indexOf("werkwijze.openingstijden")).toBeLessThan(ids.indexOf("bijeenkomst.datum"));
    expect(fake.last("bijeenkomst.eindtijd")?.default).toBe("16:00");
    // Privacy is settled by the answers given (the national line plus a consent form); the
    // rest is open and offered as such.
    expect(fake.last("bijeenkomst.open")?.default).toEqual([
      "werkwijze",
      "partners",
      "inrichting",
      "registratie",
      "escalatie",
      "kennis",
    ]);
    expect(result.agenda.map((r) => r.onderdeel)).toContain("Kennis op peil houden");
    expect(readdirSync(result.map)).toContain("werkafspraken-formulier.docx");
  });

  it("with --yes asks only what an answers file lacks and has no default", async () => {
    const dir = tempDir("idokit-bijeenkomst-wizard-");
    const raw = exampleRaw();
    delete raw.bijeenkomst!.locatie;
    writeFileSync(join(dir, "antwoorden.yaml"), stringify(raw));
    const fake = scriptedPrompts({ "bijeenkomst.locatie": "Vergaderzaal De Linde" });
    const result = await runBijeenkomst(
      options({ answers: "antwoorden.yaml", dryRun: true, yes: true }),
      terminal(dir),
      { prompts: async () => fake.prompts },
    );
    expect(fake.ids().filter((id) => !["samenvatting", "maken"].includes(id))).toEqual([
      "bijeenkomst.locatie",
    ]);
    expect(result.dryRun).toBe(true);
    expect(result.open).toEqual([
      "Partners en warme overdracht",
      "Privacy",
      "Escalatie bij lastige bezoekers",
      "Kennis op peil houden",
    ]);
  });
});
