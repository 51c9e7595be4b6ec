import { strFromU8, unzipSync } from "fflate";
import { validateAnswers } from "../../src/answers/validate.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { readExampleBijeenkomstAnswers } from "../../src/commands/bijeenkomst.js";
import type { QuestionContext } from "../../src/questions/define.js";
import { bijeenkomstSchema, type BijeenkomstAnswers } from "../../src/questions/bijeenkomst.js";

/** The fixed "today" of every bijeenkomst test (also IDOKIT_VANDAAG for spawned runs). */
export const TODAY = "2026-11-28";

export function fileContext(): QuestionContext {
  return { today: TODAY, vocabulary: loadVocabulary(), mode: "file" };
}

/** The built-in example as raw answers, dates moved ahead of TODAY. */
export function exampleRaw(): Record<string, Record<string, unknown>> {
  return structuredClone(readExampleBijeenkomstAnswers(TODAY)) as Record<
    string,
    Record<string, unknown>
  >;
}

/** Validates raw answers; fails the test with every problem when they are not complete. */
export function validBijeenkomst(raw: unknown): BijeenkomstAnswers {
  const result = validateAnswers(bijeenkomstSchema, raw, fileContext());
  if (!result.answers)
    throw new Error(
      `answers not valid: ${JSON.stringify({ problems: result.problems, missing: result.missing.map((q) => q.key) })}`,
    );
  return result.answers;
}

/** The XML parts of an Office file by name. */
export function readParts(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(data)))
    if (/\.(xml|rels)$/.test(name)) out[name] = strFromU8(bytes);
  return out;
}

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** Visible text of each paragraph (`<w:p>` in docx, `<a:p>` in pptx). */
export function paragraphs(xml: string): string[] {
  // Shapes that only draw (bands, lines) have a text body with one empty paragraph: skip them.
  const text = xml.replace(
    /<p:txBody><a:bodyPr[^>]*\/><a:lstStyle\/><a:p><a:endParaRPr[^>]*\/><\/a:p><\/p:txBody>/g,
    "",
  );
  return [...text.matchAll(/<([wa]):p[ >][\s\S]*?<\/\1:p>/g)].map((m) =>
    unescapeXml(
      [...m[0].matchAll(/<[wa]:t(?:\s[^>]*)?>([^<]*)<\/[wa]:t>/g)].map((t) => t[1]).join(""),
    ),
  );
}

/** The slides of a pptx in order, each with its visible text and its speaker notes. */
export function slides(parts: Record<string, string>): Array<{ text: string[]; notes: string[] }> {
  const names = Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return names.map((name) => {
    const rels = parts[name.replace("slides/", "slides/_rels/").replace(/\.xml$/, ".xml.rels")];
    const target = /Target="\.\.\/notesSlides\/([^"]+)"/.exec(rels ?? "")?.[1];
    const notesXml = target ? (parts[`ppt/notesSlides/${target}`] ?? "") : "";
    // The notes page also holds the slide number; only the body counts as notes.
    const notes = paragraphs(notesXml).filter((p) => p.trim() !== "" && !/^\d+$/.test(p.trim()));
    return { text: paragraphs(parts[name]!), notes };
  });
}
