import Handlebars from "handlebars";
import { InputError } from "../errors.js";
import { BUILTIN_TEMPLATES } from "./builtin.js";
import { escapeMarkdown, Markdown } from "./escape.js";
import { helpers } from "./helpers.js";

/**
 * The template engine: one isolated Handlebars instance in strict mode (a misspelled variable
 * fails and names the template). Every `{{value}}` is Markdown-escaped: the template's syntax tree
 * is rewritten so `{{x}}` becomes `{{md x}}` before compiling. `{{{x}}}` inserts trusted Markdown
 * unchanged (casus texts, programme texts).
 */

/** Template sources by name, e.g. `training/draaiboek.md` → source text; partials under `partials/`. */
export type TemplateSources = ReadonlyMap<string, string>;

export interface TemplateEngine {
  /** Renders a named template with the given data. Throws InputError naming the template. */
  render(name: string, data: unknown): string;
}

const ESCAPE_HELPER = "md";

function escapeValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (value instanceof Markdown) return value.text;
  if (Array.isArray(value)) return escapeMarkdown(value.map(String).join(", "));
  return escapeMarkdown(String(value));
}

type Node = hbs.AST.Node;

/**
 * Handlebars' strict mode only checks the path of a simple mustache. Marking parameter paths as
 * strict too makes `{{md x}}`, `{{datum training.datum}}` and `{{#each casussen}}` fail on a
 * misspelled name instead of rendering nothing.
 */
function markStrict(expressions: readonly hbs.AST.Expression[]): void {
  for (const expression of expressions) {
    if (expression.type === "PathExpression") (expression as hbs.AST.PathExpression & { strict?: boolean }).strict = true;
    else if (expression.type === "SubExpression") markStrict((expression as hbs.AST.SubExpression).params);
  }
}

/** Wraps every escaped mustache in the escape helper, keeping helper calls as subexpressions. */
function wrapMustaches(node: Node, helperNames: ReadonlySet<string>): void {
  const visit = (child: unknown): void => {
    if (child && typeof child === "object") wrapMustaches(child as Node, helperNames);
  };
  if (node.type === "BlockStatement") markStrict((node as hbs.AST.BlockStatement).params);
  if (node.type === "MustacheStatement") {
    const mustache = node as hbs.AST.MustacheStatement;
    const called = mustache.path as hbs.AST.PathExpression;
    // `{{zin}}` with no value calls the helper `zin` and prints nothing, even when the data has a
    // field `zin`: Handlebars prefers helpers. Every helper needs a value, so this is a mistake.
    if (
      called.type === "PathExpression" &&
      called.parts.length === 1 &&
      helperNames.has(called.original) &&
      called.original !== ESCAPE_HELPER &&
      mustache.params.length === 0 &&
      (mustache.hash?.pairs.length ?? 0) === 0
    )
      throw new Error(
        `{{${called.original}}} roept de hulpfunctie "${called.original}" aan zonder waarde. Bedoel je een veld met die naam, schrijf dan {{this.${called.original}}}.`,
      );
    if (mustache.escaped) {
      const path = mustache.path as hbs.AST.PathExpression;
      const isCall =
        mustache.params.length > 0 ||
        (mustache.hash?.pairs.length ?? 0) > 0 ||
        (path.type === "PathExpression" && helperNames.has(path.original));
      const inner: hbs.AST.Expression = isCall
        ? ({
            type: "SubExpression",
            path: mustache.path,
            params: mustache.params,
            hash: mustache.hash,
            loc: mustache.loc,
          } as hbs.AST.SubExpression)
        : mustache.path;
      markStrict([inner, ...mustache.params]);
      mustache.path = { type: "PathExpression", data: false, depth: 0, parts: [ESCAPE_HELPER], original: ESCAPE_HELPER, loc: mustache.loc } as hbs.AST.PathExpression;
      mustache.params = [inner];
      mustache.hash = undefined as unknown as hbs.AST.Hash;
    }
    return;
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object" && "type" in value) visit(value);
  }
}

const HELPER_NAMES: ReadonlySet<string> = new Set([...Object.keys(helpers), ESCAPE_HELPER]);

/** How every template is compiled; a partial keeps the indentation its own text has. */
const compileOptions = (partial: boolean) =>
  ({ strict: true, noEscape: true, preventIndent: partial }) as const;

/** The syntax tree that is compiled: the template parsed, with the escaping rewrite applied. */
function templateAst(source: string): hbs.AST.Program {
  const ast = Handlebars.parse(source);
  wrapMustaches(ast, HELPER_NAMES);
  return ast;
}

/**
 * The template compiled to JavaScript source, for the build (scripts/builtins.ts): the same
 * syntax tree and options as at run time, so a precompiled built-in renders exactly as it would
 * compiled here. Partials are the templates under `partials/`.
 */
export function precompileTemplate(name: string, source: string): string {
  return Handlebars.precompile(
    templateAst(source),
    compileOptions(name.startsWith("partials/")),
  ) as unknown as string;
}

/**
 * Creates an engine over template sources (built-in templates overlaid with a user's own). A
 * template whose text is the built-in one uses the build's precompiled form when there is one;
 * every other text (a POI's own template) is compiled here, on first use.
 */
export function createTemplateEngine(sources: TemplateSources): TemplateEngine {
  const hb = Handlebars.create();
  for (const [name, fn] of Object.entries(helpers)) hb.registerHelper(name, fn);
  hb.registerHelper(ESCAPE_HELPER, (value: unknown) => escapeValue(value));

  const compiled = new Map<string, HandlebarsTemplateDelegate>();
  const compile = (name: string, partial: boolean): HandlebarsTemplateDelegate => {
    const cached = compiled.get(name);
    if (cached) return cached;
    const source = sources.get(name);
    if (source === undefined) throw new InputError(`Sjabloon "${name}" ontbreekt.`);
    try {
      const spec = BUILTIN_TEMPLATES?.texts[name] === source ? BUILTIN_TEMPLATES.specs[name] : undefined;
      const template = spec
        ? hb.template(spec)
        : hb.compile(templateAst(source), compileOptions(partial));
      compiled.set(name, template);
      return template;
    } catch (error) {
      throw new InputError(`Sjabloon "${name}" bevat een fout: ${(error as Error).message}`, { cause: error });
    }
  };

  for (const name of sources.keys()) {
    if (!name.startsWith("partials/")) continue;
    const partialName = name.slice("partials/".length).replace(/\.md$/, "");
    hb.registerPartial(partialName, (context: unknown, options?: RuntimeOptions) => {
      try {
        return compile(name, true)(context, options);
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`Sjabloon "${name}": ${(error as Error).message}`, { cause: error });
      }
    });
  }

  return {
    render(name, data) {
      const template = compile(name, false);
      try {
        return template(data, { allowProtoPropertiesByDefault: false });
      } catch (error) {
        if (error instanceof InputError) throw error;
        throw new InputError(`Sjabloon "${name}": ${(error as Error).message}`, {
          cause: error,
          hint: "Controleer de schrijfwijze van de variabelen in het sjabloon; zie README.md, 'Sjablonen aanpassen'.",
        });
      }
    },
  };
}
