import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../src/errors.js";
import { trainingCommand } from "../../src/cli/training.js";
import {
  addPackOptions,
  addSeedFlag,
  ENGLISH_ALIASES,
  FLAGS,
  packFlags,
  selectionFlags,
} from "../../src/cli/options.js";

/** A training-like command, parsed in-process without exiting. */
function parse(args: string[]): Record<string, unknown> {
  const command = addSeedFlag(addPackOptions(new Command("proef")))
    .exitOverride()
    .configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  command.parse(args, { from: "user" });
  return command.opts();
}

describe("the flag scheme", () => {
  it.each([
    [["--antwoorden", "a.yaml"], "answers", "a.yaml"],
    [["--answers", "a.yaml"], "answers", "a.yaml"],
    [["-a", "a.yaml"], "answers", "a.yaml"],
    [["--map", "uit"], "out", "uit"],
    [["--out", "uit"], "out", "uit"],
    [["--sjablonen", "s"], "templates", "s"],
    [["--templates", "s"], "templates", "s"],
    [["--vervang"], "force", true],
    [["--force"], "force", true],
    [["--proefdraai"], "dryRun", true],
    [["--dry-run"], "dryRun", true],
    [["--standaard"], "yes", true],
    [["--yes"], "yes", true],
    [["--zip"], "zip", true],
    [["--pdf"], "pdf", true],
  ] as const)("reads %j as %s", (args, key, value) => {
    expect(packFlags(parse([...args]))[key]).toBe(value);
  });

  it("reads --variant and its English alias --seed as a number, 1 when neither is given", () => {
    expect(selectionFlags(parse(["--variant", "7"])).seed).toBe(7);
    expect(selectionFlags(parse(["--seed", "8"])).seed).toBe(8);
    expect(selectionFlags(parse([])).seed).toBe(1);
    expect(() => parse(["--seed", "zeven"])).toThrow(/heel getal/);
  });

  it("leaves every flag off, and every value empty, when nothing is given", () => {
    expect(packFlags(parse([]))).toEqual({
      answers: undefined,
      voorbeeld: false,
      out: undefined,
      yes: false,
      bewerk: false,
      force: false,
      dryRun: false,
      templates: undefined,
      zip: false,
      pdf: false,
    });
  });

  it("refuses the Dutch and the English name of one flag with different values", () => {
    const flags = parse(["--map", "a", "--out", "b"]);
    expect(() => packFlags(flags)).toThrow(UsageError);
    expect(() => packFlags(flags)).toThrow(/--map en --out zijn dezelfde optie/);
    // The same value twice is no contradiction.
    expect(packFlags(parse(["--map", "a", "--out", "a"])).out).toBe("a");
  });

  it("shows only the Dutch names in the help", () => {
    const help = trainingCommand().helpInformation();
    for (const spec of Object.values(FLAGS))
      expect(help).toContain(/--[a-z-]+/.exec(spec.flags)![0]);
    for (const name of ENGLISH_ALIASES) expect(help).not.toMatch(new RegExp(`${name}\\b`));
  });
});
