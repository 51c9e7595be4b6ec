import { didYouMean } from "../domain/suggest.js";
import { IdokitError, type Problem } from "../errors.js";
import { LAYOUT_NAMES } from "../render/pptx/model.js";
import { parseSlides, splitSlides } from "../render/pptx/parse-slides.js";
import { createTemplateEngine } from "./engine.js";

/**
 * The slide check of `idokit sjablonen controleer`: unknown layouts (in the template text, so
 * every branch is seen), and slides that come out empty or without a title when the deck is
 * rendered with the built-in examples' data. Each problem points at the `---` that starts the
 * slide in the template or partial it came from. Pure.
 */

/** A presentation template and the data of each example it is rendered with. */
export interface DeckToCheck {
  template: string;
  views: readonly unknown[];
}

const LAYOUT_COMMENT = /<!--\s*layout\s*:\s*([^\s>]*)\s*-->/gi;
const SEPARATOR = /^---[ \t]*$/;
const MARKER = /^<!-- idokit-bron: (.+):(\d+) -->$/;

/** Layouts that do without a title (a quote speaks for itself). */
const UNTITLED_LAYOUTS = new Set(["citaat"]);

/**
 * The source with its Handlebars comments (`{{!-- … --}}`, `{{! … }}`) blanked out, keeping every
 * line and column: a comment may explain the layouts without using one.
 */
function withoutComments(source: string): string {
  return source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) =>
    comment.replace(/[^\n]/g, " "),
  );
}

/** Layout names in the text of every template, with their line and column. */
function checkLayoutNames(
  sources: ReadonlyMap<string, string>,
  fileOf: (name: string) => string,
): Problem[] {
  const problems: Problem[] = [];
  for (const [name, source] of sources)
    withoutComments(source)
      .split("\n")
      .forEach((line, index) => {
      for (const match of line.matchAll(LAYOUT_COMMENT)) {
        const layout = match[1]!.toLowerCase();
        if (!(LAYOUT_NAMES as readonly string[]).includes(layout))
          problems.push({
            where: `${fileOf(name)}:${index + 1}:${(match.index ?? 0) + 1}`,
            message: `onbekende dia-indeling "${match[1]}".${didYouMean(layout, LAYOUT_NAMES)} De indelingen zijn: ${LAYOUT_NAMES.join(", ")}.`,
          });
      }
    });
  return problems;
}

/** The sources with a marker after every `---` (and at the top), naming template and line. */
function markSources(sources: ReadonlyMap<string, string>): Map<string, string> {
  const marked = new Map<string, string>();
  for (const [name, source] of sources) {
    const lines = source
      .split("\n")
      .map((line, index) =>
        SEPARATOR.test(line) ? `${line}\n<!-- idokit-bron: ${name}:${index + 1} -->` : line,
      );
    marked.set(name, lines.join("\n"));
  }
  return marked;
}

/**
 * Checks the slides of each deck, rendered with each of its views. Rendering errors are left to
 * the variable check, which reports them with their place in the template.
 */
export function checkSlideTemplates(input: {
  sources: ReadonlyMap<string, string>;
  files?: ReadonlyMap<string, string>;
  decks: readonly DeckToCheck[];
}): Problem[] {
  const fileOf = (name: string): string => input.files?.get(name) ?? `${name}.hbs`;
  const problems = new Map<string, Problem>();
  const add = (problem: Problem) => problems.set(`${problem.where}|${problem.message}`, problem);
  checkLayoutNames(input.sources, fileOf).forEach(add);

  const engine = createTemplateEngine(markSources(input.sources));
  for (const deck of input.decks) {
    for (const view of deck.views) {
      let markdown: string;
      try {
        markdown = engine.render(deck.template, view);
      } catch {
        continue;
      }
      const top = `<!-- idokit-bron: ${deck.template}:1 -->\n`;
      for (const chunk of splitSlides(top + markdown)) {
        const lines = chunk.split("\n");
        const marker = lines.map((line) => MARKER.exec(line.trim())).find(Boolean);
        const text = lines.filter((line) => !MARKER.test(line.trim())).join("\n");
        if (text.trim() === "" || !marker) continue;
        const where = `${fileOf(marker[1]!)}:${marker[2]}`;
        let slide;
        try {
          [slide] = parseSlides(text);
        } catch (error) {
          // Unknown layouts are reported from the template text already.
          if (error instanceof IdokitError) continue;
          throw error;
        }
        if (!slide) continue;
        const empty =
          slide.title.length === 0 &&
          slide.subtitle.length === 0 &&
          slide.blocks.length === 0 &&
          (slide.columns ?? []).every((c) => !c.heading && c.blocks.length === 0) &&
          (slide.quote?.blocks.length ?? 0) === 0;
        if (empty)
          add({
            where,
            message:
              "deze dia blijft leeg: er staat geen titel en geen tekst op. Haal de --- weg, of zet een regel '# Titel' en tekst op de dia.",
          });
        else if (slide.title.length === 0 && !UNTITLED_LAYOUTS.has(slide.layout))
          add({
            where,
            message:
              "deze dia heeft geen titel. Begin de dia (na de indeling) met een regel '# Titel'.",
          });
      }
    }
  }
  return [...problems.values()];
}
