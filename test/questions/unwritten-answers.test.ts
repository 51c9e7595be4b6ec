import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  collectAnswers,
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
      resume: "idokit training --antwoorden idokit-concept-20261128-1005.yaml",
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
});
