import { describe, expect, it, vi } from "vitest";
import { CancelledError, InputError, UsageError } from "../../src/errors.js";
import { TRAINING_SECTIONS, trainingSchema } from "../../src/questions/training.js";
import { completeAnswers, type CompleteRequest } from "../../src/questions/wizard-session.js";
import { exampleRaw } from "../helpers/answers.js";
import { fileContext } from "../helpers/context.js";
import { CANCEL, scriptedPrompts, type ScriptedAnswer } from "./scripted-prompts.js";

function request(
  overrides: Partial<CompleteRequest<typeof trainingSchema>> = {},
  script: Record<string, ScriptedAnswer> = {},
) {
  const fake = scriptedPrompts(script);
  const saveDraft = vi.fn(() => "idokit-concept-20261128-1200.yaml");
  const warn = vi.fn();
  const req: CompleteRequest<typeof trainingSchema> = {
    schema: trainingSchema,
    sections: TRAINING_SECTIONS,
    raw: {},
    source: "",
    ctx: fileContext(),
    interactive: true,
    prompts: async () => fake.prompts,
    command: "idokit training",
    saveDraft,
    warn,
    ...overrides,
  };
  return { fake, req, saveDraft, warn };
}

const datedExample = () => {
  const raw = exampleRaw();
  raw.training!.datum = "02-02-2027";
  return raw;
};

describe("completeAnswers", () => {
  it("never asks without a terminal: lists every missing answer by key (exit 2)", async () => {
    const { req, fake } = request({ interactive: false });
    const error = await completeAnswers(req).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    const usage = error as UsageError;
    expect(usage.exitCode).toBe(2);
    expect(usage.problems.map((p) => p.where)).toEqual(
      expect.arrayContaining(["bibliotheek.organisatie", "training.datum", "training.deelnemers"]),
    );
    expect(usage.hint).toContain("idokit training --antwoorden BESTAND");
    expect(fake.asked).toEqual([]);
  });

  it("reports wrong answers from a file without a terminal as invalid input (exit 1)", async () => {
    const raw = datedExample();
    raw.kartrekker!.email = "nee";
    const { req } = request({ interactive: false, raw, source: "a.yaml" });
    const error = (await completeAnswers(req).catch((e: unknown) => e)) as InputError;
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems[0]!.where).toBe("kartrekker.email");
  });

  it("refuses to re-ask everything without a terminal", async () => {
    const { req } = request({ interactive: false, edit: true, raw: datedExample() });
    await expect(completeAnswers(req)).rejects.toThrow(/terminal nodig/);
  });

  it("returns a complete file's answers without asking when defaults are accepted", async () => {
    const { req, fake } = request({ raw: datedExample(), source: "a.yaml", acceptDefaults: true });
    const { answers, asked } = await completeAnswers(req);
    expect(asked).toBe(0);
    expect(fake.asked).toEqual([]);
    expect(answers.bibliotheek.organisatie).toBe("Bibliotheek Zuiderlinge");
  });

  it("mentions keys the schema does not know, then goes on", async () => {
    const raw = { ...datedExample(), trainig: { datum: "1-1-2027" } };
    const { req, fake } = request({ raw, source: "a.yaml", acceptDefaults: true });
    await completeAnswers(req);
    expect(fake.shown[0]).toMatch(
      /^problem: a\.yaml, trainig: onbekend veld\. Bedoelde je "training"\?.*Dit wordt overgeslagen\.$/,
    );
  });

  it("saves a draft on Ctrl-C and says how to continue (exit 130)", async () => {
    const { req, saveDraft } = request(
      {},
      {
        "bibliotheek.organisatie": "Bieb",
        "bibliotheek.vestiging": CANCEL,
      },
    );
    const error = (await completeAnswers(req).catch((e: unknown) => e)) as CancelledError;
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.exitCode).toBe(130);
    expect(saveDraft).toHaveBeenCalledWith({ bibliotheek: { organisatie: "Bieb" } });
    expect(error.message).toContain("idokit-concept-20261128-1200.yaml");
    expect(error.hint).toBe(
      "Ga verder met: idokit training --antwoorden idokit-concept-20261128-1200.yaml",
    );
  });

  it("writes no draft when nothing was typed before Ctrl-C", async () => {
    const { req, saveDraft } = request({}, { "bibliotheek.organisatie": CANCEL });
    const error = (await completeAnswers(req).catch((e: unknown) => e)) as CancelledError;
    expect(error).toBeInstanceOf(CancelledError);
    expect(saveDraft).not.toHaveBeenCalled();
    expect(error.message).toBe("Afgebroken; er is niets bewaard of gemaakt.");
  });

  it("saves a draft after an unexpected error, says so, and passes the error on", async () => {
    const { req, fake, saveDraft, warn } = request(
      {},
      { "bibliotheek.organisatie": "Bieb", "bibliotheek.vestiging": "Centrum" },
    );
    const input = fake.prompts.input;
    fake.prompts.input = async (r) => {
      if (r.id === "bibliotheek.plaats") throw new TypeError("kapot");
      return input(r);
    };
    const error = await completeAnswers(req).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(saveDraft).toHaveBeenCalled();
    expect(warn.mock.calls[0]![0]).toContain(
      "Ga later verder met: idokit training --antwoorden idokit-concept-",
    );
  });

  it("quotes a draft path with spaces in the continue command", async () => {
    const { req } = request(
      { saveDraft: () => "mijn map/idokit-concept.yaml" },
      {
        "bibliotheek.organisatie": "Bieb",
        "bibliotheek.vestiging": CANCEL,
      },
    );
    const error = (await completeAnswers(req).catch((e: unknown) => e)) as CancelledError;
    const quote = process.platform === "win32" ? '"' : "'";
    expect(error.hint).toBe(
      `Ga verder met: idokit training --antwoorden ${quote}mijn map/idokit-concept.yaml${quote}`,
    );
  });
});
