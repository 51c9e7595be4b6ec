import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { BIJEENKOMST_SECTIONS, bijeenkomstSchema } from "../../src/questions/bijeenkomst.js";
import { defineSchema, type Section } from "../../src/questions/define.js";
import { runWizard } from "../../src/questions/wizard.js";
import { createTerminalPrompts } from "../../src/questions/wizard-inquirer.js";
import { fileContext } from "../helpers/context.js";
import { scriptedPrompts, type ScriptedAnswer } from "./scripted-prompts.js";

const SECTIONS: readonly Section[] = [{ id: "inrichting", title: "Inrichting", intro: "" }];
const schema = defineSchema({
  privacy: {
    formulier: {
      kind: "confirm",
      section: "inrichting",
      label: "Gebruiken jullie een toestemmingsformulier",
      help: "",
      optional: true,
    },
    bewaren: {
      kind: "confirm",
      section: "inrichting",
      label: "Bewaren jullie iets",
      help: "",
    },
  },
});

const run = (script: Record<string, ScriptedAnswer>, initial?: unknown) => {
  const fake = scriptedPrompts(script);
  const done = runWizard(schema, SECTIONS, {
    ctx: fileContext(),
    prompts: fake.prompts,
    initial,
    mode: initial ? "edit" : "fill",
  });
  return { fake, done };
};

describe("optional yes/no questions in the wizard", () => {
  it("offer 'nog niet bekend', which leaves the answer empty; required ones stay yes/no", async () => {
    const { fake, done } = run({ "privacy.formulier": "", "privacy.bewaren": false });
    const { answers } = await done;
    expect(answers.privacy.formulier).toBeUndefined();
    expect(answers.privacy.bewaren).toBe(false);
    const confirms = fake.asked.filter((a) => a.kind === "confirm");
    expect(confirms.map((a) => a.id)).toEqual(["privacy.formulier", "privacy.bewaren"]);
    const rows = fake.summaries[0]!.flatMap((g) => g.rows);
    expect(rows.map((r) => r.value)).toEqual(["nog niet bekend", "nee"]);
  });

  it("offer 'nog niet bekend' again for an answer that was left open", async () => {
    const { fake, done } = run({}, { privacy: { formulier: "", bewaren: true } });
    const { answers } = await done;
    expect(fake.last("privacy.formulier")?.default).toBeUndefined();
    expect(fake.last("privacy.bewaren")?.default).toBe(true);
    expect(answers.privacy.formulier).toBeUndefined();
  });

  it("leave the bijeenkomst's toestemmingsformulier open, without asking its bewaartermijn", async () => {
    const fake = scriptedPrompts({
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
      "privacy.toestemmingsformulier": "",
      "bijeenkomst.datum": "16-02-2027",
      "bijeenkomst.locatie": "Leeszaal",
    });
    const { answers } = await runWizard(bijeenkomstSchema, BIJEENKOMST_SECTIONS, {
      ctx: fileContext(),
      prompts: fake.prompts,
    });
    expect(answers.privacy.toestemmingsformulier).toBeUndefined();
    expect(fake.ids()).not.toContain("privacy.bewaartermijn");
  });
});

/** The terminal prompts on in-memory streams: keys in, plain text out. */
function terminal() {
  const input = new PassThrough();
  let text = "";
  const output = Object.assign(
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString();
        callback();
      },
    }),
    { columns: 80, rows: 24 },
  );
  const prompts = createTerminalPrompts({ input, output, color: false });
  // Keys go in after the prompt has started listening.
  const type = (...keys: string[]) =>
    setTimeout(() => {
      for (const key of keys) input.write(key);
    }, 50);
  // eslint-disable-next-line no-control-regex -- stripping terminal escape codes is the point
  const screen = () => text.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, "");
  return { prompts, type, screen };
}

describe("yes/no questions on a terminal", () => {
  it("show 'ja', 'nee' and 'nog niet bekend' for an optional one", async () => {
    const { prompts, type, screen } = terminal();
    const open = prompts.confirm({
      id: "f",
      message: "Formulier?",
      default: undefined,
      optional: true,
    });
    type("\r");
    expect(await open).toBeUndefined();
    expect(screen()).toMatch(/ja\n\s+nee\n❯ nog niet bekend/);
    expect(screen()).toContain("✔ Formulier? nog niet bekend");

    const no = prompts.confirm({ id: "f", message: "Formulier?", default: true, optional: true });
    type("\u001b[B", "\r");
    expect(await no).toBe(false);
  });

  it("keep a required one to ja/nee", async () => {
    const { prompts, type, screen } = terminal();
    const answer = prompts.confirm({ id: "b", message: "Bewaren?", default: true });
    type("nee\r");
    expect(await answer).toBe(false);
    expect(screen()).not.toContain("nog niet bekend");
  });
});
