import { beforeAll, describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check/index.js";
import { renderPptx } from "../../src/render/pptx/index.js";
import { buildTheme } from "../../src/render/theme.js";
import { loadBijeenkomstResources } from "../../src/commands/bijeenkomst.js";
import { makeBijeenkomstPack } from "../../src/pack/bijeenkomst.js";
import type { PackFile } from "../../src/pack/manifest.js";
import { exampleRaw as bijeenkomstRaw, TODAY, validBijeenkomst } from "../bijeenkomst/helpers.js";
import { exampleAnswers, makeExamplePack } from "../helpers/pack.js";
import { solidPng } from "../helpers/png.js";
import { readParts, slideNames, textOf } from "../helpers/zip.js";

/**
 * Accessibility, read from the XML of every document of both packs (with a logo, so images are
 * covered): slides have a title first in reading order, pictures have alt text, documents use
 * real headings and table header rows, and body text is at least 11 pt in documents and 18 pt on
 * slides.
 */

let files: PackFile[];
beforeAll(async () => {
  const logo = solidPng(120, 40);
  const training = await makeExamplePack(
    exampleAnswers((raw) => (raw.huisstijl = { logo: "logo.png" })),
    1,
    logo,
  );
  const { resources } = loadBijeenkomstResources({});
  const meeting = await makeBijeenkomstPack(validBijeenkomst(bijeenkomstRaw()), resources, {
    today: TODAY,
    created: new Date("2026-11-28T10:00:00Z"),
    logo,
  });
  files = [...training.files, ...meeting.files];
}, 120_000);

const decks = (): PackFile[] => files.filter((f) => f.name.endsWith(".pptx"));
const documents = (): PackFile[] => files.filter((f) => f.name.endsWith(".docx"));
const shapesOf = (xml: string): string[] =>
  [...xml.matchAll(/<p:(sp|pic)>[\s\S]*?<\/p:\1>/g)].map((m) => m[0]);

describe("slides", () => {
  it("each have a title placeholder with text, first in reading order", () => {
    for (const deck of decks()) {
      const parts = readParts(deck.data);
      for (const slide of slideNames(parts)) {
        const first = shapesOf(parts[slide]!)[0] ?? "";
        expect(first, `${deck.name} ${slide}`).toMatch(/<p:ph type="(title|ctrTitle)"/);
        expect(textOf(first).trim(), `${deck.name} ${slide}`).not.toBe("");
      }
    }
  });

  it("give every picture alt text, and mark decoration as decorative", () => {
    let pictures = 0;
    for (const deck of decks()) {
      const parts = readParts(deck.data);
      for (const slide of slideNames(parts))
        for (const shape of shapesOf(parts[slide]!)) {
          if (shape.startsWith("<p:pic>")) {
            pictures++;
            expect(
              /<p:cNvPr [^>]*descr="([^"]+)"/.exec(shape)?.[1],
              `${deck.name} ${slide}`,
            ).toBeTruthy();
          }
          if (/name="(Band|Strook|Accentlijn|Voetlijn)"/.test(shape))
            expect(shape).toContain("adec:decorative");
        }
    }
    expect(pictures).toBeGreaterThan(0);
  });

  it("set body text at 18 pt or more (the footer and slide number excepted)", () => {
    for (const deck of decks()) {
      const parts = readParts(deck.data);
      for (const slide of slideNames(parts))
        for (const shape of shapesOf(parts[slide]!)) {
          if (/name="Voettekst"|<p:ph type="sldNum"/.test(shape)) continue;
          // Only runs that carry text count: an empty paragraph's end mark reads nothing.
          for (const run of shape.matchAll(
            /<a:r>\s*<a:rPr [^>]*sz="(\d+)"[\s\S]*?<a:t>([^<]*)<\/a:t>/g,
          ))
            if (run[2]!.trim() !== "")
              expect(Number(run[1]), `${deck.name} ${slide}: "${run[2]}"`).toBeGreaterThanOrEqual(
                1800,
              );
        }
    }
  });
});

describe("Word documents", () => {
  it("use real headings: every document has Word headings, and a title or a Heading 1 first", () => {
    for (const doc of documents()) {
      const xml = readParts(doc.data)["word/document.xml"]!;
      const styles = [...xml.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]!);
      const headings = styles.filter((s) => /^(Title|Heading\d)$/.test(s));
      expect(headings.length, doc.name).toBeGreaterThan(0);
      expect(headings[0], doc.name).toMatch(/^(Title|Heading1)$/);
    }
  });

  it("mark the first row of every data table as a header row that repeats", () => {
    for (const doc of documents()) {
      const xml = readParts(doc.data)["word/document.xml"]!;
      for (const table of xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)) {
        const rows = [...table[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
        // Layout tables are not data: writing lines (one empty column) and cut-out cards (dashed).
        const layout =
          !/<w:gridCol[^>]*\/>\s*<w:gridCol/.test(table[0]) || /w:val="dashed"/.test(table[0]);
        if (layout) continue;
        expect(rows[0], doc.name).toContain("<w:tblHeader/>");
      }
    }
  });

  it("set no body text below 11 pt", () => {
    for (const doc of documents()) {
      const parts = readParts(doc.data);
      for (const size of parts["word/document.xml"]!.matchAll(/<w:sz w:val="(\d+)"\/>/g))
        expect(Number(size[1]), doc.name).toBeGreaterThanOrEqual(22);
      // The styles the body uses, and Normal, which every paragraph builds on.
      const used = new Set([
        "Normal",
        ...[...parts["word/document.xml"]!.matchAll(/<w:[pr]Style w:val="([^"]+)"\/>/g)].map(
          (m) => m[1]!,
        ),
      ]);
      for (const style of parts["word/styles.xml"]!.matchAll(
        /<w:style [^>]*w:styleId="([^"]+)"[\s\S]*?<\/w:style>/g,
      )) {
        if (!used.has(style[1]!)) continue;
        const size = /<w:sz w:val="(\d+)"\/>/.exec(style[0])?.[1];
        if (size) expect(Number(size), `${doc.name} style ${style[1]}`).toBeGreaterThanOrEqual(22);
      }
    }
  });
});

describe("a slide title with replacement patterns", () => {
  it('keeps "$&", "$\'", "$`" and "$$" as typed (found by the fuzz suite)', async () => {
    // In XML these become "$&amp;", "$&apos;": a "$&" that String.replace would expand.
    const title = "Kosten $& en $' en $` en $$ en $1 & 'enkel'";
    const deck = await renderPptx(`# ${title}\n\nTekst.`, {
      theme: buildTheme({}),
      title: "Training",
      created: new Date("2026-11-28T00:00:00Z"),
    });
    expect(checkDocument("presentatie.pptx", deck).findings).toEqual([]);
    const slide = readParts(deck)["ppt/slides/slide1.xml"]!;
    const first = shapesOf(slide)[0] ?? "";
    expect(first).toMatch(/<p:ph type="title"/);
    expect(textOf(first)).toBe(title);
  });
});
