import { describe, expect, it } from "vitest";
import { runsToText } from "../../src/render/pptx/inline.js";
import type { Block } from "../../src/render/pptx/model.js";
import { notesToLines } from "../../src/render/pptx/notes.js";
import { parseSlides, splitSlides } from "../../src/render/pptx/parse-slides.js";
import { decodeEntities, stripControlCharacters } from "../../src/render/text.js";

function blockTexts(blocks: Block[]): string[] {
  return blocks.map((block) =>
    block.kind === "table"
      ? [block.header, ...block.rows].map((row) => row.map(runsToText).join("|")).join("\n")
      : runsToText(block.runs),
  );
}

describe("splitSlides", () => {
  it("splits at lines that are exactly --- and drops blank slides", () => {
    expect(splitSlides("# A\n---\n# B\n---   \n\n---\n# C\n----\nnog C")).toEqual([
      "# A",
      "# B",
      "# C\n----\nnog C",
    ]);
  });

  it("keeps --- inside a fenced code block", () => {
    expect(splitSlides("# A\n```\n---\n```\n---\n# B")).toEqual(["# A\n```\n---\n```", "# B"]);
  });
});

describe("parseSlides", () => {
  it("reads the layout comment, the first # heading as title and the rest as body", () => {
    const [slide] = parseSlides(
      "<!-- Layout: TABEL -->\n# Programma\n\nIntro\n\n## Kop\n\n| a | b |\n|---|---|\n| 1 | 2 |",
    );
    expect(slide!.layout).toBe("tabel");
    expect(runsToText(slide!.title)).toBe("Programma");
    expect(slide!.blocks.map((b) => b.kind)).toEqual(["paragraph", "heading", "table"]);
    expect(blockTexts(slide!.blocks)).toEqual(["Intro", "Kop", "a|b\n1|2"]);
  });

  it("defaults to opsomming and handles Windows line endings", () => {
    const [slide] = parseSlides("# Titel\r\n\r\n- een\r\n- twee\r\n???\r\nnotitie\r\n");
    expect(slide!.layout).toBe("opsomming");
    expect(blockTexts(slide!.blocks)).toEqual(["een", "twee"]);
    expect(slide!.notes).toEqual(["notitie"]);
  });

  it("keeps two list levels, flattens deeper ones and numbers ordered lists from their start", () => {
    const [slide] = parseSlides("# T\n\n3. drie\n   - a\n     - diep\n4. vier");
    expect(slide!.blocks).toEqual([
      {
        kind: "bullet",
        level: 0,
        ordered: true,
        number: 3,
        runs: [{ text: "drie", bold: false, italic: false }],
      },
      {
        kind: "bullet",
        level: 1,
        ordered: false,
        number: 0,
        runs: [{ text: "a", bold: false, italic: false }],
      },
      {
        kind: "bullet",
        level: 1,
        ordered: false,
        number: 0,
        runs: [{ text: "diep", bold: false, italic: false }],
      },
      {
        kind: "bullet",
        level: 0,
        ordered: true,
        number: 4,
        runs: [{ text: "vier", bold: false, italic: false }],
      },
    ]);
  });

  it("turns every line after the title of titel and sectie slides into a subtitle line", () => {
    const [title, section] = parseSlides(
      "<!-- layout: titel -->\n# Training\nBieb \\*Zuid\\*\n**12 maart**\n\nZaal 1\n---\n<!-- layout: sectie -->\n# Deel 2\nOndertitel",
    );
    expect(title!.subtitle.map(runsToText)).toEqual(["Bieb *Zuid*", "12 maart", "Zaal 1"]);
    expect(title!.subtitle[1]![0]!.bold).toBe(true);
    expect(section!.layout).toBe("sectie");
    expect(section!.subtitle.map(runsToText)).toEqual(["Ondertitel"]);
  });

  it("splits twee-kolommen at ||| and takes a leading heading per column", () => {
    const [slide] = parseSlides(
      "<!-- layout: twee-kolommen -->\n# T\n### Links\n- a\n|||\n### Rechts\nb",
    );
    const [left, right] = slide!.columns!;
    expect(runsToText(left.heading!)).toBe("Links");
    expect(blockTexts(left.blocks)).toEqual(["a"]);
    expect(runsToText(right.heading!)).toBe("Rechts");
    expect(blockTexts(right.blocks)).toEqual(["b"]);
  });

  it("reads a citaat as quote plus attribution without its dash", () => {
    const [withQuote, plain] = parseSlides(
      '<!-- layout: citaat -->\n# Casus\n> "Klopt dit?"\n\n— Mevrouw Jansen\n---\n<!-- layout: citaat -->\nZonder blokcitaat.\n\n-- Iemand',
    );
    expect(blockTexts(withQuote!.quote!.blocks)).toEqual(['"Klopt dit?"']);
    expect(withQuote!.quote!.attribution.map(runsToText)).toEqual(["Mevrouw Jansen"]);
    expect(blockTexts(plain!.quote!.blocks)).toEqual(["Zonder blokcitaat."]);
    expect(plain!.quote!.attribution.map(runsToText)).toEqual(["Iemand"]);
  });

  it.each([
    ["Bieb \\*Zuid\\* \\& \\<Oost\\>", "Bieb *Zuid* & <Oost>"],
    ["a &amp; b &lt;c&gt; &#233; &#x1F600; &onbekend;", "a & b <c> é 😀 &onbekend;"],
    ["`<code> & zo`", "<code> & zo"],
    ["café naïef 👩‍💻 \"dubbel\" 'enkel'", "café naïef 👩‍💻 \"dubbel\" 'enkel'"],
    [
      "zie [DigiD](https://www.digid.nl) of www.mijnoverheid.nl",
      "zie DigiD (https://www.digid.nl) of www.mijnoverheid.nl",
    ],
    ["tekst <!-- commentaar --> verder", "tekst verder"],
    ["een\nzachte   regel", "een zachte regel"],
  ])("shows %j as %j", (markdown, expected) => {
    const [slide] = parseSlides(`# T\n\n${markdown}`);
    expect(blockTexts(slide!.blocks)).toEqual([expected]);
  });

  it("starts a new line for hard breaks and <br>", () => {
    const [slide] = parseSlides("# T\n\neen  \ntwee<br>drie");
    const runs = (slide!.blocks[0] as { runs: { text: string; breakBefore?: boolean }[] }).runs;
    expect(runs.map((r) => [r.text, r.breakBefore === true])).toEqual([
      ["een", false],
      ["twee", true],
      ["drie", true],
    ]);
  });

  it("removes control characters", () => {
    const [slide] = parseSlides("# Ti\u0007tel\n\nte\u0000kst\u001B");
    expect(runsToText(slide!.title)).toBe("Titel");
    expect(blockTexts(slide!.blocks)).toEqual(["tekst"]);
  });
});

describe("notesToLines", () => {
  it("keeps source lines and list items as lines, without Markdown markers", () => {
    expect(
      notesToLines(
        "Eerste **regel**\ntweede *regel*\n\n- punt\n  - sub\n1. stap\n\n> citaat\n\n| a | b |\n|---|---|\n| 1 | 2 |",
      ),
    ).toEqual([
      "Eerste regel",
      "tweede regel",
      "",
      "• punt",
      "    – sub",
      "",
      "1. stap",
      "",
      "citaat",
      "",
      "a | b",
      "1 | 2",
    ]);
  });

  it("decodes escapes in notes", () => {
    expect(notesToLines("Bieb \\*Zuid\\* \\& \\<Oost\\> &amp; 😀")).toEqual([
      "Bieb *Zuid* & <Oost> & 😀",
    ]);
  });
});

describe("sanitize", () => {
  it("strips controls, lone surrogates and a byte order mark but keeps tabs, newlines and emoji", () => {
    expect(stripControlCharacters("\uFEFFa\u0001b\tc\r\nd\u007Fe\uD800f😀")).toBe("ab\tc\ndef😀");
  });

  it("makes NEL and line and paragraph separators a newline, so words stay apart", () => {
    expect(stripControlCharacters("a\u0085b\u2028c\u2029d\re")).toBe("a\nb\nc\nd\ne");
  });

  it("decodes named and numeric entities; invalid code points become U+FFFD as in CommonMark", () => {
    expect(decodeEntities("&euro; &#0; &#xD800; &nbsp; &onbekend;")).toBe(
      "€ \uFFFD \uFFFD \u00A0 &onbekend;",
    );
  });
});
