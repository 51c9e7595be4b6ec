/**
 * Content rules: what Word and PowerPoint repair (or refuse) inside well-formed parts. Each rule
 * names a cause reported for Word or PowerPoint "repair" prompts; the schemas alone let most of
 * them through.
 */
import { NS, type CheckContext } from "./context.js";
import { attr, childrenOf, elements, findAll, hasAncestor, type XmlElement } from "./xml.js";

const SUSPICIOUS = new Set([
  "NaN",
  "undefined",
  "null",
  "Infinity",
  "-Infinity",
  "[object Object]",
]);
const ANCHORS = new Set(["t", "ctr", "b", "just", "dist"]);
// C1 control characters are valid XML but invisible junk that some Office versions reject.
const C1_CONTROLS = /[\u0080-\u009F]/;

/** Rules for every XML part: odd attribute values, colours, negative sizes, C1 controls. */
export function checkCommon(ctx: CheckContext): void {
  for (const name of ctx.xmlParts()) {
    const root = ctx.xml(name);
    if (!root) continue;
    findAll(root, (el) => {
      for (const key in el.attrs) {
        const value = el.attrs[key]!;
        if (SUSPICIOUS.has(value))
          ctx.add(
            name,
            "waarde",
            "fout",
            `<${el.name}> heeft ${localOf(key)}="${value}": geen geldige waarde (een rekenfout bij het maken).`,
          );
      }
      if (
        el.ns === NS.a &&
        el.name === "srgbClr" &&
        !/^[0-9A-Fa-f]{6}$/.test(attr(el, "val") ?? "")
      )
        ctx.add(
          name,
          "kleur",
          "fout",
          `Kleur "${attr(el, "val")}" is geen kleurcode van zes tekens.`,
        );
      // Text anchoring: only these five values; "mid" (reported from table cells written by
      // generators) makes PowerPoint repair the file.
      if (
        el.ns === NS.a &&
        (el.name === "bodyPr" || el.name === "tcPr") &&
        attr(el, "anchor") !== undefined &&
        !ANCHORS.has(attr(el, "anchor")!)
      )
        ctx.add(
          name,
          "uitlijning",
          "fout",
          `Tekstuitlijning anchor="${attr(el, "anchor")}" bestaat niet (alleen t, ctr, b, just en dist).`,
        );
      if (el.ns === NS.a && (el.name === "ext" || el.name === "chExt") && el.parent?.ns === NS.a) {
        for (const dim of ["cx", "cy"]) {
          const value = Number(attr(el, dim));
          if (attr(el, dim) !== undefined && !(value >= 0))
            ctx.add(
              name,
              "negatieve-maat",
              "fout",
              `Een vorm heeft een negatieve of ongeldige maat (${dim}="${attr(el, dim)}").`,
            );
        }
      }
      return false;
    });
    const text = ctx.text(name) ?? "";
    if (C1_CONTROLS.test(text))
      ctx.add(
        name,
        "stuurteken",
        "let-op",
        "Bevat onzichtbare stuurtekens (U+0080–U+009F) die in tekst niet thuishoren.",
      );
  }
}

function localOf(key: string): string {
  return key.slice(key.indexOf("|") + 1);
}

const WORD_CONTENT =
  /^word\/(document|header\d*|footer\d*|footnotes|endnotes|comments|numbering)\.xml$/i;

/** Word: styles and numbering that exist, drawing ids, tables Word can read. */
export function checkWord(ctx: CheckContext): void {
  const stylesPart = ctx.find("word/styles.xml");
  const styles = stylesPart ? ctx.xml(stylesPart) : undefined;
  const styleIds = new Set(
    styles ? elements(styles, NS.w, "style").map((s) => attr(s, "styleId", NS.w)) : [],
  );
  const numberingPart = ctx.find("word/numbering.xml");
  const numbering = numberingPart ? ctx.xml(numberingPart) : undefined;
  const numIds = new Set(
    numbering ? elements(numbering, NS.w, "num").map((n) => attr(n, "numId", NS.w)) : [],
  );
  if (numbering) {
    const abstract = new Set(
      elements(numbering, NS.w, "abstractNum").map((a) => attr(a, "abstractNumId", NS.w)),
    );
    for (const num of elements(numbering, NS.w, "num")) {
      const ref = childrenOf(num, NS.w, "abstractNumId")[0];
      const value = ref ? attr(ref, "val", NS.w) : undefined;
      if (!abstract.has(value))
        ctx.add(
          numberingPart!,
          "nummering",
          "fout",
          `Nummering ${attr(num, "numId", NS.w)} verwijst naar lijstdefinitie ${value}, die niet bestaat.`,
        );
    }
  }
  const docPrIds = new Map<string, string>();
  for (const name of ctx.parts.keys()) {
    if (!WORD_CONTENT.test(name)) continue;
    const root = ctx.xml(name);
    if (!root) continue;
    for (const tag of ["pStyle", "rStyle", "tblStyle"])
      for (const el of elements(root, NS.w, tag)) {
        const id = attr(el, "val", NS.w);
        if (styles && !styleIds.has(id))
          ctx.add(
            name,
            "stijl",
            "let-op",
            `Gebruikt opmaakstijl "${id}", die niet in de stijlen staat (Word valt terug op Standaard).`,
          );
      }
    for (const el of elements(root, NS.w, "numId")) {
      const id = attr(el, "val", NS.w);
      if (id !== "0" && !numIds.has(id))
        ctx.add(name, "nummering", "let-op", `Gebruikt nummering ${id}, die niet bestaat.`);
    }
    for (const el of elements(root, NS.wp, "docPr")) {
      const id = attr(el, "id") ?? "";
      // The two branches of one mc:AlternateContent describe the same drawing.
      if (docPrIds.has(id) && !hasAncestor(el, NS.mc, "Fallback"))
        ctx.add(
          name,
          "tekening-id",
          "fout",
          `Twee tekeningen of afbeeldingen hebben nummer ${id}.`,
        );
      docPrIds.set(id, name);
    }
    const bookmarks = new Set<string>();
    for (const el of elements(root, NS.w, "bookmarkStart")) {
      const id = attr(el, "id", NS.w) ?? "";
      if (bookmarks.has(id))
        ctx.add(name, "bladwijzer", "let-op", `Bladwijzernummer ${id} komt twee keer voor.`);
      bookmarks.add(id);
    }
    for (const tbl of elements(root, NS.w, "tbl")) {
      if (childrenOf(tbl, NS.w, "tblGrid").length === 0)
        ctx.add(name, "tabel", "fout", "Een tabel heeft geen kolomindeling (w:tblGrid).");
      if (elements(tbl, NS.w, "tr").length === 0)
        ctx.add(name, "tabel", "fout", "Een tabel heeft geen rijen.");
    }
    for (const tc of elements(root, NS.w, "tc"))
      if (childrenOf(tc, NS.w, "p").length === 0 && childrenOf(tc, NS.w, "tbl").length === 0)
        ctx.add(
          name,
          "tabelcel",
          "fout",
          "Een tabelcel bevat geen alinea; Word wil die herstellen.",
        );
  }
}

const SHAPE_PARTS =
  /^ppt\/(slides|slideLayouts|slideMasters|notesSlides|notesMasters|handoutMasters)\/[^/]+\.xml$/i;
const NOTES_MASTER_PLACEHOLDERS = ["hdr", "dt", "sldImg", "body", "ftr", "sldNum"];

/** PowerPoint: the repair triggers found beyond the schema, part by part. */
export function checkPresentation(ctx: CheckContext): void {
  const presentationPart = ctx.find("ppt/presentation.xml");
  const presentation = presentationPart ? ctx.xml(presentationPart) : undefined;
  if (presentation) checkPresentationPart(ctx, presentationPart!, presentation);

  const creationIds = new Map<string, string>();
  for (const name of ctx.parts.keys()) {
    if (!SHAPE_PARTS.test(name)) continue;
    const root = ctx.xml(name);
    if (!root) continue;
    checkSlideStructure(ctx, name, root);
    // 1. Shape ids unique within the part.
    const ids = new Set<string>();
    for (const el of elements(root, NS.p, "cNvPr")) {
      const id = attr(el, "id") ?? "";
      if (ids.has(id))
        ctx.add(name, "vorm-id", "fout", `Twee vormen hebben hetzelfde nummer (id ${id}).`);
      ids.add(id);
    }
    // 2. Every text body has a paragraph; every shape (but the slide image) a text body.
    for (const body of [...elements(root, NS.p, "txBody"), ...elements(root, NS.a, "txBody")])
      if (childrenOf(body, NS.a, "p").length === 0)
        ctx.add(name, "lege-tekst", "fout", "Een tekstvak of tabelcel heeft geen enkele alinea.");
    for (const sp of elements(root, NS.p, "sp")) {
      const ph = elements(sp, NS.p, "ph")[0];
      if (childrenOf(sp, NS.p, "txBody").length === 0 && attr(ph ?? sp, "type") !== "sldImg")
        ctx.add(
          name,
          "vorm-zonder-tekst",
          "let-op",
          `Vorm "${shapeName(sp)}" heeft geen tekstdeel (p:txBody); PowerPoint voegt dat bij herstel toe.`,
        );
    }
    // 3. A solid background with its effect list; no empty outline.
    for (const bgPr of elements(root, NS.p, "bgPr"))
      if (
        !bgPr.children.some(
          (c) => c.ns === NS.a && (c.name === "effectLst" || c.name === "effectDag"),
        )
      )
        ctx.add(
          name,
          "achtergrond",
          "let-op",
          "De achtergrond mist a:effectLst, zoals PowerPoint die schrijft.",
        );
    for (const ln of elements(root, NS.a, "ln"))
      if (ln.children.length === 0 && Object.keys(ln.attrs).length === 0)
        ctx.add(name, "lege-lijn", "let-op", "Een vorm heeft een lege omlijning (<a:ln/>).");
    // 4. Paragraph properties only at the start of a paragraph.
    for (const p of elements(root, NS.a, "p"))
      if (p.children.some((c, i) => i > 0 && c.ns === NS.a && c.name === "pPr"))
        ctx.add(
          name,
          "alinea-opmaak",
          "fout",
          "Een alinea heeft opmaak (a:pPr) midden in de tekst.",
        );
    // 5. Slide creation ids identify a slide; two slides with one id confuse PowerPoint.
    for (const el of findAll(root, (e) => e.name === "creationId")) {
      const id = attr(el, "val") ?? "";
      if (creationIds.has(id))
        ctx.add(
          name,
          "dia-id",
          "let-op",
          `Heeft hetzelfde creationId (${id}) als ${creationIds.get(id)}.`,
        );
      else creationIds.set(id, name);
    }
  }
  checkNotes(ctx);
}

// Which part a slide, layout or master must relate to (python-pptx: a slide whose layout is
// missing is a repair error), and placeholders that belong on notes and handouts only.
const REQUIRED_RELATION: Array<[RegExp, string, string]> = [
  [/^ppt\/slides\//i, "slideLayout", "Deze dia heeft geen dia-indeling."],
  [/^ppt\/slideLayouts\//i, "slideMaster", "Deze dia-indeling hoort bij geen diamodel."],
  [/^ppt\/slideMasters\//i, "theme", "Dit diamodel heeft geen thema."],
];
const NOTES_ONLY_PLACEHOLDERS = new Set(["hdr", "sldImg"]);

function checkSlideStructure(ctx: CheckContext, name: string, root: XmlElement): void {
  for (const [pattern, type, message] of REQUIRED_RELATION)
    if (pattern.test(name) && ![...ctx.rels(name).values()].some((r) => r.type === type))
      ctx.add(name, "dia-relatie", "fout", message);
  if (/^ppt\/(slides|slideLayouts|slideMasters)\//i.test(name))
    for (const ph of elements(root, NS.p, "ph"))
      if (NOTES_ONLY_PLACEHOLDERS.has(attr(ph, "type") ?? ""))
        ctx.add(
          name,
          "aanduiding",
          "fout",
          `Tijdelijke aanduiding "${attr(ph, "type")}" hoort alleen op notities en hand-outs.`,
        );
}

function shapeName(sp: XmlElement): string {
  const c = elements(sp, NS.p, "cNvPr")[0];
  return c ? (attr(c, "name") ?? "") : "";
}

const PRESENTATION_ORDER = [
  "sldMasterIdLst",
  "notesMasterIdLst",
  "handoutMasterIdLst",
  "sldIdLst",
  "sldSz",
  "notesSz",
];

function checkPresentationPart(ctx: CheckContext, name: string, root: XmlElement): void {
  const order = root.children
    .filter((c) => c.ns === NS.p && PRESENTATION_ORDER.includes(c.name))
    .map((c) => PRESENTATION_ORDER.indexOf(c.name));
  if (order.some((position, i) => i > 0 && position < order[i - 1]!))
    ctx.add(
      name,
      "volgorde",
      "let-op",
      "De lijsten van modellen en dia's staan niet in de volgorde die PowerPoint schrijft (notesMasterIdLst hoort vóór sldIdLst).",
    );
  const slideIds = elements(root, NS.p, "sldId").map((s) => Number(attr(s, "id")));
  if (new Set(slideIds).size !== slideIds.length)
    ctx.add(name, "dia-nummer", "fout", "Twee dia's hebben hetzelfde nummer.");
  for (const id of slideIds)
    if (!(id >= 256 && id < 2147483648))
      ctx.add(name, "dia-nummer", "fout", `Dianummer ${id} ligt buiten het toegestane bereik.`);
  for (const size of [...elements(root, NS.p, "sldSz"), ...elements(root, NS.p, "notesSz")])
    for (const dim of ["cx", "cy"])
      if (!(Number(attr(size, dim)) > 0))
        ctx.add(name, "paginamaat", "fout", `<${size.name}> heeft een ongeldige maat ${dim}.`);
}

/** The notes master as PowerPoint writes it, with its own theme, and notes slides that use it. */
function checkNotes(ctx: CheckContext): void {
  const notesSlides = [...ctx.parts.keys()].filter((n) =>
    /^ppt\/notesSlides\/[^/]+\.xml$/i.test(n),
  );
  const masters = [...ctx.parts.keys()].filter((n) => /^ppt\/notesMasters\/[^/]+\.xml$/i.test(n));
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
    const root = ctx.xml(master);
    if (!root) continue;
    const types = elements(root, NS.p, "ph").map((ph) => attr(ph, "type") ?? "body");
    for (const type of NOTES_MASTER_PLACEHOLDERS)
      if (!types.includes(type))
        ctx.add(
          master,
          "notitiemodel",
          "let-op",
          `Het notitiemodel mist de tijdelijke aanduiding "${type}".`,
        );
    for (const sp of elements(root, NS.p, "sp"))
      if (elements(sp, NS.a, "xfrm").length === 0)
        ctx.add(
          master,
          "notitiemodel",
          "let-op",
          `Tijdelijke aanduiding "${shapeName(sp)}" heeft geen plaats en maat.`,
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
