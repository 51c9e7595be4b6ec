import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, runIdokit, tempDir } from "../helpers/cli.js";
import { hasLibreOffice } from "../helpers/libreoffice.js";
import { readReport, rowWith, templateSheet, writeCsv1252 } from "../batch/helpers.js";

/**
 * `--pdf` and `--zip` as a user runs them: with the real LibreOffice (CI installs it), with a
 * stand-in `soffice` that records every run (how many runs a batch needs), and with none at all.
 */

const dirs: string[] = [];
const temp = (): string => {
  const dir = tempDir("idokit-pdf-test-");
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const inCi = Boolean(process.env.CI);
if (!hasLibreOffice && !inCi)
  console.warn("LibreOffice ontbreekt: de test met echte PDF's wordt overgeslagen.");

type Manifest = { bestanden: Array<{ naam: string; bytes: number }> };
const documentsOf = (names: readonly string[]): string[] =>
  names.filter((n) => /\.(docx|pptx)$/.test(n));
const pdfOf = (name: string): string => `pdf/${name.replace(/\.(docx|pptx)$/, ".pdf")}`;

/** A PATH without LibreOffice on it (idokit runs with node's absolute path). */
const NODE_ONLY_PATH = join(dirname(BIN), "geen-programmas-hier");

/**
 * A stand-in soffice (POSIX shell): logs each run's arguments as one line, and writes a small
 * "PDF" for every document except names containing `failOn`.
 */
function fakeSoffice(dir: string, failOn = "kapot"): { bin: string; runs: () => string[][] } {
  const bin = join(dir, "bin");
  const log = join(dir, "runs.log");
  const script = `#!/bin/sh
echo "$*" >> "${log}"
out=""; prev=""
for a in "$@"; do
  if [ "$prev" = "--outdir" ]; then out="$a"; fi
  prev="$a"
done
for a in "$@"; do
  case "$a" in
    *${failOn}*) ;;
    *.docx|*.pptx) b="\${a##*/}"; printf '%%PDF-1.4 nep' > "$out/\${b%.*}.pdf" ;;
  esac
done
`;
  mkdirSync(bin);
  writeFileSync(join(bin, "soffice"), script);
  chmodSync(join(bin, "soffice"), 0o755);
  return {
    bin,
    runs: () =>
      existsSync(log)
        ? readFileSync(log, "utf8")
            .trim()
            .split("\n")
            .map((line) => line.split(" "))
        : [],
  };
}

describe.skipIf(!hasLibreOffice && !inCi)("idokit training --pdf with LibreOffice", () => {
  it("adds a PDF of every document under pdf/, listed in the manifest", () => {
    const out = join(temp(), "pakket");
    const result = runIdokit(["training", "--voorbeeld", "--map", out, "--pdf"], {
      timeoutMs: 240_000,
    });
    expect(result.stderr).toContain("Trainingspakket klaar in");
    expect(result.status).toBe(0);
    const documents = documentsOf(readdirSync(out));
    expect(documents.length).toBeGreaterThanOrEqual(5);
    const pdfs = readdirSync(join(out, "pdf")).map((name) => `pdf/${name}`);
    expect(pdfs.sort()).toEqual(documents.map(pdfOf).sort());
    for (const pdf of pdfs)
      expect(readFileSync(join(out, pdf)).subarray(0, 5).toString()).toBe("%PDF-");
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")) as Manifest;
    for (const pdf of pdfs) expect(manifest.bestanden.map((f) => f.naam)).toContain(pdf);
  }, 300_000);
});

describe.skipIf(process.platform === "win32")("--pdf with a stand-in soffice", () => {
  it("converts every document of a pack in one LibreOffice run, with its own profile", () => {
    const dir = temp();
    const soffice = fakeSoffice(dir);
    const out = join(dir, "pakket");
    const result = runIdokit(["bijeenkomst", "--voorbeeld", "--map", out, "--pdf"], {
      env: { PATH: `${soffice.bin}:${NODE_ONLY_PATH}` },
    });
    expect(result.status).toBe(0);
    const runs = soffice.runs();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toEqual(expect.arrayContaining(["--headless", "--convert-to", "pdf"]));
    expect(runs[0]!.some((arg) => arg.startsWith("-env:UserInstallation=file://"))).toBe(true);
    const documents = documentsOf(readdirSync(out));
    expect(
      readdirSync(join(out, "pdf"))
        .map((n) => `pdf/${n}`)
        .sort(),
    ).toEqual(documents.map(pdfOf).sort());
    // The temporary profile and staging folders are gone.
    const profile = runs[0]!
      .find((arg) => arg.startsWith("-env:UserInstallation="))!
      .replace(/^.*file:\/\//, "");
    expect(existsSync(decodeURIComponent(profile))).toBe(false);
  });

  it("converts the packs of a batch together and zips each with its PDFs", async () => {
    const dir = temp();
    const soffice = fakeSoffice(dir);
    const { headers, example } = await templateSheet();
    const sheet = join(dir, "bibliotheken.csv");
    writeCsv1252(sheet, headers, [
      rowWith(headers, example, { Vestiging: "Vestiging Noord" }),
      rowWith(headers, example, { Vestiging: "Vestiging Zuid" }),
      rowWith(headers, example, { Vestiging: "Vestiging Oost" }),
    ]);
    const out = join(dir, "pakketten");
    const result = runIdokit(["batch", sheet, "--map", out, "--pdf", "--zip", "--werkers", "1"], {
      env: { PATH: `${soffice.bin}:${NODE_ONLY_PATH}` },
    });
    expect(result.stderr).toContain("3 gemaakt");
    expect(result.status).toBe(0);
    // Three packs of at least five documents each: one run, every document in it.
    const runs = soffice.runs();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.filter((arg) => /\.(docx|pptx)$/.test(arg)).length).toBeGreaterThanOrEqual(15);
    const zips = readdirSync(out).filter((name) => name.endsWith(".zip"));
    expect(zips).toHaveLength(3);
    for (const zip of zips) {
      const names = Object.keys(unzipSync(readFileSync(join(out, zip))));
      expect(names.filter((n) => n.startsWith("pdf/")).sort()).toEqual(
        documentsOf(names).map(pdfOf).sort(),
      );
      const manifest = JSON.parse(
        new TextDecoder().decode(unzipSync(readFileSync(join(out, zip)))["manifest.json"]),
      ) as Manifest;
      expect(manifest.bestanden.map((f) => f.naam).sort()).toEqual(
        names.filter((n) => n !== "manifest.json").sort(),
      );
    }
  });

  it("names the documents whose PDF failed in the report, and still makes the pack", async () => {
    const dir = temp();
    const soffice = fakeSoffice(dir, "draaiboek");
    const { headers, example } = await templateSheet();
    const sheet = join(dir, "bibliotheken.csv");
    writeCsv1252(sheet, headers, [rowWith(headers, example, {})]);
    const out = join(dir, "pakketten");
    const result = runIdokit(["batch", sheet, "--map", out, "--pdf"], {
      env: { PATH: `${soffice.bin}:${NODE_ONLY_PATH}` },
    });
    expect(result.status).toBe(0);
    const [row] = readReport(readFileSync(join(out, "rapport.csv"), "latin1"));
    expect(row!.Status).toBe("gemaakt");
    expect(row!.Meldingen).toContain("geen PDF van draaiboek.docx");
    const pack = join(out, row!.Map!);
    expect(existsSync(join(pack, "draaiboek.docx"))).toBe(true);
    expect(existsSync(join(pack, "pdf", "draaiboek.pdf"))).toBe(false);
    expect(existsSync(join(pack, "pdf", "briefing-trainingsacteur.pdf"))).toBe(true);
  });
});

describe("--pdf without LibreOffice", () => {
  it("says where to get LibreOffice, and still makes the rest of the pack", () => {
    const out = join(temp(), "pakket");
    const result = runIdokit(["training", "--voorbeeld", "--map", out, "--pdf"], {
      env: { PATH: NODE_ONLY_PATH, IDOKIT_SOFFICE: "" },
    });
    expect(result.status).toBe(0);
    expect(result.stderr).toContain("LibreOffice is niet gevonden");
    expect(result.stderr).toContain("https://nl.libreoffice.org/download/");
    expect(result.stderr).toContain("Trainingspakket klaar in");
    const names = readdirSync(out);
    expect(documentsOf(names).length).toBeGreaterThanOrEqual(5);
    expect(names).toContain("manifest.json");
    expect(names).not.toContain("pdf");
  });
});

describe("idokit training --zip", () => {
  it("writes the pack as one zip next to nothing else, and refuses to overwrite it", () => {
    const dir = temp();
    const result = runIdokit(["training", "--voorbeeld", "--map", join(dir, "pakket"), "--zip"]);
    expect(result.status).toBe(0);
    expect(readdirSync(dir)).toEqual(["pakket.zip"]);
    const entries = unzipSync(readFileSync(join(dir, "pakket.zip")));
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining(["draaiboek.docx", "antwoorden.yaml", "manifest.json"]),
    );
    const again = runIdokit(["training", "--voorbeeld", "--map", join(dir, "pakket.zip"), "--zip"]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain("bestaat al");
    expect(
      runIdokit(["training", "--voorbeeld", "--map", join(dir, "pakket"), "--zip", "--vervang"])
        .status,
    ).toBe(0);
  });
});
