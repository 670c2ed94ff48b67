import type { Command } from "./command.js";

export interface CommandEntry {
  name: string;
  summary: string;
  /** Loaded only when the command runs, so that `check-title` never loads the sandbox or Octokit. */
  load: () => Promise<Command>;
}

export const commands: CommandEntry[] = [
  {
    name: "demo",
    summary: "play a whole incident offline on the sandbox with the real App",
    load: async () => (await import("./demo.js")).command,
  },
  {
    name: "check-title",
    summary: "check a pull request title against the title rule",
    load: async () => (await import("./check-title.js")).command,
  },
  {
    name: "validate-config",
    summary: "validate a .github/hotfix.yml file",
    load: async () => (await import("./validate-config.js")).command,
  },
  {
    name: "sweep",
    summary: "finish hotfix workflows left half done (--repo owner/name)",
    load: async () => (await import("./sweep.js")).sweepCommand("sweep"),
  },
  {
    name: "reconcile",
    summary: "the sweep, under its former name",
    load: async () => (await import("./sweep.js")).sweepCommand("reconcile"),
  },
  {
    name: "report",
    summary: "recovery metrics of a repository's hotfix incidents (--repo owner/name)",
    load: async () => (await import("./report.js")).command,
  },
  {
    name: "sandbox",
    summary: "start a local git-backed GitHub seeded with acme/webshop",
    load: async () => (await import("./sandbox.js")).command,
  },
];
