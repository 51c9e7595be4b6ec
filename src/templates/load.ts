import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { parse } from "yaml";
import { InputError } from "../errors.js";
import { BUILTIN_TEMPLATES_DIR } from "../paths.js";
import { BUILTIN_TEMPLATES } from "./builtin.js";

/**
 * Files beside the templates that are no templates: the house style (src/huisstijl/), the list
 * of trainingsacteurs (src/acteurs/) and the POI's settings (src/config/).
 */
const COMPANION_FILES = new Set(["huisstijl.yaml", "trainingsacteurs.yaml", "instellingen.yaml"]);

/** Template sources and data files by name (`training/draaiboek.md`, `training/programma`). */
export interface TemplateSet {
  sources: Map<string, string>;
  data: Map<string, unknown>;
  /** Names overridden by the user's folder, with the file they came from. */
  overridden: Map<string, string>;
  /** The overridden names whose text differs from the built-in one (an export left as it was is not). */
  changed: Set<string>;
  /** The source text of every template and data file, for checks that need lines. */
  texts: Map<string, string>;
  /** Files in the user's folder that match no built-in template (probably a typo). */
  unused: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : [];
  });
}

function readInto(dir: string, set: TemplateSet, isOverride: boolean): void {
  for (const file of walk(dir).sort()) {
    const rel = relative(dir, file).split(sep).join("/");
    if (COMPANION_FILES.has(rel)) continue;
    let name: string;
    let target: "sources" | "data";
    if (rel.endsWith(".hbs")) [name, target] = [rel.slice(0, -4), "sources"];
    else if (rel.endsWith(".yaml")) [name, target] = [rel.slice(0, -5), "data"];
    else continue;
    if (isOverride && !set[target].has(name)) {
      set.unused.push(file);
      continue;
    }
    const text = readFileSync(file, "utf8");
    if (isOverride && set.texts.get(name) !== text) set.changed.add(name);
    set.texts.set(name, text);
    if (target === "sources") set.sources.set(name, text);
    else {
      try {
        set.data.set(name, parse(text));
      } catch (error) {
        throw new InputError(`${file} is geen geldige YAML: ${(error as Error).message}`);
      }
    }
    if (isOverride) set.overridden.set(name, file);
  }
}

/**
 * Reads the built-in templates, then the user's folder (`--sjablonen DIR`) on top: a file there
 * replaces the built-in file with the same name; missing files fall back to the built-in ones.
 */
export function loadTemplates(overrideDir?: string, builtInDir = BUILTIN_TEMPLATES_DIR): TemplateSet {
  const set: TemplateSet = {
    sources: new Map(),
    data: new Map(),
    overridden: new Map(),
    changed: new Set(),
    texts: new Map(),
    unused: [],
  };
  if (builtInDir === BUILTIN_TEMPLATES_DIR && BUILTIN_TEMPLATES) {
    // Prepared by the build: the same texts, and the data files already parsed.
    for (const [name, text] of Object.entries(BUILTIN_TEMPLATES.texts)) {
      set.texts.set(name, text);
      const json = BUILTIN_TEMPLATES.data[name];
      if (json !== undefined) set.data.set(name, JSON.parse(json));
      else set.sources.set(name, text);
    }
  } else readInto(builtInDir, set, false);
  if (overrideDir !== undefined) {
    if (!existsSync(overrideDir) || !statSync(overrideDir).isDirectory())
      throw new InputError(`De sjablonenmap "${overrideDir}" bestaat niet of is geen map.`, {
        hint: "Maak een eigen kopie met `idokit sjablonen exporteer MAP` en wijs die aan met --sjablonen MAP.",
      });
    readInto(overrideDir, set, true);
  }
  return set;
}
