import { visit, type Document, type ErrorCode, type YAMLError } from "yaml";
import type { Problem } from "../errors.js";

/**
 * YAML syntax errors in an answers file, told in Dutch: where (file, line, column) and what to do,
 * for a person who edited antwoorden.yaml in Notepad, not the parser's English. Pure.
 */

/** At most this many syntax errors are told: after the first few, the rest are usually echoes. */
const MAX_PROBLEMS = 3;

const QUOTE_TIP =
  'Zet de tekst tussen aanhalingstekens, bijvoorbeeld: organisatie: "Bibliotheek: Zuid".';

const MESSAGES: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: "deze regel springt in met een tab. Spring in met spaties.",
  BAD_INDENT:
    "deze regel springt anders in dan de regels erboven. Antwoorden die bij elkaar horen staan precies even ver ingesprongen, met spaties.",
  BLOCK_AS_IMPLICIT_KEY: `in het antwoord staat een dubbele punt met een spatie erna; YAML leest dat als een nieuwe vraag. ${QUOTE_TIP}`,
  MULTILINE_IMPLICIT_KEY:
    "deze regel heeft niet de vorm 'vraag: antwoord'. Staat er een spatie na de dubbele punt? Hoort de regel bij het antwoord erboven, zet dat antwoord dan tussen aanhalingstekens.",
  DUPLICATE_KEY: "deze vraag staat twee keer in het bestand. Laat er één staan.",
  MISSING_CHAR:
    "hier ontbreekt een afsluitend teken: een aanhalingsteken, ] of }. Sluit af wat op de regel is geopend.",
  BAD_DQ_ESCAPE:
    "tussen dubbele aanhalingstekens staat een \\ die YAML niet kent. Schrijf \\\\, of zet de tekst tussen enkele aanhalingstekens.",
  BAD_SCALAR_START: `dit antwoord begint met een teken dat in YAML iets anders betekent (zoals @, \`, %, | of >). ${QUOTE_TIP}`,
  UNEXPECTED_TOKEN:
    "hier staat tekst die YAML niet verwacht, vaak na een afsluitend aanhalingsteken. Staat er een ' in het antwoord, zet het dan tussen dubbele aanhalingstekens: \"it's\".",
  MULTIPLE_DOCS:
    "hier begint met '---' een tweede deel; een antwoordenbestand heeft er één. Haal de regel '---' weg.",
  BAD_ALIAS: `een antwoord dat met * begint is in YAML een verwijzing. ${QUOTE_TIP}`,
  ALIAS_PROPS: `een antwoord dat met * of & begint betekent in YAML iets anders. ${QUOTE_TIP}`,
  MULTIPLE_ANCHORS: `een antwoord dat met & begint betekent in YAML iets anders. ${QUOTE_TIP}`,
  BAD_PROP_ORDER: `een antwoord dat met & of ! begint betekent in YAML iets anders. ${QUOTE_TIP}`,
  MULTIPLE_TAGS: `een antwoord dat met ! begint betekent in YAML iets anders. ${QUOTE_TIP}`,
  TAG_RESOLVE_FAILED: `een antwoord dat met ! begint betekent in YAML iets anders. ${QUOTE_TIP}`,
  KEY_OVER_1024_CHARS:
    "deze regel is te lang voor een vraag. Staat de dubbele punt op de goede plek?",
  BLOCK_IN_FLOW:
    "binnen [ ] of { } kan geen lijst met streepjes of ingesprongen regels staan. Kies één van beide vormen.",
};

const FLOW =
  "een lijst tussen [ ] of een groep tussen { } is niet goed afgesloten. Sluit hem op dezelfde regel af, of gebruik een lijst met streepjes.";
const OTHER =
  "dit is geen geldige YAML. Controleer de dubbele punten, de inspringing en de aanhalingstekens.";

/** One Dutch problem per syntax error (at most three), naming file, line and column. */
export function yamlSyntaxProblems(errors: readonly YAMLError[], name: string): Problem[] {
  return errors.slice(0, MAX_PROBLEMS).map((error) => {
    const at = error.linePos?.[0];
    const flow = error.code === "BAD_INDENT" && /^Flow (sequence|map)/.test(error.message);
    return {
      where: at ? `${name}, regel ${at.line}, kolom ${at.col}` : name,
      message: flow ? FLOW : (MESSAGES[error.code] ?? OTHER),
    };
  });
}

/**
 * The document's value, or a Dutch problem where YAML's own conversion refuses (an alias without
 * its anchor, or aliases that would blow up in memory). An answers file never needs aliases.
 */
export function yamlValue(
  doc: Document,
  text: string,
  name: string,
): { value: unknown; problem?: undefined } | { problem: Problem; value?: undefined } {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch {
    let offset: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        offset = node.range?.[0];
        return visit.BREAK;
      },
    });
    const before = offset === undefined ? undefined : text.slice(0, offset).split("\n");
    return {
      problem: {
        where: before
          ? `${name}, regel ${before.length}, kolom ${before.at(-1)!.length + 1}`
          : name,
        message: `een antwoord begint met * of &, wat YAML als verwijzing leest. ${QUOTE_TIP}`,
      },
    };
  }
}
