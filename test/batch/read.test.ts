import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { cellText } from "../../src/batch/cells.js";
import { decodeCsvBytes, detectDelimiter, parseCsvTable } from "../../src/batch/read-csv.js";
import { columnLetter, isEmptyRow } from "../../src/batch/table.js";
import { InputError } from "../../src/errors.js";

const bom = (bytes: Uint8Array): Uint8Array =>
  Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);

describe("decodeCsvBytes", () => {
  it.each([
    ["UTF-8 without BOM", Buffer.from("Plaats;Café\r\n", "utf8"), "utf-8"],
    ["UTF-8 with BOM", bom(Buffer.from("Plaats;Café\r\n", "utf8")), "utf-8"],
    ["Windows-1252", iconv.encode("Plaats;Café\r\n", "windows-1252"), "windows-1252"],
    [
      "Windows-1252 behind a UTF-8 BOM",
      bom(iconv.encode("Plaats;Café\r\n", "windows-1252")),
      "windows-1252",
    ],
    [
      "UTF-16 with BOM (Excel's Unicode text)",
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode("Plaats;Café\r\n", "utf-16le")]),
      "utf-16le",
    ],
  ])("reads %s", (_name, bytes, encoding) => {
    const decoded = decodeCsvBytes(bytes);
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe("Plaats;Café\r\n");
  });

  it("keeps Windows-1252 specials such as the euro sign and curly quotes", () => {
    const bytes = iconv.encode("€ 5 – „Zuid”", "windows-1252");
    expect(decodeCsvBytes(bytes).text).toBe("€ 5 – „Zuid”");
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["Organisatie;Plaats;Datum training", ";"],
    ["Organisatie,Plaats,Datum training", ","],
    ["Organisatie\tPlaats\tDatum training", "\t"],
    ['"Gemeente(n), meer";Plaats', ";"],
    ["Organisatie", ";"],
  ])("picks the separator of %j", (header, expected) => {
    expect(detectDelimiter(`${header}\r\nx;y,z\r\n`)).toBe(expected);
  });
});

describe("parseCsvTable", () => {
  it("numbers rows as Excel shows them, keeps line breaks inside quotes and empty rows", () => {
    const text =
      'Organisatie;Plaats;Openingstijden IDO\r\nBieb A;Arnhem;"di 10-12\r\ndo 14-16"\r\n;;\r\nBieb B;Ede;za\r\n';
    const table = parseCsvTable(Buffer.from(text), "lijst.csv");
    expect(table.headers).toEqual(["Organisatie", "Plaats", "Openingstijden IDO"]);
    expect(table.rows.map((r) => r.number)).toEqual([2, 3, 4]);
    expect(table.rows[0]!.cells[2]).toBe("di 10-12\r\ndo 14-16");
    expect(isEmptyRow(table.rows[1]!)).toBe(true);
    expect(table.rows[2]!.cells).toEqual(["Bieb B", "Ede", "za"]);
    expect(table.notices[0]).toMatch(/UTF-8 met puntkomma/);
  });

  it("keeps leading zeros and dates exactly as typed", () => {
    const table = parseCsvTable(Buffer.from("Telefoon;Datum\n0345 123456;03-04-2027\n"), "x.csv");
    expect(table.rows[0]!.cells).toEqual(["0345 123456", "03-04-2027"]);
  });

  it("refuses an empty file with a hint", () => {
    expect(() => parseCsvTable(Buffer.from(""), "leeg.csv")).toThrow(InputError);
  });
});

describe("cellText", () => {
  it.each([
    ["a date cell", new Date(Date.UTC(2027, 2, 13)), "dd-mm-yyyy", "2027-03-13"],
    ["a US-formatted date cell", new Date(Date.UTC(2027, 2, 4)), "m/d/yy", "2027-03-04"],
    ["a time cell", new Date(Date.UTC(1899, 11, 30, 13, 30)), "hh:mm", "13:30"],
    ["a time with float noise", new Date(Date.UTC(1899, 11, 30, 13, 29, 59, 998)), "h:mm", "13:30"],
    [
      "a date-time cell",
      new Date(Date.UTC(2027, 2, 13, 9, 15)),
      "dd-mm-yyyy hh:mm",
      "2027-03-13 09:15",
    ],
    ["a whole number", 12, undefined, "12"],
    ["a decimal number", 13.3, undefined, "13.3"],
    ["float noise", 0.1 + 0.2, undefined, "0.3"],
    ["a zero-padded phone number", 345123456, "0000000000", "0345123456"],
    ["text", "0345 123 456", "@", "0345 123 456"],
    ["rich text", { richText: [{ text: "Bieb " }, { text: "Zuid" }] }, undefined, "Bieb Zuid"],
    ["a formula", { formula: "A1", result: "Arnhem" }, undefined, "Arnhem"],
    [
      "a date formula",
      { formula: "A1+1", result: new Date(Date.UTC(2027, 0, 2)) },
      "d-m-yyyy",
      "2027-01-02",
    ],
    ["a hyperlink", { text: "mail ons", hyperlink: "mailto:a@b.nl" }, undefined, "mail ons"],
    ["an error", { error: "#N/A" }, undefined, ""],
    ["a boolean", true, undefined, "ja"],
    ["an empty cell", null, undefined, ""],
  ])("reads %s as text", (_name, value, format, expected) => {
    expect(cellText(value, format)).toBe(expected);
  });
});

describe("columnLetter", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [61, "BJ"],
  ])("%i → %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});
