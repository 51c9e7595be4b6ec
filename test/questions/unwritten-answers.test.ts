import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  collectAnswers,
  isIdokitDraft,
  keepAnswersOnFailure,
  saveUnwrittenAnswers,
  type AnswerOptions,
} from "../../src/commands/answers.js";
import type { CommandContext } from "../../src/commands/context.js";
import { TRAINING_ANSWERS } from "../../src/commands/training.js";
import { fileContext, TODAY } from "../helpers/context.js";
import { NEW_USER } from "./new-user.js";
import { scriptedPrompts } from "./scripted-prompts.js";

/** What a Ctrl-C while the pack is made finds to save (`saveUnwrittenAnswers`, called on SIGINT). */

let dir = "";
afterEach(() => {
  saveUnwrittenAnswers();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  dir = mkdtempSync(join(tmpdir(), "idokit-unwritten-"));
  const context: CommandContext = {
    today: TODAY,
    now: new Date(2026, 10, 28, 10, 5),
    cwd: dir,
    interactive: true,
    report: { info: () => undefined, warn: () => undefined },
  };
  const options: AnswerOptions = { voorbeeld: false, dryRun: false, out: "pakket" };
  const fake = scriptedPrompts(NEW_USER);
  return { context, options, io: { prompts: async () => fake.prompts } };
}

describe("answers typed in the wizard while the pack is made", () => {
  it("are saved as a draft once, with the command to continue", async () => {
    const { context, options, io } = setup();
    await collectAnswers(TRAINING_ANSWERS, options, context, fileContext(), io);
    const saved = saveUnwrittenAnswers();
    expect(saved).toEqual({
      file: "idokit-concept-20261128-1005.yaml",
      resume: "idokit training --map pakket --antwoorden idokit-concept-20261128-1005.yaml",
    });
    const draft = parse(readFileSync(join(dir, saved!.file), "utf8")) as {
      bibliotheek: Record<string, unknown>;
    };
    expect(draft.bibliotheek.organisatie).toBe("Bibliotheek Rivierenland");
    expect(saveUnwrittenAnswers()).toBeUndefined();
  });

  it("are not saved again once the pack is written", async () => {
    const { context, options, io } = setup();
    const collected = await collectAnswers(TRAINING_ANSWERS, options, context, fileContext(), io);
    await keepAnswersOnFailure(TRAINING_ANSWERS, collected, options, context, async () => "ok");
    expect(saveUnwrittenAnswers()).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it("are not there for the built-in example, which is not typed", async () => {
    const { context, io } = setup();
    await collectAnswers(
      TRAINING_ANSWERS,
      { voorbeeld: true, dryRun: false },
      context,
      fileContext(),
      io,
    );
    expect(saveUnwrittenAnswers()).toBeUndefined();
  });

  it("keep one draft per run: a second save replaces the first, and a failure reuses it", async () => {
    const { context, options, io } = setup();
    const collected = await collectAnswers(TRAINING_ANSWERS, options, context, fileContext(), io);
    const first = saveUnwrittenAnswers()!.file;
    const failing = keepAnswersOnFailure(TRAINING_ANSWERS, collected, options, context, () =>
      Promise.reject(new Error("kapot")),
    );
    await expect(failing).rejects.toThrow("kapot");
    expect(readdirSync(dir)).toEqual([first]);
    expect(isIdokitDraft(join(dir, first))).toBe(true);
  });
});

describe("continuing from a draft", () => {
  /** A draft as idokit writes it, from a first run that stopped. */
  async function firstRun() {
    const { context, options, io } = setup();
    await collectAnswers(TRAINING_ANSWERS, options, context, fileContext(), io);
    const { file } = saveUnwrittenAnswers()!;
    return { context, file };
  }

  it("removes the draft once the pack is made from it, and keeps it after a dry run", async () => {
    const { context, file } = await firstRun();
    const options: AnswerOptions = { voorbeeld: false, dryRun: true, answers: file, out: "p" };
    const told: string[] = [];
    const ctx = { ...context, report: { info: (m: string) => told.push(m), warn: () => {} } };
    const collected = await collectAnswers(TRAINING_ANSWERS, options, ctx, fileContext());
    expect(collected.draftFile).toBe(join(dir, file));
    await keepAnswersOnFailure(TRAINING_ANSWERS, collected, options, ctx, async () => "ok");
    expect(readdirSync(dir)).toEqual([file]);
    const real = { ...options, dryRun: false };
    await keepAnswersOnFailure(TRAINING_ANSWERS, collected, real, ctx, async () => "ok");
    expect(readdirSync(dir)).toEqual([]);
    expect(told.join("\n")).toContain(`Het concept ${file} is verwijderd`);
  });

  it("saves into the same draft when stopped again, with --map in the command to go on", async () => {
    const { context, file } = await firstRun();
    const options: AnswerOptions = {
      voorbeeld: false,
      dryRun: false,
      answers: file,
      out: "p q",
      bewerk: true,
    };
    const fake = scriptedPrompts({}); // every answer kept as it was (Enter)
    const io = { prompts: async () => fake.prompts };
    const collected = await collectAnswers(TRAINING_ANSWERS, options, context, fileContext(), io);
    expect(collected.asked).toBeGreaterThan(0);
    const failing = keepAnswersOnFailure(TRAINING_ANSWERS, collected, options, context, () =>
      Promise.reject(new Error("schijf vol")),
    );
    await expect(failing).rejects.toThrow("schijf vol");
    expect(readdirSync(dir)).toEqual([file]);
    const text = readFileSync(join(dir, file), "utf8");
    const quote = process.platform === "win32" ? '"' : "'";
    expect(text).toContain(
      `Ga verder met: idokit training --map ${quote}p q${quote} --antwoorden ${file}`,
    );
  });

  it("never removes an answers file that is not an idokit draft", async () => {
    const { context } = setup();
    const own = "idokit-concept-20261128-1005.yaml"; // idokit's name, but not idokit's text
    writeFileSync(join(dir, own), readFileSync("data/voorbeeld-training.yaml"));
    const options: AnswerOptions = { voorbeeld: false, dryRun: false, answers: own, out: "p" };
    const collected = await collectAnswers(TRAINING_ANSWERS, options, context, fileContext());
    expect(collected.draftFile).toBeUndefined();
    await keepAnswersOnFailure(TRAINING_ANSWERS, collected, options, context, async () => "ok");
    expect(readdirSync(dir)).toEqual([own]);
  });
});
