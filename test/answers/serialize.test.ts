import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { serializeAnswers } from "../../src/answers/serialize.js";
import { validateAnswers } from "../../src/answers/validate.js";
import { trainingSchema } from "../../src/questions/training.js";
import { exampleRaw } from "../helpers/answers.js";
import { fileContext } from "../helpers/context.js";

describe("antwoorden.yaml for other YAML readers", () => {
  const answers = validateAnswers(trainingSchema, exampleRaw(), fileContext()).answers as {
    training: { starttijd: string; eindtijd: string };
  };
  const text = serializeAnswers(trainingSchema, answers, "test");

  it("quotes times, which YAML 1.1 reads as base-60 numbers (13:30 is 810 there)", () => {
    expect(text).toContain(`starttijd: "${answers.training.starttijd}"`);
    expect(text).toContain(`eindtijd: "${answers.training.eindtijd}"`);
    expect(text).toMatch(/voorbesprekingTijd: "\d\d:\d\d"/);
    const old = parse(text, { version: "1.1" }) as { training: Record<string, unknown> };
    expect(old.training.starttijd).toBe(answers.training.starttijd);
    expect(typeof old.training.eindtijd).toBe("string");
  });

  it("quotes yes/no words, and reads back to the same answers in YAML 1.2", () => {
    const raw = exampleRaw();
    raw.training!.locatie = "no";
    const withNo = validateAnswers(trainingSchema, raw, fileContext()).answers!;
    const out = serializeAnswers(trainingSchema, withNo, "test");
    expect(out).toContain('locatie: "no"');
    expect(
      (parse(out, { version: "1.1" }) as { training: { locatie: unknown } }).training.locatie,
    ).toBe("no");
    const again = validateAnswers(trainingSchema, parse(out), fileContext());
    expect(again.answers).toEqual(withNo);
  });
});
