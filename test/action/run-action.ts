import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const bundle = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Reads the `name<<DELIMITER … DELIMITER` records @actions/core appends to the GITHUB_OUTPUT file. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const head = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? "");
    if (!head?.[1] || !head[2]) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== head[2]; i++) value.push(lines[i] ?? "");
    outputs[head[1]] = value.join("\n");
  }
  return outputs;
}

/**
 * Runs the bundled Action the way a runner does: a fresh node process on dist/index.js, inputs as `INPUT_*`
 * variables (dashes kept, as runners keep them), the payload in a file named by GITHUB_EVENT_PATH, and the
 * GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files read back afterwards.
 */
export async function runAction(input: {
  event: string;
  payload: unknown;
  apiUrl: string;
  repository: string;
  inputs: Record<string, string>;
  env?: Record<string, string>;
  /** Node's arguments; default the bundle. The sources run with `["--import", "tsx", "src/action/index.ts"]`. */
  entry?: string[];
}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "hotfix-bot-action-"));
  try {
    const eventPath = join(dir, "event.json");
    const outputPath = join(dir, "output");
    const summaryPath = join(dir, "summary.md");
    writeFileSync(eventPath, JSON.stringify(input.payload));
    writeFileSync(outputPath, "");
    writeFileSync(summaryPath, "");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: input.event,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_API_URL: input.apiUrl,
      GITHUB_REPOSITORY: input.repository,
      GITHUB_RUN_ID: "1001",
      GITHUB_RUN_ATTEMPT: "1",
      GITHUB_OUTPUT: outputPath,
      GITHUB_STEP_SUMMARY: summaryPath,
      ...Object.fromEntries(
        Object.entries(input.inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
      ),
      ...input.env,
    };
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve, reject) => {
        execFile(
          process.execPath,
          input.entry ?? [bundle],
          { env, timeout: 60_000 },
          (error, stdout, stderr) => {
            if (error && typeof error.code !== "number") return reject(error);
            resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
          },
        );
      },
    );
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(readFileSync(outputPath, "utf8")),
      summary: readFileSync(summaryPath, "utf8"),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
