import { describe, expect, it } from "vitest";
import { attr, scanXml, type XmlElement } from "../../src/check/xml.js";
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
});
