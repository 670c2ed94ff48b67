import type { HotfixConfig, Severity } from "../config/schema.js";
import type { EngineContext } from "../context.js";
import { ensureBotComment } from "../incident/bot-comment.js";
import { addEntry, emptyTimeline, type IntakeState, type TimelineState } from "../incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../incident/upsert-timeline.js";
import { writtenBefore } from "../route.js";
import { httpStatus } from "../util/http-status.js";
import { logWith } from "../util/log-with.js";
import { checklistComment, checklistMarker } from "./checklist.js";
import { cutIncidentBranch } from "./cut-incident-branch.js";
import { incidentReport, incidentReportPath } from "./incident-report.js";
import type { IncidentIssue } from "./intake-trigger.js";
import { assignIncident } from "./team-requests.js";

export interface IntakeRequest {
  issue: IncidentIssue;
  trigger: "label" | "command";
  severity: Severity;
  /** Who declared the incident: the incident commander. */
  actor: string;
  /** When it was declared (the label or comment time). */
  at: string;
  /** The maintenance line to cut from (validated against productionBranches); null: the main line. */
  line: string | null;
}

export interface IntakeResult {
  incident: number;
  branch: string;
  /** False when everything was already done (a redelivery, or the label after `/hotfix`). */
  changed: boolean;
  /** The timeline as intake last wrote it (a person's view); absent when intake wrote none. */
  timeline?: string;
}

/** The recorded severity, if it is one: the state is read back from a comment anyone with write access can edit. */
function asSeverity(value: string | undefined): Severity | null {
  return value === "P0" || value === "P1" || value === "P2" ? value : null;
}

function hasLabel(labels: readonly string[], name: string): boolean {
  return labels.some((label) => label.toLowerCase() === name.toLowerCase());
}

/**
 * Makes an issue the incident: timeline (detected at, severity, commander), the severity label, the branch
 * `hotfix/incident-<n>`, optionally the incident report on it, and the checklist with the rollback plan. Each step
 * is skipped when the timeline or GitHub shows it done, so any number of deliveries end in the same one branch,
 * one timeline and one checklist. The timeline is written once, at the end: it records, the ref is the ledger.
 * A failure after the declaration was written keeps that timeline on the error, for the step's outcome.
 */
export async function runIntake(
  ctx: EngineContext,
  config: HotfixConfig,
  request: IntakeRequest,
): Promise<IntakeResult> {
  const written: { timeline?: string } = {};
  try {
    return await intakeSteps(ctx, config, request, written);
  } catch (error) {
    throw written.timeline === undefined ? error : writtenBefore(error, { timeline: written.timeline });
  }
}

async function intakeSteps(
  ctx: EngineContext,
  config: HotfixConfig,
  request: IntakeRequest,
  written: { timeline?: string },
): Promise<IntakeResult> {
  const { octokit, repo } = ctx;
  const n = request.issue.number;
  const timeline = await readTimeline(ctx, n);
  const before = timeline.state ?? emptyTimeline(n);
  let state: TimelineState = { ...before, incident: n };
  let recorded = timeline.state;
  let commentId = timeline.commentId;

  if (state.detectedAt === undefined) {
    state = {
      ...state,
      detectedAt: request.at,
      severity: state.severity ?? request.severity,
      commander: state.commander ?? request.actor,
    };
    const how = request.trigger === "label" ? `label ${config.severity.labels[request.severity]}` : "/hotfix";
    state = addEntry(state, {
      key: "declared",
      at: request.at,
      text: `Incident declared by @${request.actor} (${how}), severity ${request.severity}`,
      url: request.issue.url,
    });
    // The declaration is recorded before any other effect: a run that dies between intake's writes leaves a
    // timeline that says who declared what, and the sweep finishes intake from it (see sweep/tasks/finish-intake).
    ({ commentId, markdown: written.timeline } = await writeTimeline(ctx, n, commentId, state));
    recorded = state;
  }
  const severity = asSeverity(state.severity) ?? request.severity;
  const now = () => ctx.clock().toISOString();

  const label = config.severity.labels[severity];
  const labelled = state.entries.some((e) => e.key === "severity-label");
  if (!labelled && !hasLabel(request.issue.labels, label)) {
    await octokit.rest.issues.addLabels({ ...repo, issue_number: n, labels: [label] });
    state = addEntry(state, { key: "severity-label", at: now(), text: `Label ${label} added` });
  }

  // The hotfix team: the commander and team.assignees on the incident.
  state = await assignIncident(ctx, config, n, state);

  let intake: IntakeState | undefined = state.intake;
  if (!intake) {
    const line = request.line ?? config.productionBranch;
    const cut = await cutIncidentBranch(ctx, config, n, line);
    intake = {
      trigger: request.trigger,
      branch: cut.branch,
      cutFrom: cut.cutFrom,
      baseSha: cut.baseSha,
      productionSha: cut.productionSha,
      ...(line !== config.productionBranch ? { line } : {}),
      ...(cut.previousTag ? { previousTag: cut.previousTag } : {}),
    };
    state = addEntry(state, {
      key: "branch",
      at: now(),
      text: cut.created
        ? `Branch ${cut.branch} cut from ${cut.cutFrom} (${cut.baseSha.slice(0, 7)})`
        : `Branch ${cut.branch} already existed (${cut.baseSha.slice(0, 7)}); kept as it is`,
    });
  }

  if (config.intake.incidentReport && !intake.report) {
    intake = { ...intake, report: await commitIncidentReport(ctx, state, request, intake) };
    state = addEntry(state, {
      key: "incident-report",
      at: now(),
      text: `Incident report ${intake.report?.path ?? ""} committed to ${intake.branch}`,
    });
  }

  if (!intake.checklist) {
    const body = checklistComment({
      repo,
      incident: n,
      severity,
      branch: intake.branch,
      cutFrom: intake.cutFrom,
      baseSha: intake.baseSha,
      previousTag: intake.previousTag ?? null,
      productionSha: intake.productionSha,
      // The checklist and rollback plan speak of the incident's own line.
      config: { ...config, productionBranch: intake.line ?? config.productionBranch },
    });
    await ensureBotComment(ctx, n, checklistMarker(n), body);
    intake = { ...intake, checklist: true };
    state = addEntry(state, { key: "checklist", at: now(), text: "Checklist and rollback plan posted" });
  }
  state = { ...state, intake };

  const changed = JSON.stringify(state) !== JSON.stringify(timeline.state);
  if (JSON.stringify(state) !== JSON.stringify(recorded))
    ({ markdown: written.timeline } = await writeTimeline(ctx, n, commentId, state));
  else logWith(ctx.log, { incident: n }).info("intake already done");
  return {
    incident: n,
    branch: intake.branch,
    changed,
    ...(written.timeline === undefined ? {} : { timeline: written.timeline }),
  };
}

/**
 * Commits the incident report to the hotfix branch (one write). A file already there (a crash after this write)
 * is kept; the branch head then stands for the report's commit.
 */
async function commitIncidentReport(
  ctx: EngineContext,
  state: TimelineState,
  request: IntakeRequest,
  intake: IntakeState,
): Promise<{ path: string; commit: string }> {
  const { octokit, repo } = ctx;
  const detectedAt = state.detectedAt ?? request.at;
  const path = incidentReportPath({ title: request.issue.title, incident: request.issue.number, detectedAt });
  const content = incidentReport({
    incident: request.issue.number,
    title: request.issue.title,
    url: request.issue.url,
    severity: asSeverity(state.severity) ?? request.severity,
    detectedAt,
    commander: state.commander ?? request.actor,
    branch: intake.branch,
    previousTag: intake.previousTag?.name ?? null,
  });
  try {
    const { data } = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch: intake.branch,
      message: `Incident report for #${request.issue.number}`,
      content: Buffer.from(content, "utf8").toString("base64"),
    });
    return { path, commit: data.commit.sha ?? "" };
  } catch (error) {
    // 422 without a sha: the file exists.
    if (httpStatus(error) !== 422) throw error;
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${intake.branch}` });
    return { path, commit: ref.object.sha };
  }
}
