import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ENGLISH_ALIASES } from "../../src/cli/options.js";
import { runIdokit, tempDir } from "../helpers/cli.js";

/** The subcommands listed under "Commando's:" in a help text. */
function subcommandsOf(help: string): string[] {
  const section = /^Commando's:\n((?: {2}.*\n?)+)/m.exec(help)?.[1] ?? "";
  return section
    .split("\n")
    .filter((line) => /^ {2}\S/.test(line))
    .map((line) => line.trim().split(/\s/)[0]!)
    .filter((name) => name !== "help");
}

/** Every command path of idokit, found by walking the help as a user would. */
function allHelp(): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (path: string[]): void => {
    const result = runIdokit([...path, "--help"]);
    expect(result.status, `${path.join(" ")}: ${result.stderr}`).toBe(0);
    found.set(path.join(" "), result.stdout);
    for (const sub of subcommandsOf(result.stdout)) visit([...path, sub]);
  };
  visit([]);
  return found;
}

// Words commander or a programmer would write in English. Option names, file names and command
// invocations (`idokit help training`) are removed before the check: `--json` and `antwoorden.yaml`
// are names, not prose.
const ENGLISH =
  /\b(display|help|commands?|usage|options?|arguments?|default|choices|output|version|number|the|for|and|show|print|use|file|folder|error|missing|required|optional|preset|env)\b/i;

function prose(help: string): string {
  return help
    .replace(/(?:^|\s)--?[A-Za-z][\w-]*/g, " ")
    .replace(/<[^>]*>|\[[^\]]*\]/g, " ")
    .replace(/\S+\.(?:yaml|xlsx|csv|md|docx|pptx|json|png|hbs)\b/g, " ")
    .replace(/idokit help/g, "idokit")
    .replace(/^ {2}help\b/gm, " ");
}

describe("help", () => {
  const helps = allHelp();
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it("walks every command, including the subcommands", () => {
    expect([...helps.keys()]).toEqual(
      expect.arrayContaining([
        "",
        "training",
        "bijeenkomst",
        "casussen",
        "casussen toon",
        "casussen controleer",
        "sjablonen",
        "sjablonen exporteer",
        "sjablonen lijst",
        "batch",
        "batch sjabloon",
      ]),
    );
  });

  it("is Dutch everywhere: no English words of commander or a programmer", () => {
    for (const [path, help] of helps) {
      const english = ENGLISH.exec(prose(help));
      expect(english?.[0], `idokit ${path} --help: "${english?.[0]}"`).toBeUndefined();
    }
    // Through the help command too, which commander words itself.
    for (const path of ["sjablonen", "batch", "casussen"]) {
      const viaHelp = runIdokit(["help", ...path.split(" ")]);
      expect(viaHelp.status).toBe(0);
      expect(ENGLISH.exec(prose(viaHelp.stdout))?.[0], `idokit help ${path}`).toBeUndefined();
    }
  });

  it("lays out every help as paragraphs within 80 columns, each description a sentence", () => {
    for (const [path, help] of helps) {
      const lines = help.split("\n");
      // Prose (lines at the margin) wraps at commander's width: a sentence added to a paragraph
      // never runs on past the edge ("… één zip-bestand. Het pakket verschijnt …").
      for (const line of lines.filter((l) => /^\S/.test(l)))
        expect([...line].length, `idokit ${path} --help: ${line}`).toBeLessThanOrEqual(80);
      // A wrapped paragraph fills its lines: no short line in the middle of one.
      for (let i = 1; i < lines.length - 1; i += 1) {
        const [line, next] = [lines[i]!, lines[i + 1]!];
        if (/^\S/.test(line) && /^\S/.test(next) && !/:$/.test(line) && !/^Gebruik:/.test(line))
          expect(
            [...line].length + 1 + [...next.split(" ")[0]!].length,
            `idokit ${path} --help: short line "${line}"`,
          ).toBeGreaterThan(80);
      }
      // The description under "Gebruik:" ends like a sentence.
      const description = lines.slice(2).find((l) => l.trim() !== "") ?? "";
      expect(help.split("\n\n")[1]?.trim(), `idokit ${path} --help`).toMatch(/[.!?)]$/);
      expect(description).not.toBe("");
    }
  });

  it("lists only the Dutch option names; the English ones are hidden aliases", () => {
    const english = ENGLISH_ALIASES;
    for (const [path, help] of helps) {
      const options = help.split("\n").filter((line) => /^ {2}-/.test(line));
      for (const line of options)
        for (const name of english)
          expect(line, `idokit ${path} --help`).not.toMatch(new RegExp(`${name}\\b`));
    }
  });

  it("accepts the English names of idokit 0.1 as well as the Dutch ones", () => {
    const dir = tempDir();
    dirs.push(dir);
    const dutch = runIdokit(
      ["training", "--voorbeeld", "--map", join(dir, "a"), "--proefdraai", "--json"],
      { cwd: dir },
    );
    const english = runIdokit(
      ["training", "--voorbeeld", "--out", join(dir, "a"), "--dry-run", "--json"],
      { cwd: dir },
    );
    expect(dutch.status, dutch.stderr).toBe(0);
    expect(english.status, english.stderr).toBe(0);
    expect(JSON.parse(dutch.stdout)).toEqual(JSON.parse(english.stdout));
    expect(JSON.parse(dutch.stdout).map).toBe(join(dir, "a"));
  });

  it("refuses a Dutch and an English name of one option with different values (exit 2)", () => {
    const result = runIdokit(["training", "--voorbeeld", "--map", "a", "--out", "b", "-n"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--map en --out zijn dezelfde optie/);
  });
});
