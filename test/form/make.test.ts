import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { inCi } from "../helpers/ci.js";
import { hasLibreOffice } from "../helpers/libreoffice.js";
import { ensureBuilt, ROOT } from "../helpers/pty.js";
import { tempDir } from "../helpers/temp.js";
import { readParts } from "../helpers/zip.js";
import { startForm, type FormRun } from "./helpers.js";

/**
 * Making a pack through the form's API (what the page does on "Maak het pakket"): never over an
 * earlier pack, and with PDFs when LibreOffice is there.
 */

function post(form: FormRun, route: string, body: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const origin = `http://127.0.0.1:${form.port}`;
    const req = request(
      {
        host: "127.0.0.1",
        port: form.port,
        method: "POST",
        path: `/${form.token}/api/${route}`,
        headers: { "Content-Type": "application/json", Origin: origin },
      },
      (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString("utf8")));
        res.on("end", () => resolve(JSON.parse(text) as Record<string, unknown>));
      },
    );
    req.on("error", reject);
    req.end(JSON.stringify(body));
  });
}

beforeAll(() => ensureBuilt(), 180_000);

describe("making a pack from the form", () => {
  it("puts a second pack next to the first, never over it", async () => {
    const dir = tempDir();
    const form = await startForm(["--bijeenkomst", "--map", "bijeenkomst"], { cwd: dir });
    try {
      const text = readFileSync(join(ROOT, "data", "voorbeeld-bijeenkomst.yaml"), "utf8");
      const opened = await post(form, "open", { name: "voorbeeld.yaml", text });
      const first = await post(form, "pakket", { answers: opened.answers });
      expect(first.fout).toBeUndefined();
      expect(first.map).toBe(join(dir, "bijeenkomst"));
      const second = await post(form, "pakket", { answers: opened.answers });
      expect(second.map).toBe(join(dir, "bijeenkomst-2"));
      expect(String(second.html)).toMatch(
        /De map\s+<code class="pad">bijeenkomst<\/code>\s+bestond al/,
      );
      expect(readdirSync(dir).sort()).toEqual(["bijeenkomst", "bijeenkomst-2"]);
    } finally {
      await form.stop();
    }
  });

  it.skipIf(!hasLibreOffice && !inCi)(
    "adds a PDF of every document when asked",
    async () => {
      const dir = tempDir();
      const form = await startForm(["--bijeenkomst"], { cwd: dir });
      try {
        const text = readFileSync(join(ROOT, "data", "voorbeeld-bijeenkomst.yaml"), "utf8");
        const opened = await post(form, "open", { name: "voorbeeld.yaml", text });
        const made = await post(form, "pakket", { answers: opened.answers, pdf: true });
        expect(made.fout).toBeUndefined();
        const pdfs = readdirSync(join(String(made.map), "pdf"));
        expect(pdfs).toContain("handleiding-lokale-bijeenkomst.pdf");
        expect(pdfs).toContain("werkafspraken-formulier.pdf");
        expect(String(made.html)).toMatch(/pdf\/<\/span>\s*<span class="grootte">\d+ bestanden/);
        expect(existsSync(join(String(made.map), "LEESMIJ.html"))).toBe(true);
      } finally {
        await form.stop();
      }
    },
    180_000,
  );

  it("uses only the own casussen with --alleen-eigen-casussen, and says when they are too few", async () => {
    const dir = tempDir();
    const own = join(dir, "eigen");
    cpSync(join(ROOT, "test", "fixtures", "casussen-eigen"), own, { recursive: true });
    const form = await startForm(["--casussen", own, "--alleen-eigen-casussen"], { cwd: dir });
    try {
      const text = readFileSync(join(ROOT, "data", "voorbeeld-training.yaml"), "utf8");
      const opened = await post(form, "open", { name: "voorbeeld.yaml", text });
      const refused = await post(form, "pakket", { answers: opened.answers });
      expect(refused.fout).toBe("Te weinig eigen casussen voor deze training.");
      expect(JSON.stringify(refused.problemen)).toContain(
        // The folder as the user gave it, seen from where idokit runs.
        '5 casussen gevraagd, maar in \\"eigen\\" staan er 2',
      );
      expect(readdirSync(dir)).toEqual(["eigen"]);

      // Two casussen are enough for a training of two: both are played, nothing built-in.
      const two = text
        .replace(/aantalCasussen: 5/, "aantalCasussen: 2")
        .replace(/eindtijd: "16:45"/, 'eindtijd: "15:30"');
      const reopened = await post(form, "open", { name: "twee.yaml", text: two });
      const made = await post(form, "pakket", { answers: reopened.answers });
      expect(made.fout, JSON.stringify(made)).toBeUndefined();
      const trainer = readParts(join(String(made.map), "casussen-trainer.docx"))[
        "word/document.xml"
      ];
      expect(trainer).toContain("Het formulier van de gemeente");
      expect(trainer).not.toContain("Demonstratie:");
    } finally {
      await form.stop();
    }
  }, 120_000);
});
