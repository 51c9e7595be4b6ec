import Handlebars from "handlebars";
import { suggestClosest } from "../domain/suggest.js";
import type { Problem } from "../errors.js";
import { resolvePath, withFields, type Shape } from "./check-shape.js";

/**
 * The template check behind `idokit sjablonen controleer` and behind every pack made with a
 * POI's own templates: Handlebars syntax, unknown variables (against the shape of the data the
 * plan gives each document), unknown helpers and unknown partials, each with file:line:column and
 * a "bedoelde je …?". Pure: sources and shapes in, problems out.
 */

/** A document template and the shape of the data its plan gives it. */
export interface TemplateRoot {
  template: string;
  shape: Shape;
}

export interface TemplateCheckInput {
  /** Every template by name (`training/draaiboek.md`, `partials/rolkaart.md`). */
  sources: ReadonlyMap<string, string>;
  /** The file each template was read from, for messages; defaults to `<name>.hbs`. */
  files?: ReadonlyMap<string, string>;
  /** The document templates with their data; other templates are checked without data. */
  roots: readonly TemplateRoot[];
  /** The helpers templates may call. */
  helpers: readonly string[];
}

/** Helpers every Handlebars template has, besides idokit's own. */
const BUILT_IN_HELPERS = ["if", "unless", "each", "with", "lookup", "log"];
/** Helpers that only make sense as a block (`{{#each …}}`). */
const BLOCK_HELPERS = new Set(["if", "unless", "each", "with"]);
/** Data variables Handlebars gives inside `{{#each}}` and everywhere (`@root`). */
const DATA_VARIABLES = ["root", "index", "first", "last", "key", "level"];

const ANY: Shape = { kind: "any" };
const VALUE: Shape = { kind: "value" };

type Node = hbs.AST.Node;
type Expression = hbs.AST.Expression;

interface ParseFailure {
  message: string;
  line: number;
  column: number;
}

let positionsKept = false;

/**
 * Handlebars' generated parser puts the position of a syntax error only in its message text;
 * its `yy.parseError` hook gets it as data. The hook lives on the parser all Handlebars
 * instances share, and only adds the position to the error it throws anyway.
 */
function keepParsePositions(): void {
  if (positionsKept) return;
  Handlebars.parse("");
  const yy = (Handlebars as unknown as { Parser: { yy: Record<string, unknown> } }).Parser.yy;
  yy.parseError = (message: string, hash: { loc?: { first_line: number; first_column: number } }) => {
    throw Object.assign(new Error(message), { position: hash.loc });
  };
  positionsKept = true;
}

/** The innermost `{{#blok}}` that is never closed, with its line and column (1-based line). */
function unclosedBlock(source: string): { name: string; line: number; column: number } | undefined {
  const text = source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) =>
    c.replace(/[^\n]/g, " "),
  );
  const open: Array<{ name: string; index: number }> = [];
  for (const match of text.matchAll(/\{\{~?\s*([#/])\s*>?\s*([\w-]+)/g)) {
    if (match[1] === "#") open.push({ name: match[2]!, index: match.index ?? 0 });
    else if (open.at(-1)?.name === match[2]) open.pop();
  }
  const last = open.at(-1);
  if (!last) return undefined;
  const before = text.slice(0, last.index).split("\n");
  return { name: last.name, line: before.length, column: before.at(-1)!.length };
}

/** A Handlebars syntax error in Dutch, with where it is. */
function toParseFailure(error: unknown, source: string): ParseFailure {
  const text = error instanceof Error ? error.message : String(error);
  const position = (error as { position?: { first_line: number; first_column: number } }).position;
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(text);
  if (mismatch)
    return {
      message: `{{/${mismatch[2]}}} sluit {{#${mismatch[1]}}} niet af. Sluit elk blok af met dezelfde naam: {{#${mismatch[1]}}} … {{/${mismatch[1]}}}.`,
      line: Number(mismatch[3]),
      column: Number(mismatch[4]),
    };
  const got = /got '([A-Z_]+)'/.exec(text)?.[1];
  const unclosed = got === "EOF" ? unclosedBlock(source) : undefined;
  if (unclosed)
    return {
      message: `{{#${unclosed.name}}} wordt nergens afgesloten: zet {{/${unclosed.name}}} aan het eind van het blok.`,
      line: unclosed.line,
      column: unclosed.column,
    };
  const message =
    got === "EOF"
      ? "het sjabloon houdt op terwijl een blok nog open is: sluit elk {{#…}} af met {{/…}}."
      : got === "INVALID"
        ? "hier staat een {{…}} die Handlebars niet begrijpt: controleer de accolades en de naam erin."
        : got === "CLOSE" || got === "CLOSE_UNESCAPED"
          ? "er ontbreekt een naam of waarde vóór de }}."
          : got === "INVERSE" || got === "OPEN_INVERSE_CHAIN"
            ? "{{else}} staat buiten een {{#if}} of {{#each}}."
            : got === "OPEN_ENDBLOCK"
              ? "hier wordt een blok gesloten ({{/…}}) dat niet geopend is."
              : `de Handlebars-opmaak klopt hier niet (${text.split("\n").at(-1) ?? text}).`;
  const line = position ? position.first_line : Number(/on line (\d+)/.exec(text)?.[1] ?? 1);
  return { message, line, column: position ? position.first_column : 0 };
}

/** Parses a template, or says where its syntax breaks. */
export function parseTemplate(source: string): { ast: hbs.AST.Program } | { failure: ParseFailure } {
  keepParsePositions();
  try {
    return { ast: Handlebars.parse(source) };
  } catch (error) {
    return { failure: toParseFailure(error, source) };
  }
}

/** The partial name a template source registers: `partials/rolkaart.md` → `rolkaart`. */
export function partialName(template: string): string | undefined {
  return template.startsWith("partials/")
    ? template.slice("partials/".length).replace(/\.md$/, "")
    : undefined;
}

interface Scope {
  /** Context frames, innermost last: `../` goes one up. */
  frames: Shape[];
  root: Shape;
  /** Block parameters (`{{#each x as |item|}}`) by name. */
  params: Map<string, Shape>;
  /** Inside `{{#each}}`: `@index`, `@first`, … exist. */
  inEach: boolean;
}

/** How each partial is called: the data it gets at each call, and the templates that call it. */
export interface PartialUse {
  /** One shape per distinct call; merge them (`mergeShapes`) for everything a partial may use. */
  shapes: Shape[];
  callers: Set<string>;
}

export interface TemplateAnalysis {
  /** Every problem, with file:line:column. */
  problems: Problem[];
  /** By partial template name (`partials/rolkaart.md`). */
  partials: Map<string, PartialUse>;
}

/** Checks every template; returns the problems, and what each partial is given. */
export function analyzeTemplates(input: TemplateCheckInput): TemplateAnalysis {
  const problems = new Map<string, Problem>();
  const partialUses = new Map<string, PartialUse>();
  const helpers = new Set([...BUILT_IN_HELPERS, ...input.helpers]);
  const partials = new Map<string, string>();
  for (const name of input.sources.keys()) {
    const partial = partialName(name);
    if (partial !== undefined) partials.set(partial, name);
  }
  const asts = new Map<string, hbs.AST.Program | undefined>();
  const fileOf = (name: string): string => input.files?.get(name) ?? `${name}.hbs`;
  const report = (name: string, loc: hbs.AST.SourceLocation | undefined, message: string) => {
    const where = loc
      ? `${fileOf(name)}:${loc.start.line}:${loc.start.column + 1}`
      : fileOf(name);
    problems.set(`${where}|${message}`, { where, message });
  };

  const astOf = (name: string): hbs.AST.Program | undefined => {
    if (asts.has(name)) return asts.get(name);
    const parsed = parseTemplate(input.sources.get(name) ?? "");
    if ("failure" in parsed) {
      const { failure } = parsed;
      const where = `${fileOf(name)}:${failure.line}:${failure.column + 1}`;
      problems.set(`${where}|${failure.message}`, { where, message: failure.message });
      asts.set(name, undefined);
      return undefined;
    }
    asts.set(name, parsed.ast);
    return parsed.ast;
  };

  const reached = new Set<string>();

  const visitTemplate = (name: string, scope: Scope, active: readonly string[]): void => {
    reached.add(name);
    const ast = astOf(name);
    if (ast) visitProgram(name, ast, scope, active);
  };

  const visitProgram = (
    name: string,
    program: hbs.AST.Program | undefined,
    scope: Scope,
    active: readonly string[],
  ): void => {
    for (const statement of program?.body ?? []) visitStatement(name, statement, scope, active);
  };

  /** The shape an expression gives, reporting unknown names on the way. */
  const shapeOfExpression = (name: string, expression: Expression, scope: Scope): Shape => {
    switch (expression.type) {
      case "PathExpression":
        return shapeOfPath(name, expression as hbs.AST.PathExpression, scope);
      case "SubExpression": {
        const sub = expression as hbs.AST.SubExpression;
        checkCall(name, sub.path, sub.params, sub.hash, scope, sub.loc);
        return VALUE;
      }
      default:
        return VALUE;
    }
  };

  const shapeOfPath = (name: string, path: hbs.AST.PathExpression, scope: Scope): Shape => {
    if (path.data) {
      const [first, ...rest] = path.parts;
      if (first === "root") return resolveIn(name, scope.root, rest, path, "@root.");
      if (!DATA_VARIABLES.includes(first ?? ""))
        report(
          name,
          path.loc,
          `onbekende variabele "@${first ?? ""}".${hintFor(first ?? "", DATA_VARIABLES.map((v) => v))}`,
        );
      else if (!scope.inEach && first !== "root")
        report(name, path.loc, `"@${first}" bestaat alleen binnen {{#each}} … {{/each}}.`);
      return VALUE;
    }
    const [first, ...rest] = path.parts;
    if (path.depth === 0 && first !== undefined && scope.params.has(first))
      return resolveIn(name, scope.params.get(first)!, rest, path, `${first}.`);
    const frame = scope.frames[scope.frames.length - 1 - path.depth];
    if (frame === undefined) {
      report(name, path.loc, `"${path.original}" gaat meer niveaus omhoog (../) dan er zijn.`);
      return ANY;
    }
    return resolveIn(name, frame, path.parts, path, "");
  };

  const resolveIn = (
    name: string,
    shape: Shape,
    parts: readonly string[],
    path: hbs.AST.PathExpression,
    prefix: string,
  ): Shape => {
    const resolved = resolvePath(shape, parts);
    if (resolved.missing === undefined) return resolved.shape;
    const { at, candidates } = resolved.missing;
    const known = parts.slice(0, at).join(".");
    const wrong = parts[at] ?? "";
    const suggestion = suggestClosest(wrong, candidates);
    const shown = (part: string) => `${prefix}${known ? `${known}.` : ""}${part}`;
    report(
      name,
      path.loc,
      `onbekende variabele "${path.original}"${wrong !== path.original ? ` ("${wrong}" bestaat hier niet)` : ""}.${
        suggestion === undefined ? "" : ` Bedoelde je "${shown(suggestion)}"?`
      }`,
    );
    return ANY;
  };

  /** A helper call (`{{helper a b}}`, `(helper a)`): the helper must exist; its arguments too. */
  const checkCall = (
    name: string,
    callee: Expression,
    params: Expression[],
    hash: hbs.AST.Hash | undefined,
    scope: Scope,
    loc: hbs.AST.SourceLocation,
  ): void => {
    const helper =
      callee.type === "PathExpression" ? (callee as hbs.AST.PathExpression).original : "";
    if (!helpers.has(helper)) {
      // `{{bibliotheek .naam}}`: a name followed by a space reads as a helper with an argument.
      const frame = scope.frames.at(-1);
      const isName =
        frame !== undefined && resolvePath(frame, helper.split(".")).missing === undefined;
      report(
        name,
        loc,
        isName && frame?.kind === "object"
          ? `"${helper}" is een naam, geen helper: na de naam staat nog iets. Schrijf een naam aan één stuk, bijvoorbeeld {{${helper}.…}}.`
          : `onbekende helper "${helper}".${hintFor(helper, [...helpers])}`,
      );
    }
    const shapes = params.map((param) => shapeOfExpression(name, param, scope));
    for (const pair of hash?.pairs ?? []) shapeOfExpression(name, pair.value, scope);
    // `lookup x "naam"`: a literal name that is almost one x has is probably a typo. A name that
    // resembles nothing is allowed: lookup is how templates reach answers that may be absent.
    const [target, key] = [shapes[0], params[1]];
    if (helper === "lookup" && target?.kind === "object" && key?.type === "StringLiteral") {
      const wanted = (key as hbs.AST.StringLiteral).value;
      const candidates = [...target.fields.keys()];
      const suggestion = suggestClosest(wanted, candidates);
      if (!target.fields.has(wanted) && suggestion !== undefined)
        report(name, key.loc, `"${wanted}" bestaat hier niet. Bedoelde je "${suggestion}"?`);
    }
  };

  const visitStatement = (name: string, node: Node, scope: Scope, active: readonly string[]) => {
    switch (node.type) {
      case "MustacheStatement": {
        const mustache = node as hbs.AST.MustacheStatement;
        const path = mustache.path;
        const isCall = mustache.params.length > 0 || (mustache.hash?.pairs.length ?? 0) > 0;
        const simpleName =
          path.type === "PathExpression" &&
          !(path as hbs.AST.PathExpression).data &&
          (path as hbs.AST.PathExpression).parts.length === 1
            ? (path as hbs.AST.PathExpression).original
            : undefined;
        if (isCall || (simpleName !== undefined && helpers.has(simpleName))) {
          if (simpleName !== undefined && BLOCK_HELPERS.has(simpleName))
            report(name, mustache.loc, `{{${simpleName} …}} werkt alleen als blok: {{#${simpleName} …}} … {{/${simpleName}}}.`);
          else checkCall(name, path, mustache.params, mustache.hash, scope, mustache.loc);
        } else shapeOfExpression(name, path, scope);
        return;
      }
      case "BlockStatement":
        return visitBlock(name, node as hbs.AST.BlockStatement, scope, active);
      case "PartialStatement":
      case "PartialBlockStatement":
        return visitPartial(name, node as hbs.AST.PartialStatement, scope, active);
      default:
        return;
    }
  };

  const visitBlock = (
    name: string,
    block: hbs.AST.BlockStatement,
    scope: Scope,
    active: readonly string[],
  ): void => {
    const helper =
      block.path.type === "PathExpression" ? (block.path as hbs.AST.PathExpression).original : "";
    const blockParams = block.program?.blockParams ?? [];
    if (helper === "each" || helper === "with") {
      const target = block.params[0]
        ? shapeOfExpression(name, block.params[0], scope)
        : (report(name, block.loc, `{{#${helper}}} heeft een lijst of groep nodig, bijvoorbeeld {{#${helper} casussen}}.`), ANY);
      const inner =
        helper === "each" ? (target.kind === "list" ? target.item : target.kind === "object" ? ANY : target) : target;
      const params = new Map(scope.params);
      if (blockParams[0]) params.set(blockParams[0], inner);
      if (blockParams[1]) params.set(blockParams[1], VALUE);
      visitProgram(
        name,
        block.program,
        {
          ...scope,
          frames: blockParams.length > 0 ? scope.frames : [...scope.frames, inner],
          params,
          inEach: scope.inEach || helper === "each",
        },
        active,
      );
      visitProgram(name, block.inverse, scope, active);
      return;
    }
    if (helper === "if" || helper === "unless") {
      for (const param of block.params) shapeOfExpression(name, param, scope);
      if (block.params.length === 0)
        report(name, block.loc, `{{#${helper}}} heeft een voorwaarde nodig, bijvoorbeeld {{#${helper} acteur.naam}}.`);
      visitProgram(name, block.program, scope, active);
      visitProgram(name, block.inverse, scope, active);
      return;
    }
    if (helpers.has(helper)) {
      report(
        name,
        block.loc,
        `{{#${helper}}} is geen blok: ${helper} geeft een waarde. Gebruik het zo: {{#if (${helper} …)}} … {{/if}}.`,
      );
    } else if (block.params.length > 0 || (block.hash?.pairs.length ?? 0) > 0) {
      report(name, block.loc, `onbekende helper "${helper}".${hintFor(helper, [...helpers])}`);
    } else {
      // `{{#naam}} … {{/naam}}`: Handlebars treats the value as a condition, a list or a group.
      const target = shapeOfExpression(name, block.path as Expression, scope);
      const inner = target.kind === "list" ? target.item : target.kind === "object" ? target : scope.frames.at(-1)!;
      visitProgram(name, block.program, { ...scope, frames: [...scope.frames, inner] }, active);
      visitProgram(name, block.inverse, scope, active);
      return;
    }
    visitProgram(name, block.program, scope, active);
    visitProgram(name, block.inverse, scope, active);
  };

  const visitPartial = (
    name: string,
    partial: hbs.AST.PartialStatement,
    scope: Scope,
    active: readonly string[],
  ): void => {
    if (partial.name.type !== "PathExpression") return; // a dynamic partial name: cannot know it
    const wanted = (partial.name as hbs.AST.PathExpression).original;
    const template = partials.get(wanted);
    if (template === undefined) {
      report(
        name,
        partial.loc,
        `onbekende partial "${wanted}": er is geen partials/${wanted}.md.hbs.${hintFor(wanted, [...partials.keys()])}`,
      );
      return;
    }
    const context = partial.params[0] ? shapeOfExpression(name, partial.params[0], scope) : scope.frames.at(-1)!;
    const extra = new Map<string, Shape>();
    for (const pair of partial.hash?.pairs ?? [])
      extra.set(pair.key, shapeOfExpression(name, pair.value, scope));
    if (active.includes(template)) return; // a partial that calls itself: checked once
    const given = withFields(context, extra);
    const use = partialUses.get(template) ?? { shapes: [], callers: new Set<string>() };
    use.shapes.push(given);
    use.callers.add(active[0] ?? name);
    partialUses.set(template, use);
    visitTemplate(
      template,
      { frames: [given], root: scope.root, params: new Map(), inEach: scope.inEach },
      [...active, template],
    );
  };

  // 1. Every document template with the data its plan gives it; partials as they are called.
  for (const root of input.roots) {
    if (!input.sources.has(root.template)) continue;
    visitTemplate(
      root.template,
      { frames: [root.shape], root: root.shape, params: new Map(), inEach: false },
      [root.template],
    );
  }
  // 2. What no document reaches (a new partial, a template of another kind): syntax, helpers
  //    and partials only, since no one can say what data it will get.
  for (const name of input.sources.keys())
    if (!reached.has(name))
      visitTemplate(name, { frames: [ANY], root: ANY, params: new Map(), inEach: true }, [name]);
  return { problems: [...problems.values()], partials: partialUses };
}

function hintFor(wanted: string, candidates: readonly string[]): string {
  const suggestion = suggestClosest(wanted, candidates);
  return suggestion === undefined ? "" : ` Bedoelde je "${suggestion}"?`;
}
