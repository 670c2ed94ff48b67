import {
  EXIT,
  UsageError,
  errorMessage,
  isErrorOfKind
} from "./chunks/chunk-BLGKLY6J.js";

// src/cli/commands.ts
var commands = [
  {
    name: "demo",
    summary: "play a whole incident offline on the sandbox with the real App",
    load: async () => (await import("./chunks/demo-WYZUZEZV.js")).command
  },
  {
    name: "check-title",
    summary: "check a pull request title against the title rule",
    load: async () => (await import("./chunks/check-title-F7NJJVFA.js")).command
  },
  {
    name: "validate-config",
    summary: "validate a .github/hotfix.yml file",
    load: async () => (await import("./chunks/validate-config-BNXL4PTG.js")).command
  },
  {
    name: "sweep",
    summary: "finish hotfix workflows left half done (--repo owner/name)",
    load: async () => (await import("./chunks/sweep-EFJ2VKGZ.js")).sweepCommand("sweep")
  },
  {
    name: "reconcile",
    summary: "the sweep, under its former name",
    load: async () => (await import("./chunks/sweep-EFJ2VKGZ.js")).sweepCommand("reconcile")
  },
  {
    name: "report",
    summary: "recovery metrics of a repository's hotfix incidents (--repo owner/name)",
    load: async () => (await import("./chunks/report-BJLVOG4U.js")).command
  },
  {
    name: "sandbox",
    summary: "start a local git-backed GitHub seeded with acme/webshop",
    load: async () => (await import("./chunks/sandbox-WIFE6Q7L.js")).command
  }
];

// src/cli/io.ts
function processIo() {
  return {
    stdout: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}
`),
    stderr: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}
`),
    env: process.env,
    cwd: process.cwd()
  };
}

// src/cli/own-version.ts
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
var PACKAGE_NAME = "hotfix-bot";
function ownVersion(moduleUrl = import.meta.url) {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (; ; ) {
    const manifest = readManifest(join(dir, "package.json"));
    if (manifest?.name === PACKAGE_NAME && typeof manifest.version === "string") return manifest.version;
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(`no package.json of ${PACKAGE_NAME} above ${fileURLToPath(moduleUrl)}`);
    dir = parent;
  }
}
function readManifest(path) {
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return null;
  }
}

// src/cli.ts
function usage() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: hotfix-bot <command> [options]",
    "       hotfix-bot --version",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    'Run "hotfix-bot <command> --help" for the options of a command.',
    ""
  ].join("\n");
}
async function main(argv, io = processIo()) {
  const [name, ...rest] = argv;
  if (name === void 0) {
    io.stderr(usage());
    return EXIT.usage;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout(usage());
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout(ownVersion());
    return EXIT.ok;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) {
    io.stderr(`hotfix-bot: unknown command "${name}"

${usage()}`);
    return EXIT.usage;
  }
  try {
    const command = await entry.load();
    return await command.run(rest, io);
  } catch (error) {
    const message = errorMessage(error);
    if (isErrorOfKind(error, "usage")) {
      const hint = error instanceof UsageError ? `
Run "hotfix-bot ${name} --help" for usage.` : "";
      io.stderr(`hotfix-bot ${name}: ${message}${hint}`);
      return EXIT.usage;
    }
    io.stderr(`hotfix-bot ${name}: ${message}`);
    return EXIT.failed;
  }
}
export {
  main
};
