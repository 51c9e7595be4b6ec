import { strFromU8 } from "fflate";
import type { Finding } from "./types.js";
import { attr, childrenOf, parseXml, type XmlElement } from "./xml.js";

export const NS = {
  ct: "http://schemas.openxmlformats.org/package/2006/content-types",
  rel: "http://schemas.openxmlformats.org/package/2006/relationships",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  w: "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  wp: "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  p: "http://schemas.openxmlformats.org/presentationml/2006/main",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
} as const;

const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

export interface Relationship {
  id: string;
  /** Last segment of the relationship type: `theme`, `notesMaster`, `slide`, `image`, … */
  type: string;
  /** The target part name, resolved against the source part; undefined for external targets. */
  part: string | undefined;
  target: string;
}

/** One file being checked: its parts, parsed on demand, and the findings so far. */
export class CheckContext {
  readonly findings: Finding[] = [];
  private readonly parsed = new Map<string, XmlElement | null>();
  private readonly relsCache = new Map<string, Map<string, Relationship>>();
  /** Lower-case part name → part name as written. */
  readonly lower: Map<string, string>;

  constructor(readonly parts: ReadonlyMap<string, string | Uint8Array>) {
    this.lower = new Map([...parts.keys()].map((name) => [name.toLowerCase(), name]));
  }

  add(part: string, rule: string, severity: Finding["severity"], message: string): void {
    if (this.findings.some((f) => f.part === part && f.rule === rule && f.message === message))
      return;
    // `where` is filled in once every rule has run (it needs the slide order).
    this.findings.push({ part, where: "", rule, severity, message });
  }

  /** The part's name as written, matched case-insensitively (as Office does). */
  find(name: string): string | undefined {
    return this.parts.has(name) ? name : this.lower.get(name.toLowerCase());
  }

  text(name: string): string | undefined {
    const data = this.parts.get(name);
    if (typeof data === "string") return data;
    return data ? strFromU8(data) : undefined;
  }

  /** The parsed root element of an XML part, or undefined (missing, or not well-formed). */
  xml(name: string): XmlElement | undefined {
    if (!this.parsed.has(name)) {
      const text = this.text(name);
      if (text === undefined) this.parsed.set(name, null);
      else {
        const result = parseXml(text.replace(/^\uFEFF/, ""));
        if (result.error !== undefined)
          this.add(name, "xml", "fout", `Dit onderdeel is geen geldige XML: ${result.error}.`);
        this.parsed.set(name, result.root ?? null);
      }
    }
    return this.parsed.get(name) ?? undefined;
  }

  /** The relationships part of a source part (`""` for the package itself). */
  relsName(source: string): string {
    const slash = source.lastIndexOf("/");
    return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  }

  /** The relationships of a part by Id; empty when it has none. */
  rels(source: string): Map<string, Relationship> {
    let rels = this.relsCache.get(source);
    if (rels) return rels;
    rels = new Map();
    this.relsCache.set(source, rels);
    const name = this.find(this.relsName(source));
    const root = name ? this.xml(name) : undefined;
    if (!root) return rels;
    const base = source.slice(0, source.lastIndexOf("/") + 1);
    for (const r of childrenOf(root, NS.rel, "Relationship")) {
      const id = attr(r, "Id") ?? "";
      const target = attr(r, "Target") ?? "";
      const type = attr(r, "Type") ?? "";
      const external = attr(r, "TargetMode") === "External";
      rels.set(id, {
        id,
        type: type.startsWith(REL_TYPE) ? type.slice(REL_TYPE.length) : type,
        part: external ? undefined : resolvePartName(base, target),
        target,
      });
    }
    return rels;
  }

  /** Every XML part, in zip order. */
  xmlParts(): string[] {
    return [...this.parts.keys()].filter((n) => /\.(xml|rels|vml)$/i.test(n));
  }
}

/** Resolves a relationship target against the folder of its source part. */
export function resolvePartName(base: string, target: string): string {
  let path = target;
  try {
    path = decodeURIComponent(target);
  } catch {
    // A stray % stays as written; the missing part is reported by the caller.
  }
  const segments = (path.startsWith("/") ? path.slice(1) : base + path).split("/");
  const out: string[] = [];
  for (const segment of segments) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}
