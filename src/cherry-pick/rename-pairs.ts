import { contentSimilarity } from "./content-similarity.js";
import { type GitEntry, REGULAR_MODES } from "./git-tree.js";

/** A file gone from one side (a source) or new on it (a destination). */
export interface RenameCandidate {
  path: string;
  entry: GitEntry;
}

export interface RenamePairs {
  /** Source path -> destination path, for the pairs git certainly makes. */
  pairs: Map<string, string>;
  /** Paths, sources and destinations, that git may pair differently from here (or pair where this does not). */
  unsure: Set<string>;
}

/** git's rename threshold (`-M50%`). */
const RENAME_SCORE = 0.5;
/** Scores this close to the threshold are not trusted: git's hashed chunks can count a little differently. */
const SCORE_MARGIN = 0.1;
/** Past this many source-destination comparisons the pairing is left to git. */
const MAX_COMPARISONS = 2_500;

/**
 * The renames git's merge would see on one side of a cherry-pick (git's rename detection, as merge-ort runs it):
 * identical content first, then content kept at or above half. Only what is certain is paired: several sources
 * or destinations with the same content, scores near the threshold, a destination two sources compete for,
 * empty files, symlinks and submodules all land in `unsure`, for a person (or git) to settle.
 */
export async function pairRenames(
  sources: readonly RenameCandidate[],
  destinations: readonly RenameCandidate[],
  read: (sha: string) => Promise<Uint8Array>,
): Promise<RenamePairs> {
  const pairs = new Map<string, string>();
  const unsure = new Set<string>();
  if (sources.length === 0 || destinations.length === 0) return { pairs, unsure };

  // Exact renames: one source and one destination with the same content. git breaks ties by name, which is
  // not reproduced here.
  const bySha = new Map<string, { sources: RenameCandidate[]; destinations: RenameCandidate[] }>();
  const group = (sha: string) => {
    let found = bySha.get(sha);
    if (!found) {
      found = { sources: [], destinations: [] };
      bySha.set(sha, found);
    }
    return found;
  };
  for (const s of sources) group(s.entry.sha).sources.push(s);
  for (const d of destinations) group(d.entry.sha).destinations.push(d);
  const paired = new Set<string>();
  for (const { sources: from, destinations: to } of bySha.values()) {
    if (from.length === 0 || to.length === 0) continue;
    const [s, d] = [from[0] as RenameCandidate, to[0] as RenameCandidate];
    if (from.length === 1 && to.length === 1 && regular(s.entry) && regular(d.entry) && !isEmpty(s.entry)) {
      pairs.set(s.path, d.path);
    } else {
      for (const c of [...from, ...to]) unsure.add(c.path);
    }
    for (const c of [...from, ...to]) paired.add(c.path);
  }

  const left = sources.filter((s) => !paired.has(s.path));
  const right = destinations.filter((d) => !paired.has(d.path));
  if (left.length === 0 || right.length === 0) return { pairs, unsure };
  const odd = (c: RenameCandidate) => !regular(c.entry) || isEmpty(c.entry);
  if (left.length * right.length > MAX_COMPARISONS) {
    for (const c of [...left, ...right]) unsure.add(c.path);
    return { pairs, unsure };
  }
  // Similar content: scores for every remaining pair of regular, non-empty files.
  const bytes = new Map<string, Uint8Array>();
  const load = async (c: RenameCandidate) => {
    const known = bytes.get(c.entry.sha);
    if (known) return known;
    const loaded = await read(c.entry.sha);
    bytes.set(c.entry.sha, loaded);
    return loaded;
  };
  const scores: { source: string; destination: string; score: number }[] = [];
  for (const s of left) {
    for (const d of right) {
      if (odd(s) || odd(d)) {
        // git scores empty files, symlinks and submodules by rules not followed here.
        if (s.entry.type !== "commit" && d.entry.type !== "commit") {
          unsure.add(s.path);
          unsure.add(d.path);
        }
        continue;
      }
      scores.push({
        source: s.path,
        destination: d.path,
        score: contentSimilarity(await load(s), await load(d)),
      });
    }
  }
  const contenders = scores.filter((x) => x.score >= RENAME_SCORE - SCORE_MARGIN);
  for (const x of contenders) {
    const rivals = contenders.filter(
      (y) => y !== x && (y.source === x.source || y.destination === x.destination),
    );
    if (x.score >= RENAME_SCORE + SCORE_MARGIN && rivals.length === 0) {
      pairs.set(x.source, x.destination);
    } else {
      unsure.add(x.source);
      unsure.add(x.destination);
    }
  }
  return { pairs, unsure };
}

function regular(entry: GitEntry): boolean {
  return entry.type === "blob" && REGULAR_MODES.has(entry.mode);
}

const EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

function isEmpty(entry: GitEntry): boolean {
  return entry.sha === EMPTY_BLOB || entry.size === 0;
}
