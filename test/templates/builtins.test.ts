import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The stub the build replaces, replaceable here: undefined = read and compile at run time.
const prepared = vi.hoisted(() => ({ templates: undefined as unknown }));
vi.mock("../../src/templates/builtin.js", () => ({
  get BUILTIN_TEMPLATES() {
    return prepared.templates;
  },
}));
import { generateBuiltins } from "../../scripts/builtins.js";
import { readCasusFolder } from "../../src/casussen/load.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { BUILTIN_CASUSSEN_DIR } from "../../src/paths.js";
import type { BuiltinTemplates } from "../../src/templates/builtin.js";
import { loadTemplates } from "../../src/templates/load.js";
import { exampleDocuments } from "../helpers/example-documents.js";
import { tempDir } from "../helpers/temp.js";

// What the build prepares (scripts/builtins.ts) must be exactly what a run would otherwise read,
// parse and compile: the dist/ bundle uses it, the tests of src/ do not.

let dir: string;
const generated: Record<string, unknown> = {};

beforeAll(async () => {
  dir = tempDir("idokit-builtins-");
  for (const [path, code] of Object.entries(generateBuiltins())) {
    const file = join(dir, path.replace(/\.ts$/, ".mjs"));
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, code);
    Object.assign(generated, await import(pathToFileURL(file).href));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every document of every built-in example, both packs, rendered by a fresh engine. */
function renderAll(): Map<string, string> {
  return new Map(
    exampleDocuments().map(({ example, doc, markdown }) => [`${example} ${doc.template}`, markdown]),
  );
}

describe("what the build prepares", () => {
  it("has the vocabulary as data/vocabulaire.yaml reads", () => {
    const { BUILTIN_VOCABULARY } = generated as { BUILTIN_VOCABULARY: { json: string } };
    expect(JSON.parse(BUILTIN_VOCABULARY.json)).toEqual(loadVocabulary());
  });

  it("has the casus library as the files read, every casus", () => {
    const { BUILTIN_CASUSSEN } = generated as { BUILTIN_CASUSSEN: { json: string } };
    const prepared = JSON.parse(BUILTIN_CASUSSEN.json) as { file: string; casus: unknown }[];
    const read = readCasusFolder(BUILTIN_CASUSSEN_DIR, loadVocabulary(), { builtIn: true });
    expect(read.casussen.length).toBeGreaterThan(10);
    expect(prepared.map((p) => p.casus)).toEqual(read.casussen);
  });

  it("renders every document of every example exactly as templates compiled at run time", () => {
    const { BUILTIN_TEMPLATES } = generated as { BUILTIN_TEMPLATES: BuiltinTemplates };
    prepared.templates = undefined;
    const compiled = renderAll();
    expect(compiled.size).toBeGreaterThan(20);

    // The same with the build's templates in place of the stub, as in dist/.
    prepared.templates = BUILTIN_TEMPLATES;
    expect([...loadTemplates().texts.keys()]).toEqual(Object.keys(BUILTIN_TEMPLATES.texts));
    expect(renderAll()).toEqual(compiled);

    // And the precompiled form is what renders: swap two templates' specs and it shows.
    const used = [...new Set([...compiled.keys()].map((key) => key.split(" ")[1]!))];
    const [first, second] = used;
    const specs = BUILTIN_TEMPLATES.specs;
    prepared.templates = { ...BUILTIN_TEMPLATES, specs: { ...specs, [first!]: specs[second!]! } };
    let same: boolean;
    try {
      same = JSON.stringify([...renderAll()]) === JSON.stringify([...compiled]);
    } catch {
      same = false; // a strict template that misses its data throws: also a difference
    }
    expect(same).toBe(false);
    prepared.templates = undefined;
  });
});
