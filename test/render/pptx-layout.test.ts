import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Frame, Shape } from "../../src/render/pptx/frame.js";
import { columnWidths } from "../../src/render/pptx/flow.js";
import { BODY_BOTTOM, SLIDE_HEIGHT, SLIDE_WIDTH } from "../../src/render/pptx/geometry.js";
import { runsToText } from "../../src/render/pptx/inline.js";
import { CONTINUATION_NOTE, layoutSlide } from "../../src/render/pptx/layout.js";
import { countLines, faceFactor, lineHeight, textWidth } from "../../src/render/pptx/measure.js";
import type { Run } from "../../src/render/pptx/model.js";
import { parseSlides } from "../../src/render/pptx/parse-slides.js";
import { buildTheme } from "../../src/render/theme.js";

const theme = buildTheme();
const ctx = { theme, footer: "Bibliotheek Zuid · 12 maart 2026" };
const run = (text: string, bold = false): Run => ({ text, bold, italic: false });
const EPS = 1e-6;

function layout(markdown: string): Frame[] {
  return parseSlides(markdown).flatMap((slide) => layoutSlide(slide, ctx));
}

function bottom(shape: Shape): number {
  return shape.type === "table"
    ? shape.y + shape.rowH.reduce((a, b) => a + b, 0)
    : shape.y + shape.h;
}

/** Every shape on the slide; body shapes (not chrome) above the footer area. */
function expectInside(frame: Frame): void {
  for (const shape of frame.shapes) {
    const width = shape.type === "table" ? shape.w : shape.w;
    expect(shape.x).toBeGreaterThanOrEqual(-EPS);
    expect(shape.y).toBeGreaterThanOrEqual(-EPS);
    expect(shape.x + width).toBeLessThanOrEqual(SLIDE_WIDTH + EPS);
    expect(bottom(shape)).toBeLessThanOrEqual(SLIDE_HEIGHT + EPS);
    if (
      shape.name.startsWith("Inhoud") ||
      shape.name.startsWith("Kolom") ||
      shape.name.startsWith("Citaat")
    ) {
      expect(bottom(shape), shape.name).toBeLessThanOrEqual(BODY_BOTTOM + EPS);
    }
  }
}

function bodyParagraphs(frames: Frame[]): string[] {
  return frames.flatMap((frame) =>
    frame.shapes.flatMap((shape) =>
      shape.type === "text" && shape.name.startsWith("Inhoud")
        ? shape.paragraphs.map((p) => runsToText(p.runs))
        : [],
    ),
  );
}

function fontSizes(frames: Frame[]): number[] {
  return frames.flatMap((frame) =>
    frame.shapes.flatMap((shape) =>
      !shape.name.startsWith("Inhoud")
        ? []
        : shape.type === "text"
          ? shape.paragraphs.map((p) => p.sizePt)
          : shape.type === "table"
            ? shape.rows.flat().map((c) => c.sizePt)
            : [],
    ),
  );
}

const word = fc.stringMatching(/^[A-Za-zéëï]{1,14}$/);
const sentence = fc.array(word, { minLength: 1, maxLength: 40 }).map((words) => words.join(" "));

describe("measure", () => {
  it("gives wide letters more width than narrow ones", () => {
    expect(textWidth("WWWW", 20, false)).toBeGreaterThan(textWidth("iiii", 20, false) * 3);
    expect(textWidth("abc", 20, true)).toBeGreaterThan(textWidth("abc", 20, false));
    expect(textWidth("😀", 20, false)).toBeGreaterThan(textWidth("a", 20, false));
    expect(textWidth("é", 20, false)).toBe(textWidth("e", 20, false));
  });

  it("wraps at words, breaks words longer than the line and honours line breaks", () => {
    expect(countLines([run("kort")], 5, { sizePt: 20 })).toBe(1);
    expect(
      countLines([run("een twee drie vier vijf zes zeven acht negen tien")], 2, { sizePt: 20 }),
    ).toBeGreaterThan(3);
    expect(countLines([run("x".repeat(200))], 2, { sizePt: 20 })).toBeGreaterThan(5);
    expect(countLines([run("a"), { ...run("b"), breakBefore: true }], 5, { sizePt: 20 })).toBe(2);
  });

  it("never needs fewer lines in a narrower box", () => {
    fc.assert(
      fc.property(sentence, fc.double({ min: 1, max: 12, noNaN: true }), (text, width) => {
        expect(countLines([run(text)], width * 0.8, { sizePt: 20 })).toBeGreaterThanOrEqual(
          countLines([run(text)], width, { sizePt: 20 }),
        );
      }),
    );
  });
});

describe("columnWidths", () => {
  it("shares spare room by content and gives every column its widest word", () => {
    expect(columnWidths([1, 1], [1, 3], 8)).toEqual([2, 6]);
    const widths = columnWidths([1, 2], [4, 6], 5);
    expect(widths[0]).toBeGreaterThanOrEqual(1);
    expect(widths[1]).toBeGreaterThanOrEqual(2);
    expect(widths[0]! + widths[1]!).toBeCloseTo(5);
  });
});

describe("layoutSlide", () => {
  it("keeps every bullet, in order, inside the body area, on as many (vervolg) slides as needed", () => {
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (items, ordered) => {
          const list = items.map((item, i) => `${ordered ? `${i + 1}.` : "-"} ${item}`).join("\n");
          const frames = layout(`# Titel van de dia\n\n${list}\n\n???\nNotitie`);
          frames.forEach(expectInside);
          expect(bodyParagraphs(frames).join(" ")).toBe(items.join(" "));
          expect(Math.min(...fontSizes(frames))).toBeGreaterThanOrEqual(14);
          frames.slice(1).forEach((frame) => {
            const title = frame.shapes.find((s) => s.name === "Titel");
            expect(title?.type === "text" && runsToText(title.paragraphs[0]!.runs)).toBe(
              "Titel van de dia (vervolg)",
            );
            expect(frame.notes).toEqual([CONTINUATION_NOTE, "", "Notitie"]);
          });
        },
      ),
      { numRuns: 40 },
    );
  });

  it("splits tables by rows, repeating the header, and keeps them inside the body area", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, sentence), { minLength: 1, maxLength: 40 }), (rows) => {
        const table = [
          "| Tijd | Onderdeel |",
          "|---|---|",
          ...rows.map(([a, b]) => `| ${a} | ${b} |`),
        ].join("\n");
        const frames = layout(`<!-- layout: tabel -->\n# Programma\n\n${table}`);
        frames.forEach(expectInside);
        const tables = frames.flatMap((f) => f.shapes.filter((s) => s.type === "table"));
        for (const t of tables)
          expect(t.rows[0]!.map((c) => runsToText(c.runs))).toEqual(["Tijd", "Onderdeel"]);
        const body = tables.flatMap((t) =>
          t.rows.slice(1).map((row) => row.map((c) => runsToText(c.runs))),
        );
        expect(body).toEqual(rows.map(([a, b]) => [a, b]));
      }),
      { numRuns: 30 },
    );
  });

  it("cuts one enormous paragraph into pieces that each fit", () => {
    const frames = layout(
      `# Lang\n\n${"Een zin die steeds terugkomt in deze alinea. ".repeat(150)}`,
    );
    expect(frames.length).toBeGreaterThan(1);
    frames.forEach(expectInside);
    expect(bodyParagraphs(frames).join(" ")).toBe(
      "Een zin die steeds terugkomt in deze alinea. ".repeat(150).trim(),
    );
  });

  it("gives both columns the same font size and keeps them within the body", () => {
    const left = Array.from(
      { length: 12 },
      (_, i) => `- Links punt ${i + 1} met een zin die de kolom vult`,
    ).join("\n");
    const frames = layout(
      `<!-- layout: twee-kolommen -->\n# Kolommen\n### Links\n${left}\n|||\n### Rechts\n- kort`,
    );
    frames.forEach(expectInside);
    const sizes = new Set(
      frames[0]!.shapes.flatMap((s) =>
        s.type === "text" && /^Kolom \d tekst/.test(s.name)
          ? s.paragraphs.map((p) => p.sizePt)
          : [],
      ),
    );
    expect([...sizes]).toHaveLength(1);
  });

  it("fits title and subtitle lines of a title slide, however long", () => {
    const frames = layout(
      `<!-- layout: titel -->\n# ${"Heel lange titel ".repeat(30)}\n${"ondertitel\n".repeat(20)}`,
    );
    expect(frames).toHaveLength(1);
    frames.forEach(expectInside);
    expect(frames[0]!.slideNumber).toBeUndefined();
    expect(frames[0]!.background).toBe(theme.color.primary);
  });

  it("cuts a title or subtitle that is one long word (no spaces) to fit its box", () => {
    // Found by the fuzz suite: a 200-character library name without spaces on the title slide.
    const word = "de".repeat(100);
    const frames = layout(`<!-- layout: titel -->\n# ${word}\n${word}`);
    expect(frames).toHaveLength(1);
    frames.forEach(expectInside);
    const texts = frames[0]!.shapes.filter((s) => s.name === "Titel" || s.name === "Ondertitel");
    expect(texts.map((s) => s.name)).toEqual(["Titel", "Ondertitel"]);
    for (const shape of texts) {
      if (shape.type !== "text") throw new Error("not a text shape");
      const height = shape.paragraphs.reduce(
        (sum, p) =>
          sum +
          countLines(p.runs, shape.w, {
            sizePt: p.sizePt,
            bold: p.bold ?? false,
            factor: faceFactor(p.font),
          }) *
            lineHeight(p.sizePt),
        0,
      );
      expect(height, shape.name).toBeLessThanOrEqual(shape.h + 0.05);
      const text = runsToText(shape.paragraphs[0]!.runs);
      // The whole word, or as much of its start as fits, with an ellipsis.
      const cut = text.endsWith("\u2026") && word.startsWith(text.slice(0, -1));
      expect(text === word || cut, `${shape.name}: ${text}`).toBe(true);
      expect(text.length, shape.name).toBeGreaterThan(20);
    }
  });
});
