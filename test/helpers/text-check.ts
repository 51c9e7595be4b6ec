import { strFromU8, unzipSync } from "fflate";
import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import type { Vocabulary } from "../../src/domain/vocabulary.js";
import { listQuestions, type Question } from "../../src/questions/define.js";
import { bijeenkomstSchema } from "../../src/questions/bijeenkomst.js";
import { trainingSchema } from "../../src/questions/training.js";
import { kindAddsInformation } from "../../src/plan/words.js";

/**
 * The text check: what a POI adviser would find reading a pack, as rules over the text of every
 * generated document. Each rule catches a class of defect where answers meet template text, for
 * any answers: doubled words, "Label: Hoofdletter" inside a sentence, a label of the
 * questionnaire spoken as a sentence, raw choice values, a skill named twice, a partner's kind
 * glued to its name, two colons in one sentence, a sentence broken over two lines of the notes,
 * tool talk (idokit, YAML files, command options) aimed at library staff.
 */

/** One paragraph of a document: a docx paragraph, or a paragraph of a slide or its notes. */
export interface TextParagraph {
  file: string;
  /** "dia 3", "notities 3", or "" for a docx. */
  where: string;
  text: string;
}

export interface Finding {
  rule: string;
  file: string;
  where: string;
  excerpt: string;
}

const unescapeXml = (text: string): string =>
  text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The visible text of one paragraph's XML: runs joined, a break or tab as a space. */
function paragraphText(xml: string): string {
  return unescapeXml(
    [
      ...xml.matchAll(
        /<[wa]:t(?:\s[^>]*)?>([^<]*)<\/[wa]:t>|<w:br\s*\/>|<a:br\b[^>]*\/>|<w:tab\s*\/>|<w:noBreakHyphen\s*\/>/g,
      ),
    ]
      .map((m) => (m[1] !== undefined ? m[1] : m[0].includes("noBreakHyphen") ? "-" : " "))
      .join(""),
  );
}

function paragraphsOfXml(xml: string): string[] {
  return [...xml.matchAll(/<([wa]):p[ >][\s\S]*?<\/\1:p>/g)]
    .map((m) => paragraphText(m[0]).trim())
    .filter((t) => t !== "");
}

/** The paragraphs of a .docx or .pptx (slides and their notes), in reading order. */
export function documentParagraphs(file: string, data: Uint8Array): TextParagraph[] {
  const parts = unzipSync(data);
  const xmlOf = (name: string): string => strFromU8(parts[name] ?? new Uint8Array());
  if (file.endsWith(".docx"))
    return paragraphsOfXml(xmlOf("word/document.xml")).map((text) => ({ file, where: "", text }));
  const slideNames = Object.keys(parts)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  return slideNames.flatMap((name, i) => {
    const rels = xmlOf(name.replace("slides/", "slides/_rels/") + ".rels");
    const notes = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const slide = paragraphsOfXml(xmlOf(name)).map((text) => ({
      file,
      where: `dia ${i + 1}`,
      text,
    }));
    const notesText = notes
      ? paragraphsOfXml(xmlOf(`ppt/notesSlides/${notes}`))
          // The slide number placeholder of the notes page.
          .filter((t) => !/^\d+$/.test(t))
          .map((text) => ({ file, where: `notities ${i + 1}`, text }))
      : [];
    return [...slide, ...notesText];
  });
}

/** What the check needs to know about the answers a pack was made from. */
export interface CheckContext {
  /** Free answers as typed (names, opening hours, handovers): they may stand after a label. */
  freeAnswers: string[];
  /** Names (library, places, people, partners) and titles (casussen): capitals stay capitals. */
  names: string[];
  /**
   * Text written by hand in the casus files: it reaches the documents as written, so the rules
   * for inserted answers do not apply to it (the casus library has its own checks).
   */
  authored: string[];
  /** The library's local partners. */
  partners: Array<{ naam: string; soort: string }>;
  vocabulary?: Vocabulary;
}

// Legitimate Dutch doubles ("dat dat"), checked case-insensitively.
const ALLOWED_DOUBLES = new Set(["dat dat", "die die", "er er"]);

/**
 * Text inside quotes says what someone says; the rules about colons do not apply there. A quote
 * becomes «», followed by a full stop when it ended a sentence.
 */
function withoutQuotes(text: string): string {
  return text.replace(/"([^"]*)"|“([^”]*)”|(?<!\p{L})'([^']*)'(?!\p{L})/gu, (_, a, b, c) =>
    /[.!?…]$/.test(String(a ?? b ?? c ?? "")) ? "«». " : "«»",
  );
}

const PLAIN_CAPITALISED = /^\p{Lu}[\p{Ll}'’]*(?:-\p{Ll}+)*$/u;

function words(text: string): string[] {
  return text.split(/[^\p{L}'’-]+/u).filter((w) => w !== "");
}

/** Labels of every question, as a person filling in the form reads them. */
function questionLabels(): string[] {
  const all: Question[] = [...listQuestions(trainingSchema), ...listQuestions(bijeenkomstSchema)];
  const labels = new Set<string>();
  for (const q of all) {
    labels.add(q.label);
    for (const field of Object.values(q.fields ?? {})) labels.add(field.label);
  }
  return [...labels].filter((l) => l.split(" ").length >= 2);
}

/** Choice values and vocabulary ids that are not words: they must never reach a document. */
function rawValues(vocabulary: Vocabulary, allowedWords: ReadonlySet<string>): string[] {
  const values = new Set<string>();
  const wording = new Set<string>();
  const schemaQuestions = [...listQuestions(trainingSchema), ...listQuestions(bijeenkomstSchema)];
  for (const q of schemaQuestions)
    if (Array.isArray(q.choices))
      for (const c of q.choices) {
        values.add(c.value);
        // Only the running-text wording: a label ("Deels, nog niet iedereen") is for forms.
        for (const w of words((c.tekst ?? "").toLowerCase())) wording.add(w);
      }
  for (const list of [
    vocabulary.vaardigheden,
    vocabulary.lokalePartnerSoorten,
    vocabulary.themas,
    vocabulary.profielen,
  ])
    for (const entry of list) values.add(entry.id);
  return [...values].filter((v) => v.includes("-") || !(allowedWords.has(v) || wording.has(v)));
}

/**
 * Runs every rule over the paragraphs of a pack. `templateWords` are the words the templates and
 * casus texts use themselves (a raw value that is also an ordinary word there is not flagged).
 */
export function checkPackText(
  paragraphs: readonly TextParagraph[],
  context: CheckContext,
  templateWords: ReadonlySet<string> = new Set(),
): Finding[] {
  const vocabulary = context.vocabulary ?? loadVocabulary();
  const findings: Finding[] = [];
  const add = (rule: string, p: TextParagraph, excerpt: string) =>
    findings.push({ rule, file: p.file, where: p.where, excerpt: excerpt.slice(0, 160) });

  // Every word that occurs in lower case somewhere in the pack: a capitalised form of it after a
  // colon is a common word, not a name.
  const lowerWords = new Set<string>();
  for (const p of paragraphs)
    for (const w of words(p.text)) if (w === w.toLowerCase()) lowerWords.add(w);
  const answers = new Set(context.freeAnswers.map((a) => a.trim().replace(/\.$/, "")));
  const names = context.names.map((n) => n.trim()).filter((n) => n !== "");
  const nameWords = new Set(
    names.flatMap((n) => words(n)).filter((w) => PLAIN_CAPITALISED.test(w)),
  );
  const squash = (t: string) => t.replace(/\s+/g, " ").replace(/[“”]/g, '"');
  const authored = squash(context.authored.join("\n"));
  const labels = questionLabels();
  const raws = rawValues(vocabulary, templateWords);
  const skillTexts = vocabulary.vaardigheden
    .filter((v) => v.id !== "lsd")
    .map((v) => (v.tekst ?? v.naam).toLowerCase());
  const kinds = new Map(vocabulary.lokalePartnerSoorten.map((k) => [k.id, k]));

  // 8. A sentence broken over two paragraphs of the speaker notes: the notes keep every line of
  //    the source as a line, so a text wrapped in its file reads as broken sentences.
  paragraphs.forEach((p, i) => {
    const next = paragraphs[i + 1];
    if (!p.where.startsWith("notities") || next === undefined || next.where !== p.where) return;
    if (/[\p{L}\p{N},]$/u.test(p.text) && /^\p{Ll}/u.test(next.text))
      add("afgebroken zin", p, `${p.text.slice(-60)} ¶ ${next.text.slice(0, 40)}`);
  });

  for (const p of paragraphs) {
    const text = p.text;
    // Hand-written casus text, as written: not glue.
    if (text.length > 20 && authored.includes(squash(text.replace(/^[•–-]\s*/, "")))) continue;
    const unquoted = withoutQuotes(text);

    // 1. Doubled words: "Vestiging: Vestiging", "de de".
    // "DigiD, DigiD Machtigen" names two things; "Beekdal, Beekdal" says one twice.
    const doubles = [
      ...text.matchAll(/(?<![\p{L}\p{N}])(\p{L}{2,})[\s:]+\1(?![\p{L}\p{N}])/giu),
      ...text.matchAll(/(?<![\p{L}\p{N}])(\p{L}{2,})[,;]\s*\1(?![\p{L}\p{N}])(?!\s+\p{Lu})/giu),
    ];
    for (const m of doubles) {
      const pair = `${m[1]} ${m[1]}`.toLowerCase();
      if (!ALLOWED_DOUBLES.has(pair)) add("dubbel woord", p, m[0]);
    }

    // 2. "Label: Hoofdletter" inside a sentence: a common word capitalised after a colon. A line
    //    that is only a short label and a free answer as typed ("Locatie: Zaal 2") is a fact line.
    for (const m of unquoted.matchAll(/([^:]*?):\s+(\S+)/gu)) {
      const word = (m[2] ?? "").replace(/[.,;:!?)]+$/u, "");
      const lower = word.toLowerCase() === "eén" ? "één" : word.toLowerCase();
      if (!PLAIN_CAPITALISED.test(word) || !lowerWords.has(lower)) continue;
      const after = unquoted.slice((m.index ?? 0) + m[0].length - (m[2] ?? "").length);
      if (nameWords.has(word) && names.some((n) => after.startsWith(n))) continue;
      const label = (m[1] ?? "").trim();
      const value = text
        .slice(text.indexOf(":") + 1)
        .trim()
        .replace(/\.$/, "");
      const factLine =
        m.index === 0 &&
        label.split(/\s+/).length <= 2 &&
        !/[.!?]/.test(label) &&
        answers.has(value);
      const formLine = m.index === 0 && /^(Nu|Antwoord)$/.test(label);
      if (!factLine && !formLine) add("hoofdletter na dubbele punt", p, m[0]);
    }

    // 3. A questionnaire label spoken as a sentence: "Wie bemensen het IDO: …".
    for (const label of labels)
      if (unquoted.includes(`${label}:`)) add("vraaglabel als zin", p, label);

    // 4. Raw choice values and ids: "deels", "gemengd", "sociaal-wijkteam".
    for (const raw of raws)
      if (new RegExp(`(?<![\\p{L}\\p{N}-])${raw}(?![\\p{L}\\p{N}-])`, "u").test(text))
        add("ruwe keuzewaarde", p, raw);

    // 5. A skill named twice in one sentence; LSD counts as doorvragen (its D).
    for (const sentence of text.split(/(?<=[.!?])\s+/u)) {
      const folded = sentence.toLowerCase();
      for (const skill of skillTexts) {
        let count = folded.split(skill).length - 1;
        if (skill === "doorvragen" && folded.includes("lsd (luisteren, samenvatten, doorvragen)"))
          count =
            folded.replace("lsd (luisteren, samenvatten, doorvragen)", "doorvragen").split(skill)
              .length - 1;
        if (count > 1 && /\ben\b|,/.test(folded) && isSkillList(folded, skill))
          add("vaardigheid dubbel", p, sentence);
      }
    }

    // 6. A partner's kind glued to its name: "Taalhuis Zuiderhaven, taalhuis", or "(taalhuis)"
    //    where the name already says it.
    for (const partner of context.partners) {
      const kind = kinds.get(partner.soort);
      if (kind === undefined) continue;
      const forms = [kind.naam, kind.tekst ?? kind.naam].map((f) => f.toLowerCase());
      const folded = text.toLowerCase();
      const name = partner.naam.toLowerCase();
      for (const form of forms) {
        if (folded.includes(`${name}, ${form}`))
          add("soort aan naam geplakt", p, `${partner.naam}, ${form}`);
        if (!kindAddsInformation(partner.naam, kind) && folded.includes(`${name} (${form})`))
          add("soort aan naam geplakt", p, `${partner.naam} (${form})`);
      }
    }

    // 9. Two remarks in brackets glued together, "Belastingspreekuur (vrijwilligers ouderenbond)
    //    (aangifte …)", and a doubled full stop where an answer that ends in one meets the
    //    template's own.
    for (const m of unquoted.matchAll(/\)\s*\(/gu))
      add(
        "haakjes na haakjes",
        p,
        text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 20),
      );
    for (const m of text.matchAll(/(?<!\.)\.\s*\.(?!\.)/gu))
      add(
        "dubbele punt aan zinseinde",
        p,
        text.slice(Math.max(0, (m.index ?? 0) - 40), (m.index ?? 0) + 3),
      );

    // 10. Tool talk for library staff: documents and mails never tell them to edit YAML or run
    //     idokit; that belongs to the POI adviser and the pack's read-me.
    for (const m of text.matchAll(/\bidokit\b|\b[\w-]+\.ya?ml\b|(?<![\p{L}\p{N}])--[a-z]+/giu))
      add("gereedschapstaal", p, m[0]);

    // 7. Two colons in one sentence: "niveau: gemengd: van eenvoudig naar pittig".
    for (const sentence of unquoted.split(/(?<=[.!?])\s+/u)) {
      const colons = sentence.replace(/\d:\d/g, "").split(":").length - 1;
      if (colons >= 2) add("twee dubbele punten", p, sentence);
    }
  }
  return findings;
}

/** True when the skill occurs twice as an item of an enumeration, not in a longer phrase. */
function isSkillList(sentence: string, skill: string): boolean {
  const items = sentence
    .replace("lsd (luisteren, samenvatten, doorvragen)", "doorvragen")
    .split(/,\s*|\s+en\s+/u)
    .map((item) => item.trim().replace(/[.!?]$/, ""));
  return items.filter((item) => item === skill || item.endsWith(` ${skill}`)).length > 1;
}

/** Findings as readable lines, for an assertion message. */
export function describeFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => `${f.file}${f.where ? ` (${f.where})` : ""} · ${f.rule}: ${f.excerpt}`)
    .join("\n");
}
