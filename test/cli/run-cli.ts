import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";

export const launcher = fileURLToPath(new URL("../../bin/hotfix-bot.js", import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed command the way a shell would: `node bin/hotfix-bot.js …`, which loads dist/cli/. */
export function runCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [launcher, ...args],
      {
        cwd: options.cwd,
        env: { PATH: process.env.PATH, ...options.env },
        timeout: options.timeoutMs ?? 20_000,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") return reject(error);
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}
