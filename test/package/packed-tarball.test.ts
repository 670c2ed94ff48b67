import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildCliBundle } from "../../scripts/bundles.js";

// The package as a user gets it: `npm pack` of this repository (its `files`, with the CLI bundle built from the
// current source rather than whatever dist/ holds), installed from the tarball with `--omit=dev` in an empty
// directory, then the `hotfix-bot` command run from node_modules/.bin. Nothing from the repository's own
// node_modules is reachable from there, so a chunk importing a development dependency fails here.

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of a user's shell: npm's own variables (set when this runs under `npm test`) left out. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (key === "NODE_OPTIONS" || (key.startsWith("npm_") && key !== "npm_config_cache")) continue;
    env[key] = value;
  }
  return env;
}

function run(command: string, args: string[], cwd: string, timeoutMs = 120_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { cwd, env: userEnv(), timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

async function npm(args: string[], cwd: string): Promise<string> {
  const result = await run("npm", args, cwd, 240_000);
  if (result.code !== 0) throw new Error(`npm ${args.join(" ")} exited ${result.code}:\n${result.stderr}`);
  return result.stdout;
}

/** Every module specifier a built file imports that is not relative: `from "x"` and `import("x")`. */
function bareImports(source: string): string[] {
  const found = new Set<string>();
  for (const match of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"([^"]+)"/g)) {
    const specifier = match[1] ?? "";
    if (!specifier.startsWith(".") && !specifier.startsWith("/")) found.add(specifier);
  }
  return [...found];
}

function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("the packed package, installed without development dependencies", () => {
  let work: string;
  let installed: string;
  let bin: string;
  let packedFiles: string[];
  const manifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
    version: string;
    dependencies: Record<string, string>;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "hotfix-bot-pack-"));
    // What `npm pack` would take from the repository (scripts off: prepack would rebuild the repository's dist/).
    const [dryRun] = JSON.parse(await npm(["pack", "--dry-run", "--json", "--ignore-scripts"], repoRoot)) as {
      files: { path: string }[];
    }[];
    const copy = join(work, "package");
    for (const { path } of dryRun?.files ?? []) {
      if (path.startsWith("dist/")) continue;
      mkdirSync(dirname(join(copy, path)), { recursive: true });
      cpSync(join(repoRoot, path), join(copy, path));
    }
    await buildCliBundle(join(copy, "dist"));
    const [packed] = JSON.parse(
      await npm(["pack", "--json", "--ignore-scripts", "--pack-destination", work], copy),
    ) as { filename: string; files: { path: string }[] }[];
    packedFiles = (packed?.files ?? []).map((file) => file.path);

    installed = join(work, "user");
    mkdirSync(installed);
    writeFileSync(join(installed, "package.json"), '{ "name": "packed-check", "private": true }\n');
    await npm(
      [
        "install",
        "--omit=dev",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        join(work, packed?.filename ?? "missing.tgz"),
      ],
      installed,
    );
    bin = join(installed, "node_modules", ".bin", "hotfix-bot");
  }, 480_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("ships the command and its bundle, and neither sources nor tests", () => {
    expect(packedFiles).toEqual(
      expect.arrayContaining(["bin/hotfix-bot.js", "dist/cli/cli.js", "package.json"]),
    );
    const stray = packedFiles.filter((path) => /^(src|test|bench|scripts|packages)\//.test(path));
    expect(stray).toEqual([]);
  });

  it("imports only Node's built-ins and the package's declared dependencies", () => {
    const cli = join(installed, "node_modules", "hotfix-bot", "dist", "cli");
    const undeclared = new Set<string>();
    for (const file of filesUnder(cli).filter((path) => path.endsWith(".js"))) {
      for (const specifier of bareImports(readFileSync(file, "utf8"))) {
        const name = packageName(specifier);
        if (specifier.startsWith("node:") || builtinModules.includes(name)) continue;
        if (!(name in manifest.dependencies)) undeclared.add(`${name} (${file.slice(cli.length + 1)})`);
      }
    }
    expect([...undeclared]).toEqual([]);
  });

  it("--help lists the commands and --version prints the package's version", async () => {
    const help = await run(bin, ["--help"], installed);
    expect(help).toMatchObject({ code: 0, stderr: "" });
    for (const name of ["demo", "check-title", "validate-config", "reconcile", "report", "sandbox"]) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, "m"));
    }
    expect(await run(bin, ["--version"], installed)).toEqual({
      code: 0,
      stdout: `${manifest.version}\n`,
      stderr: "",
    });
  });

  it("check-title accepts a Jira-keyed title and refuses one without a key", async () => {
    const valid = await run(bin, ["check-title", "[SPF-1290] Fix critical auth failure"], installed);
    expect(valid).toMatchObject({ code: 0, stdout: "valid: Jira key SPF-1290\n" });
    const invalid = await run(bin, ["check-title", "fix stuff"], installed);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout + invalid.stderr).toContain('"fix stuff" does not match');
  });

  it("validate-config accepts a valid file and names the field of an invalid one", async () => {
    writeFileSync(
      join(installed, "good.yml"),
      "productionBranch: main\napprovals:\n  P2:\n    required: 2\n",
    );
    writeFileSync(join(installed, "bad.yml"), "diffBudget:\n  maxFiles: many\n");
    expect(await run(bin, ["validate-config", "good.yml"], installed)).toMatchObject({
      code: 0,
      stdout: "good.yml: valid\n",
    });
    const bad = await run(bin, ["validate-config", "bad.yml"], installed);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("bad.yml: diffBudget.maxFiles: ");
  });

  it("report --help prints its usage", async () => {
    const help = await run(bin, ["report", "--help"], installed);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: hotfix-bot report");
    expect(help.stdout).toContain("--repo");
  });

  it("demo --fast --json plays the whole incident on the bundled sandbox", async () => {
    const demo = await run(bin, ["demo", "--fast", "--json"], installed, 300_000);
    expect(demo.stderr).not.toMatch(/ERR_MODULE_NOT_FOUND|Cannot find (package|module)/);
    expect(demo.code).toBe(0);
    const outcome = JSON.parse(demo.stdout.trimEnd().split("\n").at(-1) ?? "") as {
      tag: string;
      backports: { target: string }[];
      followUps: unknown[];
    };
    expect(outcome.tag).toMatch(/^hotfix-\d{8}-\d{4}$/);
    expect(outcome.backports.map((b) => b.target).sort()).toEqual(["develop", "release/1.x"]);
    expect(outcome.followUps.length).toBeGreaterThan(0);
  }, 330_000);
});
