/**
 * What the build prepares from idokit's own files, so that no run has to do it again: the
 * built-in templates precompiled by Handlebars with their data files as JSON, the vocabulary, and
 * the casus library parsed and validated. Each becomes the content of one module that
 * scripts/build.js puts in the bundle in place of its stub (src/…/builtin*.ts). Bundled from the
 * sources and run by the build; the tests run it too, to compare with the run-time path.
 */
import { isDeepStrictEqual } from "node:util";
import { basename } from "node:path";
import { readCasusFolder } from "../src/casussen/load.js";
import { loadVocabulary } from "../src/domain/load-vocabulary.js";
import { BUILTIN_CASUSSEN_DIR } from "../src/paths.js";
import { precompileTemplate } from "../src/templates/engine.js";
import { loadTemplates } from "../src/templates/load.js";

/** JSON text of a value, refusing anything JSON would change (dates, Maps, undefined). */
function json(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (!isDeepStrictEqual(JSON.parse(text), value))
    throw new Error(`${what} does not survive JSON; cannot prepare it at build time.`);
  return text;
}

/** A JavaScript string literal of a JSON text (parsed with JSON.parse: faster than a literal). */
const literal = (text: string): string => JSON.stringify(text);

/** The module source that replaces each stub, by the stub's path relative to the repository. */
export function generateBuiltins(): Record<string, string> {
  const templates = loadTemplates();
  const texts: Record<string, string> = Object.fromEntries(templates.texts);
  const data: Record<string, string> = {};
  for (const [name, value] of templates.data) data[name] = json(value, `templates/${name}.yaml`);
  const specs = [...templates.sources].map(
    ([name, source]) => `${literal(name)}: ${precompileTemplate(name, source)}`,
  );

  const vocabulary = loadVocabulary();
  const folder = readCasusFolder(BUILTIN_CASUSSEN_DIR, vocabulary, { builtIn: true });
  if (folder.problems.length > 0)
    throw new Error(
      `The built-in casussen have problems:\n${folder.problems.map((p) => `${p.where}: ${p.message}`).join("\n")}`,
    );
  const casussen = folder.casussen.map((casus) => ({ file: basename(casus.source), casus }));

  return {
    "src/templates/builtin.ts":
      "export const BUILTIN_TEMPLATES = {\n" +
      `  texts: JSON.parse(${literal(json(texts, "the templates"))}),\n` +
      `  data: JSON.parse(${literal(json(data, "the data files"))}),\n` +
      `  specs: {\n${specs.join(",\n")}\n  },\n};\n`,
    "src/domain/builtin-vocabulary.ts": `export const BUILTIN_VOCABULARY = { json: ${literal(json(vocabulary, "data/vocabulaire.yaml"))} };\n`,
    "src/casussen/builtin.ts":
      `export const BUILTIN_CASUSSEN = { fileCount: ${folder.fileCount}, ` +
      `json: ${literal(json(casussen, "the casussen"))} };\n`,
  };
}
