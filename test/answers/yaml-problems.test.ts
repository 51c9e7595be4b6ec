/**
 * A broken antwoorden.yaml (edited in Notepad, opened with --antwoorden or in the web form) is told
 * in Dutch: file, line, column and what to do; never the YAML parser's English, never a crash.
 */
import { describe, expect, it } from "vitest";
import { parseAnswersText } from "../../src/answers/load.js";
import { IdokitError } from "../../src/errors.js";

function problemsOf(text: string): ReadonlyArray<{ where: string; message: string }> {
  try {
    parseAnswersText(text, "antwoorden.yaml");
  } catch (error) {
    expect(error).toBeInstanceOf(IdokitError);
    expect((error as IdokitError).message).toBe('"antwoorden.yaml" is geen geldig YAML-bestand.');
    return (error as IdokitError).problems;
  }
  throw new Error("the text was read without a problem");
}

// English words the parser uses; none may reach the user.
const ENGLISH = /\b(line|column|allowed|must|mapping|implicit|unexpected|missing|the|alias)\b/i;

const CASES: Array<[string, string, string, RegExp]> = [
  ["a tab as indentation", "bibliotheek:\n\torganisatie: Bieb\n", "regel 2, kolom 1", /tab/],
  [
    "a colon and a space inside an answer",
    "bibliotheek:\n  organisatie: Bibliotheek: Zuid\n",
    "regel 2, kolom 16",
    /dubbele punt met een spatie.*aanhalingstekens/,
  ],
  [
    "a line indented differently",
    "bibliotheek:\n  organisatie: Bieb\n plaats: Zuid\n",
    "regel 3, kolom 1",
    /springt anders in/,
  ],
  ["a question given twice", "training:\n  locatie: a\n  locatie: b\n", "regel 3", /twee keer/],
  ["a quote not closed", 'kartrekker:\n  naam: "Sanne\n', "regel 3", /afsluitend teken/],
  [
    "an apostrophe inside single quotes",
    "kartrekker:\n  naam: 'Anne's'\n",
    "regel 2",
    /dubbele aanhalingstekens/,
  ],
  ["a list not closed", "partners:\n  landelijk: [svb\nx: 1\n", "regel 3", /\[ \]/],
  ["an answer starting with @", "kartrekker:\n  email: @bieb.nl\n", "regel 2, kolom 10", /@/],
  ["no space after the colon", "kartrekker:\n  naam:Sanne\n  email: a\n", "regel 2", /spatie/],
  ["a second document", "a: 1\n---\nb: 2\n", "regel 2", /---/],
];

describe("YAML errors in an answers file", () => {
  it.each(CASES)("tells %s in Dutch, with line and column", (_name, text, where, message) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(3);
    expect(problems[0]!.where).toContain(`antwoorden.yaml, ${where}`);
    expect(problems[0]!.message).toMatch(message);
    for (const p of problems) expect(p.message).not.toMatch(ENGLISH);
  });

  it("refuses an alias (an answer starting with *) in Dutch instead of crashing", () => {
    const problems = problemsOf("bibliotheek:\n  organisatie: *Bieb\n");
    expect(problems).toEqual([
      {
        where: "antwoorden.yaml, regel 2, kolom 16",
        message: expect.stringMatching(/begint met \* of &.*aanhalingstekens/),
      },
    ]);
  });

  it("refuses aliases that would blow up in memory", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => {
        const prev = String.fromCharCode(97 + i);
        const next = String.fromCharCode(98 + i);
        return `${next}: &${next} [${Array(10).fill(`*${prev}`).join(", ")}]`;
      }),
    ].join("\n");
    expect(problemsOf(bomb)[0]!.message).toMatch(/verwijzing/);
  });

  it("still reads a valid file, anchors and all", () => {
    expect(parseAnswersText("a: &x 1\nb: *x\n", "antwoorden.yaml")).toEqual({ a: 1, b: 1 });
  });
});
