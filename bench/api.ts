// What the benchmark needs from idokit's internals, bundled by bench/pandoc.js from src/ (so it
// works whatever way dist/ is built): the Markdown that idokit's own templates render for every
// document of a pack (to hand pandoc the same words), spreadsheets of many libraries, and packs
// made one after another in one warm process.
import ExcelJS from "exceljs";
import { validateAnswers } from "../src/answers/validate.js";
import { loadPackKind } from "../src/batch/kinds.js";
import { describeTemplate } from "../src/batch/template.js";
import { readExampleAnswers } from "../src/commands/training.js";
import { loadVocabulary } from "../src/domain/load-vocabulary.js";
import { loadTrainingResources } from "../src/pack/resources.js";
import { makeTrainingPack, planTrainingPack } from "../src/pack/training.js";
import { trainingSchema, type TrainingAnswers } from "../src/questions/training.js";

export interface BenchDocument {
  /** File name in the pack (`draaiboek.docx`, `mails/uitnodiging-training.ics`). */
  file: string;
  format: "docx" | "pptx" | "ics" | "mail" | "html";
  title: string;
  markdown: string;
}

function exampleAnswers(today: string, organisatie?: string): TrainingAnswers {
  const vocabulary = loadVocabulary();
  const raw = readExampleAnswers(today) as Record<string, Record<string, unknown>>;
  if (organisatie) raw.bibliotheek = { ...raw.bibliotheek, organisatie };
  const { answers } = validateAnswers(trainingSchema, raw, { today, vocabulary, mode: "file" });
  if (!answers) throw new Error("the example's answers do not validate");
  return answers;
}

/**
 * The rendered Markdown of every document of the built-in example's trainingspakket, for the
 * library `organisatie` (the batch bench gives every row its own name).
 */
export function packMarkdown(today: string, organisatie?: string): BenchDocument[] {
  const { resources } = loadTrainingResources({ vocabulary: loadVocabulary() });
  const answers = exampleAnswers(today, organisatie);
  const { plan } = planTrainingPack(answers, resources, { today, seed: 1 });
  return plan.documents.map((doc) => ({
    file: doc.file,
    format: doc.format,
    title: doc.title,
    markdown: resources.engine.render(doc.template, plan.view),
  }));
}

/** Writes a spreadsheet of `rows` libraries: the template's example row with its own name each. */
export async function writeRows(file: string, rows: number, today: string): Promise<void> {
  const kind = (await loadPackKind("training"))!;
  const ctx = { today, vocabulary: loadVocabulary(), mode: "file" as const };
  const { columns } = describeTemplate(kind, await kind.exampleAnswers(today), ctx);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Bibliotheken");
  sheet.addRow(columns.map((c) => c.header));
  const organisatie = columns.findIndex((c) => c.header === "Organisatie");
  const vestiging = columns.findIndex((c) => c.header === "Vestiging");
  for (let i = 1; i <= rows; i++) {
    const values: unknown[] = columns.map((c) => (c.example === "" ? null : c.example));
    values[organisatie] = `Bibliotheek Bench ${i}`;
    values[vestiging] = `Vestiging ${(i % 7) + 1}`;
    sheet.addRow(values);
  }
  await workbook.xlsx.writeFile(file);
}

/**
 * Makes `count` packs one after another in this process, after `warmup` packs, as a batch worker
 * does; returns the wall and CPU milliseconds of each pack and the bytes of the last one.
 */
export async function makePacks(
  today: string,
  count: number,
  warmup: number,
): Promise<{ times: number[]; cpu: number[]; bytes: number }> {
  const { resources } = loadTrainingResources({ vocabulary: loadVocabulary() });
  const answers = exampleAnswers(today);
  const created = new Date(`${today}T12:00:00Z`);
  const make = (seed: number) => makeTrainingPack(answers, resources, { today, seed, created });
  for (let i = 0; i < warmup; i++) await make(i);
  const times: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    const pack = await make(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    bytes = pack.files.reduce((sum, f) => sum + f.data.byteLength, 0);
  }
  return { times, cpu, bytes };
}
