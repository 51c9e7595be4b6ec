/**
 * The built-in templates as the build prepared them: their texts, their data files (YAML turned
 * into JSON) and every template precompiled by Handlebars. scripts/build.js replaces this module
 * in the bundle with the real content (see scripts/builtins.ts); from the sources (tests) there is
 * none, and the templates are read from templates/ and compiled at run time.
 */
export interface BuiltinTemplates {
  /** Template and data file texts by name, in the order loadTemplates reads them. */
  texts: Record<string, string>;
  /** Data files by name (`training/programma`) as JSON, parsed afresh for every load. */
  data: Record<string, string>;
  /** Precompiled templates by name (`training/draaiboek.md`). */
  specs: Record<string, TemplateSpecification>;
}

export const BUILTIN_TEMPLATES: BuiltinTemplates | undefined = undefined;
