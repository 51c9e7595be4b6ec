/**
 * A namespace-aware, streaming pass over one XML part: a strict XML 1.0 scanner of the check's
 * own. The rules see each element as it opens and as it closes, with its ancestors, and keep only
 * the few facts they need: no element tree is built, and no tag objects or attribute strings
 * either. The scanner jumps from markup to markup with indexOf, reads names and attributes
 * in place, and slices an attribute's value only when a rule asks for it, so the check on a
 * pack's 1.2 MB of XML costs little time and leaves little for the garbage collector.
 *
 * It accepts exactly the well-formed XML saxes (a strict XML parser) accepts, with the
 * namespace checks the rules need on top; a property test holds the two side by side
 * (test/check/xml-scanner.property.test.ts). On purpose it is stricter in two places: a document
 * type declaration (<!DOCTYPE …>), which Office files may not contain (ISO/IEC 29500-2, M1.18),
 * and a lone UTF-16 surrogate, which no UTF-8 file can hold. Text content is not reported; the
 * rules only look at structure and attributes.
 */
import { NS } from "./ns.js";

/**
 * An element while it is open. Only the open elements (the current path) exist at any time, and
 * an element's object is used again for a later element once it has closed: a rule keeps values,
 * never elements, beyond `close`.
 */
export interface XmlElement {
  /** Namespace URI; "" for none. */
  ns: string;
  /** Local name. */
  name: string;
  /**
   * The attributes as written: qualified names, namespace declarations included. Made on
   * request (tests); rules read attributes with attr().
   */
  readonly raw: Readonly<Record<string, string>>;
  /** The namespace bindings in effect: prefix → URI ("" for the default namespace). */
  scope: Readonly<Record<string, string>>;
  parent: XmlElement | undefined;
  /** Position among the parent's element children (0 for the first). */
  index: number;
  /** Element children opened so far; at `close`, all of them. */
  children: number;
  /** Bits the rules set on an element while it is open ("has a paragraph", …). */
  marks: number;
  /** Depth in the part (0 for the root). */
  depth: number;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS = "http://www.w3.org/2000/xmlns/";
type Scope = Record<string, string>;
// No prototype: a prefix such as "constructor" is not declared by Object.prototype.
const ROOT_SCOPE: Scope = Object.freeze(
  Object.assign(Object.create(null) as Scope, { xml: XML_NS, xmlns: XMLNS }),
);

/** A qualified name as the scanner found it, shared by every tag that writes it. */
interface QName {
  qname: string;
  /** The text before the first colon ("" when there is none, or when it is the first character). */
  prefix: string;
  local: string;
  hasPrefix: boolean;
  /** A namespace declaration (`xmlns`, `xmlns:p`): the prefix it binds, else undefined. */
  declares: string | undefined;
  hash: number;
  // What came after this name last time, to try first: as an element, its first child and its
  // next sibling; as a tag, its attributes in order.
  firstChild: QName | undefined;
  nextSibling: QName | undefined;
  attributes: QName[];
  /** For a declaration: the URI it bound last time (most parts declare the same ones). */
  uri: string | undefined;
  // The last resolution of this name, as an element and as an attribute, with the scope it
  // was resolved in: nearly every element of a part is in one scope, so nearly every lookup hits.
  elementScope: Scope | undefined;
  elementNs: string | undefined;
  attributeScope: Scope | undefined;
  attributeNs: string | undefined;
}

/**
 * The attributes of an element, in the order written: qualified names, namespace declarations
 * included. They stay readable while the element is open (the object is used again by the next
 * element at its depth). A value is cut from the part's text only when asked for.
 */
export class XmlAttributes {
  length = 0;
  /** @internal */ text = "";
  /** @internal */ xml11 = false;
  private readonly names: QName[] = [];
  private readonly namespaces: string[] = [];
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** False when the value has entities or white space to normalise. */
  private readonly plain: boolean[] = [];
  private readonly values: Array<string | undefined> = [];

  /** The qualified name of attribute i. */
  name(i: number): string {
    return this.names[i]!.qname;
  }

  /** The local name of attribute i. */
  local(i: number): string {
    return this.names[i]!.local;
  }

  /** The namespace of attribute i ("" when unprefixed: attributes take no default namespace). */
  ns(i: number): string {
    return this.namespaces[i]!;
  }

  /** The value of attribute i, entities replaced and white space normalised (XML 1.0 §3.3.3). */
  value(i: number): string {
    let value = this.values[i];
    if (value === undefined) {
      const start = this.starts[i]!;
      const end = this.ends[i]!;
      value = this.plain[i]
        ? this.text.slice(start, end)
        : decodeValue(this.text, start, end, this.xml11);
      this.values[i] = value;
    }
    return value;
  }

  /** The length of the value of attribute i (without cutting it out when it has no entities). */
  valueLength(i: number): number {
    return this.plain[i] ? this.ends[i]! - this.starts[i]! : this.value(i).length;
  }

  /** The first UTF-16 code of the value of attribute i (NaN when empty). */
  valueStart(i: number): number {
    return this.plain[i] ? this.text.charCodeAt(this.starts[i]!) : this.value(i).charCodeAt(0);
  }

  /** The index of the attribute with this qualified name, or -1. */
  indexOf(qname: string): number {
    for (let i = 0; i < this.length; i++) if (this.names[i]!.qname === qname) return i;
    return -1;
  }

  /** The index of the attribute with this namespace and local name, or -1. */
  indexOfNs(ns: string, local: string): number {
    for (let i = 0; i < this.length; i++)
      if (this.namespaces[i] === ns && this.names[i]!.local === local && ns !== "") return i;
    return -1;
  }

  /** @internal */
  push(name: QName, start: number, end: number, plain: boolean): void {
    const i = this.length++;
    this.names[i] = name;
    this.namespaces[i] = "";
    this.starts[i] = start;
    this.ends[i] = end;
    this.plain[i] = plain;
    this.values[i] = undefined;
  }

  /** @internal */
  release(): void {
    this.text = "";
    this.values.fill(undefined);
    this.length = 0;
  }

  /** @internal True when the value of attribute i is exactly `value` as written. */
  isWritten(i: number, value: string): boolean {
    const start = this.starts[i]!;
    const length = this.ends[i]! - start;
    if (!this.plain[i] || value.length !== length) return false;
    const { text } = this;
    for (let k = 0; k < length; k++)
      if (value.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
    return true;
  }

  /** @internal */
  qnameAt(i: number): QName {
    return this.names[i]!;
  }

  /** @internal */
  setNs(i: number, ns: string): void {
    this.namespaces[i] = ns;
  }
}

/** What a rule does with each element of a part. */
export interface XmlVisitor {
  open?(el: XmlElement, attributes: XmlAttributes): void;
  close?(el: XmlElement): void;
  /** After the whole part, only when it is well-formed: where a rule keeps or weighs its facts. */
  end?(): void;
}

/** An open element of the scanner; one per depth, used again by the next element there. */
class OpenElement implements XmlElement {
  ns = "";
  name = "";
  qname: QName | undefined = undefined;
  parent: OpenElement | undefined = undefined;
  index = 0;
  children = 0;
  marks = 0;
  /** Offset of its `<` in the part (for messages). */
  start = 0;
  readonly attributes = new XmlAttributes();

  constructor(
    public scope: Scope,
    readonly depth: number,
  ) {}

  /** Lets go of the part's text and everything of it (the element waits in the pool). */
  release(): void {
    this.attributes.release();
    this.parent = undefined;
    this.scope = ROOT_SCOPE;
  }

  get raw(): Record<string, string> {
    const raw = Object.create(null) as Record<string, string>;
    for (let i = 0; i < this.attributes.length; i++)
      raw[this.attributes.name(i)] = this.attributes.value(i);
    return raw;
  }
}

// ---------------------------------------------------------------------------------------------
// Characters (XML 1.0 fifth edition; saxes checks the same productions)

// ASCII: 1 = name character, 2 = name start character too.
const ASCII_NAME = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  if (/[A-Za-z_:]/.test(ch)) ASCII_NAME[c] = 3;
  else if (/[0-9.-]/.test(ch)) ASCII_NAME[c] = 1;
}

function isNameStartCode(c: number): boolean {
  if (c < 128) return (ASCII_NAME[c]! & 2) !== 0;
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    c === 0x200c ||
    c === 0x200d ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0xeffff)
  );
}

function isNameCode(c: number): boolean {
  if (c < 128) return ASCII_NAME[c] !== 0;
  return (
    c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040 || isNameStartCode(c)
  );
}

/** White space as XML counts it: space, tab, line feed, carriage return. */
function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

/** A character XML 1.0 (or 1.1) allows, also by reference (&#…;). */
function isXmlChar(c: number, xml11: boolean): boolean {
  return (
    (c >= 0x20 && c <= 0xd7ff) ||
    (xml11 ? c >= 1 && c < 0x20 : c === 9 || c === 10 || c === 13) ||
    (c >= 0xe000 && c <= 0xfffd) ||
    (c >= 0x10000 && c <= 0x10ffff)
  );
}

// Characters that may not appear as such; surrogates are matched to check they come in pairs.
// XML 1.1 also wants C1 controls (but NEL) written as references.
/* eslint-disable no-control-regex -- the characters XML forbids */
const BAD_CHAR_10 = /[\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const BAD_CHAR_11 = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x84\x86-\x9F\uD800-\uDFFF\uFFFE\uFFFF]/g;
/* eslint-enable no-control-regex */

const ANY_BAD_CHAR_10 = new RegExp(BAD_CHAR_10.source);
const ANY_BAD_CHAR_11 = new RegExp(BAD_CHAR_11.source);

/** The offset of the first character that may not be in the part, or -1. */
function firstBadChar(text: string, from: number, xml11: boolean): number {
  // A plain test first: about three times faster than exec on a global pattern.
  if (!(xml11 ? ANY_BAD_CHAR_11 : ANY_BAD_CHAR_10).test(text)) return -1;
  const re = xml11 ? BAD_CHAR_11 : BAD_CHAR_10;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        re.lastIndex = i + 2;
        continue;
      }
    }
    return i;
  }
  return -1;
}

const ENTITIES: Readonly<Record<string, string>> = Object.assign(
  Object.create(null) as Record<string, string>,
  { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" },
);

/** The character a (valid) entity or character reference stands for. */
function entityValue(name: string): string {
  if (name.charCodeAt(0) !== 35 /* # */) return ENTITIES[name]!;
  return String.fromCodePoint(
    name.charCodeAt(1) === 120 /* x */ ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
  );
}

/** An attribute value with its entities replaced and its white space normalised. */
function decodeValue(text: string, start: number, end: number, xml11: boolean): string {
  let out = "";
  let run = start;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 38 /* & */) {
      const semi = text.indexOf(";", i);
      out += text.slice(run, i) + entityValue(text.slice(i + 1, semi));
      i = semi;
      run = semi + 1;
    } else if (c === 9 || c === 10 || c === 13 || (xml11 && (c === 0x85 || c === 0x2028))) {
      out += text.slice(run, i) + " ";
      const next = text.charCodeAt(i + 1);
      if (c === 13 && (next === 10 || (xml11 && next === 0x85))) i++;
      run = i + 1;
    }
  }
  return out + text.slice(run, end);
}

// ---------------------------------------------------------------------------------------------
// Names: every qualified name of a part is read in place and looked up here by a hash of its
// characters, so a tag costs no string once its name has been seen (a part repeats a few dozen
// names thousands of times).

const NAME_MASK = 4095;
const NAME_PROBES = 8;
const names: Array<QName | undefined> = new Array<QName | undefined>(NAME_MASK + 1).fill(undefined);

/** The same string, internalised, so rules' comparisons with literals are pointer checks. */
function internalise(text: string): string {
  const holder: Record<string, true> = { [text]: true };
  for (const key in holder) return key;
  return text;
}

function makeQName(text: string, start: number, end: number, hash: number): QName {
  const qname = internalise(text.slice(start, end));
  const colon = qname.indexOf(":");
  const declares = qname === "xmlns" ? "" : qname.startsWith("xmlns:") ? qname.slice(6) : undefined;
  return {
    qname,
    prefix: colon > 0 ? internalise(qname.slice(0, colon)) : "",
    local: colon < 0 ? qname : internalise(qname.slice(colon + 1)),
    hasPrefix: colon >= 0,
    declares,
    hash,
    firstChild: undefined,
    nextSibling: undefined,
    attributes: [],
    uri: undefined,
    elementScope: undefined,
    elementNs: undefined,
    attributeScope: undefined,
    attributeNs: undefined,
  };
}

// Namespace URIs, one string each (the rules' own where they know them), so `el.ns === NS.w`
// compares pointers.
const uris = new Map<string, string>(
  [...Object.values(NS), XML_NS, XMLNS].map((uri) => [uri, uri]),
);

function internUri(uri: string): string {
  let known = uris.get(uri);
  if (known === undefined) {
    if (uris.size > 1000) uris.clear();
    known = internalise(uri);
    uris.set(known, known);
  }
  return known;
}

// ---------------------------------------------------------------------------------------------

/** Thrown inside the scanner to stop at the first fault; caught by scanXml. */
class NotWellFormed {
  constructor(
    readonly at: number,
    readonly message: string,
  ) {}
}

/**
 * Walks one XML part, calling every visitor on each element's open and close (in document
 * order), then `end` when the part is well-formed. Returns the reason when it is not (the
 * visitors have then seen the part up to the fault, and no `end`), or undefined.
 */
export function scanXml(text: string, visitors: readonly XmlVisitor[]): string | undefined {
  // A rule may read another part while this one is being read (its relationships): each
  // scan takes its own element pool, and gives it back for the next part.
  const pool = freePools.pop() ?? [];
  const scanner = new Scanner(text, visitors, pool);
  try {
    scanner.run();
  } catch (e) {
    if (!(e instanceof NotWellFormed)) throw e;
    return scanner.describe(e);
  } finally {
    for (const element of pool) element.release();
    // A part nested deeper than any Office part stays no longer than its scan.
    if (pool.length > MAX_POOLED_DEPTH) pool.length = MAX_POOLED_DEPTH;
    freePools.push(pool);
  }
  for (const visitor of visitors) visitor.end?.();
  return undefined;
}

/** Element pools not in use: one element per depth, kept from part to part. */
const freePools: OpenElement[][] = [];
const MAX_POOLED_DEPTH = 64;

class Scanner {
  /** The visitors with an `open`, and those with a `close`. */
  private readonly opens: XmlVisitor[] = [];
  private readonly closes: XmlVisitor[] = [];
  private readonly length: number;
  private xml11 = false;
  /** The first character the part may not hold, or Infinity (checked once, up front). */
  private badChar = Infinity;
  private current: OpenElement | undefined = undefined;
  private sawRoot = false;
  // The next `&`, `<`, `]]>`, tab, line feed and carriage return at or after where they were
  // last looked for: each is searched for once per occurrence, however many tags lie between.
  private nextAmp = -1;
  private nextLt = -1;
  private nextCdataEnd = -1;
  private nextTab = -1;
  private nextLf = -1;
  private nextCr = -1;
  /** Set by nameEnd(). */
  private nameHash = 0;

  constructor(
    private readonly text: string,
    visitors: readonly XmlVisitor[],
    private readonly pool: OpenElement[],
  ) {
    this.length = text.length;
    for (const visitor of visitors) {
      if (visitor.open) this.opens.push(visitor);
      if (visitor.close) this.closes.push(visitor);
    }
  }

  run(): void {
    const { text, length } = this;
    let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (
      text.startsWith("<?xml", pos) &&
      (isSpace(text.charCodeAt(pos + 5)) || text.charCodeAt(pos + 5) === 63)
    )
      pos = this.declaration(pos);
    const bad = firstBadChar(text, 0, this.xml11);
    if (bad >= 0) this.badChar = bad;
    for (;;) {
      let lt = text.charCodeAt(pos) === 60 ? pos : text.indexOf("<", pos);
      if (lt < 0) lt = length;
      if (lt > pos) this.textBetween(pos, lt);
      if (lt === length) break;
      const c = text.charCodeAt(lt + 1);
      if (c === 47 /* / */) pos = this.closeTag(lt);
      else if (c === 33 /* ! */) pos = this.markupDeclaration(lt);
      else if (c === 63 /* ? */) pos = this.processingInstruction(lt);
      else pos = this.openTag(lt);
    }
    if (this.current)
      this.fail(
        length,
        `het onderdeel houdt op terwijl <${this.current.qname!.qname}> (${this.where(this.current.start)}) nog open is`,
      );
    if (!this.sawRoot) this.fail(length, "het onderdeel bevat geen element");
    if (this.badChar !== Infinity) this.fail(length, "");
  }

  /** Stops at a fault; a disallowed character earlier in the part is reported instead. */
  private fail(at: number, message: string): never {
    if (this.badChar < at) {
      const code = this.text.codePointAt(this.badChar)!;
      throw new NotWellFormed(
        this.badChar,
        `het teken U+${code.toString(16).toUpperCase().padStart(4, "0")} mag niet in XML staan (een stuurteken of ongeldig teken in de tekst)`,
      );
    }
    throw new NotWellFormed(at, message);
  }

  /** The message for a fault: where it is (line and column), then what is wrong. */
  describe(fault: NotWellFormed): string {
    return fault.message.startsWith("het onderdeel")
      ? fault.message
      : `${this.where(fault.at)}: ${fault.message}`;
  }

  /** "regel 3, kolom 12" for an offset in the part. */
  private where(at: number): string {
    let line = 1;
    let lineStart = 0;
    for (
      let nl = this.text.indexOf("\n");
      nl >= 0 && nl < at;
      nl = this.text.indexOf("\n", nl + 1)
    ) {
      line++;
      lineStart = nl + 1;
    }
    return `regel ${line}, kolom ${at - lineStart + 1}`;
  }

  /** What the character at `at` is, for a message ("het einde" past the end). */
  private charAt(at: number): string {
    if (at >= this.length) return "het einde van het onderdeel";
    const c = this.text.codePointAt(at)!;
    if (c === 32) return "een spatie";
    if (c === 10 || c === 13) return "een regelovergang";
    if (c === 9) return "een tab";
    return c > 32 && c !== 0x7f
      ? `"${String.fromCodePoint(c)}"`
      : `teken U+${c.toString(16).toUpperCase().padStart(4, "0")}`;
  }

  // -------------------------------------------------------------------------------------------

  /** Text between two pieces of markup. */
  private textBetween(start: number, end: number): void {
    const { text } = this;
    if (!this.current) {
      for (let i = start; i < end; i++)
        if (!isSpace(text.charCodeAt(i)))
          this.fail(
            i,
            this.sawRoot
              ? "tekst na het hoofdelement (een XML-onderdeel heeft één hoofdelement en daarbuiten alleen witruimte)"
              : "tekst vóór het hoofdelement (een XML-onderdeel begint met het hoofdelement, na hooguit een XML-declaratie)",
          );
      return;
    }
    if (this.nextAmp < start) this.nextAmp = this.find("&", start);
    while (this.nextAmp < end) {
      const semi = this.reference(this.nextAmp, end);
      this.nextAmp = this.find("&", semi + 1);
    }
    if (this.nextCdataEnd < start) this.nextCdataEnd = this.find("]]>", start);
    if (this.nextCdataEnd < end)
      this.fail(this.nextCdataEnd, '"]]>" mag niet in tekst staan (schrijf ]]&gt;)');
  }

  /** indexOf, with "not found" as the end of the part (so `< end` tests need no -1 case). */
  private find(needle: string, from: number): number {
    const i = this.text.indexOf(needle, from);
    return i < 0 ? this.length : i;
  }

  /** Checks the entity or character reference at `amp` (before `end`); returns its `;`. */
  private reference(amp: number, end: number): number {
    const { text } = this;
    const semi = text.indexOf(";", amp + 1);
    const name = semi < 0 || semi >= end ? "" : text.slice(amp + 1, semi);
    if (name === "")
      this.fail(amp, `een losse "&" (schrijf &amp;, of sluit de verwijzing af met ";")`);
    if (name.charCodeAt(0) === 35 /* # */) {
      let code = NaN;
      if (name.charCodeAt(1) === 120 /* x */ && /^#x[0-9a-fA-F]+$/.test(name))
        code = parseInt(name.slice(2), 16);
      else if (/^#[0-9]+$/.test(name)) code = parseInt(name.slice(1), 10);
      if (!isXmlChar(code, this.xml11))
        this.fail(amp, `tekenverwijzing &${name}; is geen teken dat XML toestaat`);
    } else if (ENTITIES[name] === undefined)
      this.fail(
        amp,
        `onbekende entiteit &${name}; (XML kent alleen &amp; &lt; &gt; &quot; &apos;; een losse "&" schrijf je als &amp;)`,
      );
    return semi;
  }

  /**
   * Reads a name from `at` (its first character already checked); returns where it ends, and
   * leaves a hash of its characters in `nameHash`.
   */
  private nameEnd(at: number): number {
    const { text, length } = this;
    let hash = 0;
    let i = at;
    while (i < length) {
      let c = text.charCodeAt(i);
      if (c < 128) {
        if (ASCII_NAME[c] === 0) break;
        i++;
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const cp = text.codePointAt(i)!;
        if (cp < 0x10000 || !isNameCode(cp)) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        i++;
        c = text.charCodeAt(i);
        i++;
      } else if (isNameCode(c)) i++;
      else break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    this.nameHash = hash;
    return i;
  }

  /** The shared QName for the name at [start, end) just read by nameEnd(). */
  private qname(start: number, end: number): QName {
    const { text } = this;
    const hash = this.nameHash;
    const length = end - start;
    for (
      let probe = 0, slot = hash & NAME_MASK;
      probe < NAME_PROBES;
      probe++, slot = (slot + 1) & NAME_MASK
    ) {
      const known = names[slot];
      if (known === undefined) return (names[slot] = makeQName(text, start, end, hash));
      if (known.hash !== hash || known.qname.length !== length) continue;
      const qname = known.qname;
      let k = 0;
      while (k < length && qname.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === length) return known;
    }
    // A crowded neighbourhood (a part with very many different names): start over.
    names.fill(undefined);
    return (names[hash & NAME_MASK] = makeQName(text, start, end, hash));
  }

  /** True when the name at `at` is `name` (written there, and not followed by more of a name). */
  private isNameAt(name: string, at: number): boolean {
    const end = at + name.length;
    const c = this.text.charCodeAt(end);
    return (
      (c < 128 ? ASCII_NAME[c] === 0 : !isNameCode(this.text.codePointAt(end)!)) &&
      this.isWrittenAt(name, at)
    );
  }

  /** True when `name` is written in the part at `at`. */
  private isWrittenAt(name: string, at: number): boolean {
    const { text } = this;
    const length = name.length;
    let k = 0;
    while (k < length && name.charCodeAt(k) === text.charCodeAt(at + k)) k++;
    return k === length;
  }

  private isNameStartAt(at: number): boolean {
    const c = this.text.charCodeAt(at);
    if (c < 128) return (ASCII_NAME[c]! & 2) !== 0;
    return isNameStartCode(c >= 0xd800 && c <= 0xdbff ? this.text.codePointAt(at)! : c);
  }

  private skipSpace(at: number): number {
    let i = at;
    while (isSpace(this.text.charCodeAt(i))) i++;
    return i;
  }

  // -------------------------------------------------------------------------------------------

  private openTag(lt: number): number {
    const { text } = this;
    if (!this.isNameStartAt(lt + 1))
      this.fail(
        lt + 1,
        `na "<" komt ${this.charAt(lt + 1)}, geen elementnaam (een losse "<" schrijf je als &lt;)`,
      );
    if (this.sawRoot && !this.current)
      this.fail(lt, "een tweede hoofdelement (een XML-onderdeel heeft precies één hoofdelement)");
    const parent = this.current;
    const depth = parent ? parent.depth + 1 : 0;
    let element = this.pool[depth];
    // The name is most often what followed the previous sibling (or opened the parent) last time.
    const previous = parent && parent.children > 0 ? element?.qname : undefined;
    const guess = previous ? previous.nextSibling : parent?.qname?.firstChild;
    let qname: QName;
    let nameEnd: number;
    if (guess !== undefined && this.isNameAt(guess.qname, lt + 1)) {
      qname = guess;
      nameEnd = lt + 1 + guess.qname.length;
    } else {
      nameEnd = this.nameEnd(lt + 1);
      qname = this.qname(lt + 1, nameEnd);
      if (previous) previous.nextSibling = qname;
      else if (parent?.qname) parent.qname.firstChild = qname;
    }
    if (!element) this.pool[depth] = element = new OpenElement(ROOT_SCOPE, depth);
    const attributes = element.attributes;
    attributes.length = 0;
    attributes.text = text;
    attributes.xml11 = this.xml11;
    let p = nameEnd;
    let c = text.charCodeAt(p);
    let selfClosing = false;
    let declares = false;
    for (;;) {
      if (c === 62 /* > */) {
        p++;
        break;
      }
      if (c === 47 /* / */) {
        if (text.charCodeAt(p + 1) !== 62)
          this.fail(p, `in <${qname.qname}> staat een "/" die niet direct door ">" gevolgd wordt`);
        selfClosing = true;
        p += 2;
        break;
      }
      if (!isSpace(c)) {
        if (p >= this.length)
          this.fail(p, `het onderdeel houdt op midden in de tag <${qname.qname}>`);
        this.fail(
          p,
          attributes.length === 0 && p === nameEnd
            ? `ongeldig teken ${this.charAt(p)} in de naam van element <${qname.qname}>`
            : this.isNameStartAt(p)
              ? `in <${qname.qname}> ontbreekt een spatie tussen twee attributen`
              : `ongeldig teken ${this.charAt(p)} in de tag <${qname.qname}>`,
        );
      }
      p = this.skipSpace(p + 1);
      c = text.charCodeAt(p);
      if (c === 62 || c === 47) continue;
      if (!this.isNameStartAt(p)) {
        if (p >= this.length)
          this.fail(p, `het onderdeel houdt op midden in de tag <${qname.qname}>`);
        this.fail(p, `ongeldig teken ${this.charAt(p)} in de tag <${qname.qname}>`);
      }
      p = this.attribute(p, qname, attributes);
      if (attributes.qnameAt(attributes.length - 1).declares !== undefined) declares = true;
      c = text.charCodeAt(p);
    }

    // Namespaces: declarations first, then the element's and the attributes' names.
    let scope = parent ? parent.scope : ROOT_SCOPE;
    if (declares) {
      scope = Object.create(scope) as Scope;
      for (let i = 0; i < attributes.length; i++) {
        const name = attributes.qnameAt(i);
        if (name.declares === undefined) continue;
        if (name.uri === undefined || !attributes.isWritten(i, name.uri))
          name.uri = internUri(attributes.value(i));
        scope[name.declares] = name.uri;
      }
    }
    let ns = qname.elementNs;
    if (qname.elementScope !== scope) {
      ns = qname.hasPrefix ? scope[qname.prefix] : (scope[""] ?? "");
      qname.elementScope = scope;
      qname.elementNs = ns;
    }
    if (ns === undefined)
      this.fail(lt, `het voorvoegsel van <${qname.qname}> is niet gedeclareerd`);
    for (let i = 0; i < attributes.length; i++) {
      const name = attributes.qnameAt(i);
      if (!name.hasPrefix || name.prefix === "") continue;
      let attributeNs = name.attributeNs;
      if (name.attributeScope !== scope) {
        attributeNs = scope[name.prefix];
        name.attributeScope = scope;
        name.attributeNs = attributeNs;
      }
      if (attributeNs === undefined && name.declares === undefined)
        this.fail(
          lt,
          `het voorvoegsel van attribuut ${name.qname} (in <${qname.qname}>) is niet gedeclareerd`,
        );
      attributes.setNs(i, attributeNs ?? "");
    }

    element.ns = ns;
    element.name = qname.local;
    element.qname = qname;
    element.scope = scope;
    element.parent = parent;
    element.index = parent ? parent.children++ : 0;
    element.children = 0;
    element.marks = 0;
    element.start = lt;
    this.sawRoot = true;
    this.current = element;
    const { opens, closes } = this;
    for (let i = 0; i < opens.length; i++) opens[i]!.open!(element, attributes);
    if (selfClosing) {
      for (let i = 0; i < closes.length; i++) closes[i]!.close!(element);
      this.current = parent;
    }
    return p;
  }

  /** One attribute (`name="value"`) of the tag `tag`, from its name at `at`; returns its end. */
  private attribute(at: number, tag: QName, attributes: XmlAttributes): number {
    const { text } = this;
    const guess = tag.attributes[attributes.length];
    let name: QName;
    let nameEnd: number;
    if (guess !== undefined && this.isNameAt(guess.qname, at)) {
      name = guess;
      nameEnd = at + guess.qname.length;
    } else {
      nameEnd = this.nameEnd(at);
      name = this.qname(at, nameEnd);
      tag.attributes[attributes.length] = name;
    }
    for (let i = 0; i < attributes.length; i++)
      if (attributes.qnameAt(i).qname === name.qname)
        this.fail(at, `attribuut ${name.qname} staat twee keer in <${tag.qname}>`);
    let p = this.skipSpace(nameEnd);
    if (text.charCodeAt(p) !== 61 /* = */)
      this.fail(
        p,
        p >= this.length
          ? `het onderdeel houdt op midden in de tag <${tag.qname}>`
          : `attribuut ${name.qname} in <${tag.qname}> heeft geen waarde (verwacht "=" en een waarde tussen aanhalingstekens)`,
      );
    p = this.skipSpace(p + 1);
    const quote = text.charCodeAt(p);
    if (quote !== 34 && quote !== 39)
      this.fail(
        p,
        p >= this.length
          ? `het onderdeel houdt op midden in de tag <${tag.qname}>`
          : `de waarde van attribuut ${name.qname} in <${tag.qname}> staat niet tussen aanhalingstekens`,
      );
    const start = p + 1;
    const end = text.indexOf(quote === 34 ? '"' : "'", start);
    if (end < 0)
      this.fail(p, `de waarde van attribuut ${name.qname} in <${tag.qname}> wordt niet afgesloten`);
    if (this.nextLt < start) this.nextLt = this.find("<", start);
    if (this.nextLt < end)
      this.fail(
        this.nextLt,
        `de waarde van attribuut ${name.qname} in <${tag.qname}> bevat een "<" (schrijf &lt;), of wordt niet afgesloten`,
      );
    let plain = !this.xml11;
    if (this.nextAmp < start) this.nextAmp = this.find("&", start);
    while (this.nextAmp < end) {
      plain = false;
      const semi = this.reference(this.nextAmp, end);
      this.nextAmp = this.find("&", semi + 1);
    }
    if (plain) {
      if (this.nextTab < start) this.nextTab = this.find("\t", start);
      if (this.nextLf < start) this.nextLf = this.find("\n", start);
      if (this.nextCr < start) this.nextCr = this.find("\r", start);
      plain = this.nextTab > end && this.nextLf > end && this.nextCr > end;
    }
    attributes.push(name, start, end, plain);
    return end + 1;
  }

  private closeTag(lt: number): number {
    const { text } = this;
    const element = this.current;
    const start = lt + 2;
    // Nearly always the name of the open element, directly followed by ">".
    const open = element?.qname?.qname;
    if (
      open !== undefined &&
      text.charCodeAt(start + open.length) === 62 /* > */ &&
      this.isWrittenAt(open, start)
    ) {
      const { closes } = this;
      for (let i = 0; i < closes.length; i++) closes[i]!.close!(element!);
      this.current = element!.parent;
      return start + open.length + 1;
    }
    const end = this.nameEnd(start);
    if (end === start) this.fail(start, `na "</" komt ${this.charAt(start)}, geen elementnaam`);
    const name = element?.qname?.qname;
    if (
      !element ||
      name === undefined ||
      end - start !== name.length ||
      !text.startsWith(name, start)
    )
      this.fail(
        lt,
        element
          ? `eindtag </${text.slice(start, end)}> past niet bij <${name}> (${this.where(element.start)})`
          : `eindtag </${text.slice(start, end)}> zonder begintag`,
      );
    const p = this.skipSpace(end);
    if (text.charCodeAt(p) !== 62 /* > */)
      this.fail(p, `ongeldig teken ${this.charAt(p)} in de eindtag </${name}>`);
    const { closes } = this;
    for (let i = 0; i < closes.length; i++) closes[i]!.close!(element);
    this.current = element.parent;
    return p + 1;
  }

  /** `<!--…-->`, `<![CDATA[…]]>` or `<!DOCTYPE …>`. */
  private markupDeclaration(lt: number): number {
    const { text } = this;
    if (text.startsWith("<!--", lt)) {
      const end = text.indexOf("--", lt + 4);
      if (end < 0) this.fail(lt, "commentaar (<!--) wordt niet afgesloten met -->");
      if (text.charCodeAt(end + 2) !== 62)
        this.fail(end, 'commentaar bevat "--" (dat mag alleen in de afsluiting -->)');
      return end + 3;
    }
    if (text.startsWith("<![CDATA[", lt)) {
      if (!this.current)
        this.fail(lt, "een CDATA-blok buiten het hoofdelement (daar mag alleen witruimte staan)");
      const end = text.indexOf("]]>", lt + 9);
      if (end < 0) this.fail(lt, "een CDATA-blok (<![CDATA[) wordt niet afgesloten met ]]>");
      return end + 3;
    }
    if (text.startsWith("<!DOCTYPE", lt))
      this.fail(
        lt,
        "een documenttypedeclaratie (<!DOCTYPE …>) mag niet in een Word- of PowerPoint-bestand (ISO/IEC 29500-2, M1.18)",
      );
    this.fail(lt, `na "<!" komt geen commentaar (<!--) of CDATA-blok (<![CDATA[)`);
  }

  /** `<?target …?>`; the XML declaration is read by declaration(), at the start only. */
  private processingInstruction(lt: number): number {
    const { text } = this;
    const start = lt + 2;
    if (!this.isNameStartAt(start))
      this.fail(
        start,
        `na "<?" komt ${this.charAt(start)}, geen naam van een verwerkingsinstructie`,
      );
    const end = this.nameEnd(start);
    const after = text.charCodeAt(end);
    if (after !== 63 /* ? */ && !isSpace(after))
      this.fail(
        end,
        end >= this.length
          ? "het onderdeel houdt op midden in een verwerkingsinstructie (<?…?>)"
          : `ongeldig teken ${this.charAt(end)} in de naam van een verwerkingsinstructie`,
      );
    if (end - start === 3 && text.slice(start, end).toLowerCase() === "xml")
      this.fail(lt, "de XML-declaratie (<?xml …?>) hoort helemaal aan het begin van het onderdeel");
    const close = text.indexOf("?>", end);
    if (close < 0) this.fail(lt, "een verwerkingsinstructie (<?…) wordt niet afgesloten met ?>");
    return close + 2;
  }

  /** The XML declaration `<?xml version="1.0" encoding="…" standalone="…"?>` at `lt`. */
  private declaration(lt: number): number {
    const { text } = this;
    const bad = (at: number, what: string): never =>
      this.fail(at, `ongeldige XML-declaratie: ${what}`);
    const expected = ["version", "encoding", "standalone"];
    let next = 0;
    let p = lt + 5;
    for (;;) {
      p = this.skipSpace(p);
      if (text.charCodeAt(p) === 63 /* ? */) break;
      let nameEnd = p;
      for (
        let c = text.charCodeAt(nameEnd);
        nameEnd < this.length && c !== 61 && c !== 63 && !isSpace(c);
        c = text.charCodeAt(++nameEnd)
      );
      const name = text.slice(p, nameEnd);
      const found = expected.indexOf(name, next);
      if (found < 0 || (next === 0 && found !== 0))
        bad(p, next === 0 ? "eerst moet version staan" : `"${name}" hoort hier niet`);
      p = this.skipSpace(nameEnd);
      if (text.charCodeAt(p) !== 61) bad(p, `na ${name} moet "=" staan`);
      p = this.skipSpace(p + 1);
      const quote = text.charCodeAt(p);
      if (quote !== 34 && quote !== 39)
        bad(p, `de waarde van ${name} moet tussen aanhalingstekens`);
      const end = text.indexOf(String.fromCharCode(quote), p + 1);
      const question = text.indexOf("?", p + 1);
      if (end < 0 || (question >= 0 && question < end))
        bad(p, `de waarde van ${name} wordt niet afgesloten`);
      const value = text.slice(p + 1, end);
      if (name === "version") {
        if (!/^1\.[0-9]+$/.test(value)) bad(p, `versie "${value}" is geen XML-versie 1.x`);
        this.xml11 = value !== "1.0";
      } else if (name === "encoding") {
        if (!/^[A-Za-z][A-Za-z0-9._-]*$/.test(value))
          bad(p, `"${value}" is geen naam van een tekenset`);
      } else if (value !== "yes" && value !== "no")
        bad(p, `standalone moet "yes" of "no" zijn, niet "${value}"`);
      next = found + 1;
      p = end + 1;
      const c = text.charCodeAt(p);
      if (c === 63) break;
      if (!isSpace(c)) bad(p, `na de waarde van ${name} moet een spatie of "?>" staan`);
    }
    if (text.charCodeAt(p + 1) !== 62) bad(p, 'moet eindigen op "?>"');
    if (next === 0) bad(p, "version ontbreekt");
    return p + 2;
  }
}

/** True for a namespace declaration (`xmlns`, `xmlns:p`): written like an attribute, but none. */
export function isDeclaration(qname: string): boolean {
  return qname.charCodeAt(0) === 120 /* x */ && (qname === "xmlns" || qname.startsWith("xmlns:"));
}

/** The local part of a qualified name. */
export function localName(qname: string): string {
  return qname.slice(qname.indexOf(":") + 1);
}

/** An attribute in a namespace (`ns` given) or an unqualified one. */
export function attr(el: XmlElement, local: string, ns?: string): string | undefined {
  const attributes = (el as OpenElement).attributes;
  const i = ns ? attributes.indexOfNs(ns, local) : attributes.indexOf(local);
  return i < 0 ? undefined : attributes.value(i);
}

/** True when `el` has attributes (namespace declarations are none). */
export function hasAttributes(el: XmlElement): boolean {
  const attributes = (el as OpenElement).attributes;
  for (let i = 0; i < attributes.length; i++)
    if (attributes.qnameAt(i).declares === undefined) return true;
  return false;
}

/** True when `el` has this namespace and local name. */
export function is(el: XmlElement | undefined, ns: string, name: string): el is XmlElement {
  return el !== undefined && el.name === name && el.ns === ns;
}

/** The nearest ancestor of `el` with this namespace and local name. */
export function ancestor(el: XmlElement, ns: string, name: string): XmlElement | undefined {
  for (let p = el.parent; p; p = p.parent) if (p.name === name && p.ns === ns) return p;
  return undefined;
}
