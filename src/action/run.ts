import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import * as core from "@actions/core";
import { loadConfig } from "../config/load-config.js";
import type { ConfigResult } from "../config/parse-config.js";
import type { Log } from "../context.js";
import { failureOf, settleEvent } from "../engine.js";
import { createEngineContext, createEngineLocks } from "../engine-context.js";
import { createTokenOctokit } from "../github/token-octokit.js";
import { channelsFromInputs } from "../incident/notify/notify-channels.js";
import { generateReport } from "../metrics/report.js";
import { type EngineOutcome, isDeliberateStop } from "../route.js";
import { sweepOneRepository } from "../sweep/sweep-repository.js";
import { errorMessage } from "../util/errors.js";
import { textLog } from "../util/text-log.js";
import { isRefusalMessage } from "./dry-run.js";
import { parseInputs } from "./inputs.js";
import { actionOutputs } from "./outputs.js";
import { RECONCILE_EVENTS, reconcileFailure, renderReconcile } from "./reconcile-summary.js";
import { type RecordedWrite, recordWrites } from "./record-writes.js";
import { renderReportSummary } from "./report-summary.js";
import { readRunnerContext } from "./runner-env.js";
import { renderSummary, type SummaryInput } from "./summary.js";
import { tokenApp, tokenIdentity, unsealedStateWarning } from "./token-app.js";
import { tokenKind } from "./token-kind.js";

const coreLog: Log = textLog({
  debug: (line) => core.debug(line),
  info: (line) => core.info(line),
  warn: (line) => core.warning(line),
  error: (line) => core.error(line),
});

/** Loads the configuration at most once, and tells afterwards whether anything asked for it. */
function memoConfig(load: () => Promise<ConfigResult>) {
  let loaded: Promise<ConfigResult> | undefined;
  return {
    get: () => {
      loaded ??= load();
      return loaded;
    },
    requested: () => loaded,
  };
}

/**
 * The Action adapter: maps the step's inputs and the runner's context to the engine's context, calls the
 * engine, and turns its outcome into outputs, a job summary and the step's status. No workflow logic here.
 */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Masked before anything can print them, even when an input turns out invalid; each value once (by default
  // both token inputs are the workflow's token).
  const secrets = new Set([
    core.getInput("github-token"),
    core.getInput("workflow-token"),
    core.getInput("state-secret"),
    // A webhook URL is its channel's secret.
    core.getInput("notify-slack"),
    core.getInput("notify-teams"),
    core.getInput("notify-webhook"),
    env.GITHUB_TOKEN,
  ]);
  for (const value of secrets) if (value) core.setSecret(value);

  const writes: RecordedWrite[] = [];
  const summary: SummaryInput = {
    repo: env.GITHUB_REPOSITORY ?? "",
    event: env.GITHUB_EVENT_NAME ?? "",
    outcome: null,
    gate: "",
    writes,
    tokenKind: "unknown",
    dryRun: false,
  };
  let failed: string | undefined;
  try {
    const inputs = parseInputs((name) => core.getInput(name));
    const runner = readRunnerContext(env);
    summary.repo = `${runner.repo.owner}/${runner.repo.repo}`;
    summary.dryRun = inputs.dryRun;
    summary.tokenKind = tokenKind(inputs.token, {
      workflowToken: inputs.workflowToken,
      envToken: env.GITHUB_TOKEN,
    });

    const octokit = recordWrites(
      createTokenOctokit({
        token: inputs.token,
        apiUrl: runner.apiUrl,
        log: coreLog,
        userAgent: "hotfix-bot-action",
        pacing: runner.pacing,
      }),
      { writes, dryRun: inputs.dryRun, log: coreLog },
    );
    const config = memoConfig(() => loadConfig(octokit, runner.repo, inputs.configPath));
    const app = tokenApp({ app: inputs.app, kind: summary.tokenKind });
    if (!inputs.stateSecret) {
      summary.stateWarning = unsealedStateWarning("id" in app ? `App ${app.id}` : app.slug);
      core.warning(summary.stateWarning);
    }
    const ctx = createEngineContext({
      octokit,
      repo: runner.repo,
      log: coreLog,
      locks: createEngineLocks(),
      identity: () => tokenIdentity(octokit, app, inputs.stateSecret),
      readConfig: config.get,
      notifyChannels: channelsFromInputs(inputs.notify, { dryRun: inputs.dryRun }),
    });

    let outcome: EngineOutcome | null = null;
    let reconcileProblem: string | null = null;
    try {
      if (RECONCILE_EVENTS.has(runner.event.name)) {
        const report = await sweepOneRepository(ctx);
        summary.reconcile = renderReconcile(report);
        // In a dry run every pipeline stops at its first (refused) write; that is no failure.
        const unfinished = inputs.dryRun
          ? report.failed.filter((f) => !isRefusalMessage(f.error))
          : report.failed;
        reconcileProblem = reconcileFailure({
          ...report,
          failed: unfinished,
          results: report.results.filter((r) => !(inputs.dryRun && isRefusalMessage(r.detail))),
        });
      } else {
        // Settled rather than thrown: what the steps rendered before a failure still reaches the summary.
        const settled = await settleEvent(runner.event, ctx);
        outcome = settled.outcome;
        const failure = failureOf(settled, runner.event);
        if (failure) summary.failure = errorMessage(failure);
        // A dry run stops each step at its first write by design; outside one, a step that stopped did not finish.
        else if (!inputs.dryRun && outcome.stopped.length > 0)
          summary.failure = outcome.stopped.map((stop) => `${stop.step} stopped: ${stop.reason}`).join("; ");
      }
    } catch (error) {
      // The sweep catches each task's failure; a refused write that still escapes it is a dry run doing its job.
      if (!(inputs.dryRun && isDeliberateStop(error))) summary.failure = errorMessage(error);
    }
    summary.outcome = outcome;
    if (inputs.reportHtml) {
      // Reads only: the report of the repository's incidents, as one HTML page for an artifact.
      try {
        const report = await generateReport(ctx);
        const file = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), inputs.reportHtml);
        await writeFile(file, report.html());
        core.setOutput("report-path", file);
        summary.report = renderReportSummary(report.metrics, inputs.reportHtml);
      } catch (error) {
        summary.failure ??= `report-html: ${errorMessage(error)}`;
      }
    }
    if (reconcileProblem && !summary.failure) summary.failure = reconcileProblem;

    // Only when the engine needed the configuration: an event that is not ours costs no read.
    const requested = config.requested();
    if (requested) {
      const result = await requested.catch(() => null);
      if (result && !result.ok) summary.configError = result.error.message;
    }

    const outputs = actionOutputs(outcome ?? {});
    summary.gate = outputs.gate;
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);

    if (summary.configError) failed = summary.configError;
    else if (summary.failure) failed = summary.failure;
    else if (outputs.gate === "failure") {
      const title = outcome?.gate?.summary ?? "";
      failed = `hotfix-gate failed${title ? `: ${title}` : ""}`;
    }
  } catch (error) {
    summary.failure = errorMessage(error);
    failed = summary.failure;
  }

  try {
    await core.summary.addRaw(renderSummary(summary)).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${errorMessage(error)}`);
  }
  // A dry run refuses writes by design: one notice says so (the summary lists them), never an error annotation.
  const refused = writes.filter((write) => write.result === "refused");
  if (summary.dryRun && refused.length > 0) {
    core.notice(
      `Dry run: ${refused.length} write${refused.length === 1 ? "" : "s"} not sent (${refused
        .map((write) => `${write.method} ${write.path}`)
        .join(", ")}); the job summary shows what would have been written.`,
    );
  }
  if (failed) core.setFailed(failed);
}
