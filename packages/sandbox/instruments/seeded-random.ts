/**
 * Deterministic numbers from a seed and a key: the same (seed, key) always gives the same value, whatever
 * else happened before. Decisions keyed by "method path #n" therefore do not depend on how concurrent
 * requests interleave.
 */
export function seededUnit(seed: number, key: string): number {
  // FNV-1a over the key, mixed with the seed, then one round of a 32-bit finaliser (murmur3 fmix).
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return (hash >>> 0) / 0x100000000;
}
