import { loadVocabulary } from "../../src/domain/load-vocabulary.js";
import type { QuestionContext } from "../../src/questions/define.js";

/** A fixed "today" so tests do not depend on the calendar. */
export const TODAY = "2026-11-28";

export function fileContext(overrides: Partial<QuestionContext> = {}): QuestionContext {
  return { today: TODAY, vocabulary: loadVocabulary(), mode: "file", ...overrides };
}
