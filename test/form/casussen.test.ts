import { describe, expect, it } from "vitest";
import { loadCasusLibrary } from "../../src/casussen/load.js";
import { viewCasusPicker, type CasusChoiceState } from "../../src/form/casussen.js";
import { evaluateForm, loadIntoForm, toRawAnswers } from "../../src/form/evaluate.js";
import { validateAnswers } from "../../src/answers/validate.js";
import { selectForTraining, type TrainingResources } from "../../src/pack/training.js";
import { listQuestions } from "../../src/questions/define.js";
import { trainingSchema, type TrainingAnswers } from "../../src/questions/training.js";
import { exampleRaw } from "../helpers/answers.js";
import { fileContext } from "../helpers/context.js";

/** The casus question in the form: the wizard's proposal, and the wizard's rules for ticking. */

const ctx = fileContext({ mode: "wizard" });
const library = loadCasusLibrary({ vocabulary: ctx.vocabulary, extraDirs: [] }).casussen;
const countQuestion = listQuestions(trainingSchema).find((q) => q.key === "focus.aantalCasussen")!;
const resources = { casussen: library, vocabulary: ctx.vocabulary } as unknown as TrainingResources;

/** The picker for these answers, its HTML with whitespace runs as one space. */
function view(answers: Record<string, unknown>, state?: CasusChoiceState) {
  const draft = evaluateForm(trainingSchema, answers, ctx).draft;
  const picker = viewCasusPicker({ draft, state, ctx, library, seed: 1, countQuestion });
  const flat = (html: { text: string }) => ({ text: html.text.replace(/\s+/g, " ") });
  return {
    ...picker,
    outcome: flat(picker.outcome),
    list: flat(picker.list),
    action: flat(picker.action),
  };
}

const base = (): Record<string, unknown> => loadIntoForm(trainingSchema, exampleRaw(), ctx).answers;

/** The casussen the pack will play for these form answers. */
function played(answers: Record<string, unknown>): string[] {
  const evaluation = evaluateForm(trainingSchema, answers, ctx);
  const valid = validateAnswers(
    trainingSchema,
    toRawAnswers(trainingSchema, answers, evaluation),
    fileContext(),
  );
  return selectForTraining(valid.answers as TrainingAnswers, resources, 1).chosen.map(
    (c) => c.casus.id,
  );
}

const ids = (html: string, cls: string): string[] =>
  [...html.matchAll(new RegExp(`id="casus-([a-z0-9-]+)"[^>]*${cls}`, "g"))].map((m) => m[1]!);
const checked = (html: string): string[] => ids(html, "checked");

describe("the casus question in the form", () => {
  it("proposes with reasons exactly the casussen the pack will play", () => {
    const answers = base();
    const picker = view(answers);
    const listed = [...picker.outcome.text.matchAll(/<span class="casus-titel">([^<]+)</g)].map(
      (m) => m[1]!.split(" · ")[0],
    );
    const titles = played(answers).map((id) => library.find((c) => c.id === id)!.titel);
    expect(listed).toEqual(titles);
    expect(picker.outcome.text).toContain("Het voorstel van idokit: 5 casussen");
    expect(picker.outcome.text).toContain("Gekozen omdat:");
    expect(checked(picker.list.text).sort()).toEqual(played(answers).sort());
    expect(picker.set).toBeUndefined();
  });

  it("changes nothing when the ticked casussen are the proposal", () => {
    const answers = base();
    const picker = view(answers, { ticked: played(answers) });
    expect(picker).toMatchObject({ resolved: true });
    expect(picker.set).toBeUndefined();
  });

  it("pins the ticked casussen when as many are ticked as there are to play", () => {
    const answers = base();
    const proposal = played(answers);
    const other = library.find((c) => !proposal.includes(c.id))!.id;
    const ticked = [...proposal.slice(1), other];
    const picker = view(answers, { ticked });
    expect(picker.resolved).toBe(true);
    expect(picker.set).toEqual({ "focus.casussen": ticked });
    expect(played({ ...answers, ...picker.set }).sort()).toEqual([...ticked].sort());
    const after = view({ ...answers, ...picker.set });
    expect(after.outcome.text).toContain("Jullie eigen keuze: 5 casussen");
    expect(after.outcome.text).toContain("Vaste keuze loslaten");
  });

  it("asks what to do when fewer are ticked, and does what is chosen", () => {
    const answers = base();
    const proposal = played(answers);
    const ticked = proposal.slice(0, 3);
    const asked = view(answers, { ticked });
    expect(asked.resolved).toBe(false);
    expect(asked.error).toMatch(/^Kies wat idokit met de aangevinkte casussen doet/);
    expect(asked.action.text).toContain(
      "Je hebt 3 casussen aangevinkt; het aantal casussen staat op 5.",
    );
    expect(asked.action.text).toContain("Maak het aantal casussen 3");
    expect(asked.action.text).toContain("Houd 5 casussen: idokit vult aan met 2");
    // The ticks stay as the person left them while idokit asks.
    expect(checked(asked.list.text).sort()).toEqual([...ticked].sort());

    const fewer = view(answers, { ticked, actie: "aantal" });
    expect(fewer.set).toEqual({ "focus.casussen": ticked, "focus.aantalCasussen": "3" });

    const filled = view(answers, { ticked, actie: "aanvullen" });
    const pins = filled.set!["focus.casussen"] as string[];
    expect(pins).toHaveLength(5);
    expect(pins).toEqual(expect.arrayContaining(ticked));
    // Never filled up with a proposed casus that was just unticked.
    for (const unticked of proposal.slice(3)) expect(pins).not.toContain(unticked);
  });

  it("offers only what the schema allows when more are ticked than fit", () => {
    const answers = { ...base(), "training.eindtijd": "15:45" };
    const count = Number(
      evaluateForm(trainingSchema, answers, ctx).fields["focus.aantalCasussen"]!.proposal ?? 0,
    );
    const many = library.slice(0, 12).map((c) => c.id);
    const asked = view({ ...answers, "focus.aantalCasussen": String(count) }, { ticked: many });
    expect(asked.action.text).not.toContain("Maak het aantal casussen 12");
    expect(asked.action.text).toMatch(/Het aantal op 12 zetten kan niet: 12 casussen passen niet/);
    const picked = view(
      { ...answers, "focus.aantalCasussen": String(count) },
      { ticked: many, actie: "kiezen" },
    );
    const pins = picked.set!["focus.casussen"] as string[];
    expect(pins).toHaveLength(count);
    for (const id of pins) expect(many).toContain(id);
  });

  it("lets go of pinned casussen, and leaves out ids the library does not know", () => {
    const answers = { ...base(), "focus.casussen": ["bestaat-niet", library[0]!.id] };
    const picker = view(answers);
    expect(picker.notes).toEqual(["Onbekende casus weggelaten: bestaat-niet."]);
    expect(picker.set).toEqual({ "focus.casussen": [library[0]!.id] });
    expect(view(answers, { actie: "loslaten" }).set).toEqual({ "focus.casussen": [] });
  });

  it("waits for a number of casussen before proposing", () => {
    const picker = view({ ...base(), "focus.aantalCasussen": "nul" });
    expect(picker.outcome.text).toContain("Vul eerst hierboven het aantal casussen in");
  });
});
