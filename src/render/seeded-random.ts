/**
 * Libraries that draw ids from `Math.random` (docx: hyperlinks, text boxes, drawings) make
 * different bytes on every run. This runs a function with `Math.random` replaced by a seeded
 * generator (mulberry32), so the same input gives the same ids, and restores it afterwards.
 * Callers run one document at a time; the replacement covers the function's awaits too.
 */
export async function withSeededRandom<T>(seed: number, run: () => Promise<T>): Promise<T> {
  const original = Math.random;
  let state = seed >>> 0;
  Math.random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  try {
    return await run();
  } finally {
    Math.random = original;
  }
}
