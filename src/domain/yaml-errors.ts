import type { YAMLError } from "yaml";

/**
 * What a YAML syntax error means, in Dutch and in the words of someone who edits a settings file
 * by hand; the yaml library's own message is in English and names its parser's tokens.
 */
const MEANINGS: Readonly<Record<string, string>> = {
  DUPLICATE_KEY: "deze naam staat er twee keer in; haal er één weg",
  MISSING_CHAR: "er ontbreekt een afsluitend teken, zoals een aanhalingsteken of ]",
  TAB_AS_INDENT: "deze regel springt in met een tab; gebruik spaties",
  BAD_INDENT: "de inspringing klopt niet, of een lijst [ … ] wordt niet afgesloten",
  BLOCK_AS_IMPLICIT_KEY:
    "na 'naam:' staat nog een dubbele punt; zet de tekst tussen aanhalingstekens",
  MULTILINE_IMPLICIT_KEY: "een naam zonder dubbele punt erachter; elke regel is 'naam: waarde'",
  UNEXPECTED_TOKEN: "deze regel past niet bij de regels erboven; controleer de inspringing",
};

/** One YAML error as a problem: its line, and what to do. */
export function yamlProblem(error: YAMLError, file: string): { where: string; message: string } {
  const line = error.linePos?.[0].line;
  const meaning = MEANINGS[error.code] ?? "de opmaak klopt niet (elke regel is 'naam: waarde')";
  return {
    where: line === undefined ? file : `${file}, regel ${line}`,
    message: `geen geldige YAML: ${meaning}.`,
  };
}
