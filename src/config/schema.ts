import { z } from "zod";
import { branchPatternProblems } from "../patterns/branch-pattern.js";
import { globProblem } from "../patterns/glob.js";
import { isProductionLine, type ProductionLines } from "../patterns/production-lines.js";
import { MILESTONES } from "./notify-milestones.js";
import {
  ANY_BRACES,
  DEPLOY_PLACEHOLDERS,
  ENVIRONMENT_PLACEHOLDERS,
  FOLLOW_UP_PLACEHOLDERS,
  placeholderList,
  TITLE_PLACEHOLDERS,
  withPlaceholders,
} from "./placeholders.js";

/**
 * The schema of `.github/hotfix.yml`. Every object is strict so that a typo in a key is reported instead of
 * silently ignored, and every field has a default so that an empty file (or no file) is a working setup.
 */

const branchName = z
  .string()
  .min(1)
  .max(255)
  .regex(/^(?!\/|.*\/\/|.*\.\.|.*\.lock$|.*[/.]$)[A-Za-z0-9._/-]+$/, "a plain git branch name");

const checkNamePattern = z.string().min(1).max(200).describe("a check run name, or a glob with * wildcards");

/**
 * Every list in the file is bounded, so that no configuration can make one event cost unbounded work (each entry
 * is matched against every check run, file or branch the event brings).
 */
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, `at most ${max} entries`);

/** A glob from `globMatcher`'s syntax; unsupported syntax is refused with its reason. */
const glob = z
  .string()
  .min(1)
  .max(200)
  .superRefine((pattern, ctx) => {
    // zod runs this even when `max` failed: a megabyte of `*a` must not reach the parser (its recursion).
    if (pattern.length > 200) return;
    const problem = globProblem(pattern);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const appReference = z
  .union([
    z.number().int().positive().describe("the App's id"),
    z
      .string()
      .max(100)
      .regex(/^[a-z0-9][a-z0-9-]*$/i, "an App slug (github-actions) or an App id")
      .describe("the App's slug"),
  ])
  .describe("the GitHub App that must report the check (its id survives a rename of the App)");

/**
 * Who must have created a commit status: a user's login (a CI service account, or an App's `name[bot]`) or
 * user id. Statuses carry no App, only the user (or App bot user) that created them.
 */
const creatorReference = z
  .union([
    z.number().int().positive().describe("the creator's user id (it survives a rename)"),
    z
      .string()
      .max(100)
      .regex(/^[a-z0-9][a-z0-9-]*(\[bot\])?$/i, "a GitHub login (jenkins-ci, buildkite[bot]) or a user id")
      .describe("the creator's login"),
  ])
  .describe("the user that must create the commit status for it to count");

/**
 * A required check: a plain name or glob, reported as a check run or a commit status (any App or creator may
 * report it; each one's newest result must pass); `{ name, app }`, a check run pinned to the App that must report
 * it; or `{ name, creator }`, a commit status pinned to the user that must create it. Read as
 * `{ name, app, creator }`, with null for what is not pinned.
 */
const requiredCheck = z
  .union([
    checkNamePattern,
    z.strictObject({ name: checkNamePattern, app: appReference }),
    z.strictObject({ name: checkNamePattern, creator: creatorReference }),
  ])
  .transform((entry) =>
    typeof entry === "string"
      ? { name: entry, app: null, creator: null }
      : "app" in entry
        ? { ...entry, creator: null }
        : { ...entry, app: null },
  );

export type RequiredCheck = z.output<typeof requiredCheck>;

/**
 * A notification channel is a name; its URL stays with the App (a webhook URL lets anyone post to the channel, and
 * a repository's files are read by everyone who can read the code). A URL here is refused with that reason.
 */
const notifyChannelName = z
  .string()
  .max(64)
  .superRefine((name, ctx) => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.includes("/")) {
      ctx.addIssue({
        code: "custom",
        message:
          "a channel is a name the App defines, never a URL: webhook URLs are secrets and belong in the App's " +
          "environment (HOTFIX_NOTIFY_SLACK_<NAME>=<url>) or the Action's notify-* inputs from secrets",
      });
    } else if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
      ctx.addIssue({ code: "custom", message: "a channel name: lowercase letters, digits and dashes" });
    }
  });

const severity = z.enum(["P0", "P1", "P2"]);

/** A duration such as `30m`, `12h` or `2d` (minutes, hours, days); at most a year. */
const duration = z
  .string()
  .max(10)
  .regex(/^[1-9][0-9]{0,5}[mhd]$/, "a duration such as 30m, 12h or 2d")
  .refine((text) => durationMs(text) <= 366 * 86_400_000, "at most a year (366d)");

/**
 * A follow-up's due time after the merge. At most 13 days: the sweep finds merged hotfixes from the last 14 days
 * (SWEEP_LOOKBACK_DAYS), so a later deadline would pass unseen.
 */
const deadline = duration.refine(
  (text) => durationMs(text) <= 13 * 86_400_000,
  "at most 13d (the sweep looks back 14 days)",
);

/** Milliseconds of a duration the schema accepted (`2d` → 172 800 000). */
export function durationMs(text: string): number {
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 }[text.slice(-1)] ?? Number.NaN;
  return Number(text.slice(0, -1)) * unit;
}

/**
 * Approvals for one severity; `required` and `timeoutMinutes` default per severity, so `P2: { from: [...] }` alone
 * is complete.
 */
const approvalRule = (required: number, timeoutMinutes: number | null) =>
  z
    .strictObject({
      required: z
        .number()
        .int()
        .min(0)
        .max(20)
        .default(required)
        .describe("approving reviews required before the gate passes"),
      from: list(z.string().min(1).max(100), 100)
        .default([])
        .describe("logins or org/team slugs whose approval counts; empty = anyone with write access"),
      // Fast-track approval: the policy's "reduced timeout, auto-approve if no response".
      timeoutMinutes: z
        .number()
        .int()
        .min(1)
        .max(1440)
        .nullable()
        .default(timeoutMinutes)
        .describe(
          "fast-track: once the PR is ready and every other row passes, the approvals row passes after this many minutes without a qualifying review (a post-deploy review follow-up is opened); null = wait for the approvals",
        ),
    })
    .prefault({})
    .describe("approvals for one severity");

// A typo in a placeholder would be copied into every follow-up issue unnoticed, so it is an error here.
const templateText = (max: number, min = 0) =>
  withPlaceholders(z.string().min(min).max(max), FOLLOW_UP_PLACEHOLDERS).describe(
    `text with placeholders ${placeholderList(FOLLOW_UP_PLACEHOLDERS)}`,
  );

/**
 * One follow-up issue. Each key defaults on its own, so `postMortem: { enabled: false }` or a new title alone
 * keeps the rest of that follow-up's defaults.
 */
const issueTemplate = (defaults: { title: string; body: string; labels: string[] }) =>
  z
    .strictObject({
      enabled: z.boolean().default(true),
      title: templateText(256, 1).default(defaults.title),
      body: templateText(60000).default(defaults.body),
      labels: list(z.string().min(1).max(50), 20).default(defaults.labels),
    })
    .prefault({});

/**
 * Production lines. `productionBranch: x` is `productionBranches: [x]`; giving both is an error rather than a
 * guess at which one was meant. The first entry is the main line, where intake cuts, drafts open and the
 * configured tag scheme applies, so it must be a plain branch name; the develop branch is never a production line
 * (a backport to it would then be gated as a hotfix).
 */
type ProductionLineKeys = { productionBranch?: string; productionBranches?: string[]; developBranch: string };

function productionLineProblems(config: ProductionLineKeys, ctx: z.RefinementCtx): void {
  if (config.productionBranch !== undefined && config.productionBranches !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["productionBranches"],
      message:
        "productionBranch and productionBranches are both given; keep productionBranches (productionBranch: x means productionBranches: [x])",
    });
    return;
  }
  const first = config.productionBranches?.[0];
  if (first !== undefined && !branchName.safeParse(first).success) {
    ctx.addIssue({
      code: "custom",
      path: ["productionBranches", 0],
      message: `the first entry is the main line and must be a plain git branch name, not ${JSON.stringify(first)}`,
    });
    return;
  }
  // Refinements run even when a field failed its own check (a 1 MB branch name, an extglob): that field is
  // already reported, and must not be compiled here.
  if (config.productionBranch !== undefined && !branchName.safeParse(config.productionBranch).success) return;
  if (!branchName.safeParse(config.developBranch).success) return;
  if (config.productionBranches?.some((pattern) => !glob.safeParse(pattern).success)) return;
  const lines = withProductionLines(config);
  if (isProductionLine(lines, config.developBranch)) {
    ctx.addIssue({
      code: "custom",
      path: ["developBranch"],
      message: `${JSON.stringify(config.developBranch)} is also a production line (productionBranches); it must not be`,
    });
  }
}

function withProductionLines<T extends ProductionLineKeys>(
  config: T,
): Omit<T, "productionBranch" | "productionBranches"> & ProductionLines {
  const productionBranches = config.productionBranches ?? [config.productionBranch ?? "main"];
  return { ...config, productionBranch: productionBranches[0] as string, productionBranches };
}

export const configSchema = z
  .strictObject({
    // Production lines: see productionLines below (both keys are read there).
    productionBranch: branchName
      .optional()
      .describe("the branch that is deployed to production (main); the same as productionBranches: [it]"),
    productionBranches: list(glob, 20)
      .min(1, "at least the main line")
      .optional()
      .describe(
        "production lines: the main line first (a plain branch name), then maintenance lines or globs (release/*)",
      ),
    developBranch: branchName.default("develop").describe("the integration branch that receives backports"),
    branches: z
      .strictObject({
        patterns: list(
          // An unknown placeholder or too many wildcards would make the pattern match nothing, silently.
          z
            .string()
            .min(1)
            .max(200)
            .superRefine((pattern, ctx) => {
              const problem = branchPatternProblems(pattern);
              if (problem) ctx.addIssue({ code: "custom", message: problem });
            }),
          20,
        )
          .min(1)
          .default(["hotfix/{date}-{slug}", "hotfix/incident-{n}"])
          .describe(
            "hotfix branch patterns; placeholders {date} (YYYYMMDD), {slug}, {n}, and * for anything",
          ),
      })
      .prefault({}),
    title: z
      .strictObject({
        format: withPlaceholders(z.string().min(1).max(200), TITLE_PLACEHOLDERS, {
          syntax: ANY_BRACES,
          atMostOnce: true,
        })
          .default("[{key}] {summary}")
          .describe("the expected PR title; {key} is the Jira key, {summary} free text (each at most once)"),
        projects: list(
          z
            .string()
            .max(50)
            .regex(/^[A-Z][A-Z0-9_]+$/, "an upper-case Jira project key such as SPF"),
          100,
        )
          .default([])
          .describe("allowed Jira project keys; empty = any"),
      })
      .prefault({}),
    checks: z
      .strictObject({
        criticalTests: list(requiredCheck, 50)
          .default([])
          .describe("check runs or commit statuses that must succeed"),
        securityScan: list(requiredCheck, 50)
          .default([])
          .describe("security scan check runs or commit statuses that must succeed"),
        neutralPasses: z.boolean().default(false).describe("whether a neutral conclusion counts as passing"),
        skippedPasses: z.boolean().default(false).describe("whether a skipped conclusion counts as passing"),
      })
      .prefault({}),
    severity: z
      .strictObject({
        labels: z
          .strictObject({
            P0: z.string().min(1).max(50).default("P0-hotfix"),
            P1: z.string().min(1).max(50).default("P1-hotfix"),
            P2: z.string().min(1).max(50).default("P2-hotfix"),
          })
          .prefault({}),
        default: severity.default("P1").describe("severity assumed when no label says otherwise"),
      })
      .prefault({}),
    approvals: z
      .strictObject({
        // Fast-track defaults: 5 min for P0 and 15 min for P1 (the policy's emergency timeout and "quick review,
        // 15 min max"); P2 is not an emergency, so it waits for its review.
        P0: approvalRule(0, 5),
        P1: approvalRule(0, 15),
        P2: approvalRule(1, null),
      })
      .prefault({}),
    diffBudget: z
      .strictObject({
        maxFiles: z.number().int().min(1).default(20),
        maxLines: z.number().int().min(1).default(500),
        mode: z.enum(["fail", "warn"]).default("fail"),
      })
      .prefault({}),
    release: z
      .strictObject({
        tagScheme: z.enum(["hotfix-date", "semver-patch"]).default("hotfix-date"),
        createRelease: z.boolean().default(true),
        changelog: z.boolean().default(false).describe("also prepend an entry to CHANGELOG.md on production"),
      })
      .prefault({}),
    backport: z
      .strictObject({
        targets: list(glob, 50)
          .default(["{develop}", "newer-lines"])
          .describe(
            "branches or globs (release/*) to backport to; {develop} is the develop branch, newer-lines every production line newer than the one the fix merged into (main last)",
          ),
        labels: list(z.string().min(1).max(50), 20).default(["backport"]),
        deleteHotfixBranch: z.boolean().default(true),
        autoMerge: z
          .boolean()
          .default(false)
          .describe(
            "enable GitHub's auto-merge on clean backport PRs, so they land once their required checks pass",
          ),
        autoMergeMethod: z
          .enum(["merge", "squash", "rebase"])
          .default("merge")
          .describe(
            "how auto-merge lands a backport: merge keeps the bot's cherry-picked commit as it is (its SHA, " +
              "its signature, its cherry-pick trailer); squash or rebase where the target allows no merge commits",
          ),
        remindAfter: duration
          .default("2d")
          .describe("remind the commander on a backport PR still open after this long (30m, 12h, 2d)"),
      })
      .prefault({}),
    commits: z
      .strictObject({
        verified: z
          .boolean()
          .default(true)
          .describe(
            "let GitHub sign the bot's commits (backports, reverts, incident reports, CHANGELOG): sent without " +
              "author or committer, with the original author as a Co-authored-by trailer; false keeps the " +
              "original author on backport commits, which then are unsigned",
          ),
      })
      .prefault({}),
    followUps: z
      .strictObject({
        testGlobs: list(glob, 50)
          .default(["**/*.test.*", "**/*.spec.*", "**/test/**", "**/tests/**", "**/__tests__/**"])
          .describe("globs (*, **, ?, {a,b}, [a-z]) of test files; a merge that changes none asks for tests"),
        postMortem: issueTemplate({
          title: "Post-mortem: {title}",
          body: "Incident {incident}, fixed by {pr} ({jira}), released as {tag}.\n\n## Timeline\n\n## Root cause\n\n## Prevention\n",
          labels: ["post-mortem"],
        }),
        properFix: issueTemplate({
          title: "Proper fix for {jira}: {title}",
          body: "{pr} was merged as a temporary fix for incident {incident}. Replace it with a lasting fix.\n",
          labels: ["tech-debt"],
        }),
        regressionTests: issueTemplate({
          title: "Regression tests for {jira}: {title}",
          body: "{pr} changed no test file. Add tests that would have caught incident {incident}.\n",
          labels: ["testing"],
        }),
        postDeployReview: issueTemplate({
          title: "Post-deploy review of {pr}: merged without approval",
          body: "{pr} ({severity}) merged without an approving review. Review the change now that it is live.\n",
          labels: ["review"],
        }),
        // Follow-up deadlines and the security-review follow-up.
        securityReview: issueTemplate({
          title: "Security review of {pr}: the security scan passed with warnings",
          body: "The security scan of {pr} ({severity}) passed with warnings. Review each one, fix it or record why it is acceptable.\n",
          labels: ["security"],
        }),
        due: z
          .strictObject({
            // The policy: a review, the test suite, the security review and the docs within 24 hours of the
            // hotfix; the proper fix, the root cause analysis and prevention within a week.
            postMortem: deadline.default("7d").describe("root cause analysis (post-mortem)"),
            properFix: deadline.default("7d").describe("the follow-up PR with the proper fix"),
            regressionTests: deadline.default("7d").describe("regression tests: a prevention measure"),
            postDeployReview: deadline.default("24h").describe("full code review of an unapproved hotfix"),
            securityReview: deadline.default("24h").describe("security review of the scan's warnings"),
          })
          .prefault({})
          .describe(
            "how long after the merge each follow-up is due (30m, 24h, 7d); the sweep comments once on one still open past it",
          ),
      })
      .prefault({}),
    deploy: z
      .strictObject({
        workflow: z
          .strictObject({
            id: z.string().min(1).max(255).describe("workflow file name (deploy.yml) or id"),
            ref: z
              .string()
              .min(1)
              .max(255)
              .optional()
              .describe("ref to run on; default the production branch"),
            inputs: z
              .record(z.string().min(1).max(100), withPlaceholders(z.string().max(1000), DEPLOY_PLACEHOLDERS))
              // GitHub accepts at most 25 inputs in a workflow_dispatch.
              .refine((inputs) => Object.keys(inputs).length <= 25, "at most 25 inputs")
              .default({})
              .describe(
                `workflow_dispatch inputs with placeholders ${placeholderList(DEPLOY_PLACEHOLDERS)}; empty = { tag: "{tag}", incident: "{incident}" }`,
              ),
          })
          .optional(),
        environment: withPlaceholders(z.string().min(1).max(255), ENVIRONMENT_PLACEHOLDERS)
          .optional()
          .describe(
            "create a GitHub deployment to this environment; {line} is the production line merged into",
          ),
        closeIncidentOnSuccess: z
          .boolean()
          .default(false)
          .describe("close the incident once the tag is deployed successfully"),
        rollbackLabel: z
          .string()
          .min(1)
          .max(50)
          .default("rollback")
          .describe("label put on the incident when a deployment of the fix fails"),
      })
      .prefault({}),
    // Monitoring window and /rollback: after a successful deploy, the policy's watch before the incident is stable.
    monitoring: z
      .strictObject({
        enabled: z
          .boolean()
          .default(true)
          .describe("open a monitoring window on the timeline after each successful deploy of a hotfix tag"),
        windowMinutes: z
          .number()
          .int()
          .min(1)
          .max(1440)
          .default(30)
          .describe(
            "how long to watch production after the deploy (the policy says 15-30 minutes); the window ends stable unless a rollback came first",
          ),
        checklist: list(z.string().min(1).max(200), 10)
          .default(["error rates back to normal", "no new error types", "key metrics stable"])
          .describe("what the people watching production confirm during the window (shown on the timeline)"),
        rollbackOn: list(requiredCheck, 20)
          .default([])
          .describe(
            "check runs or commit statuses on the deployed commit whose failure inside the window rolls the fix back: a name or glob (any reporter), { name, app } or { name, creator } to accept only that reporter",
          ),
        closeWhenStable: z
          .boolean()
          .default(false)
          .describe(
            "close the incident when the window ends stable, once every backport has landed (deploy.closeIncidentOnSuccess closes at resolution without waiting for the window)",
          ),
      })
      .prefault({}),
    intake: z
      .strictObject({
        cutFromLatestTag: z
          .boolean()
          .default(false)
          .describe("cut hotfix/incident-<n> from the latest production tag instead of the production head"),
        incidentReport: z
          .boolean()
          .default(false)
          .describe("commit docs/incidents/HOTFIX-<date>-<slug>.md from a template to the hotfix branch"),
      })
      .prefault({}),
    // Notifications (incident/notify): channels are names the App's environment (or the Action's inputs) define.
    notify: z
      .strictObject({
        channels: list(notifyChannelName, 10)
          .default([])
          .describe(
            "names of the channels to tell at each milestone, as the App defines them (HOTFIX_NOTIFY_SLACK_<NAME>, " +
              "_TEAMS_<NAME> or _WEBHOOK_<NAME> in its environment; the Action: slack, teams, webhook); " +
              "never a URL: webhook URLs are secrets",
          ),
        milestones: list(z.enum(MILESTONES), MILESTONES.length)
          .default([...MILESTONES])
          .describe(`the milestones announced: ${MILESTONES.join(", ")}`),
        timeoutSeconds: z
          .number()
          .int()
          .min(1)
          .max(30)
          .default(5)
          .describe("how long one post to one channel may take before it counts as failed"),
      })
      .prefault({}),
    // The hotfix team: who is asked to review the draft PR, and who is assigned to the incident and follow-ups.
    team: z
      .strictObject({
        reviewers: list(
          z
            .string()
            .max(100)
            .regex(
              /^[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/,
              "a GitHub login (alice) or a team of the repository's organization (acme/sre)",
            ),
          15,
        )
          .default([])
          .describe("logins or org/team slugs asked to review the draft PR intake opens"),
        assignees: list(
          z
            .string()
            .max(39)
            .regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "a GitHub login such as alice"),
          9,
        )
          .default([])
          .describe("logins assigned to the incident and to its follow-ups, beside the incident commander"),
      })
      .prefault({}),
  })
  .superRefine(productionLineProblems)
  .transform(withProductionLines)
  .describe("hotfix-bot configuration (.github/hotfix.yml)");

export type HotfixConfig = z.output<typeof configSchema>;
export type HotfixConfigInput = z.input<typeof configSchema>;
export type Severity = z.infer<typeof severity>;
