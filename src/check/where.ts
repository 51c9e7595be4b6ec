import { SLIDE_ORDER } from "./content-rules.js";
import type { CheckContext } from "./context.js";

const FIXED: Array<[RegExp, string]> = [
  [/^$/, "het hele bestand"],
  [/^\[Content_Types\]\.xml$/i, "de lijst met inhoudstypen"],
  [/^_rels\/\.rels$/i, "de hoofdrelaties"],
  [/^docProps\//i, "de bestandseigenschappen"],
  [/^word\/document\.xml$/i, "de tekst van het document"],
  [/^word\/header\d*\.xml$/i, "een koptekst"],
  [/^word\/footer\d*\.xml$/i, "een voettekst"],
  [/^word\/styles\.xml$/i, "de opmaakstijlen"],
  [/^word\/numbering\.xml$/i, "de nummering van lijsten"],
  [/^word\/(footnotes|endnotes)\.xml$/i, "de voetnoten"],
  [/^ppt\/presentation\.xml$/i, "de presentatie als geheel"],
  [/^ppt\/slideMasters\//i, "het diamodel"],
  [/^ppt\/slideLayouts\//i, "een dia-indeling"],
  [/^ppt\/notesMasters\//i, "het notitiemodel"],
  [/^ppt\/theme\//i, "een thema"],
  [/^ppt\/media\//i, "een afbeelding"],
];

/** Where a part is, in words a reader of the document knows: "dia 3", "notities bij dia 3". */
export function describePart(ctx: CheckContext, part: string): string {
  const relsOf = /^(.*?)_rels\/([^/]+)\.rels$/i.exec(part);
  if (relsOf && `${relsOf[1]}${relsOf[2]}` !== "")
    return `de relaties van ${describePart(ctx, `${relsOf[1]}${relsOf[2]}`)}`;
  const slide = /^ppt\/slides\/[^/]+\.xml$/i.test(part) ? slideNumber(ctx, part) : undefined;
  if (slide) return `dia ${slide}`;
  if (/^ppt\/notesSlides\//i.test(part)) {
    const rel = [...ctx.rels(part).values()].find((r) => r.type === "slide");
    const n = rel?.part ? slideNumber(ctx, rel.part) : undefined;
    return n ? `de notities bij dia ${n}` : "notities";
  }
  return FIXED.find(([pattern]) => pattern.test(part))?.[1] ?? part;
}

const orderCache = new WeakMap<CheckContext, Map<string, number>>();

/** The slide's position in the presentation (1-based), from presentation.xml's slide list. */
function slideNumber(ctx: CheckContext, part: string): number | undefined {
  let order = orderCache.get(ctx);
  if (!order) {
    order = new Map();
    const name = ctx.find("ppt/presentation.xml");
    const slides = ctx.facts.get(SLIDE_ORDER) as string[] | undefined;
    if (name && slides) {
      const rels = ctx.rels(name);
      slides.forEach((rid, i) => {
        const target = rels.get(rid)?.part;
        if (target) order!.set(target.toLowerCase(), i + 1);
      });
    }
    orderCache.set(ctx, order);
  }
  return order.get(part.toLowerCase());
}
