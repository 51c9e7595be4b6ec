import { readFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { InputError } from "../../src/errors.js";
import { renderPptx, type PptxOptions } from "../../src/render/pptx/index.js";
import { readParts } from "../../src/render/pptx/pptxgenjs.js";
import { buildTheme, type Logo } from "../../src/render/theme.js";

const FIXTURE = new URL("../fixtures/render/pptx/training.md", import.meta.url);
const CREATED = new Date("2026-03-01T09:00:00Z");
// A valid 1×1 PNG; the logo's declared pixel size (2:1) is what the layout uses.
const PNG_1X1 = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    "base64",
  ),
);
const LOGO: Logo = { data: PNG_1X1, type: "png", width: 200, height: 100 };

interface Deck {
  files: Record<string, string>;
  media: string[];
  slideCount: number;
  slide(n: number): string;
  notes(n: number): string[];
  /** Text of every paragraph on a slide, entities decoded. */
  paragraphs(n: number): string[];
}

function decode(xml: string): string {
  return xml
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The text bodies of shapes that only draw (bands, lines) hold one empty paragraph; skip them. */
const EMPTY_BODY =
  /<p:txBody><a:bodyPr[^>]*\/><a:lstStyle\/><a:p><a:endParaRPr[^>]*\/><\/a:p><\/p:txBody>/g;

function paragraphsOf(xml: string): string[] {
  return [...xml.replace(EMPTY_BODY, "").matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((m) =>
    decode([...m[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join("")),
  );
}

async function render(markdown: string, options: Partial<PptxOptions> = {}): Promise<Deck> {
  const bytes = await renderPptx(markdown, {
    theme: buildTheme(),
    title: "Training",
    created: CREATED,
    ...options,
  });
  const zip = unzipSync(bytes);
  const files: Record<string, string> = {};
  const media: string[] = [];
  for (const [name, data] of Object.entries(zip)) {
    if (name.startsWith("ppt/media/")) media.push(name);
    else files[name] = strFromU8(data);
  }
  const slideCount = Object.keys(files).filter((name) =>
    /^ppt\/slides\/slide\d+\.xml$/.test(name),
  ).length;
  const part = (name: string): string => {
    const xml = files[name];
    if (xml === undefined) throw new Error(`missing part ${name}`);
    return xml;
  };
  return {
    files,
    media,
    slideCount,
    slide: (n) => part(`ppt/slides/slide${n}.xml`),
    notes: (n) => {
      const xml = part(`ppt/notesSlides/notesSlide${n}.xml`);
      const body = /name="Notes Placeholder 2"[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(xml);
      return paragraphsOf(body?.[1] ?? "");
    },
    paragraphs: (n) => paragraphsOf(part(`ppt/slides/slide${n}.xml`)),
  };
}

function slides(deck: Deck): number[] {
  return Array.from({ length: deck.slideCount }, (_, i) => i + 1);
}

const longBullets = Array.from(
  { length: 14 },
  (_, i) =>
    `- Punt ${i + 1}: een lange Nederlandse zin over het Informatiepunt Digitale Overheid, die uitlegt wat de medewerker aan de balie wel en niet doet.`,
).join("\n");

describe("renderPptx: the sample training deck", () => {
  const deck = render(readFileSync(FIXTURE, "utf8"), {
    theme: buildTheme({ logo: LOGO }),
    title: "Training & <Zuid>",
    footer: "Bieb *Zuid* & <Oost> · 12 maart 2026",
  });

  it("makes one slide per source slide plus a continuation for the long bullet slide", async () => {
    const d = await deck;
    expect(d.slideCount).toBe(8);
    const titles = slides(d).map((n) => d.paragraphs(n)[0] ?? "");
    expect(titles.filter((t) => t.endsWith("(vervolg)"))).toEqual([
      "Luisteren, samenvatten en doorvragen (vervolg)",
    ]);
  });

  it("writes a notes slide with the notes text for every slide", async () => {
    const d = await deck;
    for (const n of slides(d)) expect(d.files[`ppt/notesSlides/notesSlide${n}.xml`]).toBeDefined();
    expect(d.notes(1)).toEqual([
      "Welkom iedereen! Stel jezelf voor en introduceer de trainingsacteur.",
      "Vertel kort waarom we deze training doen: meer vertrouwen aan de IDO-balie.",
    ]);
    expect(d.notes(2)).toEqual([
      "Loop het programma kort door. Benoem dat de pauze om 14:50 is.",
      "",
      "• Rollenspellen zijn veilig: fouten maken mag.",
      "• Telefoons op stil.",
    ]);
    // The continuation slide carries a pointer and the same notes.
    expect(d.notes(5)[0]).toBe("Vervolg van de vorige dia.");
    expect(d.notes(5)).toContain("Benadruk: doorvragen is geen verhoor.");
    expect(d.notes(8)).toContain(
      `Noteer de afspraken op de flip-over. Speciale tekens in notities: & < > " ' 😀`,
    );
  });

  it("shows escaped template values, quotes, emoji and accents literally", async () => {
    const d = await deck;
    expect(d.paragraphs(1)).toContain("Bieb *Zuid* & <Oost>");
    expect(d.slide(1)).toContain("Bieb *Zuid* &amp; &lt;Oost&gt;");
    expect(d.paragraphs(8)).toContain(
      `Bijzondere tekens: & < > " ' en 😀 café naïef — "aanhalingstekens" en 'enkele'.`,
    );
    expect(d.paragraphs(4).join(" ")).toContain("Luisteren: geef de bezoeker de ruimte");
    expect(d.files["docProps/core.xml"]).toContain(
      "<dc:title>Training &amp; &lt;Zuid&gt;</dc:title>",
    );
  });

  it("numbers every slide except the title slide, and prints the footer on content slides", async () => {
    const d = await deck;
    expect(d.slide(1)).not.toContain('type="slidenum"');
    for (const n of slides(d).slice(1)) expect(d.slide(n)).toContain('type="slidenum"');
    expect(d.paragraphs(2)).toContain("Bieb *Zuid* & <Oost> · 12 maart 2026");
    expect(d.paragraphs(1)).not.toContain("Bieb *Zuid* & <Oost> · 12 maart 2026");
  });

  it("sets the programme table with a header row in the primary colour", async () => {
    const d = await deck;
    const xml = d.slide(2);
    expect(xml.match(/<a:tr /g)).toHaveLength(10);
    const header = /<a:tr [^>]*>([\s\S]*?)<\/a:tr>/.exec(xml)![1]!;
    expect(paragraphsOf(header)).toEqual(["Tijd", "Onderdeel", "Werkvorm"]);
    expect(header).toContain(`<a:srgbClr val="${buildTheme().color.primary}"/>`);
    expect(d.paragraphs(2)).toContain("14:50");
  });

  it("lays out section, two-column and quote slides", async () => {
    const d = await deck;
    expect(d.slide(3)).toMatch(
      /<p:bg><p:bgPr><a:solidFill><a:srgbClr val="1F4E79"\/><\/a:solidFill><a:effectLst\/>/,
    );
    expect(d.paragraphs(3)).toEqual(
      expect.arrayContaining(["Gespreksvaardigheden", "Luisteren, samenvatten, doorvragen"]),
    );
    expect(d.slide(6)).toContain('name="Kolom 1"');
    expect(d.slide(6)).toContain('name="Kolom 2"');
    expect(d.paragraphs(6)).toEqual(
      expect.arrayContaining(["Wel doen ✅", "Niet doen ❌", "Persoonsgegevens bewaren"]),
    );
    expect(d.paragraphs(7)).toEqual(
      expect.arrayContaining([
        '"Ik heb een sms gekregen dat ik een boete moet betalen, anders komt de deurwaarder. Klopt dat?"',
        "— Mevrouw Jansen (72), bezoeker aan de balie",
      ]),
    );
  });

  it("embeds the logo once and shows it on the title slide and in the corner of content slides", async () => {
    const d = await deck;
    expect(d.media).toHaveLength(1);
    for (const n of [1, 2, 8]) {
      expect(d.slide(n)).toContain('name="Logo"');
      expect(d.files[`ppt/slides/_rels/slide${n}.xml.rels`]).toContain(
        `Target="../${d.media[0]!.slice(4)}"`,
      );
    }
    // The 2:1 aspect ratio is kept.
    const ext = /name="Logo"[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(d.slide(2))!;
    expect(Number(ext[1]) / Number(ext[2])).toBeCloseTo(2, 2);
  });

  it("lists exactly the parts of the package in [Content_Types].xml", async () => {
    const d = await deck;
    const types = d.files["[Content_Types].xml"]!;
    const names = [...Object.keys(d.files), ...d.media];
    const overrides = [...types.matchAll(/<Override PartName="\/([^"]+)"/g)].map((m) => m[1]!);
    for (const part of overrides) expect(names).toContain(part);
    for (const part of names.filter((n) =>
      /^ppt\/(slides|notesSlides|slideLayouts|slideMasters|notesMasters|theme)\/[^/]+\.xml$/.test(
        n,
      ),
    )) {
      expect(overrides).toContain(part);
    }
    expect(types).toContain('<Default Extension="png" ContentType="image/png"/>');
    expect(types).not.toContain("slideMaster2");
  });

  it("writes valid numbers, one paragraph-properties element per paragraph and unique shape ids", async () => {
    const d = await deck;
    for (const [name, xml] of Object.entries(d.files)) expect(xml, name).not.toMatch(/NaN/);
    for (const n of slides(d)) {
      const xml = d.slide(n);
      for (const p of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) {
        expect(p[1]!.match(/<a:pPr\b/g)?.length ?? 0).toBeLessThanOrEqual(1);
        if (p[1]!.includes("<a:pPr")) expect(p[1]!.startsWith("<a:pPr")).toBe(true);
      }
      const ids = [...xml.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
      expect(new Set(ids).size).toBe(ids.length);
      // Table cells never lack a paragraph.
      for (const cell of xml.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g))
        expect(cell[1]).toContain("<a:p>");
    }
  });

  it("gives the notes master its own theme and fixes the dates", async () => {
    const d = await deck;
    expect(d.files["ppt/notesMasters/_rels/notesMaster1.xml.rels"]).toContain(
      "../theme/theme2.xml",
    );
    expect(d.files["ppt/theme/theme2.xml"]).toBeDefined();
    expect(d.files["docProps/core.xml"]).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-01T09:00:00Z</dcterms:created>',
    );
  });
});

describe("renderPptx: fitting text", () => {
  it("continues a long bullet list on (vervolg) slides that carry the notes", async () => {
    const d = await render(
      `# Wat doe je aan de balie?\n\n${longBullets}\n\n???\nBespreek elk punt kort.`,
    );
    expect(d.slideCount).toBeGreaterThan(1);
    const all = slides(d).flatMap((n) => d.paragraphs(n));
    for (let i = 1; i <= 14; i++)
      expect(all.filter((p) => p.startsWith(`Punt ${i}:`))).toHaveLength(1);
    for (const n of slides(d).slice(1)) {
      expect(d.paragraphs(n)[0]).toBe("Wat doe je aan de balie? (vervolg)");
      expect(d.notes(n)).toEqual(["Vervolg van de vorige dia.", "", "Bespreek elk punt kort."]);
    }
    expect(d.notes(1)).toEqual(["Bespreek elk punt kort."]);
  });

  it("shrinks a slightly long list a step before continuing on another slide", async () => {
    const bullets = longBullets.split("\n").slice(0, 7).join("\n");
    const d = await render(`# Iets te lang\n\n${bullets}`);
    expect(d.slideCount).toBe(1);
    const sizes = [...d.slide(1).matchAll(/<a:rPr [^>]*sz="(\d+)"/g)].map(
      (m) => Number(m[1]) / 100,
    );
    expect(Math.min(...sizes.filter((s) => s > 12))).toBeGreaterThanOrEqual(14);
    expect(Math.max(...sizes.filter((s) => s < 28))).toBeLessThan(20);
  });

  it("splits a long table over slides and repeats the header row", async () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `| ${String(9 + Math.floor(i / 4)).padStart(2, "0")}:${String((i % 4) * 15).padStart(2, "0")} | Onderdeel ${i + 1} |`,
    );
    const d = await render(
      `<!-- layout: tabel -->\n# Programma\n\nDe dag in blokken:\n\n| Tijd | Onderdeel |\n|---|---|\n${rows.join("\n")}`,
    );
    expect(d.slideCount).toBeGreaterThan(1);
    let dataRows = 0;
    for (const n of slides(d)) {
      const trs = [...d.slide(n).matchAll(/<a:tr [^>]*>([\s\S]*?)<\/a:tr>/g)].map((m) =>
        paragraphsOf(m[1]!),
      );
      expect(trs[0]).toEqual(["Tijd", "Onderdeel"]);
      dataRows += trs.length - 1;
      if (n > 1) expect(d.paragraphs(n)[0]).toBe("Programma (vervolg)");
    }
    expect(dataRows).toBe(30);
    expect(d.paragraphs(1)).toContain("De dag in blokken:");
  });

  it("never leaves a table cell empty and keeps escaped pipes in cells", async () => {
    const d = await render("# T\n\n| A | B |\n|---|---|\n|  | x \\| y |");
    const cells = [...d.slide(1).matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((m) =>
      paragraphsOf(m[1]!).join(""),
    );
    expect(cells).toEqual(["A", "B", "\u00A0", "x | y"]);
  });

  it("keeps a very long title within the title area", async () => {
    const title = "Een titel die veel te lang is ".repeat(25).trim();
    const d = await render(`# ${title}\n\n- punt`);
    const box = /name="Titel"[\s\S]*?<a:off x="\d+" y="(\d+)"\/><a:ext cx="\d+" cy="(\d+)"/.exec(
      d.slide(1),
    )!;
    expect((Number(box[1]) + Number(box[2])) / 914400).toBeLessThan(2.3);
    expect(d.paragraphs(1)[0]).toMatch(/…$/);
  });
});

describe("renderPptx: input handling", () => {
  it("strips control characters and keeps the XML valid", async () => {
    const d = await render(
      "# Titel\u0007 met\u0001 bel\n\nTekst\u001B hier\n\n???\nNotitie\u0000 met nul",
    );
    expect(d.paragraphs(1)).toEqual(expect.arrayContaining(["Titel met bel", "Tekst hier"]));
    expect(d.notes(1)).toEqual(["Notitie met nul"]);
    for (const xml of Object.values(d.files)) {
      // eslint-disable-next-line no-control-regex -- asserting that control characters are gone.
      expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    }
  });

  it("renders bold and italic runs", async () => {
    const d = await render("# T\n\nEen **vet** en *schuin* woord.");
    expect(d.slide(1)).toMatch(/<a:rPr [^>]*b="1"[^>]*>[\s\S]*?<a:t>vet<\/a:t>/);
    expect(d.slide(1)).toMatch(/<a:rPr [^>]*i="1"[^>]*>[\s\S]*?<a:t>schuin<\/a:t>/);
  });

  it("reports every slide with an unknown layout", async () => {
    const error = await renderPptx(
      "<!-- layout: grafiek -->\n# A\n---\n# B\n---\n<!-- layout: foto -->\n# C",
      {
        theme: buildTheme(),
        title: "x",
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems.map((p) => p.where)).toEqual(["dia 1", "dia 3"]);
  });

  it("accepts a colour written with '#' and refuses one that is not a colour", async () => {
    const base = buildTheme();
    const hashed = await render("# T", {
      theme: { ...base, color: { ...base.color, primary: "#1f4e79" } },
    });
    expect(hashed.slide(1)).toContain('<a:srgbClr val="1F4E79"/>');
    await expect(
      renderPptx("# T", {
        theme: { ...base, color: { ...base.color, accent: "oranje" } },
        title: "x",
      }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it("refuses Markdown without slides", async () => {
    await expect(
      renderPptx("\n---\n  \n", { theme: buildTheme(), title: "x" }),
    ).rejects.toBeInstanceOf(InputError);
  });

  it("makes the same content for the same input", async () => {
    const markdown = readFileSync(FIXTURE, "utf8");
    const [a, b] = await Promise.all([render(markdown), render(markdown)]);
    expect(a.files).toEqual(b.files);
  });
});

describe("renderPptx: pptxgenjs's parts without zipping them", () => {
  it("reads the parts back in JSZip's order, XML as given and media as bytes", async () => {
    // JSZip cuts strings into 16 KiB chunks and encodes each chunk on its own: an emoji on a
    // chunk boundary came out of its zip as two U+FFFD (Stuk/jszip#963).
    const xml = `<a>${"x".repeat(16 * 1024 - 4)}😀 and more é</a>`;
    const zip = new JSZip();
    zip.folder("ppt");
    zip.file("ppt/slides/slide1.xml", xml);
    zip.file("ppt/media/image-1.png", "iVBORw0KGgo=", { base64: true });
    zip.file("_rels/.rels", "<Relationships/>");
    const parts = await readParts(zip);
    expect([...parts.keys()]).toEqual([
      "ppt/slides/slide1.xml",
      "ppt/media/image-1.png",
      "_rels/.rels",
    ]);
    expect(parts.get("ppt/slides/slide1.xml")).toBe(xml);
    expect(parts.get("ppt/media/image-1.png")).toEqual(
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
  });

  it("decodes base64 media as JSZip does, strict base64 once for every slide", async () => {
    await renderPptx("# Dia", { theme: buildTheme(), title: "Training", created: CREATED });
    const signature = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const zip = new JSZip();
    zip.file("ppt/media/a.png", "iVBORw0KGgo=", { base64: true });
    zip.file("ppt/media/b.png", "iVBORw0KGgo=", { base64: true });
    // Not strict (a line break): JSZip's own decoder, which skips it.
    zip.file("ppt/media/c.png", "iVBO\nRw0KGgo=", { base64: true });
    const parts = await readParts(zip);
    expect([...parts.values()]).toEqual([signature, signature, signature]);
  });

  it("leaves JSZip zipping as before for every other output type (exceljs uses it too)", async () => {
    await renderPptx("# Dia", { theme: buildTheme(), title: "Training", created: CREATED });
    const zip = new JSZip();
    zip.file("a.txt", "één");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expect(strFromU8(unzipSync(bytes)["a.txt"]!)).toBe("één");
  });
});
