import { strFromU8 } from "fflate";
import type { Finding } from "./types.js";
import { scanXml, type XmlVisitor } from "./xml.js";

export { NS } from "./ns.js";

export interface Relationship {
  id: string;
  /** Last segment of the relationship type: `theme`, `notesMaster`, `slide`, `image`, … */
  type: string;
  /** The target part name, resolved against the source part; undefined for external targets. */
  part: string | undefined;
  target: string;
}

/** What a rule reads in one part: a visitor for its elements, or nothing for parts it ignores. */
export type PartRule = (ctx: CheckContext, part: string) => XmlVisitor | undefined;

/**
 * One file being checked: its parts, each read once by every rule in a single streaming pass,
 * the facts the rules keep across parts, and the findings so far.
 */
export class CheckContext {
  readonly findings: Finding[] = [];
  /** Findings of the part being read: kept only when that part turns out well-formed. */
  private pending: Finding[] | undefined;
  /** Part → true once read and well-formed, false when missing or not well-formed. */
  private readonly scanned = new Map<string, boolean>();
  private readonly relsByPart = new Map<string, Map<string, Relationship>>();
  private readonly relsBySource = new Map<string, Map<string, Relationship>>();
  /** Lower-case part name → part name as written. */
  readonly lower: Map<string, string>;
  /** Every part some relationship points to (filled as relationships parts are read). */
  readonly reachable = new Set<string>();
  /** Facts rules keep across parts (style ids, slide order, …), by the rule's own key. */
  readonly facts = new Map<string, unknown>();

  constructor(
    readonly parts: ReadonlyMap<string, string | Uint8Array>,
    private readonly rules: readonly PartRule[],
  ) {
    this.lower = new Map([...parts.keys()].map((name) => [name.toLowerCase(), name]));
  }

  /** A fact rules share across parts (ids seen so far, …), made on first use. */
  fact<T>(key: string, make: () => T): T {
    if (!this.facts.has(key)) this.facts.set(key, make());
    return this.facts.get(key) as T;
  }

  add(part: string, rule: string, severity: Finding["severity"], message: string): void {
    const same = (f: Finding) => f.part === part && f.rule === rule && f.message === message;
    if (this.findings.some(same) || this.pending?.some(same)) return;
    // `where` is filled in once every rule has run (it needs the slide order).
    (this.pending ?? this.findings).push({ part, where: "", rule, severity, message });
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

  /**
   * Reads an XML part once with every rule (later calls return at once). A part that is not
   * well-formed gives one finding and nothing else: what the rules saw of it is dropped.
   * Returns true when the part is there and well-formed.
   */
  scan(name: string): boolean {
    const done = this.scanned.get(name);
    if (done !== undefined) return done;
    const text = this.text(name);
    this.scanned.set(name, false);
    if (text === undefined) return false;
    const visitors = this.rules.flatMap((rule) => rule(this, name) ?? []);
    const outer = this.pending;
    this.pending = [];
    const error = scanXml(text.replace(/^\uFEFF/, ""), visitors);
    const found = this.pending;
    this.pending = outer;
    if (error !== undefined) {
      this.add(name, "xml", "fout", `Dit onderdeel is geen geldige XML: ${error}.`);
      return false;
    }
    this.scanned.set(name, true);
    for (const f of found) this.add(f.part, f.rule, f.severity, f.message);
    return true;
  }

  /** The relationships part of a source part (`""` for the package itself). */
  relsName(source: string): string {
    const slash = source.lastIndexOf("/");
    return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
  }

  /** The relationships of a part by Id; empty when it has none (or they are not readable). */
  rels(source: string): Map<string, Relationship> {
    let rels = this.relsBySource.get(source);
    if (rels) return rels;
    const name = this.find(this.relsName(source));
    if (name && this.scan(name)) rels = this.relsByPart.get(name);
    rels ??= new Map<string, Relationship>();
    this.relsBySource.set(source, rels);
    return rels;
  }

  /** Kept by the relationships rule when it has read a relationships part. */
  keepRels(relsPart: string, rels: Map<string, Relationship>): void {
    this.relsByPart.set(relsPart, rels);
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
