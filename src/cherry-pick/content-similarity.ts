/**
 * How much of one file's content another keeps, the way git scores a rename candidate: both files are cut into
 * chunks that end at a line feed or after 64 bytes, whichever comes first (a CR before the LF of a text file does
 * not count), and the bytes of the source's chunks found again in the destination are counted. The score is those
 * bytes over the larger file's size, from 0 to 1; git calls a pair a rename from 0.5 up.
 *
 * git hashes the chunks (a collision can add a few bytes to its count); this counts the chunks themselves, so
 * scores can differ by a hair. Callers treat scores near the threshold as unknown.
 */
export function contentSimilarity(source: Uint8Array, destination: Uint8Array): number {
  const larger = Math.max(source.length, destination.length);
  if (larger === 0) return 1;
  const smaller = Math.min(source.length, destination.length);
  // git skips a pair whose sizes alone rule out half of the content being kept.
  if (smaller * 2 < larger) return 0;
  const kept = chunkCounts(destination);
  let copied = 0;
  for (const [chunk, bytes] of chunkCounts(source)) {
    copied += Math.min(bytes, kept.get(chunk) ?? 0);
  }
  return copied / larger;
}

/** Bytes per distinct chunk of a file. */
function chunkCounts(bytes: Uint8Array): Map<string, number> {
  const text = !bytes.subarray(0, 8000).includes(0);
  const counts = new Map<string, number>();
  let chunk: number[] = [];
  let length = 0;
  const flush = () => {
    const key = Buffer.from(chunk).toString("latin1");
    counts.set(key, (counts.get(key) ?? 0) + length);
    chunk = [];
    length = 0;
  };
  for (let k = 0; k < bytes.length; k++) {
    const byte = bytes[k] as number;
    if (text && byte === 13 && bytes[k + 1] === 10) continue;
    chunk.push(byte);
    length++;
    if (length >= 64 || byte === 10) flush();
  }
  if (length > 0) flush();
  return counts;
}
