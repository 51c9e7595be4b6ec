import { describe, expect, it } from "vitest";
import { attr, parseXml } from "../../src/check/xml.js";

const A = "urn:a";
const B = "urn:b";

describe("parseXml (the check's element tree)", () => {
  it("resolves element and attribute names in the scope they are in, also where a child re-declares a prefix", () => {
    const parsed = parseXml(
      `<p:root xmlns:p="${A}" p:x="1" y="2"><p:kid xmlns:p="${B}" p:x="3"/><p:kid p:x="4"/></p:root>`,
    );
    const root = parsed.root!;
    expect([root.ns, root.name]).toEqual([A, "root"]);
    expect(attr(root, "x", A)).toBe("1");
    expect(attr(root, "y")).toBe("2");
    const [inner, outer] = root.children;
    expect([inner!.ns, attr(inner!, "x", B), attr(inner!, "x", A)]).toEqual([B, "3", undefined]);
    expect([outer!.ns, attr(outer!, "x", A), attr(outer!, "x", B)]).toEqual([A, "4", undefined]);
    // Namespace declarations are not attributes.
    expect(Object.keys(root.attrs).some((key) => key.includes("xmlns"))).toBe(false);
  });

  it("names an undeclared prefix on an element or an attribute, and a part that is not well-formed", () => {
    expect(parseXml(`<q:root/>`).error).toContain("<q:root>");
    expect(parseXml(`<root xmlns:p="${A}"><kid q:z="1"/></root>`).error).toContain("q:z");
    expect(parseXml(`<root><kid></root>`).error).toBeDefined();
    expect(parseXml(``).error).toBeDefined();
  });
});
