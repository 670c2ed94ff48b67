import { isFullSha } from "../git/git-store.js";
import { ApiError, notFound, validationFailed } from "../http/api-error.js";
import type { Handler, SandboxRequest } from "../http/handler.js";
import type { RouteTable } from "../http/route-table.js";
import { announce } from "../services/announce.js";
import { resolveCommit } from "../services/resolve.js";
import { checkAnnotationShape, checkRunShape, checkSuiteShape } from "../shapes/check-shapes.js";
import type {
  AppInfo,
  CheckAnnotationRecord,
  CheckRunRecord,
  CheckSuiteRecord,
  Repository,
  User,
} from "../state/model.js";
import type { World } from "../state/world.js";
import { bodyOf, json, numberParam, optionalString, paginate, paginated, repoOf } from "./common.js";

const STATUSES = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];
const CONCLUSIONS = [
  "action_required",
  "cancelled",
  "failure",
  "neutral",
  "success",
  "skipped",
  "stale",
  "timed_out",
];
/** Suite conclusion: the first of these any run has wins. */
const PRECEDENCE = [
  "action_required",
  "cancelled",
  "timed_out",
  "failure",
  "neutral",
  "skipped",
  "stale",
  "success",
];
const MAX_OUTPUT = 65535;

function installationOf(req: SandboxRequest): { app: AppInfo; user: User } {
  if (req.identity.kind !== "installation")
    throw new ApiError(403, "You must authenticate via a GitHub App.");
  return { app: req.identity.app, user: req.identity.user };
}

/** A check run as the REST API answers it: its suite by id, as on GitHub (a page of runs stays small). */
function render(world: World, repo: Repository, run: CheckRunRecord) {
  return checkRunShape(world, repo, run, { id: run.suiteId });
}

/** A check run as a `check_run` webhook carries it: with its whole suite. */
async function renderForWebhook(world: World, repo: Repository, run: CheckRunRecord) {
  const suite = repo.checkSuites.get(run.suiteId);
  const head = await repo.store.readCommit(run.headSha);
  const checkSuite = suite && head ? checkSuiteShape(world, repo, suite, head) : { id: run.suiteId };
  return checkRunShape(world, repo, run, checkSuite);
}

function dateField(body: Record<string, unknown>, field: string): string | undefined {
  const value = optionalString(body, field);
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw validationFailed([{ resource: "CheckRun", field, code: "invalid", value }]);
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const LEVELS = ["notice", "warning", "failure"] as const;

/** One entry of `output.annotations`, checked as GitHub does: path, lines, level and message are required. */
function annotationOf(raw: unknown): CheckAnnotationRecord {
  const invalid = (field: string) =>
    validationFailed([{ resource: "CheckRun", field: `output.annotations.${field}`, code: "invalid" }]);
  if (typeof raw !== "object" || raw === null) throw invalid("item");
  const fields = raw as Record<string, unknown>;
  const line = (field: string, required: boolean): number | null => {
    const value = fields[field];
    if (value === undefined || value === null) {
      if (required) throw invalid(field);
      return null;
    }
    if (!Number.isSafeInteger(value) || (value as number) < 1) throw invalid(field);
    return value as number;
  };
  const path = optionalString(fields, "path");
  const message = optionalString(fields, "message");
  const level = optionalString(fields, "annotation_level");
  if (!path) throw invalid("path");
  if (message === undefined) throw invalid("message");
  if (!LEVELS.includes(level as (typeof LEVELS)[number])) throw invalid("annotation_level");
  for (const [field, value] of [
    ["message", message],
    ["title", optionalString(fields, "title")],
    ["raw_details", optionalString(fields, "raw_details")],
  ] as const) {
    // GitHub's limit: 64 KB per message, title and raw details.
    if (value !== undefined && value.length > 65_535) throw invalid(field);
  }
  return {
    path,
    startLine: line("start_line", true) as number,
    endLine: line("end_line", true) as number,
    startColumn: line("start_column", false),
    endColumn: line("end_column", false),
    level: level as CheckAnnotationRecord["level"],
    title: optionalString(fields, "title") ?? null,
    message,
    rawDetails: optionalString(fields, "raw_details") ?? null,
  };
}

/** Applies the writable fields of a check run body (create and update share them). */
function applyFields(world: World, run: CheckRunRecord, body: Record<string, unknown>): void {
  const name = optionalString(body, "name");
  if (name !== undefined) run.name = name;
  const detailsUrl = optionalString(body, "details_url");
  if (detailsUrl !== undefined) run.detailsUrl = detailsUrl;
  const externalId = optionalString(body, "external_id");
  if (externalId !== undefined) run.externalId = externalId;
  const startedAt = dateField(body, "started_at");
  if (startedAt !== undefined) run.startedAt = startedAt;
  const status = optionalString(body, "status");
  if (status !== undefined && !STATUSES.includes(status)) {
    throw validationFailed([{ resource: "CheckRun", field: "status", code: "invalid", value: status }]);
  }
  const conclusion = optionalString(body, "conclusion");
  if (conclusion !== undefined && !CONCLUSIONS.includes(conclusion)) {
    throw validationFailed([
      { resource: "CheckRun", field: "conclusion", code: "invalid", value: conclusion },
    ]);
  }
  if (status === "completed" && conclusion === undefined && run.conclusion === null) {
    throw new ApiError(422, 'Invalid request.\n\n"conclusion" wasn\'t supplied.');
  }
  if (conclusion !== undefined) {
    run.status = "completed";
    run.conclusion = conclusion;
    run.completedAt = dateField(body, "completed_at") ?? world.now();
  } else if (status !== undefined) {
    run.status = status as CheckRunRecord["status"];
    if (status !== "completed") {
      run.conclusion = null;
      run.completedAt = null;
    }
  }
  if (run.status === "in_progress" && run.startedAt === null) run.startedAt = world.now();
  const output = body.output;
  if (output !== undefined && output !== null) {
    if (typeof output !== "object")
      throw validationFailed([{ resource: "CheckRun", field: "output", code: "invalid" }]);
    const fields = output as Record<string, unknown>;
    const title = optionalString(fields, "title");
    const summary = optionalString(fields, "summary");
    const text = optionalString(fields, "text");
    if (summary === undefined) throw new ApiError(422, 'Invalid request.\n\n"summary" wasn\'t supplied.');
    for (const [field, value] of [
      ["summary", summary],
      ["text", text],
    ] as const) {
      if (value !== undefined && value.length > MAX_OUTPUT) {
        throw new ApiError(
          422,
          `Invalid request.\n\nOnly ${MAX_OUTPUT} characters are allowed in output.${field}; ${value.length} were supplied.`,
        );
      }
    }
    const annotations = Array.isArray(fields.annotations) ? fields.annotations : [];
    if (annotations.length > 50)
      throw new ApiError(422, "Invalid request.\n\nOnly 50 annotations are allowed per request.");
    run.output = {
      title: title ?? run.output.title,
      summary,
      text: text ?? run.output.text,
      // GitHub appends the annotations of each request to those the run has.
      annotations: [...run.output.annotations, ...annotations.map(annotationOf)],
    };
  }
  if (Array.isArray(body.actions)) run.actions = body.actions as CheckRunRecord["actions"];
}

/** Recomputes a suite from its runs and announces `check_suite completed` when it becomes complete. */
async function refreshSuite(
  world: World,
  repo: Repository,
  suite: CheckSuiteRecord,
  actor: User,
): Promise<void> {
  const runs = [...repo.checkRuns.values()].filter((run) => run.suiteId === suite.id);
  const wasCompleted = suite.status === "completed";
  const allDone = runs.length > 0 && runs.every((run) => run.status === "completed");
  suite.status = allDone
    ? "completed"
    : runs.some((run) => run.status === "in_progress")
      ? "in_progress"
      : "queued";
  suite.conclusion = allDone
    ? (PRECEDENCE.find((c) => runs.some((run) => run.conclusion === c)) ?? "success")
    : null;
  suite.updatedAt = world.now();
  if (allDone && !wasCompleted) {
    const head = await repo.store.readCommit(suite.headSha);
    if (head)
      announce(world, repo, "check_suite", actor, {
        action: "completed",
        check_suite: checkSuiteShape(world, repo, suite, head),
      });
  }
}

function suiteFor(world: World, repo: Repository, app: AppInfo, headSha: string): CheckSuiteRecord {
  for (const suite of repo.checkSuites.values()) {
    if (suite.app === app && suite.headSha === headSha) return suite;
  }
  const branch = repo.refs.list("refs/heads/").find((entry) => entry.sha === headSha);
  const now = world.now();
  const suite: CheckSuiteRecord = {
    id: world.nextId(),
    headSha,
    headBranch: branch ? branch.ref.slice("refs/heads/".length) : null,
    app,
    createdAt: now,
    updatedAt: now,
    status: "queued",
    conclusion: null,
    rerequestable: true,
  };
  repo.checkSuites.set(suite.id, suite);
  return suite;
}

/** `filter=latest` (default): the newest run per name; `all`: every run. Newest first. */
function selectRuns(req: SandboxRequest, runs: CheckRunRecord[]): CheckRunRecord[] {
  let selected = [...runs].sort((a, b) => b.id - a.id);
  const name = req.query.get("check_name");
  if (name !== null) selected = selected.filter((run) => run.name === name);
  const status = req.query.get("status");
  if (status !== null) selected = selected.filter((run) => run.status === status);
  const appId = req.query.get("app_id");
  if (appId !== null) selected = selected.filter((run) => String(run.app.id) === appId);
  if ((req.query.get("filter") ?? "latest") === "latest") {
    const seen = new Set<string>();
    selected = selected.filter((run) => {
      const key = `${run.app.id}:${run.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  return selected;
}

async function listRuns(world: World, repo: Repository, req: SandboxRequest, runs: CheckRunRecord[]) {
  const selected = selectRuns(req, runs);
  const { page, headers } = paginate(world, req, selected);
  const checkRuns = page.map((run) => render(world, repo, run));
  return json(200, { total_count: selected.length, check_runs: checkRuns }, headers);
}

export function registerCheckRoutes(table: RouteTable<Handler>): void {
  table.add("POST", "/repos/{owner}/{repo}/check-runs", async (req, world) => {
    const repo = repoOf(world, req);
    const { app, user } = installationOf(req);
    const body = bodyOf(req);
    const name = optionalString(body, "name");
    const headSha = optionalString(body, "head_sha");
    if (!name) throw validationFailed([{ resource: "CheckRun", field: "name", code: "missing_field" }]);
    if (!headSha)
      throw validationFailed([{ resource: "CheckRun", field: "head_sha", code: "missing_field" }]);
    if (!isFullSha(headSha) || !(await repo.store.readCommit(headSha))) {
      throw validationFailed([
        {
          resource: "CheckRun",
          field: "head_sha",
          code: "invalid",
          message: `No commit found for SHA: ${headSha}`,
        },
      ]);
    }
    const suite = suiteFor(world, repo, app, headSha);
    const run: CheckRunRecord = {
      id: world.nextId(),
      suiteId: suite.id,
      name,
      headSha,
      app,
      status: "queued",
      conclusion: null,
      startedAt: world.now(),
      completedAt: null,
      detailsUrl: null,
      externalId: null,
      output: { title: null, summary: null, text: null, annotations: [] },
      actions: [],
    };
    applyFields(world, run, body);
    repo.checkRuns.set(run.id, run);
    announce(world, repo, "check_run", user, {
      action: "created",
      check_run: await renderForWebhook(world, repo, run),
    });
    // A run created already completed is also announced as completed, as CI systems posting results expect.
    if (run.status === "completed") {
      announce(world, repo, "check_run", user, {
        action: "completed",
        check_run: await renderForWebhook(world, repo, run),
      });
    }
    await refreshSuite(world, repo, suite, user);
    return json(201, render(world, repo, run));
  });

  table.add("GET", "/repos/{owner}/{repo}/check-runs/{check_run_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const run = repo.checkRuns.get(numberParam(req, "check_run_id"));
    if (!run) throw notFound();
    return json(200, render(world, repo, run));
  });

  table.add("GET", "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", async (req, world) => {
    const repo = repoOf(world, req);
    const run = repo.checkRuns.get(numberParam(req, "check_run_id"));
    if (!run) throw notFound();
    return paginated(world, req, run.output.annotations, (annotation) =>
      checkAnnotationShape(world, repo, run, annotation),
    );
  });

  table.add("PATCH", "/repos/{owner}/{repo}/check-runs/{check_run_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const { app, user } = installationOf(req);
    const run = repo.checkRuns.get(numberParam(req, "check_run_id"));
    if (!run) throw notFound();
    if (run.app !== app)
      throw new ApiError(
        403,
        `Invalid app_id \`${app.id}\` - check run can only be modified by the GitHub App that created it.`,
      );
    const body = bodyOf(req);
    applyFields(world, run, body);
    const touchedCompletion = body.conclusion !== undefined || body.status === "completed";
    if (run.status === "completed" && touchedCompletion) {
      announce(world, repo, "check_run", user, {
        action: "completed",
        check_run: await renderForWebhook(world, repo, run),
      });
    }
    const suite = repo.checkSuites.get(run.suiteId);
    if (suite) await refreshSuite(world, repo, suite, user);
    return json(200, render(world, repo, run));
  });

  table.add("POST", "/repos/{owner}/{repo}/check-runs/{check_run_id}/rerequest", async (req, world) => {
    const repo = repoOf(world, req);
    const run = repo.checkRuns.get(numberParam(req, "check_run_id"));
    if (!run) throw notFound();
    const actor =
      req.identity.kind === "user" || req.identity.kind === "installation" ? req.identity.user : null;
    if (!actor) throw new ApiError(401, "Requires authentication");
    announce(world, repo, "check_run", actor, {
      action: "rerequested",
      check_run: await renderForWebhook(world, repo, run),
    });
    return json(201, {});
  });

  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/check-runs", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(422, `No commit found for SHA: ${req.params.ref}`);
    return listRuns(
      world,
      repo,
      req,
      [...repo.checkRuns.values()].filter((run) => run.headSha === sha),
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/check-suites/{check_suite_id}/check-runs", async (req, world) => {
    const repo = repoOf(world, req);
    const suiteId = numberParam(req, "check_suite_id");
    if (!repo.checkSuites.has(suiteId)) throw notFound();
    return listRuns(
      world,
      repo,
      req,
      [...repo.checkRuns.values()].filter((run) => run.suiteId === suiteId),
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/commits/{ref+}/check-suites", async (req, world) => {
    const repo = repoOf(world, req);
    const sha = await resolveCommit(repo, req.params.ref ?? "");
    if (!sha) throw new ApiError(422, `No commit found for SHA: ${req.params.ref}`);
    const head = await repo.store.readCommit(sha);
    let suites = [...repo.checkSuites.values()].filter((suite) => suite.headSha === sha);
    const appId = req.query.get("app_id");
    if (appId !== null) suites = suites.filter((suite) => String(suite.app.id) === appId);
    const { page, headers } = paginate(world, req, suites);
    return json(
      200,
      {
        total_count: suites.length,
        check_suites: head ? page.map((suite) => checkSuiteShape(world, repo, suite, head)) : [],
      },
      headers,
    );
  });

  table.add("GET", "/repos/{owner}/{repo}/check-suites/{check_suite_id}", async (req, world) => {
    const repo = repoOf(world, req);
    const suite = repo.checkSuites.get(numberParam(req, "check_suite_id"));
    if (!suite) throw notFound();
    const head = await repo.store.readCommit(suite.headSha);
    if (!head) throw notFound();
    return json(200, checkSuiteShape(world, repo, suite, head));
  });

  table.add("POST", "/repos/{owner}/{repo}/check-suites", async (req, world) => {
    const repo = repoOf(world, req);
    const { app } = installationOf(req);
    const headSha = optionalString(bodyOf(req), "head_sha");
    if (!headSha || !isFullSha(headSha))
      throw validationFailed([{ resource: "CheckSuite", field: "head_sha", code: "invalid" }]);
    const head = await repo.store.readCommit(headSha);
    if (!head) throw validationFailed([{ resource: "CheckSuite", field: "head_sha", code: "invalid" }]);
    const existed = [...repo.checkSuites.values()].some(
      (suite) => suite.app === app && suite.headSha === headSha,
    );
    const suite = suiteFor(world, repo, app, headSha);
    return json(existed ? 200 : 201, checkSuiteShape(world, repo, suite, head));
  });

  table.add("POST", "/repos/{owner}/{repo}/check-suites/{check_suite_id}/rerequest", async (req, world) => {
    const repo = repoOf(world, req);
    const suite = repo.checkSuites.get(numberParam(req, "check_suite_id"));
    if (!suite) throw notFound();
    const actor =
      req.identity.kind === "user" || req.identity.kind === "installation" ? req.identity.user : null;
    if (!actor) throw new ApiError(401, "Requires authentication");
    const head = await repo.store.readCommit(suite.headSha);
    if (head)
      announce(world, repo, "check_suite", actor, {
        action: "rerequested",
        check_suite: checkSuiteShape(world, repo, suite, head),
      });
    return json(201, {});
  });
}
