import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { BUILTIN_HUISSTIJL_FILE, checkHuisstijlFile } from "../../src/huisstijl/load.js";
import { DEFAULT_HUISSTIJL, parseHuisstijl, themeOptionsFor } from "../../src/huisstijl/parse.js";
import { buildTheme, contrast } from "../../src/render/theme.js";
import { solidPng } from "../helpers/png.js";

const parse = (text: string) => parseHuisstijl(text, "huisstijl.yaml");

describe("huisstijl.yaml", () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const folder = (): string => {
    const dir = mkdtempSync(join(tmpdir(), "idokit-huisstijl-"));
    dirs.push(dir);
    return dir;
  };

  it("the built-in file, with its comments, holds exactly idokit's defaults", () => {
    const parsed = parse(readFileSync(BUILTIN_HUISSTIJL_FILE, "utf8"));
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.settings).toEqual(DEFAULT_HUISSTIJL);
  });

  it("reads every field, normalising colours and leaving empty texts out", () => {
    const parsed = parse(
      [
        'naam: "Probiblio"',
        "hoofdkleur: '#7a1f5c'",
        "accentkleur: 0A8",
        "lettertypeKoppen: Georgia",
        "lettertypeTekst: '  Verdana  '",
        "logo: ''",
        "voettekst:",
      ].join("\n"),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual({
      naam: "Probiblio",
      hoofdkleur: "7A1F5C",
      accentkleur: "00AA88",
      lettertypeKoppen: "Georgia",
      lettertypeTekst: "Verdana",
      logo: undefined,
      voettekst: undefined,
    });
  });

  it("gives a field that is left out idokit's default", () => {
    expect(parse("naam: Rijnbrink\n").settings).toEqual({
      ...DEFAULT_HUISSTIJL,
      naam: "Rijnbrink",
    });
    expect(parse("").settings).toEqual(DEFAULT_HUISSTIJL);
  });

  it("names the file, line and field of every problem at once, with what to do", () => {
    const parsed = parse(
      [
        "# kopje",
        "hoofdkleur: blauw",
        "accentkleur: '#12345'",
        'lettertypeKoppen: ""',
        "lettertypeTekst:",
        "hoofdkluer: '#000000'",
      ].join("\n"),
    );
    expect(parsed.settings).toBeUndefined();
    const lines = parsed.problems.map((p) => `${p.where} | ${p.message}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^huisstijl\.yaml, regel 2 \| hoofdkleur: "blauw" is geen kleur in hex/,
        ),
        expect.stringMatching(/^huisstijl\.yaml, regel 3 \| accentkleur: "#12345" is geen kleur/),
        expect.stringMatching(
          /^huisstijl\.yaml, regel 4 \| lettertypeKoppen: is leeg\. Vul de naam/,
        ),
        expect.stringMatching(/^huisstijl\.yaml, regel 5 \| lettertypeTekst: is leeg/),
        expect.stringMatching(
          /^huisstijl\.yaml, regel 6 \| onbekend veld "hoofdkluer"\. Bedoelde je "hoofdkleur"\?/,
        ),
      ]),
    );
    expect(lines).toHaveLength(5);
  });

  it("reports broken YAML with its line, and a file that is no list of settings", () => {
    expect(parse("hoofdkleur: '#123456\nnaam: x").problems[0]?.where).toMatch(/regel \d/);
    expect(parse("- hoofdkleur\n- naam").problems[0]?.message).toMatch(/lijst van instellingen/);
  });

  it("warns (and does not refuse) when a colour makes text or lines hard to read", () => {
    const parsed = parse("hoofdkleur: '#FFD200'\naccentkleur: '#FFF3B0'\n");
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings).toHaveLength(2);
    expect(parsed.warnings[0]).toMatch(
      /hoofdkleur #FFD200 is te licht voor tekst op wit \(contrast 1,\d:1; minimaal 4,5:1\)/,
    );
    expect(parsed.warnings[1]).toMatch(/accentkleur #FFF3B0 is op wit nauwelijks te zien/);
    expect(parse("hoofdkleur: '#1F4E79'\n").warnings).toEqual([]);
  });

  it("reads the logo with the answers' reader, relative to the file, and names a bad one by line", () => {
    const dir = folder();
    writeFileSync(join(dir, "logo.png"), solidPng(40, 20).data);
    writeFileSync(join(dir, "kapot.png"), "geen plaatje");
    writeFileSync(join(dir, "goed.yaml"), "naam: Regio\nlogo: logo.png\n");
    writeFileSync(join(dir, "kapot.yaml"), "naam: Regio\n\nlogo: kapot.png\n");
    writeFileSync(join(dir, "weg.yaml"), "logo: bestaat-niet.png\n");
    const good = checkHuisstijlFile(join(dir, "goed.yaml"));
    expect(good.problems).toEqual([]);
    expect(good.logo).toMatchObject({ type: "png", width: 40, height: 20 });
    const broken = checkHuisstijlFile(join(dir, "kapot.yaml"));
    expect(broken.problems).toEqual([
      {
        where: `${join(dir, "kapot.yaml")}, regel 3`,
        message: expect.stringMatching(/^logo: .*kapot\.png" is geen PNG- of JPEG-afbeelding/),
      },
    ]);
    expect(checkHuisstijlFile(join(dir, "weg.yaml")).problems[0]?.message).toMatch(
      /logo: het bestand .*bestaat-niet\.png" bestaat niet/,
    );
    expect(checkHuisstijlFile(join(dir, "nergens.yaml")).problems[0]?.message).toMatch(
      /bestaat niet/,
    );
  });

  it("never throws on any text, and every problem says where", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const parsed = parse(text);
        expect(parsed.settings !== undefined || parsed.problems.length > 0).toBe(true);
        for (const problem of parsed.problems) expect(problem.where).toMatch(/^huisstijl\.yaml/);
      }),
    );
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom("naam", "voettekst", "lettertypeTekst"), fc.string()),
        (data) => {
          const parsed = parse(JSON.stringify(data));
          for (const text of [parsed.settings?.naam, parsed.settings?.voettekst])
            // eslint-disable-next-line no-control-regex -- control characters are what is checked
            if (text !== undefined) expect(text).not.toMatch(/[\u0000-\u0008\n]/);
        },
      ),
    );
  });
});

describe("the theme of a pack", () => {
  const house = { ...DEFAULT_HUISSTIJL, hoofdkleur: "7A1F5C", naam: "Regio", voettekst: "Samen" };

  it("takes colours, fonts, name and footer from the house style", () => {
    const theme = buildTheme(themeOptionsFor({ ...house, lettertypeKoppen: "Georgia" }, {}));
    expect(theme.color.primary).toBe("7A1F5C");
    expect(theme.color.accent).toBe(DEFAULT_HUISSTIJL.accentkleur);
    expect(theme.font).toEqual({ heading: "Georgia", body: "Arial" });
    expect(theme.titleName).toBe("Regio");
    expect(theme.footerText).toBe("Samen");
  });

  it("lets the library's own colour and logo (its answers) win over the house style's", () => {
    const houseLogo = solidPng(10, 10);
    const ownLogo = solidPng(30, 10);
    expect(buildTheme(themeOptionsFor(house, {}, houseLogo)).logo).toBe(houseLogo);
    const own = buildTheme(themeOptionsFor(house, { primary: "00607A", logo: ownLogo }, houseLogo));
    expect(own.color.primary).toBe("00607A");
    expect(own.logo).toBe(ownLogo);
  });

  it("keeps a light house colour for fills but gives text on white a tint that reads (4.5:1)", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-F]{6}$/), (primary) => {
        const theme = buildTheme({ primary });
        expect(theme.color.primary).toBe(primary);
        expect(contrast(theme.color.heading, "FFFFFF")).toBeGreaterThanOrEqual(4.5);
        expect(contrast(theme.color.headingDark, "FFFFFF")).toBeGreaterThanOrEqual(4.5);
        expect(contrast(theme.color.primary, theme.color.tableHeaderText)).toBeGreaterThanOrEqual(
          4.5,
        );
      }),
    );
    // A colour that reads already is kept as it is.
    expect(buildTheme({ primary: "1F4E79" }).color.heading).toBe("1F4E79");
  });
});
