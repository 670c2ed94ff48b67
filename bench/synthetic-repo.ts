import { execFileSync, spawn } from "node:child_process";

/**
 * A synthetic repository for the backport benchmarks, written in one `git fast-import` stream (seconds even
 * for 100k files): `files` files under `src/m<i>/p<j>/f<k>.ts` (at most 100 entries per directory, four
 * levels deep like a real source tree), `commits` commits on `main` that each edit a few files, `develop` cut
 * 10 commits before main's tip with 10 commits of its own, and a last commit on `main`, the hotfix, that
 * changes two files: one develop never touched and one develop changed a few lines away (a line merge).
 */
export interface SyntheticRepoSpec {
  files: number;
  commits: number;
}

export interface SyntheticRepo {
  gitDir: string;
  /** The hotfix commit on main and its parent. */
  fix: string;
  fixParent: string;
  develop: string;
  /** Wall-clock seconds fast-import took. */
  buildSeconds: number;
}

const LINES = 20;
const DEVELOP_COMMITS = 10;
const BASE_TIME = 1_767_225_600; // 2026-01-01T00:00:00Z

/** git without the machine's configuration and with a fixed identity. */
export function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    LC_ALL: "C",
    HOME: "/nonexistent",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_TERMINAL_PROMPT: "0",
    GIT_AUTHOR_NAME: "Bench",
    GIT_AUTHOR_EMAIL: "bench@example.com",
    GIT_COMMITTER_NAME: "Bench",
    GIT_COMMITTER_EMAIL: "bench@example.com",
    GIT_AUTHOR_DATE: "2026-03-01T12:00:00Z",
    GIT_COMMITTER_DATE: "2026-03-01T12:00:00Z",
    ...extra,
  };
}

export function filePath(index: number): string {
  const dir = Math.floor(index / 10);
  return `src/m${Math.floor(dir / 100)}/p${dir % 100}/f${index % 10}.ts`;
}

function fileText(path: string, edits: ReadonlyMap<number, string> = new Map()): string {
  const lines: string[] = [];
  for (let line = 0; line < LINES; line++) {
    lines.push(edits.get(line) ?? `export const v${line} = ${JSON.stringify(`${path}:${line}`)};`);
  }
  return `${lines.join("\n")}\n`;
}

/** Builds the repository in `gitDir` (a new bare repository). */
export async function buildSyntheticRepo(gitDir: string, spec: SyntheticRepoSpec): Promise<SyntheticRepo> {
  const started = performance.now();
  execFileSync("git", ["-c", "init.defaultBranch=main", "init", "--bare", "--quiet", gitDir], {
    env: gitEnv(),
  });
  const child = spawn("git", ["--git-dir", gitDir, "fast-import", "--quiet", "--done"], {
    env: gitEnv(),
    stdio: ["pipe", "ignore", "pipe"],
  });
  let stderr = "";
  // fast-import failing mid-stream closes its stdin; the exit code below reports it.
  child.stdin.on("error", () => {});
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));

  let pending: string[] = [];
  let size = 0;
  const write = async (text: string) => {
    pending.push(text);
    size += text.length;
    if (size < 1 << 20) return;
    const ok = child.stdin.write(pending.join(""));
    pending = [];
    size = 0;
    if (!ok) await new Promise((resolve) => child.stdin.once("drain", resolve));
  };
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`;
  // Every file's current edits, so that a later edit keeps the earlier ones.
  const edits = new Map<number, Map<number, string>>();
  const edited = (index: number, line: number, text: string) => {
    const fileEdits = edits.get(index) ?? new Map<number, string>();
    fileEdits.set(line, text);
    edits.set(index, fileEdits);
    return fileText(filePath(index), fileEdits);
  };
  let mark = 0;
  let tick = 0;
  const commit = async (branch: string, message: string, body: string, from?: number) => {
    mark++;
    const when = `${BASE_TIME + tick++} +0000`;
    await write(
      `commit refs/heads/${branch}\nmark :${mark}\nauthor Dev <dev@example.com> ${when}\n` +
        `committer Dev <dev@example.com> ${when}\n${data(message)}${from ? `from :${from}\n` : ""}${body}`,
    );
    return mark;
  };

  // The first commit adds every file.
  mark++;
  const firstWhen = `${BASE_TIME + tick++} +0000`;
  await write(
    `commit refs/heads/main\nmark :${mark}\nauthor Dev <dev@example.com> ${firstWhen}\n` +
      `committer Dev <dev@example.com> ${firstWhen}\n${data("Initial import")}`,
  );
  for (let index = 0; index < spec.files; index++) {
    const path = filePath(index);
    await write(`M 100644 inline ${path}\n${data(fileText(path))}`);
  }
  let mainTip = mark;

  // The hot file: develop edits its line 2, the hotfix its line 17.
  const hot = Math.floor(spec.files / 2);
  const quiet = spec.files - 1; // never edited before the hotfix
  let developFrom = 0;
  for (let n = 1; n < spec.commits; n++) {
    let body = "";
    for (let k = 0; k < 1 + (n % 3); k++) {
      // A spread of files, never the hot or the quiet one.
      const index = (n * 7919 + k * 104_729) % (spec.files - 2);
      const target = index === hot ? hot + 1 : index;
      body += `M 100644 inline ${filePath(target)}\n${data(edited(target, n % LINES, `export const v${n % LINES} = ${n};`))}`;
    }
    mainTip = await commit("main", `Change ${n}`, body);
    if (n === spec.commits - DEVELOP_COMMITS) developFrom = mainTip;
  }
  if (developFrom === 0) developFrom = mainTip;
  // develop: its own commits, on files main does not touch afterwards, and the hot file near its top.
  const developEdits = new Map(edits);
  for (let n = 0; n < DEVELOP_COMMITS; n++) {
    const index = n === 0 ? hot : (n * 31) % (spec.files - 2);
    const fileEdits = new Map(developEdits.get(index) ?? []);
    fileEdits.set(2, `export const v2 = "develop ${n}";`);
    developEdits.set(index, fileEdits);
    const text = fileText(filePath(index), fileEdits);
    await commit(
      "develop",
      `Develop ${n}`,
      `M 100644 inline ${filePath(index)}\n${data(text)}`,
      n === 0 ? developFrom : undefined,
    );
  }
  const fixBody =
    `M 100644 inline ${filePath(hot)}\n${data(edited(hot, 17, 'export const v17 = "fixed";'))}` +
    `M 100644 inline ${filePath(quiet)}\n${data(edited(quiet, 5, 'export const v5 = "fixed";'))}`;
  await commit("main", "Fix the critical path", fixBody, mainTip);
  await write("done\n");
  if (size > 0) child.stdin.write(pending.join(""));
  child.stdin.end();
  const code = await exited;
  if (code !== 0) throw new Error(`git fast-import failed (exit ${code}): ${stderr.trim()}`);

  const rev = (name: string) =>
    execFileSync("git", ["--git-dir", gitDir, "rev-parse", name], { env: gitEnv(), encoding: "utf8" }).trim();
  return {
    gitDir,
    fix: rev("refs/heads/main"),
    fixParent: rev("refs/heads/main~1"),
    develop: rev("refs/heads/develop"),
    buildSeconds: (performance.now() - started) / 1000,
  };
}
