/**
 * The notes master and notes slides, written the way PowerPoint itself writes them.
 *
 * pptxgenjs 4.0.1 writes a notes master whose placeholders PowerPoint strips on "repair"
 * (PptxGenJS #1443, #1449), lets it share the slide theme, and gives every notes slide the
 * master's creation id. We cannot run PowerPoint here, so these parts are modelled on a
 * PowerPoint-authored reference instead of on guesswork: the notes master and notes slide of
 * `sld-notes.pptx`, saved by PowerPoint for Mac and kept by python-pptx (its
 * `templates/notesMaster.xml` is taken from it); its users open such files in PowerPoint without
 * a repair. The file is in test/fixtures/powerpoint-reference/, and
 * test/validity/notes-reference.test.ts holds these parts against it: the same elements,
 * attributes, order and placeholder indexes. Only these differ: the geometry of a 16:9 deck (the
 * slide image and notes placeholders PowerPoint 2013 and later write on the same 7.5 × 10 inch
 * notes page) and their tab size, the language (Dutch), and the ids, which are our own and fixed,
 * so packs are reproducible.
 */
import { escapeXml } from "../text.js";

/** The notes page PowerPoint uses: 7.5 × 10 inch, portrait (EMU). */
export const NOTES_PAGE = { cx: 6858000, cy: 9144000 } as const;

const NAMESPACES =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const GROUP =
  '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>' +
  '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>' +
  '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>';
const INSETS = 'vert="horz" lIns="91440" tIns="45720" rIns="91440" bIns="45720" rtlCol="0"';
// The slide-number field of a notes slide carries the id of the master's field, as in the
// reference; the date field has its own. Fixed GUIDs keep packs byte-identical.
const SLIDE_NUMBER_FIELD = "{5D0F3C52-8A41-4E7B-9C2D-1B6A7E0F4D93}";
const DATE_FIELD = "{0A7E2B64-3C19-4F58-8D06-92E1C5B7A4F0}";
const MASTER_CREATION_ID = 2623252185;

/** A fixed, distinct slide creation id per notes slide (PowerPoint gives each its own). */
export function creationId(index: number): number {
  // Knuth's multiplicative hash spreads 0, 1, 2, … over the 32-bit range without collisions.
  const id = Math.imul(index + 1, 2654435761) >>> 0;
  return id === MASTER_CREATION_ID ? id + 1 : id;
}

function creationIdExt(id: number): string {
  return (
    '<p:extLst><p:ext uri="{BB962C8B-B14F-4D97-AF65-F5344CB8AC3E}">' +
    `<p14:creationId xmlns:p14="http://schemas.microsoft.com/office/powerpoint/2010/main" val="${id}"/>` +
    "</p:ext></p:extLst>"
  );
}

interface Placeholder {
  id: number;
  name: string;
  ph: string;
  locks?: string;
  off: [number, number];
  ext: [number, number];
  lines?: string;
  body: string;
}

function placeholder(p: Placeholder): string {
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${p.id}" name="${p.name}"/>` +
    `<p:cNvSpPr><a:spLocks ${p.locks ?? 'noGrp="1"'}/></p:cNvSpPr><p:nvPr>${p.ph}</p:nvPr></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${p.off[0]}" y="${p.off[1]}"/><a:ext cx="${p.ext[0]}" cy="${p.ext[1]}"/></a:xfrm>` +
    `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>${p.lines ?? ""}</p:spPr>${p.body}</p:sp>`
  );
}

function levelStyle(level: number, align: "l" | "r"): string {
  return `<a:lstStyle><a:lvl${level}pPr algn="${align}"><a:defRPr sz="1200"/></a:lvl${level}pPr></a:lstStyle>`;
}

function notesStyle(): string {
  const levels = Array.from({ length: 9 }, (_, i) => {
    const n = i + 1;
    return (
      `<a:lvl${n}pPr marL="${i * 457200}" algn="l" defTabSz="914400" rtl="0" eaLnBrk="1" latinLnBrk="0" hangingPunct="1">` +
      '<a:defRPr sz="1200" kern="1200"><a:solidFill><a:schemeClr val="tx1"/></a:solidFill>' +
      '<a:latin typeface="+mn-lt"/><a:ea typeface="+mn-ea"/><a:cs typeface="+mn-cs"/></a:defRPr>' +
      `</a:lvl${n}pPr>`
    );
  });
  return `<p:notesStyle>${levels.join("")}</p:notesStyle>`;
}

/** ppt/notesMasters/notesMaster1.xml: the six placeholders of PowerPoint's default notes master. */
export function notesMasterXml(language: string): string {
  const lang = escapeXml(language);
  const empty = `<a:p><a:endParaRPr lang="${lang}"/></a:p>`;
  const levels = [
    "Klik om de modelstijlen te bewerken",
    "Tweede niveau",
    "Derde niveau",
    "Vierde niveau",
    "Vijfde niveau",
  ]
    .map(
      (text, i) =>
        `<a:p><a:pPr lvl="${i}"/><a:r><a:rPr lang="${lang}"/><a:t>${text}</a:t></a:r>${i === 4 ? `<a:endParaRPr lang="${lang}"/>` : ""}</a:p>`,
    )
    .join("");
  const shapes = [
    placeholder({
      id: 2,
      name: "Header Placeholder 1",
      ph: '<p:ph type="hdr" sz="quarter"/>',
      off: [0, 0],
      ext: [2971800, 458788],
      body: `<p:txBody><a:bodyPr ${INSETS}/>${levelStyle(1, "l")}${empty}</p:txBody>`,
    }),
    placeholder({
      id: 3,
      name: "Date Placeholder 2",
      ph: '<p:ph type="dt" idx="1"/>',
      off: [3884613, 0],
      ext: [2971800, 458788],
      body:
        `<p:txBody><a:bodyPr ${INSETS}/>${levelStyle(1, "r")}<a:p>` +
        `<a:fld id="${DATE_FIELD}" type="datetimeFigureOut"><a:rPr lang="${lang}"/><a:t>1-1-2026</a:t></a:fld>` +
        `<a:endParaRPr lang="${lang}"/></a:p></p:txBody>`,
    }),
    placeholder({
      id: 4,
      name: "Slide Image Placeholder 3",
      ph: '<p:ph type="sldImg" idx="2"/>',
      locks: 'noGrp="1" noRot="1" noChangeAspect="1"',
      off: [685800, 1143000],
      ext: [5486400, 3086100],
      lines:
        '<a:noFill/><a:ln w="12700"><a:solidFill><a:prstClr val="black"/></a:solidFill></a:ln>',
      body: `<p:txBody><a:bodyPr ${INSETS} anchor="ctr"/><a:lstStyle/>${empty}</p:txBody>`,
    }),
    placeholder({
      id: 5,
      name: "Notes Placeholder 4",
      ph: '<p:ph type="body" sz="quarter" idx="3"/>',
      off: [685800, 4400550],
      ext: [5486400, 3600450],
      body: `<p:txBody><a:bodyPr ${INSETS}/><a:lstStyle/>${levels}</p:txBody>`,
    }),
    placeholder({
      id: 6,
      name: "Footer Placeholder 5",
      ph: '<p:ph type="ftr" sz="quarter" idx="4"/>',
      off: [0, 8685213],
      ext: [2971800, 458787],
      body: `<p:txBody><a:bodyPr ${INSETS} anchor="b"/>${levelStyle(1, "l")}${empty}</p:txBody>`,
    }),
    placeholder({
      id: 7,
      name: "Slide Number Placeholder 6",
      ph: '<p:ph type="sldNum" sz="quarter" idx="5"/>',
      off: [3884613, 8685213],
      ext: [2971800, 458787],
      body:
        `<p:txBody><a:bodyPr ${INSETS} anchor="b"/>${levelStyle(1, "r")}<a:p>` +
        `<a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum"><a:rPr lang="${lang}"/><a:t>\u2039#\u203A</a:t></a:fld>` +
        `<a:endParaRPr lang="${lang}"/></a:p></p:txBody>`,
    }),
  ];
  return (
    HEADER +
    `<p:notesMaster ${NAMESPACES}><p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg>` +
    `<p:spTree>${GROUP}${shapes.join("")}</p:spTree>${creationIdExt(MASTER_CREATION_ID)}</p:cSld>` +
    '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>' +
    `${notesStyle()}</p:notesMaster>`
  );
}

/**
 * ppt/notesSlides/notesSlideN.xml for slide `index` (0-based): the slide image, the notes (one
 * paragraph per line) and the slide number, inheriting position and style from the master.
 */
export function notesSlideXml(index: number, lines: readonly string[], language: string): string {
  const lang = escapeXml(language);
  // As in the reference: a run per line, and the paragraph mark's properties on the last
  // paragraph (and on empty ones, which have nothing else).
  const all = lines.length > 0 ? lines : [""];
  const paragraphs = all.map((line, i) => {
    const end = line === "" || i === all.length - 1 ? `<a:endParaRPr lang="${lang}"/>` : "";
    const run =
      line === "" ? "" : `<a:r><a:rPr lang="${lang}"/><a:t>${escapeXml(line)}</a:t></a:r>`;
    return `<a:p>${run}${end}</a:p>`;
  });
  return (
    HEADER +
    `<p:notes ${NAMESPACES}><p:cSld><p:spTree>${GROUP}` +
    '<p:sp><p:nvSpPr><p:cNvPr id="2" name="Slide Image Placeholder 1"/><p:cNvSpPr><a:spLocks noGrp="1" noRot="1" noChangeAspect="1"/></p:cNvSpPr>' +
    '<p:nvPr><p:ph type="sldImg"/></p:nvPr></p:nvSpPr><p:spPr/></p:sp>' +
    '<p:sp><p:nvSpPr><p:cNvPr id="3" name="Notes Placeholder 2"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>' +
    '<p:nvPr><p:ph type="body" idx="1"/></p:nvPr></p:nvSpPr><p:spPr/>' +
    `<p:txBody><a:bodyPr/><a:lstStyle/>${paragraphs.join("")}</p:txBody></p:sp>` +
    '<p:sp><p:nvSpPr><p:cNvPr id="4" name="Slide Number Placeholder 3"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr>' +
    '<p:nvPr><p:ph type="sldNum" sz="quarter" idx="10"/></p:nvPr></p:nvSpPr><p:spPr/>' +
    `<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:fld id="${SLIDE_NUMBER_FIELD}" type="slidenum"><a:rPr lang="${lang}"/>` +
    `<a:t>${index + 1}</a:t></a:fld><a:endParaRPr lang="${lang}"/></a:p></p:txBody></p:sp>` +
    `</p:spTree>${creationIdExt(creationId(index))}</p:cSld>` +
    "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:notes>"
  );
}
