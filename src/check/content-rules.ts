/**
 * Content rules: what Word and PowerPoint repair (or refuse) inside well-formed parts. Each rule
 * names a cause reported for Word or PowerPoint "repair" prompts; the schemas alone let most of
 * them through. Every rule reads a part as one stream of elements (see xml.ts) and keeps only the
 * facts it needs.
 */
import { NS, type CheckContext, type PartRule } from "./context.js";
import {
  ancestor,
  attr,
  hasAttributes,
  is,
  isDeclaration,
  localName,
  type XmlElement,
} from "./xml.js";

const SUSPICIOUS = new Set([
  "NaN",
  "undefined",
  "null",
  "Infinity",
  "-Infinity",
  "[object Object]",
]);
// What the values above can be told by before one is cut out of the part: their lengths and
// first characters (nearly every attribute value of a part is neither).
// (a bit per length below 32; a flag per ASCII first character).
let SUSPICIOUS_LENGTHS = 0;
const SUSPICIOUS_STARTS = new Uint8Array(128);
for (const value of SUSPICIOUS) {
  SUSPICIOUS_LENGTHS |= 1 << value.length;
  SUSPICIOUS_STARTS[value.charCodeAt(0)] = 1;
}
const ANCHORS = new Set(["t", "ctr", "b", "just", "dist"]);
// C1 control characters are valid XML but invisible junk that some Office versions reject.
const C1_CONTROLS = /[\u0080-\u009F]/;
const XML_PART = /\.(xml|rels|vml)$/i;

/** Rules for every XML part: odd attribute values, colours, negative sizes, C1 controls. */
export const commonRule: PartRule = (ctx, part) => {
  if (!XML_PART.test(part)) return undefined;
  return {
    open(el, attributes) {
      for (let i = 0; i < attributes.length; i++) {
        const length = attributes.valueLength(i);
        if (length >= 32 || !((SUSPICIOUS_LENGTHS >>> length) & 1)) continue;
        if (SUSPICIOUS_STARTS[attributes.valueStart(i)] !== 1) continue;
        const key = attributes.name(i);
        const value = attributes.value(i);
        if (SUSPICIOUS.has(value) && !isDeclaration(key))
          ctx.add(
            part,
            "waarde",
            "fout",
            `<${el.name}> heeft ${localName(key)}="${value}": geen geldige waarde (een rekenfout bij het maken).`,
          );
      }
      if (el.ns !== NS.a) return;
      if (el.name === "srgbClr" && !/^[0-9A-Fa-f]{6}$/.test(attr(el, "val") ?? ""))
        ctx.add(
          part,
          "kleur",
          "fout",
          `Kleur "${attr(el, "val")}" is geen kleurcode van zes tekens.`,
        );
      // Text anchoring: only these five values; "mid" (reported from table cells written by
      // generators) makes PowerPoint repair the file.
      else if (
        (el.name === "bodyPr" || el.name === "tcPr") &&
        attr(el, "anchor") !== undefined &&
        !ANCHORS.has(attr(el, "anchor")!)
      )
        ctx.add(
          part,
          "uitlijning",
          "fout",
          `Tekstuitlijning anchor="${attr(el, "anchor")}" bestaat niet (alleen t, ctr, b, just en dist).`,
        );
      else if ((el.name === "ext" || el.name === "chExt") && el.parent?.ns === NS.a)
        for (const dim of ["cx", "cy"]) {
          const value = Number(attr(el, dim));
          if (attr(el, dim) !== undefined && !(value >= 0))
            ctx.add(
              part,
              "negatieve-maat",
              "fout",
              `Een vorm heeft een negatieve of ongeldige maat (${dim}="${attr(el, dim)}").`,
            );
        }
    },
    end() {
      if (C1_CONTROLS.test(ctx.text(part) ?? ""))
        ctx.add(
          part,
          "stuurteken",
          "let-op",
          "Bevat onzichtbare stuurtekens (U+0080–U+009F) die in tekst niet thuishoren.",
        );
    },
  };
};

const WORD_CONTENT =
  /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments|numbering)\.xml$/i;

// Marks on open elements: what a rule has seen among an element's children or descendants.
const HAS_GRID = 1;
const HAS_ROW = 2;
const HAS_CONTENT = 4;
const HAS_PARAGRAPH = 8;
const HAS_TEXT_BODY = 16;
const HAS_EFFECTS = 32;
const HAS_XFRM = 64;

/** The style ids in word/styles.xml, or undefined when there is no readable styles part. */
const STYLE_IDS = "word.styleIds";
/** The list numbers (w:num) in word/numbering.xml; empty when there is none. */
const NUM_IDS = "word.numIds";
/** Drawing ids (wp:docPr) seen so far in the document's parts. */
const DOC_PR_IDS = "word.docPrIds";

/** word/styles.xml: the style ids every other part may use. */
export const wordStylesRule: PartRule = (ctx, part) => {
  if (part !== ctx.find("word/styles.xml")) return undefined;
  const ids = new Set<string | undefined>();
  return {
    open(el) {
      if (is(el, NS.w, "style")) ids.add(attr(el, "styleId", NS.w));
    },
    end: () => void ctx.facts.set(STYLE_IDS, ids),
  };
};

/** word/numbering.xml: every list number points to a list definition that is there. */
export const wordNumberingRule: PartRule = (ctx, part) => {
  if (part !== ctx.find("word/numbering.xml")) return undefined;
  const abstract = new Set<string | undefined>();
  const nums: Array<{ id: string | undefined; ref: string | undefined }> = [];
  let num: { id: string | undefined; ref: string | undefined; seen: boolean } | undefined;
  return {
    open(el) {
      if (el.ns !== NS.w) return;
      if (el.name === "abstractNum") abstract.add(attr(el, "abstractNumId", NS.w));
      else if (el.name === "num") {
        num = { id: attr(el, "numId", NS.w), ref: undefined, seen: false };
        nums.push(num);
      } else if (el.name === "abstractNumId" && num && !num.seen && is(el.parent, NS.w, "num")) {
        num.ref = attr(el, "val", NS.w);
        num.seen = true;
      }
    },
    end() {
      for (const { id, ref } of nums)
        if (!abstract.has(ref))
          ctx.add(
            part,
            "nummering",
            "fout",
            `Nummering ${id} verwijst naar lijstdefinitie ${ref}, die niet bestaat.`,
          );
      ctx.facts.set(NUM_IDS, new Set(nums.map((n) => n.id)));
    },
  };
};

/** Word: styles and numbering that exist, drawing ids, tables Word can read. */
export const wordContentRule: PartRule = (ctx, part) => {
  if (!WORD_CONTENT.test(part)) return undefined;
  // The styles and numbering this part refers to are read first.
  const styles = ctx.find("word/styles.xml");
  if (styles) ctx.scan(styles);
  const numbering = ctx.find("word/numbering.xml");
  if (numbering && numbering !== part) ctx.scan(numbering);
  const styleRefs: Array<string | undefined> = [];
  const numRefs: Array<string | undefined> = [];
  const drawings: Array<{ id: string; inFallback: boolean }> = [];
  const bookmarks = new Set<string>();
  return {
    open(el) {
      if (el.ns === NS.wp) {
        if (el.name === "docPr")
          // The two branches of one mc:AlternateContent describe the same drawing.
          drawings.push({
            id: attr(el, "id") ?? "",
            inFallback: ancestor(el, NS.mc, "Fallback") !== undefined,
          });
        return;
      }
      if (el.ns !== NS.w) return;
      switch (el.name) {
        case "pStyle":
        case "rStyle":
        case "tblStyle":
          styleRefs.push(attr(el, "val", NS.w));
          break;
        case "numId":
          numRefs.push(attr(el, "val", NS.w));
          break;
        case "bookmarkStart": {
          const id = attr(el, "id", NS.w) ?? "";
          if (bookmarks.has(id))
            ctx.add(part, "bladwijzer", "let-op", `Bladwijzernummer ${id} komt twee keer voor.`);
          bookmarks.add(id);
          break;
        }
        case "tblGrid":
          if (is(el.parent, NS.w, "tbl")) el.parent.marks |= HAS_GRID;
          break;
        case "tr":
          for (let table = ancestor(el, NS.w, "tbl"); table; table = ancestor(table, NS.w, "tbl"))
            table.marks |= HAS_ROW;
          break;
        case "p":
        case "tbl":
          if (is(el.parent, NS.w, "tc")) el.parent.marks |= HAS_CONTENT;
          break;
      }
    },
    close(el) {
      if (el.ns !== NS.w) return;
      if (el.name === "tbl") {
        if (!(el.marks & HAS_GRID))
          ctx.add(part, "tabel", "fout", "Een tabel heeft geen kolomindeling (w:tblGrid).");
        if (!(el.marks & HAS_ROW)) ctx.add(part, "tabel", "fout", "Een tabel heeft geen rijen.");
      } else if (el.name === "tc" && !(el.marks & HAS_CONTENT))
        ctx.add(
          part,
          "tabelcel",
          "fout",
          "Een tabelcel bevat geen alinea; Word wil die herstellen.",
        );
    },
    end() {
      const styleIds = ctx.facts.get(STYLE_IDS) as Set<string | undefined> | undefined;
      if (styleIds)
        for (const id of styleRefs)
          if (!styleIds.has(id))
            ctx.add(
              part,
              "stijl",
              "let-op",
              `Gebruikt opmaakstijl "${id}", die niet in de stijlen staat (Word valt terug op Standaard).`,
            );
      const numIds = (ctx.facts.get(NUM_IDS) as Set<string | undefined> | undefined) ?? new Set();
      for (const id of numRefs)
        if (id !== "0" && !numIds.has(id))
          ctx.add(part, "nummering", "let-op", `Gebruikt nummering ${id}, die niet bestaat.`);
      const seen = ctx.fact(DOC_PR_IDS, () => new Set<string>());
      for (const { id, inFallback } of drawings) {
        if (seen.has(id) && !inFallback)
          ctx.add(
            part,
            "tekening-id",
            "fout",
            `Twee tekeningen of afbeeldingen hebben nummer ${id}.`,
          );
        seen.add(id);
      }
    },
  };
};

const SHAPE_PARTS =
  /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|handoutMasters)\/[^/]+\.xml$/i;
const NOTES_MASTER = /^ppt\/notesMasters\/[^/]+\.xml$/i;
const NOTES_MASTER_PLACEHOLDERS = ["hdr", "dt", "sldImg", "body", "ftr", "sldNum"];
/** Slide creation ids seen so far, with the part that has each. */
const CREATION_IDS = "pptx.creationIds";
/** The slides' relationship ids in presentation order (presentation.xml's p:sldIdLst). */
export const SLIDE_ORDER = "pptx.slideOrder";

// Which part a slide, layout or master must relate to (python-pptx: a slide whose layout is
// missing is a repair error), and placeholders that belong on notes and handouts only.
const REQUIRED_RELATION: Array<[RegExp, string, string]> = [
  [/^ppt\/slides\//i, "slideLayout", "Deze dia heeft geen dia-indeling."],
  [/^ppt\/slideLayouts\//i, "slideMaster", "Deze dia-indeling hoort bij geen diamodel."],
  [/^ppt\/slideMasters\//i, "theme", "Dit diamodel heeft geen thema."],
];
const NOTES_ONLY_PLACEHOLDERS = new Set(["hdr", "sldImg"]);

/** PowerPoint: the repair triggers found beyond the schema, in slides, layouts, masters, notes. */
export const shapesRule: PartRule = (ctx, part) => {
  if (!SHAPE_PARTS.test(part)) return undefined;
  const onSlideOrMaster = /^ppt\/(slides|slideLayouts|slideMasters)\//i.test(part);
  const notesMaster = NOTES_MASTER.test(part);
  const shapeIds = new Set<string>();
  const creationIds: string[] = [];
  const placeholderTypes: string[] = [];
  // Per open p:sp: its first placeholder's type and its first cNvPr's name.
  const shapes = new Map<XmlElement, { ph?: string | undefined; name?: string | undefined }>();
  const shapeOf = (el: XmlElement) => {
    const sp = ancestor(el, NS.p, "sp");
    return sp ? shapes.get(sp) : undefined;
  };
  return {
    open(el) {
      if (el.name === "creationId") creationIds.push(attr(el, "val") ?? "");
      if (el.ns === NS.p) {
        switch (el.name) {
          case "sp":
            shapes.set(el, {});
            break;
          case "cNvPr": {
            // 1. Shape ids unique within the part.
            const id = attr(el, "id") ?? "";
            if (shapeIds.has(id))
              ctx.add(part, "vorm-id", "fout", `Twee vormen hebben hetzelfde nummer (id ${id}).`);
            shapeIds.add(id);
            const shape = shapeOf(el);
            if (shape && shape.name === undefined) shape.name = attr(el, "name") ?? "";
            break;
          }
          case "ph": {
            const type = attr(el, "type");
            if (onSlideOrMaster && NOTES_ONLY_PLACEHOLDERS.has(type ?? ""))
              ctx.add(
                part,
                "aanduiding",
                "fout",
                `Tijdelijke aanduiding "${type}" hoort alleen op notities en hand-outs.`,
              );
            placeholderTypes.push(type ?? "body");
            const shape = shapeOf(el);
            if (shape && !("ph" in shape)) shape.ph = type;
            break;
          }
          case "txBody":
            if (is(el.parent, NS.p, "sp")) el.parent.marks |= HAS_TEXT_BODY;
            break;
        }
        return;
      }
      if (el.ns !== NS.a) return;
      switch (el.name) {
        case "p":
          if (el.parent?.name === "txBody" && (el.parent.ns === NS.p || el.parent.ns === NS.a))
            el.parent.marks |= HAS_PARAGRAPH;
          break;
        case "pPr":
          // 4. Paragraph properties only at the start of a paragraph.
          if (el.index > 0 && is(el.parent, NS.a, "p"))
            ctx.add(
              part,
              "alinea-opmaak",
              "fout",
              "Een alinea heeft opmaak (a:pPr) midden in de tekst.",
            );
          break;
        case "effectLst":
        case "effectDag":
          if (is(el.parent, NS.p, "bgPr")) el.parent.marks |= HAS_EFFECTS;
          break;
        case "xfrm": {
          const sp = ancestor(el, NS.p, "sp");
          if (sp) sp.marks |= HAS_XFRM;
          break;
        }
      }
    },
    close(el) {
      // 2. Every text body has a paragraph; every shape (but the slide image) a text body.
      if (el.name === "txBody" && (el.ns === NS.p || el.ns === NS.a)) {
        if (!(el.marks & HAS_PARAGRAPH))
          ctx.add(part, "lege-tekst", "fout", "Een tekstvak of tabelcel heeft geen enkele alinea.");
      } else if (el.name === "sp" && el.ns === NS.p) {
        const shape = shapes.get(el)!;
        shapes.delete(el);
        const type = "ph" in shape ? shape.ph : attr(el, "type");
        if (!(el.marks & HAS_TEXT_BODY) && type !== "sldImg")
          ctx.add(
            part,
            "vorm-zonder-tekst",
            "let-op",
            `Vorm "${shape.name ?? ""}" heeft geen tekstdeel (p:txBody); PowerPoint voegt dat bij herstel toe.`,
          );
        if (notesMaster && !(el.marks & HAS_XFRM))
          ctx.add(
            part,
            "notitiemodel",
            "let-op",
            `Tijdelijke aanduiding "${shape.name ?? ""}" heeft geen plaats en maat.`,
          );
      } else if (el.name === "bgPr" && el.ns === NS.p) {
        // 3. A solid background with its effect list; no empty outline.
        if (!(el.marks & HAS_EFFECTS))
          ctx.add(
            part,
            "achtergrond",
            "let-op",
            "De achtergrond mist a:effectLst, zoals PowerPoint die schrijft.",
          );
      } else if (el.name === "ln" && el.ns === NS.a && el.children === 0 && !hasAttributes(el))
        ctx.add(part, "lege-lijn", "let-op", "Een vorm heeft een lege omlijning (<a:ln/>).");
    },
    end() {
      for (const [pattern, type, message] of REQUIRED_RELATION)
        if (pattern.test(part) && ![...ctx.rels(part).values()].some((r) => r.type === type))
          ctx.add(part, "dia-relatie", "fout", message);
      // 5. Slide creation ids identify a slide; two slides with one id confuse PowerPoint.
      const seen = ctx.fact(CREATION_IDS, () => new Map<string, string>());
      for (const id of creationIds)
        if (seen.has(id))
          ctx.add(
            part,
            "dia-id",
            "let-op",
            `Heeft hetzelfde creationId (${id}) als ${seen.get(id)}.`,
          );
        else seen.set(id, part);
      if (notesMaster)
        for (const type of NOTES_MASTER_PLACEHOLDERS)
          if (!placeholderTypes.includes(type))
            ctx.add(
              part,
              "notitiemodel",
              "let-op",
              `Het notitiemodel mist de tijdelijke aanduiding "${type}".`,
            );
    },
  };
};

const PRESENTATION_ORDER = [
  "sldMasterIdLst",
  "notesMasterIdLst",
  "handoutMasterIdLst",
  "sldIdLst",
  "sldSz",
  "notesSz",
];

/** ppt/presentation.xml: the order of its lists, slide numbers and page sizes. */
export const presentationRule: PartRule = (ctx, part) => {
  if (part !== ctx.find("ppt/presentation.xml")) return undefined;
  const order: number[] = [];
  const slides: Array<{ id: number; rid: string }> = [];
  return {
    open(el) {
      if (el.ns !== NS.p) return;
      if (el.parent !== undefined && el.parent.parent === undefined) {
        const position = PRESENTATION_ORDER.indexOf(el.name);
        if (position >= 0) order.push(position);
      }
      if (el.name === "sldId")
        slides.push({ id: Number(attr(el, "id")), rid: attr(el, "id", NS.r) ?? "" });
      else if (el.name === "sldSz" || el.name === "notesSz")
        for (const dim of ["cx", "cy"])
          if (!(Number(attr(el, dim)) > 0))
            ctx.add(part, "paginamaat", "fout", `<${el.name}> heeft een ongeldige maat ${dim}.`);
    },
    end() {
      if (order.some((position, i) => i > 0 && position < order[i - 1]!))
        ctx.add(
          part,
          "volgorde",
          "let-op",
          "De lijsten van modellen en dia's staan niet in de volgorde die PowerPoint schrijft (notesMasterIdLst hoort vóór sldIdLst).",
        );
      const ids = slides.map((s) => s.id);
      if (new Set(ids).size !== ids.length)
        ctx.add(part, "dia-nummer", "fout", "Twee dia's hebben hetzelfde nummer.");
      for (const id of ids)
        if (!(id >= 256 && id < 2147483648))
          ctx.add(part, "dia-nummer", "fout", `Dianummer ${id} ligt buiten het toegestane bereik.`);
      ctx.facts.set(
        SLIDE_ORDER,
        slides.map((s) => s.rid),
      );
    },
  };
};

/**
 * After every part is read: the notes master as PowerPoint writes it, with its own theme, and
 * notes slides that use it.
 */
export function checkNotes(ctx: CheckContext): void {
  const notesSlides = [...ctx.parts.keys()].filter((n) =>
    /^ppt\/notesSlides\/[^/]+\.xml$/i.test(n),
  );
  const masters = [...ctx.parts.keys()].filter((n) => NOTES_MASTER.test(n));
  if (notesSlides.length > 0 && masters.length === 0)
    ctx.add(
      "ppt/notesSlides",
      "notitiemodel",
      "fout",
      "Er zijn sprekersnotities maar er is geen notitiemodel.",
    );
  const slideThemes = new Set<string>();
  for (const name of ctx.parts.keys())
    if (/^ppt\/slideMasters\/[^/]+\.xml$/i.test(name))
      for (const rel of ctx.rels(name).values())
        if (rel.type === "theme" && rel.part) slideThemes.add(rel.part.toLowerCase());
  for (const master of masters) {
    const themes = [...ctx.rels(master).values()].filter((r) => r.type === "theme");
    if (themes.length === 0)
      ctx.add(master, "notitiemodel-thema", "fout", "Het notitiemodel heeft geen eigen thema.");
    for (const theme of themes)
      if (theme.part && slideThemes.has(theme.part.toLowerCase()))
        ctx.add(
          master,
          "notitiemodel-thema",
          "let-op",
          `Het notitiemodel deelt zijn thema (${theme.part}) met het diamodel; PowerPoint geeft het een eigen thema.`,
        );
  }
  for (const notes of notesSlides) {
    const types = [...ctx.rels(notes).values()].map((r) => r.type);
    if (!types.includes("notesMaster"))
      ctx.add(notes, "notities", "fout", "Deze notities verwijzen niet naar het notitiemodel.");
    if (!types.includes("slide"))
      ctx.add(notes, "notities", "fout", "Deze notities horen bij geen enkele dia.");
  }
}
