/**
 * Hostile input at scale: fast-check properties over every free-text answer, one at a time and
 * all at once (XML specials, quotes, `]]>`, emoji and astral characters, right-to-left text,
 * zero-width and control characters, NEL and line separators, values up to the longest allowed,
 * only spaces, Markdown, HTML, Handlebars). For every pack that is made:
 *   1. the check behind `idokit controleer` finds nothing;
 *   2. every value appears literally (whitespace-normalised) in the pack's documents;
 *   3. nothing becomes a hyperlink;
 *   4. slide text stays in its box (or continues on a next slide);
 * and answers that cannot be used get a Dutch message naming the field, never a crash.
 *
 * `npm test` runs a few dozen cases; `npm run test:fuzz` (IDOKIT_FUZZ_RUNS) runs 1,000 or more.
 */
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateAnswers } from "../../src/answers/validate.js";
import { checkDocuments } from "../../src/check/index.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { exampleTrainingDate } from "../../src/commands/training.js";
import { formatDate } from "../../src/domain/format.js";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import { makeBijeenkomstPack, type BijeenkomstResources } from "../../src/pack/bijeenkomst.js";
import { loadTrainingResources } from "../../src/pack/resources.js";
import { makeTrainingPack, type TrainingResources } from "../../src/pack/training.js";
import { bijeenkomstSchema } from "../../src/questions/bijeenkomst.js";
import { trainingSchema } from "../../src/questions/training.js";
import { layoutSlide } from "../../src/render/pptx/layout.js";
import { countLines, faceFactor, lineHeight } from "../../src/render/pptx/measure.js";
import { parseSlides } from "../../src/render/pptx/parse-slides.js";
import { buildTheme } from "../../src/render/theme.js";
import { exampleRaw as bijeenkomstRaw } from "../bijeenkomst/helpers.js";
import { exampleRaw } from "../helpers/answers.js";
import { fileContext, TODAY } from "../helpers/context.js";
import {
  freeTextFields,
  HOSTILE_SAMPLES,
  setFreeText,
  type FreeTextField,
} from "../helpers/hostile.js";
import { icalParser, parseCalendars } from "../helpers/icalendar.js";
import { icsProblems, icsText } from "../helpers/ics.js";
import { checkOoxml, findingsOf, ooxmlChecker } from "../helpers/ooxml.js";

const RUNS = Number(process.env.IDOKIT_FUZZ_RUNS ?? 0) || 0;
const FUZZ = RUNS > 0;
// npm test: a few dozen packs in all; the fuzz run: RUNS split over the properties.
const runs = (share: number, quick: number): number => (FUZZ ? Math.ceil(RUNS * share) : quick);
// Time for a property: a pack takes one to three seconds on a busy machine; allow ten.
const timeout = (share: number): number =>
  FUZZ ? Math.max(900_000, RUNS * share * 10_000) : 900_000;
const created = new Date(`${TODAY}T00:00:00Z`);
const CREATED = created;

// Pieces that have broken, or could break, XML, Markdown, Handlebars or layout.
const FRAGMENTS = [
  "&",
  "<",
  ">",
  '"',
  "'",
  "]]>",
  "<![CDATA[",
  "&amp;",
  "&lt;",
  "&#0;",
  "&#x1F600;",
  "&nbsp;",
  "😀",
  "👩‍👩‍👧‍👦",
  "🇳🇱",
  "𝄞",
  "𠀀",
  "مكتبة",
  "עברית",
  "\u202E",
  "\u202C",
  "\u200B",
  "\u200C",
  "\u200D",
  "\u2060",
  "\uFEFF",
  "\u0001",
  "\u0008",
  "\u000B",
  "\u000C",
  "\u001F",
  "\u007F",
  "\u0085",
  "\u2028",
  "\u2029",
  "\t",
  "\n",
  "\r\n",
  "  ",
  "#",
  "# ",
  "**",
  "__",
  "---",
  "***",
  "| a | b |",
  "|",
  "[link](https://voorbeeld.nl)",
  "<https://voorbeeld.nl>",
  "www.voorbeeld.nl",
  "https://voorbeeld.nl/pad?x=1&y=2",
  "mailto:a@b.nl",
  "a@b.nl",
  "<b>",
  "</b>",
  "<script>",
  "<!--",
  "-->",
  "{{x}}",
  "{{{x}}}",
  "{{> p}}",
  "{{#if x}}",
  "{{/if}}",
  "{{! c}}",
  "\\",
  "$&",
  "$'",
  "$`",
  "$$",
  "$1",
  "`",
  "```",
  "*",
  "_",
  "~~",
  ">",
  "1.",
  "- ",
  "+ ",
  "![plaatje](x.png)",
  "\\*",
  "Ĳ",
  "ß",
  "é",
  "…",
  "„",
  "“",
  "”",
  "–",
  "·",
  "€",
  "½",
  "ＡＢＣ",
  "Zuid",
  "Bibliotheek",
  "de",
  "en",
];

/** Free text made of hostile pieces and arbitrary code points, at most `max` long. */
const hostileText = (max: number): fc.Arbitrary<string> =>
  fc
    .oneof(
      {
        weight: 6,
        arbitrary: fc
          .array(fc.constantFrom(...FRAGMENTS), { minLength: 1, maxLength: 12 })
          .map((p) => p.join("")),
      },
      { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 40 }) },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom(...FRAGMENTS)
          .map((p) => p.repeat(Math.ceil(max / p.length)).slice(0, max)),
      },
      {
        weight: 1,
        arbitrary: fc.string({ unit: "grapheme", minLength: max - 20, maxLength: max }),
      },
    )
    .map((text) => text.slice(0, max));

/**
 * What a value must look like in the documents, by the rule (not by the code under test): line
 * breaks of every kind (CR, LF, NEL, line and paragraph separators) are a space, control
 * characters and lone surrogates are gone, everything else stays; whitespace-normalised, NFC.
 */
function expected(_field: FreeTextField, value: string): string {
  return normalise(
    value
      .replace(/\r\n?|\n|\u0085|\u2028|\u2029/g, " ")
      // eslint-disable-next-line no-control-regex -- removing control characters is the rule
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g, "")
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
      .normalize("NFC"),
  );
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** All visible text of the pack's documents, paragraph by paragraph, whitespace-normalised. */
function documentText(files: ReadonlyArray<{ name: string; data: Uint8Array }>): string {
  const out: string[] = [];
  for (const file of files) {
    // Mails, invitations and the LEESMIJ page carry answers too (address, how to get there).
    if (/\.txt$/.test(file.name)) out.push(strFromU8(file.data));
    if (/\.ics$/.test(file.name)) out.push(icsText(strFromU8(file.data)));
    if (/\.html$/.test(file.name))
      out.push(
        decode(
          strFromU8(file.data)
            .replace(/<[^>]*>/g, " ")
            .replace(/&#39;|&#x27;/g, "'"),
        ),
      );
    if (!/\.(docx|pptx)$/.test(file.name)) continue;
    for (const [name, data] of Object.entries(unzipSync(file.data))) {
      if (
        !/^(word\/(document|header\d*|footer\d*)|ppt\/(slides|notesSlides)\/[^/]+)\.xml$/.test(name)
      )
        continue;
      const xml = strFromU8(data);
      for (const p of xml.match(/<(w|a):p[ >][\s\S]*?<\/\1:p>/g) ?? [])
        out.push(
          decode(
            (p.match(/<(?:w|a):t(?:\s[^>]*)?>[^<]*<\/(?:w|a):t>|<w:tab\/>|<(?:w|a):br\/>/g) ?? [])
              .map((t) =>
                t.startsWith("<w:tab") || t.includes(":br") ? " " : t.replace(/<[^>]+>/g, ""),
              )
              .join(""),
          ),
        );
    }
  }
  return normalise(out.join(" \n "));
}

function decode(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/**
 * True when the value is in the text. Where it continues a sentence, the text layer may start it
 * lower-case and drops one final full stop (not "..."), so the template can end the sentence.
 */
function appears(text: string, value: string): boolean {
  if (value === "") return true;
  const forms = [value];
  if (/[^.]\.$/.test(value)) forms.push(value.slice(0, -1).trimEnd());
  return forms.some((form) => {
    if (form === "" || text.includes(form)) return true;
    const first = [...form][0]!;
    const rest = form.slice(first.length);
    return text.includes(first.toLowerCase() + rest) || text.includes(first.toUpperCase() + rest);
  });
}

/** Hyperlinks in any part: a w:hyperlink, an a:hlinkClick or a hyperlink relationship. */
function hyperlinks(files: ReadonlyArray<{ name: string; data: Uint8Array }>): string[] {
  const found: string[] = [];
  for (const file of files) {
    if (!/\.(docx|pptx)$/.test(file.name)) continue;
    for (const [name, data] of Object.entries(unzipSync(file.data)))
      if (
        /\.(xml|rels)$/.test(name) &&
        /<w:hyperlink|hlinkClick|relationships\/hyperlink"/.test(strFromU8(data))
      )
        found.push(`${file.name} › ${name}`);
  }
  return found;
}

let training: TrainingResources;
let meeting: BijeenkomstResources;
const sample: Array<{ name: string; data: Uint8Array }> = [];
const calendars: string[] = [];
const TRAINING_FIELDS = freeTextFields(trainingSchema);
const MEETING_FIELDS = freeTextFields(bijeenkomstSchema).filter(
  (f) => !TRAINING_FIELDS.some((t) => t.key === f.key),
);
const stats = { packs: 0, rejected: 0, documents: 0, calendars: 0 };
// Asked in the bijeenkomst questions (they share the library's questions with the training) but
// not printed in the bijeenkomst documents: the pack names the library and its vestiging.
const NOT_IN_BIJEENKOMST = new Set(["bibliotheek.plaats"]);

beforeAll(() => {
  const vocabulary = loadVocabulary();
  training = loadTrainingResources({ vocabulary }).resources;
  meeting = loadBijeenkomstResources({}).resources;
});

afterAll(() => {
  console.info(
    `hostile input: ${stats.packs} packs (${stats.documents} documents, ${stats.calendars} invitations) made and checked, ${stats.rejected} answer sets refused with a Dutch message`,
  );
});

function trainingRaw(): Record<string, Record<string, unknown>> {
  const raw = exampleRaw();
  raw.training = { ...raw.training, datum: exampleTrainingDate(TODAY) };
  // Conditional answers count only when their condition holds: make every one count.
  raw.bibliotheek = { ...raw.bibliotheek, poi: "anders", poiAnders: "Bibliotheekservice Fryslân" };
  return raw;
}

/** Slide text shapes whose estimated text height exceeds their box. */
function overflowingText(primary: string | undefined, footer: string, markdown: string): string[] {
  const theme = buildTheme({ primary });
  const out: string[] = [];
  parseSlides(markdown).forEach((source, s) => {
    for (const frame of layoutSlide(source, { theme, footer: normalise(footer) }))
      for (const shape of frame.shapes) {
        if (shape.type !== "text") continue;
        const height = shape.paragraphs.reduce((sum, p, i) => {
          const indent = p.bullet ? p.bullet.indentPt / 72 : 0;
          const lines = countLines(p.runs, shape.w - indent, {
            sizePt: p.sizePt,
            bold: p.bold ?? false,
            factor: faceFactor(p.font),
          });
          return sum + (i > 0 ? p.spaceBeforePt / 72 : 0) + lines * lineHeight(p.sizePt);
        }, 0);
        if (height > shape.h * 1.05 + 0.05)
          out.push(
            `slide ${s + 1} "${shape.name}": ${height.toFixed(2)} in text in a ${shape.h.toFixed(2)} in box`,
          );
      }
  });
  return out;
}

/** Makes the training pack and asserts every property; returns false when the answers were refused. */
async function checkTraining(raw: Record<string, unknown>, values: Array<[FreeTextField, string]>) {
  const result = validateAnswers(trainingSchema, raw, fileContext());
  if (!result.answers) {
    stats.rejected++;
    if (process.env.IDOKIT_FUZZ_DEBUG)
      console.info(JSON.stringify([result.problems, result.missing.map((q) => q.key)]));
    // Refused answers: a Dutch message naming a field; only over-long or blank values are refused.
    expect(result.problems.length + result.missing.length).toBeGreaterThan(0);
    for (const p of result.problems) expect(p.where).not.toBe("");
    return;
  }
  const pack = await makeTrainingPack(result.answers, training, { today: TODAY, seed: 1, created });
  assertPack(pack.files, values);
  const deck = pack.plan.documents.find((d) => d.format === "pptx")!;
  const { bibliotheek, huisstijl } = result.answers;
  const footer = `${bibliotheek.organisatie} · vaardigheidstraining ${formatDate(result.answers.training.datum)}`;
  expect(
    overflowingText(huisstijl.kleur, footer, training.engine.render(deck.template, pack.plan.view)),
  ).toEqual([]);
}

function assertPack(
  files: ReadonlyArray<{ name: string; data: Uint8Array }>,
  values: Array<[FreeTextField, string]>,
): void {
  stats.packs++;
  const documents = files.filter((f) => /\.(docx|pptx)$/.test(f.name));
  stats.documents += documents.length;
  stats.calendars += files.filter((f) => f.name.endsWith(".ics")).length;
  expect(
    checkDocuments(files).flatMap((r) =>
      r.findings.map((f) => `${r.name}: ${f.part} ${f.message}`),
    ),
  ).toEqual([]);
  const text = documentText(files);
  for (const [field, value] of values) {
    const want = expected(field, value);
    expect(
      appears(text, want),
      `${field.key}: ${JSON.stringify(want)} is not in the documents`,
    ).toBe(true);
  }
  expect(hyperlinks(files)).toEqual([]);
  for (const file of files.filter((f) => f.name.endsWith(".ics"))) {
    const ics = strFromU8(file.data);
    expect(icsProblems(ics), file.name).toEqual([]);
    if (calendars.length < (FUZZ ? 200 : 20)) calendars.push(ics);
  }
  if (sample.length < (FUZZ ? 60 : 12))
    sample.push(...documents.map((d) => ({ ...d, name: `${sample.length}-${d.name}` })));
}

describe("hostile answers", () => {
  it(
    "one free-text answer at a time, in a training pack",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...TRAINING_FIELDS)
            .chain((field) => fc.tuple(fc.constant(field), hostileText(field.max))),
          async ([field, value]) => {
            const raw = trainingRaw();
            setFreeText(raw, field, value);
            await checkTraining(raw, [[field, value]]);
          },
        ),
        {
          numRuns: runs(0.6, 24),
          seed: FUZZ ? undefined : 16,
          endOnFailure: true,
          // The known troublemakers always run, each in another field.
          examples: HOSTILE_SAMPLES.map((value, i): [[FreeTextField, string]] => {
            const field = TRAINING_FIELDS[(i * 7) % TRAINING_FIELDS.length]!;
            return [[field, value.slice(0, field.max)]];
          }),
        },
      );
    },
    timeout(0.6),
  );

  it(
    "every free-text answer at once, in a training pack",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.tuple(
            ...TRAINING_FIELDS.map((f) => hostileText(Math.max(1, f.max - 2)).map((v) => `Q${v}`)),
          ),
          async (values) => {
            const raw = trainingRaw();
            TRAINING_FIELDS.forEach((field, i) => setFreeText(raw, field, values[i]!));
            await checkTraining(
              raw,
              TRAINING_FIELDS.map((f, i) => [f, values[i]!]),
            );
          },
        ),
        { numRuns: runs(0.2, 6), seed: FUZZ ? undefined : 16, endOnFailure: true },
      );
    },
    timeout(0.2),
  );

  it(
    "every free-text answer of a bijeenkomst, one at a time",
    async () => {
      const fields = [...MEETING_FIELDS, ...freeTextFields(bijeenkomstSchema).slice(0, 4)];
      await fc.assert(
        fc.asyncProperty(
          fc
            .constantFrom(...fields)
            .chain((field) => fc.tuple(fc.constant(field), hostileText(field.max))),
          async ([field, value]) => {
            const raw = bijeenkomstRaw() as Record<string, unknown>;
            setFreeText(raw, field, value);
            const result = validateAnswers(bijeenkomstSchema, raw, fileContext());
            if (!result.answers) {
              stats.rejected++;
              return;
            }
            const pack = await makeBijeenkomstPack(result.answers, meeting, {
              today: TODAY,
              created: CREATED,
            });
            assertPack(pack.files, NOT_IN_BIJEENKOMST.has(field.key) ? [] : [[field, value]]);
            const { bibliotheek, bijeenkomst, huisstijl } = result.answers;
            const deck = pack.plan.documents.find((d) => d.format === "pptx")!;
            expect(
              overflowingText(
                huisstijl.kleur,
                `${bibliotheek.organisatie} · lokale IDO-bijeenkomst ${formatDate(bijeenkomst.datum)}`,
                meeting.engine.render(deck.template, pack.plan.view),
              ),
            ).toEqual([]);
          },
        ),
        { numRuns: runs(0.2, 6), seed: FUZZ ? undefined : 16, endOnFailure: true },
      );
    },
    timeout(0.2),
  );

  it("makes NEL and line separators a space between words, never glues the words", async () => {
    const field = TRAINING_FIELDS.find((f) => f.key === "inrichting.plek")!;
    const raw = trainingRaw();
    setFreeText(raw, field, "Achter\u0085de balie\u2028bij het\u2029raam\r\nlinks");
    await checkTraining(raw, [[field, "Achter de balie bij het raam links"]]);
  });

  it("refuses a 2,000-character answer with a Dutch message that names the field", () => {
    for (const field of TRAINING_FIELDS.filter((f) => f.max < 2000)) {
      const raw = trainingRaw();
      setFreeText(raw, field, "lang ".repeat(400));
      const result = validateAnswers(trainingSchema, raw, fileContext());
      expect(result.answers, field.key).toBeUndefined();
      expect(result.problems.map((p) => p.message).join(" "), field.key).toMatch(
        /te lang \(\d{4} tekens; maximaal \d+\)/,
      );
    }
  });

  it.skipIf(!icalParser.available)(
    "gives invitations an independent calendar parser reads, one event each",
    () => {
      expect(calendars.length).toBeGreaterThan(0);
      const events = parseCalendars(calendars);
      expect(events).toHaveLength(calendars.length);
      for (const event of events) {
        expect(event.tzid).toBe("Europe/Amsterdam");
        expect(event.summary.trim()).not.toBe("");
      }
    },
    120_000,
  );

  it.skipIf(!ooxmlChecker.available)(
    "passes the ISO 29500 schema check on a sample of the packs",
    () => {
      expect(sample.length).toBeGreaterThan(0);
      expect(findingsOf(checkOoxml(sample))).toEqual([]);
    },
    600_000,
  );
});
