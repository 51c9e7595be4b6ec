/**
 * Speaker notes the way PowerPoint writes them (issue #16, item 5). pptxgenjs's notes master is
 * stripped by PowerPoint on "repair" (PptxGenJS #1443, #1449), so idokit writes its own notes
 * master and notes slides. These tests hold them against a file PowerPoint itself saved
 * (test/fixtures/powerpoint-reference/sld-notes.pptx): the same elements in the same order, the
 * same attributes and placeholder indexes, wired into the package the same way. The only
 * differences allowed are listed here, each with its reason.
 */
import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { checkDocument } from "../../src/check/index.js";
import { NOTES_PAGE, notesMasterXml, notesSlideXml } from "../../src/render/pptx/notes-master.js";
import { renderPptx } from "../../src/render/pptx/index.js";
import { buildTheme } from "../../src/render/theme.js";
import { treeAttr as attr, xmlTree, type TreeElement as XmlElement } from "../helpers/xml-tree.js";

const REFERENCE = unzipSync(
  readFileSync(new URL("../fixtures/powerpoint-reference/sld-notes.pptx", import.meta.url)),
);
const ref = (name: string): string =>
  strFromU8(REFERENCE[name] ?? fail(`reference has no ${name}`));

function fail(message: string): never {
  throw new Error(message);
}

function tree(xml: string): XmlElement {
  const parsed = xmlTree(xml);
  if (!parsed.root) throw new Error(parsed.error);
  return parsed.root;
}

/**
 * Attribute values that may differ from the reference, by element: geometry (the reference is a
 * 4:3 deck from PowerPoint 2011; idokit's decks are 16:9, with the notes-page geometry PowerPoint
 * 2013 and later write for widescreen decks), the tab size PowerPoint 2013+ writes, the language,
 * the field and creation ids (fixed ids of our own keep packs reproducible).
 */
const MAY_DIFFER: Record<string, readonly string[]> = {
  off: ["x", "y"],
  ext: ["cx", "cy"],
  fld: ["id"],
  creationId: ["val"],
  rPr: ["lang"],
  endParaRPr: ["lang"],
  ...Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`lvl${i + 1}pPr`, ["defTabSz"]])),
};
// smtClean only tells PowerPoint that smart tags were checked; leaving it out asks for a recheck.
const MAY_BE_ABSENT = new Set(["smtClean"]);

/** Every difference between two element trees, as readable lines ("" when equal). */
function differences(ours: XmlElement, theirs: XmlElement, path = ""): string[] {
  const here = `${path}/${ours.name}`;
  if (ours.ns !== theirs.ns || ours.name !== theirs.name)
    return [`${path}: <${ours.name}> where PowerPoint writes <${theirs.name}>`];
  const out: string[] = [];
  const keys = new Set([...Object.keys(ours.attrs), ...Object.keys(theirs.attrs)]);
  for (const key of keys) {
    const local = key.slice(key.indexOf("|") + 1);
    const [a, b] = [ours.attrs[key], theirs.attrs[key]];
    if (a === b) continue;
    if (a === undefined && MAY_BE_ABSENT.has(local)) continue;
    if (a !== undefined && b !== undefined && MAY_DIFFER[ours.name]?.includes(local)) continue;
    out.push(`${here}@${local}: ${a ?? "(absent)"} where PowerPoint writes ${b ?? "(absent)"}`);
  }
  const n = Math.max(ours.children.length, theirs.children.length);
  for (let i = 0; i < n; i++) {
    const [a, b] = [ours.children[i], theirs.children[i]];
    if (!a) out.push(`${here}: missing <${b!.name}> (child ${i + 1})`);
    else if (!b) out.push(`${here}: extra <${a.name}> (child ${i + 1})`);
    else out.push(...differences(a, b, `${here}[${i + 1}]`));
  }
  return out;
}

function placeholderTypes(root: XmlElement): string[] {
  const out: string[] = [];
  const walk = (el: XmlElement): void => {
    if (el.name === "ph") out.push(`${attr(el, "type") ?? "body"}:${attr(el, "idx") ?? "-"}`);
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

function fieldIds(xml: string, type: string): string[] {
  return [...xml.matchAll(new RegExp(`<a:fld id="([^"]+)" type="${type}"`, "g"))].map((m) => m[1]!);
}

describe("the notes master and notes slides, against PowerPoint's own", () => {
  it("finds nothing in the file PowerPoint saved (the check does not cry wolf)", () => {
    const report = checkDocument(
      "sld-notes.pptx",
      readFileSync(new URL("../fixtures/powerpoint-reference/sld-notes.pptx", import.meta.url)),
    );
    expect(report.parts).toBeGreaterThan(15);
    expect(report.findings).toEqual([]);
  });

  it("writes the notes master PowerPoint writes: same shapes, order, attributes and indexes", () => {
    const theirs = tree(ref("ppt/notesMasters/notesMaster1.xml"));
    const ours = tree(notesMasterXml("nl-NL"));
    expect(differences(ours, theirs)).toEqual([]);
    expect(placeholderTypes(ours)).toEqual([
      "hdr:-",
      "dt:1",
      "sldImg:2",
      "body:3",
      "ftr:4",
      "sldNum:5",
    ]);
  });

  it("places the slide image at 16:9 inside PowerPoint's 7.5 × 10 inch notes page", () => {
    const page = /<p:notesSz cx="(\d+)" cy="(\d+)"\/>/.exec(ref("ppt/presentation.xml"))!;
    expect([NOTES_PAGE.cx, NOTES_PAGE.cy]).toEqual([Number(page[1]), Number(page[2])]);
    const master = notesMasterXml("nl-NL");
    for (const sp of master.match(/<p:sp>[\s\S]*?<\/p:sp>/g)!) {
      const [, x, y] = /<a:off x="(\d+)" y="(\d+)"/.exec(sp)!.map(Number);
      const [, cx, cy] = /<a:ext cx="(\d+)" cy="(\d+)"/.exec(sp)!.map(Number);
      expect(x! + cx!, sp.slice(0, 80)).toBeLessThanOrEqual(NOTES_PAGE.cx);
      expect(y! + cy!, sp.slice(0, 80)).toBeLessThanOrEqual(NOTES_PAGE.cy);
      if (sp.includes('type="sldImg"')) expect(cx! / cy!).toBeCloseTo(16 / 9, 2);
    }
  });

  it("writes the notes slide PowerPoint writes, one paragraph per line", () => {
    const theirs = tree(ref("ppt/notesSlides/notesSlide1.xml"));
    // PowerPoint's reference has one note, "Notes", in English, on slide 1.
    expect(differences(tree(notesSlideXml(0, ["Notes"], "en-US")), theirs)).toEqual([]);
    const several = notesSlideXml(4, ["Eerste regel", "", "Derde & <laatste>"], "nl-NL");
    expect(several).toContain("<a:t>Derde &amp; &lt;laatste&gt;</a:t>");
    expect(several.match(/<a:p>/g)).toHaveLength(3 + 1); // three lines and the slide number
    expect(several).toContain('type="slidenum"><a:rPr lang="nl-NL"/><a:t>5</a:t>');
  });

  it("gives a notes slide's number field the id of the master's, as PowerPoint does", () => {
    expect(fieldIds(ref("ppt/notesSlides/notesSlide1.xml"), "slidenum")).toEqual(
      fieldIds(ref("ppt/notesMasters/notesMaster1.xml"), "slidenum"),
    );
    expect(fieldIds(notesSlideXml(0, ["x"], "nl-NL"), "slidenum")).toEqual(
      fieldIds(notesMasterXml("nl-NL"), "slidenum"),
    );
  });

  describe("in a deck idokit makes", () => {
    let parts: Record<string, Uint8Array>;
    const text = (name: string): string => strFromU8(parts[name] ?? fail(`no ${name}`));

    beforeAll(async () => {
      parts = unzipSync(
        await renderPptx("# Een\n\n???\nNotitie een\n\n---\n\n# Twee\n\n???\nNotitie twee", {
          theme: buildTheme({}),
          title: "Training",
          created: new Date("2026-11-28T00:00:00Z"),
        }),
      );
    });

    it("lists the notes master before the slides and uses PowerPoint's notes page", () => {
      const presentation = text("ppt/presentation.xml");
      const order = (xml: string) =>
        ["sldMasterIdLst", "notesMasterIdLst", "sldIdLst", "sldSz", "notesSz"].map((tag) =>
          xml.indexOf(`<p:${tag}`),
        );
      const reference = order(ref("ppt/presentation.xml"));
      expect(reference.every((i, n) => n === 0 || i > reference[n - 1]!)).toBe(true);
      const ours = order(presentation);
      expect(ours.every((i, n) => n === 0 || i > ours[n - 1]!)).toBe(true);
      expect(presentation).toContain(`<p:notesSz cx="${NOTES_PAGE.cx}" cy="${NOTES_PAGE.cy}"/>`);
    });

    it("gives the notes master a theme of its own, as PowerPoint does", () => {
      const themeOf = (rels: string) => /Target="\.\.\/theme\/([^"]+)"/.exec(rels)?.[1];
      const refNotes = themeOf(ref("ppt/notesMasters/_rels/notesMaster1.xml.rels"));
      const refSlides = themeOf(ref("ppt/slideMasters/_rels/slideMaster1.xml.rels"));
      expect(refNotes).not.toBe(refSlides);
      const notesTheme = themeOf(text("ppt/notesMasters/_rels/notesMaster1.xml.rels"));
      expect(notesTheme).toBeDefined();
      expect(notesTheme).not.toBe(themeOf(text("ppt/slideMasters/_rels/slideMaster1.xml.rels")));
      expect(text("[Content_Types].xml")).toContain(`/ppt/theme/${notesTheme}"`);
    });

    it("relates each notes slide to the notes master and its own slide, as PowerPoint does", () => {
      const relTypes = (rels: string) =>
        [...rels.matchAll(/Type="[^"]*\/([A-Za-z]+)" Target="([^"]+)"/g)].map(
          (m) => `${m[1]} ${m[2]}`,
        );
      expect(relTypes(ref("ppt/notesSlides/_rels/notesSlide1.xml.rels")).sort()).toEqual([
        "notesMaster ../notesMasters/notesMaster1.xml",
        "slide ../slides/slide1.xml",
      ]);
      for (const n of [1, 2])
        expect(relTypes(text(`ppt/notesSlides/_rels/notesSlide${n}.xml.rels`)).sort()).toEqual([
          "notesMaster ../notesMasters/notesMaster1.xml",
          `slide ../slides/slide${n}.xml`,
        ]);
      expect(text("ppt/notesMasters/notesMaster1.xml")).toBe(notesMasterXml("nl-NL"));
      expect(text("ppt/notesSlides/notesSlide2.xml")).toContain("<a:t>Notitie twee</a:t>");
    });
  });
});
