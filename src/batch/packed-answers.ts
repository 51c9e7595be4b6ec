import { deserialize, serialize } from "node:v8";

/**
 * A row's validated answers as bytes, in V8's structured-clone format (what `postMessage` itself
 * uses, so nothing is lost on the way: dates, nested lists). A batch's main thread only passes
 * answers on, from the reading thread to a pack worker: held as objects, 1,000 rows of them grew
 * its heap by more than 30 MB for the whole run (V8 enlarges its young generation for the burst
 * and never shrinks it while packs arrive); as bytes they are about 5 KB a row outside the heap.
 */
export type PackedAnswers = Uint8Array;

export function packAnswers(answers: unknown): PackedAnswers {
  const bytes = serialize(answers);
  // A plain Uint8Array over the same memory: what a copy across threads arrives as.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function unpackAnswers(packed: PackedAnswers): unknown {
  return deserialize(packed);
}
