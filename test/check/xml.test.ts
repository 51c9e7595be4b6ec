import { describe, expect, it } from "vitest";
import { attr, hasAttributes, scanXml, type XmlElement } from "../../src/check/xml.js";
import { xmlTree } from "../helpers/xml-tree.js";

const A = "urn:a";
const B = "urn:b";

describe("scanXml (the check's streaming pass)", () => {
  it("resolves element and attribute names in the scope they are in, also where a child re-declares a prefix", () => {
    const { root } = xmlTree(
      `<p:root xmlns:p="${A}" p:x="1" y="2"><p:kid xmlns:p="${B}" p:x="3"/><p:kid p:x="4"/></p:root>`,
    );
    expect([root!.ns, root!.name]).toEqual([A, "root"]);
    expect(root!.attrs[`${A}|x`]).toBe("1");
    expect(root!.attrs.y).toBe("2");
    const [inner, outer] = root!.children;
    expect([inner!.ns, inner!.attrs[`${B}|x`], inner!.attrs[`${A}|x`]]).toEqual([
      B,
      "3",
      undefined,
    ]);
    expect([outer!.ns, outer!.attrs[`${A}|x`], outer!.attrs[`${B}|x`]]).toEqual([
      A,
      "4",
      undefined,
    ]);
    // Namespace declarations are not attributes.
    expect(Object.keys(root!.attrs).some((key) => key.includes("xmlns"))).toBe(false);
  });

  it("names an undeclared prefix on an element or an attribute, and a part that is not well-formed", () => {
    expect(scanXml(`<q:root/>`, [])).toContain("<q:root>");
    expect(scanXml(`<root xmlns:p="${A}"><kid q:z="1"/></root>`, [])).toContain("q:z");
    expect(scanXml(`<root><kid></root>`, [])).toBeDefined();
    expect(scanXml(``, [])).toBeDefined();
    expect(scanXml(`<root/>`, [])).toBeUndefined();
  });

  it("shows each element on open and close with its parent, position and child count, and ends only a well-formed part", () => {
    const seen: string[] = [];
    const visitor = {
      open: (el: XmlElement) =>
        seen.push(`+${el.name}@${el.index}<${el.parent?.name ?? ""}${attr(el, "v") ?? ""}`),
      close: (el: XmlElement) => seen.push(`-${el.name}:${el.children}`),
      end: () => seen.push("end"),
    };
    expect(scanXml(`<a><b v="1"/>text<c><d/></c></a>`, [visitor])).toBeUndefined();
    expect(seen).toEqual([
      "+a@0<",
      "+b@0<a1",
      "-b:0",
      "+c@1<a",
      "+d@0<c",
      "-d:0",
      "-c:1",
      "-a:2",
      "end",
    ]);
    seen.length = 0;
    expect(scanXml(`<a><b></a>`, [visitor])).toBeDefined();
    expect(seen).not.toContain("end");
  });

  it("says where a part is not well-formed and what is wrong, in Dutch", () => {
    const W = 'xmlns:w="urn:w"';
    const faults: Array<[string, RegExp]> = [
      [
        `<w:d ${W}>\n<w:body></w:bod></w:d>`,
        /^regel 2, kolom 9: eindtag <\/w:bod> past niet bij <w:body> \(regel 2, kolom 1\)$/,
      ],
      [
        `<w:d ${W}><w:body><w:p/>`,
        /^het onderdeel houdt op terwijl <w:body> \(regel 1, kolom 22\) nog open is$/,
      ],
      [
        `<w:p ${W} w:val="1" w:val="2"/>`,
        /^regel 1, kolom 32: attribuut w:val staat twee keer in <w:p>$/,
      ],
      [
        `<w:p ${W} w:val=1/>`,
        /kolom 28: de waarde van attribuut w:val in <w:p> staat niet tussen aanhalingstekens/,
      ],
      [`<w:p ${W} w:val="a<b"/>`, /kolom 30: de waarde van attribuut w:val in <w:p> bevat een "<"/],
      [`<w:p ${W}><w:t>Jansen & Zn</w:t></w:p>`, /kolom 34: een losse "&"/],
      [`<w:p ${W}><w:t>&nbsp;</w:t></w:p>`, /kolom 27: onbekende entiteit &nbsp;/],
      [
        `<w:p ${W}><w:t>&#0;</w:t></w:p>`,
        /kolom 27: tekenverwijzing &#0; is geen teken dat XML toestaat/,
      ],
      [
        `<w:p ${W}><w:t>Welkom\u0001</w:t></w:p>`,
        /kolom 33: het teken U\+0001 mag niet in XML staan/,
      ],
      [`<w:p ${W}/>tekst`, /kolom 23: tekst na het hoofdelement/],
      [`<w:p ${W}/><w:p ${W}/>`, /kolom 23: een tweede hoofdelement/],
      [`<w:p ${W}><!-- a -- b --></w:p>`, /kolom 29: commentaar bevat "--"/],
      [`<w:p ${W}><q:t/></w:p>`, /kolom 22: het voorvoegsel van <q:t> is niet gedeclareerd/],
      [
        `<?xml version="1.0"?>\n<!DOCTYPE w><w:p ${W}/>`,
        /^regel 2, kolom 1: een documenttypedeclaratie/,
      ],
      [
        `<a/><?xml version="1.0"?>`,
        /kolom 5: de XML-declaratie \(<\?xml …\?>\) hoort helemaal aan het begin/,
      ],
      [`<a b="1"c="2"/>`, /kolom 9: in <a> ontbreekt een spatie tussen twee attributen/],
      [`<a>< b</a>`, /kolom 5: na "<" komt een spatie, geen elementnaam/],
      [`<a><b c="1"`, /^het onderdeel houdt op midden in de tag <b>$/],
      [`<a>x\uD800y</a>`, /kolom 5: het teken U\+D800 mag niet in XML staan/],
    ];
    for (const [xml, message] of faults) expect(scanXml(xml, [])).toMatch(message);
  });

  it("gives attribute values with entities replaced and white space normalised, their namespaces, and attr() on open and close", () => {
    const seen: string[] = [];
    const xml = `<r xmlns:p="${A}" xmlns:q="${A}"><e x="a&amp;b&#x1F600;\r\n\tc" p:y='1' q:z="&quot;" xmlns="${B}"/><f/></r>`;
    expect(
      scanXml(xml, [
        {
          open(el, attributes) {
            for (let i = 0; i < attributes.length; i++)
              seen.push(
                `${attributes.name(i)}|${attributes.local(i)}|${attributes.ns(i)}|${attributes.value(i)}|${attributes.valueLength(i)}`,
              );
          },
          close(el) {
            if (el.name === "e")
              seen.push(
                `attr ${attr(el, "x")} ${attr(el, "y", A)} ${attr(el, "z", A)} ${attr(el, "y")} ${el.ns}`,
              );
            seen.push(`${el.name} ${hasAttributes(el)}`);
          },
        },
      ]),
    ).toBeUndefined();
    expect(seen).toEqual([
      `xmlns:p|p|http://www.w3.org/2000/xmlns/|${A}|5`,
      `xmlns:q|q|http://www.w3.org/2000/xmlns/|${A}|5`,
      "x|x||a&b😀  c|8",
      `p:y|y|${A}|1|1`,
      `q:z|z|${A}|"|1`,
      `xmlns|xmlns||${B}|5`,
      `attr a&b😀  c 1 " undefined ${B}`,
      "e true",
      "f false",
      "r false",
    ]);
  });

  it("reads another part from inside a rule (as the relationships are) without losing its place", () => {
    const seen: string[] = [];
    const inner = `<x><y a="1"/></x>`;
    const visitor = {
      open(el: XmlElement) {
        seen.push(`+${el.name}${attr(el, "a") ?? ""}`);
        if (el.name === "b") expect(scanXml(inner, [visitor])).toBeUndefined();
      },
      close: (el: XmlElement) => seen.push(`-${el.name}${attr(el, "a") ?? ""}`),
    };
    expect(scanXml(`<a a="0"><b a="2"><c a="3"/></b></a>`, [visitor])).toBeUndefined();
    expect(seen).toEqual(["+a0", "+b2", "+x", "+y1", "-y1", "-x", "+c3", "-c3", "-b2", "-a0"]);
  });
});
