import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadCasusLibrary } from "../../src/casussen/load.js";
import type { Casus } from "../../src/casussen/types.js";
import type { CommandContext } from "../../src/commands/context.js";
import { runTraining, type TrainingOptions } from "../../src/commands/training.js";
import { selectForTraining, type TrainingResources } from "../../src/pack/training.js";
import { TRAINING_SECTIONS, trainingSchema } from "../../src/questions/training.js";
import { runWizard, type WizardOptions } from "../../src/questions/wizard.js";
import {
  createCasusPicker,
  shortReasons,
  selectionRequestFor,
} from "../../src/questions/wizard-casussen.js";
import { InputError } from "../../src/errors.js";
import { fileContext, TODAY } from "../helpers/context.js";
import { NEW_USER } from "./new-user.js";
import { scriptedPrompts, seq, type ScriptedAnswer, type Sequence } from "./scripted-prompts.js";

const ctx = fileContext();
const LIBRARY: readonly Casus[] = loadCasusLibrary({
  vocabulary: ctx.vocabulary,
  extraDirs: [],
}).casussen;
const titleOf = (id: string): string => LIBRARY.find((c) => c.id === id)!.titel;

/** The training wizard with the casus picker, as `idokit training` runs it. */
function wizard(
  script: Record<string, ScriptedAnswer | Sequence>,
  options: Partial<WizardOptions> = {},
) {
  const fake = scriptedPrompts({ ...NEW_USER, ...script });
  let loads = 0;
  const picker = createCasusPicker({
    library: () => {
      loads += 1;
      return LIBRARY;
    },
    seed: 1,
  });
  const run = runWizard(trainingSchema, TRAINING_SECTIONS, {
    ctx,
    prompts: fake.prompts,
    pickers: { "focus.casussen": picker },
    ...options,
  });
  return { fake, run, loads: () => loads };
}

/** The ids the proposal prompt showed, by their titles in its lines. */
function proposedIds(lines: readonly string[] | undefined): string[] {
  const titles = (lines ?? [])
    .filter((line) => /^\d+\. /.test(line))
    .map((line) => line.replace(/^\d+\. /, "").split(" · ")[0]);
  return titles.map((title) => LIBRARY.find((c) => c.titel === title)!.id);
}

const resources = { casussen: LIBRARY, vocabulary: ctx.vocabulary } as TrainingResources;

describe("the casus question in the training wizard", () => {
  it("shows the proposal with reasons and pins nothing when it is accepted", async () => {
    const { fake, run } = wizard({});
    const { answers } = await run;
    const prompt = fake.last("focus.casussen")!;
    expect(prompt.kind).toBe("select");
    expect(prompt.default).toBe("voorstel");
    expect(prompt.choices).toEqual(["voorstel", "zelf"]);
    expect(prompt.help).toMatch(/^Het voorstel van idokit: 5 casussen/);
    const casusLines = prompt.lines!.filter((line) => /^\d+\. /.test(line));
    expect(casusLines).toHaveLength(5);
    for (const line of casusLines)
      expect(line).toMatch(/^\d+\. .+ · .+ · (instap|gemiddeld|pittig)\ngekozen omdat: \S/);
    expect(fake.ids()).not.toContain("focus.casussen.lijst");

    expect(answers.focus.casussen).toBeUndefined();
    // What was shown is what the pack will play.
    const pack = selectForTraining(answers, resources, 1);
    expect(proposedIds(prompt.lines)).toEqual(pack.chosen.map((c) => c.casus.id));
  });

  it("words an accepted proposal in the summary, and pinned casussen by title", async () => {
    const accepted = wizard({});
    await accepted.run;
    const row = (summary: (typeof accepted.fake.summaries)[number]) =>
      summary.flatMap((g) => g.rows).find((r) => r.key === "focus.casussen")!;
    expect(row(accepted.fake.summaries[0]!).value).toBe("geen; idokit kiest ze (het voorstel)");

    const picked = wizard({
      "focus.casussen": "zelf",
      "focus.casussen.lijst": ["digid-verlopen-activeringsbrief", "cjib-verhoogde-boete"],
      "focus.casussen.aantal": "aantal",
    });
    await picked.run;
    expect(row(picked.fake.summaries[0]!).value).toBe(
      `${titleOf("digid-verlopen-activeringsbrief")}; ${titleOf("cjib-verhoogde-boete")}`,
    );
  });

  it("pins the ticked casussen and sets the number of casussen to the number ticked", async () => {
    const ticked = [
      "digid-verlopen-activeringsbrief",
      "cjib-verhoogde-boete",
      "belasting-blauwe-envelop",
    ];
    const { fake, run } = wizard({
      "focus.casussen": "zelf",
      "focus.casussen.lijst": ticked,
      "focus.casussen.aantal": "aantal",
    });
    const { answers } = await run;
    const list = fake.last("focus.casussen.lijst")!;
    // The whole library, the proposal ticked and on top.
    expect(list.choices).toHaveLength(LIBRARY.length);
    expect(list.choices!.slice(0, 5)).toEqual(list.default);
    expect(fake.last("focus.casussen.aantal")!.help).toBe(
      "Je hebt 3 casussen aangevinkt; het aantal casussen staat op 5.",
    );
    expect(answers.focus.casussen).toEqual(ticked);
    expect(answers.focus.aantalCasussen).toBe(3);
    expect(fake.shown.find((s) => s.startsWith("note: Jullie casussen"))).toMatch(
      /^note: Jullie casussen \(3\):\n {2}1\. /,
    );
    const pack = selectForTraining(answers, resources, 1);
    expect(pack.chosen.map((c) => c.casus.id).sort()).toEqual([...ticked].sort());
    expect(pack.uncovered.filter((u) => /vastgezet/.test(u))).toEqual([]);
  });

  it("fills up to the number of casussen, never with a proposed casus that was unticked", async () => {
    const probe = wizard({});
    await probe.run;
    const shown = proposedIds(probe.fake.last("focus.casussen")!.lines);
    const kept = shown.slice(0, 3);
    const { fake, run } = wizard({
      "focus.casussen": "zelf",
      "focus.casussen.lijst": kept,
      "focus.casussen.aantal": "aanvullen",
    });
    const { answers } = await run;
    expect(answers.focus.aantalCasussen).toBe(5);
    expect(answers.focus.casussen).toHaveLength(5);
    expect(answers.focus.casussen).toEqual(expect.arrayContaining(kept));
    for (const unticked of shown.slice(3)) expect(answers.focus.casussen).not.toContain(unticked);
    const note = fake.shown.find((s) => s.startsWith("note: Jullie casussen"))!;
    expect(note.match(/\(aangevuld door idokit\)/g)).toHaveLength(2);
  });

  it("lets idokit choose among more ticked casussen than the training holds", async () => {
    const probe = wizard({});
    await probe.run;
    const shown = proposedIds(probe.fake.last("focus.casussen")!.lines);
    const ticked = LIBRARY.filter((c) => c.thema === "digid" && !shown.includes(c.id)).map(
      (c) => c.id,
    );
    expect(ticked.length).toBeGreaterThan(5);
    const { answers } = await wizard({
      "focus.casussen": "zelf",
      "focus.casussen.lijst": ticked,
      "focus.casussen.aantal": "kiezen",
    }).run;
    expect(answers.focus.aantalCasussen).toBe(5);
    expect(answers.focus.casussen).toHaveLength(5);
    for (const id of answers.focus.casussen!) expect(ticked).toContain(id);
  });

  it("does not offer a number of casussen the training cannot hold, and says why", async () => {
    const ticked = LIBRARY.slice(0, 12).map((c) => c.id);
    const { fake, run } = wizard({
      "focus.casussen": "zelf",
      "focus.casussen.lijst": ticked,
      "focus.casussen.aantal": "kiezen",
    });
    const { answers } = await run;
    const prompt = fake.last("focus.casussen.aantal")!;
    expect(prompt.choices).toEqual(["kiezen", "opnieuw", "terug"]);
    expect(prompt.default).toBe("kiezen");
    expect(prompt.lines![0]).toMatch(/^Het aantal op 12 zetten kan niet: .*hoogstens 11/);
    expect(answers.focus.aantalCasussen).toBe(5);
  });

  it("pins nothing when idokit, choosing among more ticked, ends at the proposal", async () => {
    const probe = wizard({});
    await probe.run;
    const shown = proposedIds(probe.fake.last("focus.casussen")!.lines);
    const extra = LIBRARY.map((c) => c.id)
      .filter((id) => !shown.includes(id))
      .slice(0, 2);
    const { fake, run } = wizard({
      "focus.casussen": "zelf",
      "focus.casussen.lijst": [...shown, ...extra],
      "focus.casussen.aantal": "kiezen",
    });
    const { answers } = await run;
    expect(answers.focus.casussen).toBeUndefined();
    expect(fake.shown.some((s) => s.startsWith("note: Dat is het voorstel van idokit (5):"))).toBe(
      true,
    );
  });

  it("pins nothing when exactly the proposal stays ticked", async () => {
    const probe = wizard({});
    await probe.run;
    const shown = proposedIds(probe.fake.last("focus.casussen")!.lines);
    const { fake, run } = wizard({
      "focus.casussen": "zelf",
      "focus.casussen.lijst": [...shown].reverse(),
    });
    const { answers } = await run;
    expect(answers.focus.casussen).toBeUndefined();
    expect(fake.shown).toContain("note: Je hebt het voorstel gehouden.");
  });

  it("goes back to the proposal, or ticks again, when the numbers do not match", async () => {
    const { fake, run } = wizard({
      "focus.casussen": seq("zelf", "voorstel"),
      "focus.casussen.lijst": seq(["cjib-verhoogde-boete"], ["cjib-verhoogde-boete"]),
      "focus.casussen.aantal": seq("opnieuw", "terug"),
    });
    const { answers } = await run;
    expect(fake.ids().filter((id) => id.startsWith("focus.casussen"))).toEqual([
      "focus.casussen",
      "focus.casussen.lijst",
      "focus.casussen.aantal",
      "focus.casussen.lijst",
      "focus.casussen.aantal",
      "focus.casussen",
    ]);
    // Ticking again starts from what was ticked.
    expect(fake.asked.filter((a) => a.id === "focus.casussen.lijst")[1]!.default).toEqual([
      "cjib-verhoogde-boete",
    ]);
    expect(answers.focus.casussen).toBeUndefined();
  });

  it("keeps pins from the answers file, drops unknown ids, and can let the pins go", async () => {
    const initial = {
      focus: { casussen: ["cjib-verhoogde-boete", "bestaat-niet"] },
    };
    const kept = wizard({}, { initial, mode: "edit" });
    const a = await kept.run;
    const prompt = kept.fake.last("focus.casussen")!;
    expect(prompt.choices).toEqual(["voorstel", "zelf", "loslaten"]);
    expect(prompt.help).toBe("Jullie 1 vaste casussen, aangevuld door idokit tot 5.");
    expect(prompt.lines!.join("\n")).toContain("gekozen omdat: vastgezet door jullie");
    expect(kept.fake.shown).toContain("problem: Onbekende casus weggelaten: bestaat-niet.");
    expect(a.answers.focus.casussen).toEqual(["cjib-verhoogde-boete"]);

    const released = wizard(
      { "focus.casussen": seq("loslaten", "voorstel") },
      { initial, mode: "edit" },
    );
    const b = await released.run;
    expect(b.answers.focus.casussen).toBeUndefined();
  });

  it("loads the library only when the casus question is asked", async () => {
    const { run, loads } = wizard({});
    expect(loads()).toBe(0);
    await run;
    expect(loads()).toBeGreaterThan(0);
  });
});

describe("selectionRequestFor", () => {
  it("asks what the pack asks, also from a draft without local partners", () => {
    const request = selectionRequestFor(
      { focus: { aantalCasussen: 4, vaardigheden: ["doorvragen"], niveau: "rustig" } },
      { seed: 7, pinned: ["a"] },
    );
    expect(request).toEqual({
      count: 4,
      focus: ["doorvragen"],
      partners: [],
      localPartnerTypes: [],
      localPartners: [],
      pinned: ["a"],
      niveau: "rustig",
      seed: 7,
    });
  });
});

describe("shortReasons", () => {
  it.each([
    [["oefent doorvragen"], "gekozen omdat: oefent doorvragen"],
    [["a".repeat(60), "b".repeat(60), "c"], `gekozen omdat: ${"a".repeat(60)}; …`],
    [["x".repeat(200)], `gekozen omdat: ${"x".repeat(109)}…`],
  ])("keeps whole reasons that fit and marks the rest", (reasons, expected) => {
    expect(shortReasons(reasons)).toBe(expected);
    expect(shortReasons(reasons).length).toBeLessThanOrEqual(125);
  });
});

describe("idokit training with the casus picker", () => {
  let dir = "";
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const run = async (script: Record<string, ScriptedAnswer | Sequence>) => {
    dir = mkdtempSync(join(tmpdir(), "idokit-casus-picker-"));
    const fake = scriptedPrompts({ ...NEW_USER, ...script });
    const context: CommandContext = {
      today: TODAY,
      now: new Date("2026-11-28T10:00:00Z"),
      cwd: dir,
      interactive: true,
      report: { info: () => undefined, warn: () => undefined },
    };
    const options: TrainingOptions = {
      voorbeeld: false,
      force: false,
      dryRun: false,
      out: "pakket",
      casussen: [],
      seed: 1,
    };
    const result = await runTraining(options, context, { prompts: async () => fake.prompts });
    const saved = parse(readFileSync(join(dir, "pakket", "antwoorden.yaml"), "utf8")) as {
      focus: Record<string, unknown>;
    };
    return { fake, result, saved };
  };

  it("reports a broken casus folder before asking anything", async () => {
    dir = mkdtempSync(join(tmpdir(), "idokit-casus-picker-"));
    let created = false;
    const error = await runTraining(
      {
        voorbeeld: false,
        force: false,
        dryRun: false,
        casussen: [fileURLToPath(new URL("../fixtures/casussen-kapot", import.meta.url))],
        seed: 1,
      },
      {
        today: TODAY,
        now: new Date("2026-11-28T10:00:00Z"),
        cwd: dir,
        interactive: true,
        report: { info: () => undefined, warn: () => undefined },
      },
      {
        prompts: async () => {
          created = true;
          return scriptedPrompts({}).prompts;
        },
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect(created).toBe(false);
  });

  it("makes the proposed casussen and saves no pins when the proposal is accepted", async () => {
    const { fake, result, saved } = await run({});
    // The result lists them in the documents' order (a reserve last), so compare as sets.
    expect(result.casussen.map((c) => c.id).sort()).toEqual(
      proposedIds(fake.last("focus.casussen")!.lines).sort(),
    );
    expect(saved.focus.casussen ?? []).toEqual([]);
    expect(saved.focus.aantalCasussen).toBe(5);
  }, 30_000);

  it("makes the ticked casussen and saves them as pins with the adjusted number", async () => {
    const ticked = ["digid-verlopen-activeringsbrief", "cjib-verhoogde-boete"];
    const { result, saved } = await run({
      "focus.casussen": "zelf",
      "focus.casussen.lijst": ticked,
      "focus.casussen.aantal": "aantal",
    });
    expect(result.casussen.map((c) => c.id).sort()).toEqual([...ticked].sort());
    expect(saved.focus.casussen).toEqual(ticked);
    expect(saved.focus.aantalCasussen).toBe(2);
  }, 30_000);
});
