import {
  EXIT,
  UsageError
} from "./chunks/chunk-UNCCS3NG.js";

// src/cli/commands.ts
var commands = [
  {
    name: "demo",
    summary: "play a whole incident offline on the sandbox with the real App",
    load: async () => (await import("./chunks/demo-5IM7QD3C.js")).command
  },
  {
    name: "check-title",
    summary: "check a pull request title against the title rule",
    load: async () => (await import("./chunks/check-title-KMLPMIHS.js")).command
  },
  {
    name: "validate-config",
    summary: "validate a .github/hotfix.yml file",
    load: async () => (await import("./chunks/validate-config-2PGQSRPG.js")).command
  },
  {
    name: "reconcile",
    summary: "finish after-merge pipelines left half done (--repo owner/name)",
    load: async () => (await import("./chunks/reconcile-S6A7A5TO.js")).command
  },
  {
    name: "report",
    summary: "recovery metrics of a repository's hotfix incidents (--repo owner/name)",
    load: async () => (await import("./chunks/report-XWWO4KOK.js")).command
  },
  {
    name: "sandbox",
    summary: "start a local git-backed GitHub seeded with acme/webshop",
    load: async () => (await import("./chunks/sandbox-FGSGU2PW.js")).command
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

// src/cli.ts
function usage() {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    "Usage: hotfix-bot <command> [options]",
    "",
    "Commands:",
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    'Run "hotfix-bot <command> --help" for the options of a command.',
    ""
  ].join("\n");
}
function isUsageProblem(error) {
  return error instanceof UsageError || error instanceof Error && ["ConfigFileReadError", "CliEnvError"].includes(error.name);
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
    const message = error instanceof Error ? error.message : String(error);
    if (isUsageProblem(error)) {
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
