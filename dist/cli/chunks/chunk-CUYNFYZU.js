// src/rules/title.ts
var TITLE_PLACEHOLDERS = ["key", "summary"];
var JIRA_KEY = "[A-Z][A-Z0-9_]+-[1-9][0-9]{0,8}";
var EXAMPLE_SUMMARY = "Fix critical auth failure";
var compiled = /* @__PURE__ */ new Map();
function escapeRegex(text) {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
function unknownTitlePlaceholders(format) {
  const names = [...format.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? "");
  return names.filter((name) => !TITLE_PLACEHOLDERS.includes(name));
}
function compileFormat(format) {
  const hit = compiled.get(format);
  if (hit) return hit;
  let source = "";
  let group = 0;
  let keyGroup = 0;
  for (const part of format.trim().split(/(\{key\}|\{summary\}|\s+)/)) {
    if (part === "") continue;
    if (part === "{key}") {
      group += 1;
      if (keyGroup === 0) keyGroup = group;
      source += `(${JIRA_KEY})`;
    } else if (part === "{summary}") {
      group += 1;
      source += "(\\S(?:.*\\S)?)";
    } else if (/^\s+$/.test(part)) {
      source += "\\s+";
    } else {
      source += escapeRegex(part);
    }
  }
  const result = { regex: new RegExp(`^${source}$`), keyGroup };
  if (compiled.size > 100) compiled.clear();
  compiled.set(format, result);
  return result;
}
function exampleTitle(config) {
  const key = `${config.title.projects[0] ?? "SPF"}-1290`;
  return config.title.format.trim().replace(/\{key\}/g, key).replace(/\{summary\}/g, EXAMPLE_SUMMARY);
}
function jiraKeyOf(title, config) {
  const { regex, keyGroup } = compileFormat(config.title.format);
  if (keyGroup === 0) return null;
  const match = regex.exec(title.trim());
  return match?.[keyGroup] ?? null;
}
function checkTitle(title, config) {
  const { format, projects } = config.title;
  const { regex, keyGroup } = compileFormat(format);
  const expected = `expected "${format}", e.g. "${exampleTitle(config)}"`;
  const match = regex.exec(title.trim());
  if (!match) {
    const shown = title.length > 80 ? `${title.slice(0, 79)}\u2026` : title;
    return { rule: "title", label: "Title", state: "fail", reason: `"${shown}" does not match; ${expected}` };
  }
  const key = keyGroup === 0 ? null : match[keyGroup] ?? null;
  if (key === null) return { rule: "title", label: "Title", state: "pass", reason: `matches "${format}"` };
  const project = key.slice(0, key.lastIndexOf("-"));
  if (projects.length > 0 && !projects.includes(project)) {
    return {
      rule: "title",
      label: "Title",
      state: "fail",
      reason: `Jira project ${project} is not allowed (allowed: ${projects.join(", ")}); ${expected}`
    };
  }
  return { rule: "title", label: "Title", state: "pass", reason: `Jira key ${key}` };
}

// src/config/parse-config.ts
import { parse as parseYaml } from "yaml";

// src/text/closest-word.ts
var MAX_LENGTH = 100;
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
function closestWord(word, candidates) {
  if (word.length === 0 || word.length > MAX_LENGTH) return null;
  const lower = word.toLowerCase();
  let best = null;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase());
    const allowed = Math.max(1, Math.ceil(Math.max(word.length, candidate.length) / 3));
    if (distance <= allowed && (best === null || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate ?? null;
}

// src/config/config-error.ts
var ConfigError = class extends Error {
  constructor(file, problems) {
    super(
      `${file} is invalid: ${problems.map((p) => p.path ? `${p.path}: ${p.message}` : p.message).join("; ")}`
    );
    this.file = file;
    this.problems = problems;
  }
  file;
  problems;
  name = "ConfigError";
};

// src/config/known-keys.ts
import { z as z2 } from "zod";

// src/config/schema.ts
import { z } from "zod";

// src/deploy/deploy-inputs.ts
var DEPLOY_PLACEHOLDERS = ["tag", "incident", "pr", "sha", "severity"];
var KNOWN = new Set(DEPLOY_PLACEHOLDERS);
var PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
var DEFAULT_DEPLOY_INPUTS = {
  tag: "{tag}",
  incident: "{incident}"
};
function unknownDeployPlaceholders(text) {
  const unknown = /* @__PURE__ */ new Set();
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (!KNOWN.has(name)) unknown.add(name);
  }
  return [...unknown];
}
function renderDeployInputs(configured, values) {
  const inputs = Object.keys(configured).length > 0 ? configured : DEFAULT_DEPLOY_INPUTS;
  const rendered = {};
  for (const [name, template] of Object.entries(inputs)) {
    rendered[name] = template.replace(
      PLACEHOLDER,
      (whole, key) => KNOWN.has(key) ? values[key] : whole
    );
  }
  return rendered;
}

// src/follow-ups/templates.ts
var PLACEHOLDERS = ["pr", "incident", "jira", "tag", "title", "severity", "author", "url"];
var KNOWN2 = new Set(PLACEHOLDERS);
var PLACEHOLDER2 = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
function renderTemplate(template, values) {
  return template.replace(PLACEHOLDER2, (whole, name) => {
    if (!KNOWN2.has(name) || !Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === "string" ? value : whole;
  });
}
function unknownPlaceholders(template) {
  const unknown = /* @__PURE__ */ new Set();
  for (const match of template.matchAll(PLACEHOLDER2)) {
    const name = match[1];
    if (!KNOWN2.has(name)) unknown.add(name);
  }
  return [...unknown];
}

// src/rules/branch-pattern.ts
var BRANCH_PLACEHOLDERS = ["date", "slug", "n"];
var TOKEN_SOURCE = {
  // YYYYMMDD with a real month and day of month.
  "{date}": "[0-9]{4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])",
  // Lower-case words joined by single dashes: what a slugify of an incident title produces.
  "{slug}": "[a-z0-9]+(?:-[a-z0-9]+)*",
  "{n}": "[0-9]+",
  "*": ".*"
};
var MAX_VARIABLE_PARTS = 3;
var MAX_BRANCH_LENGTH = 255;
function escapeRegex2(text) {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
var cache = /* @__PURE__ */ new Map();
function compileBranchPattern(pattern) {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const result = compile(pattern);
  if (cache.size > 200) cache.clear();
  cache.set(pattern, result);
  return result;
}
function compile(pattern) {
  const parts = pattern.replace(/\*+/g, "*").split(/(\{[^{}]*\}|\*)/);
  let source = "";
  let variable = 0;
  let literal = null;
  for (const part of parts) {
    if (part === "") continue;
    if (part.startsWith("{") || part === "*") {
      const token = TOKEN_SOURCE[part];
      if (token === void 0) {
        const allowed = BRANCH_PLACEHOLDERS.map((p) => `{${p}}`).join(" ");
        return { ok: false, pattern, reason: `unknown placeholder ${part}; allowed: ${allowed} and *` };
      }
      if (part !== "{date}") variable += 1;
      literal ??= parts.slice(0, parts.indexOf(part)).join("");
      source += `(?:${token})`;
    } else {
      source += escapeRegex2(part);
    }
  }
  if (variable > MAX_VARIABLE_PARTS) {
    return {
      ok: false,
      pattern,
      reason: `at most ${MAX_VARIABLE_PARTS} of {slug}, {n} and * may appear in one pattern`
    };
  }
  return { ok: true, pattern, regex: new RegExp(`^${source}$`), prefix: familyPrefix(literal ?? pattern) };
}
function familyPrefix(literal) {
  const slash = literal.lastIndexOf("/");
  return slash >= 0 ? literal.slice(0, slash + 1) : literal;
}
function matchingBranchPattern(branch, patterns) {
  if (branch.length > MAX_BRANCH_LENGTH) return null;
  for (const pattern of patterns) {
    const compiled2 = compileBranchPattern(pattern);
    if (compiled2.ok && compiled2.regex.test(branch)) return pattern;
  }
  return null;
}
function isHotfixFamilyBranch(branch, patterns) {
  if (matchingBranchPattern(branch, patterns) !== null) return true;
  return patterns.some((pattern) => {
    const compiled2 = compileBranchPattern(pattern);
    return compiled2.ok && compiled2.prefix !== "" && branch.startsWith(compiled2.prefix);
  });
}
function branchPatternProblems(pattern) {
  const compiled2 = compileBranchPattern(pattern);
  return compiled2.ok ? null : compiled2.reason;
}

// src/config/schema.ts
var branchName = z.string().min(1).max(255).regex(/^(?!\/|.*\/\/|.*\.\.|.*\.lock$|.*[/.]$)[A-Za-z0-9._/-]+$/, "a plain git branch name");
var checkNamePattern = z.string().min(1).max(200).describe("a check run name, or a glob with * wildcards");
var appReference = z.union([
  z.number().int().positive().describe("the App's id"),
  z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/i, "an App slug (github-actions) or an App id").describe("the App's slug")
]).describe("the GitHub App that must report the check (its id survives a rename of the App)");
var requiredCheck = z.union([checkNamePattern, z.strictObject({ name: checkNamePattern, app: appReference })]).transform((entry) => typeof entry === "string" ? { name: entry, app: null } : entry);
var severity = z.enum(["P0", "P1", "P2"]);
var approvalRule = (required) => z.strictObject({
  required: z.number().int().min(0).max(20).default(required).describe("approving reviews required before the gate passes"),
  from: z.array(z.string().min(1).max(100)).default([]).describe("logins or org/team slugs whose approval counts; empty = anyone with write access")
}).prefault({}).describe("approvals for one severity");
var templateText = (max, min = 0) => z.string().min(min).max(max).superRefine((text, ctx) => {
  const unknown = unknownPlaceholders(text);
  if (unknown.length === 0) return;
  const names = unknown.map((n) => `{${n}}`).join(", ");
  const allowed = PLACEHOLDERS.map((n) => `{${n}}`).join(" ");
  ctx.addIssue({ code: "custom", message: `unknown placeholder ${names}; allowed: ${allowed}` });
}).describe(`text with placeholders ${PLACEHOLDERS.map((n) => `{${n}}`).join(" ")}`);
var issueTemplate = (defaults) => z.strictObject({
  enabled: z.boolean().default(true),
  title: templateText(256, 1).default(defaults.title),
  body: templateText(6e4).default(defaults.body),
  labels: z.array(z.string().min(1).max(50)).default(defaults.labels)
}).prefault({});
var configSchema = z.strictObject({
  productionBranch: branchName.default("main").describe("the branch that is deployed to production"),
  developBranch: branchName.default("develop").describe("the integration branch that receives backports"),
  branches: z.strictObject({
    patterns: z.array(
      // An unknown placeholder or too many wildcards would make the pattern match nothing, silently.
      z.string().min(1).max(200).superRefine((pattern, ctx) => {
        const problem = branchPatternProblems(pattern);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      })
    ).min(1).default(["hotfix/{date}-{slug}", "hotfix/incident-{n}"]).describe(
      "hotfix branch patterns; placeholders {date} (YYYYMMDD), {slug}, {n}, and * for anything"
    )
  }).prefault({}),
  title: z.strictObject({
    format: z.string().min(1).max(200).superRefine((format, ctx) => {
      const unknown = unknownTitlePlaceholders(format);
      if (unknown.length === 0) return;
      const names = unknown.map((n) => `{${n}}`).join(", ");
      ctx.addIssue({
        code: "custom",
        message: `unknown placeholder ${names}; allowed: {key} {summary}`
      });
    }).default("[{key}] {summary}").describe("the expected PR title; {key} is the Jira key, {summary} free text"),
    projects: z.array(z.string().regex(/^[A-Z][A-Z0-9_]+$/, "an upper-case Jira project key such as SPF")).default([]).describe("allowed Jira project keys; empty = any")
  }).prefault({}),
  checks: z.strictObject({
    criticalTests: z.array(requiredCheck).default([]).describe("check runs that must succeed"),
    securityScan: z.array(requiredCheck).default([]).describe("security scan check runs that must succeed"),
    neutralPasses: z.boolean().default(false).describe("whether a neutral conclusion counts as passing"),
    skippedPasses: z.boolean().default(false).describe("whether a skipped conclusion counts as passing")
  }).prefault({}),
  severity: z.strictObject({
    labels: z.strictObject({
      P0: z.string().min(1).max(50).default("P0-hotfix"),
      P1: z.string().min(1).max(50).default("P1-hotfix"),
      P2: z.string().min(1).max(50).default("P2-hotfix")
    }).prefault({}),
    default: severity.default("P1").describe("severity assumed when no label says otherwise")
  }).prefault({}),
  approvals: z.strictObject({
    P0: approvalRule(0),
    P1: approvalRule(0),
    P2: approvalRule(1)
  }).prefault({}),
  diffBudget: z.strictObject({
    maxFiles: z.number().int().min(1).default(20),
    maxLines: z.number().int().min(1).default(500),
    mode: z.enum(["fail", "warn"]).default("fail")
  }).prefault({}),
  release: z.strictObject({
    tagScheme: z.enum(["hotfix-date", "semver-patch"]).default("hotfix-date"),
    createRelease: z.boolean().default(true),
    changelog: z.boolean().default(false).describe("also prepend an entry to CHANGELOG.md on production")
  }).prefault({}),
  backport: z.strictObject({
    targets: z.array(z.string().min(1).max(200)).default(["{develop}"]).describe("branches or globs (release/*) to backport to; {develop} is the develop branch"),
    labels: z.array(z.string().min(1).max(50)).default(["backport"]),
    deleteHotfixBranch: z.boolean().default(true)
  }).prefault({}),
  commits: z.strictObject({
    verified: z.boolean().default(true).describe(
      "let GitHub sign the bot's commits (backports, reverts, incident reports, CHANGELOG): sent without author or committer, with the original author as a Co-authored-by trailer; false keeps the original author on backport commits, which then are unsigned"
    )
  }).prefault({}),
  followUps: z.strictObject({
    testGlobs: z.array(z.string().min(1)).default(["**/*.test.*", "**/*.spec.*", "**/test/**", "**/tests/**", "**/__tests__/**"]),
    postMortem: issueTemplate({
      title: "Post-mortem: {title}",
      body: "Incident {incident}, fixed by {pr} ({jira}), released as {tag}.\n\n## Timeline\n\n## Root cause\n\n## Prevention\n",
      labels: ["post-mortem"]
    }),
    properFix: issueTemplate({
      title: "Proper fix for {jira}: {title}",
      body: "{pr} was merged as a temporary fix for incident {incident}. Replace it with a lasting fix.\n",
      labels: ["tech-debt"]
    }),
    regressionTests: issueTemplate({
      title: "Regression tests for {jira}: {title}",
      body: "{pr} changed no test file. Add tests that would have caught incident {incident}.\n",
      labels: ["testing"]
    }),
    postDeployReview: issueTemplate({
      title: "Post-deploy review of {pr}: merged without approval",
      body: "{pr} ({severity}) merged without an approving review. Review the change now that it is live.\n",
      labels: ["review"]
    })
  }).prefault({}),
  deploy: z.strictObject({
    workflow: z.strictObject({
      id: z.string().min(1).describe("workflow file name (deploy.yml) or id"),
      ref: z.string().min(1).optional().describe("ref to run on; default the production branch"),
      inputs: z.record(
        z.string().min(1).max(100),
        z.string().max(1e3).superRefine((text, ctx) => {
          const unknown = unknownDeployPlaceholders(text);
          if (unknown.length === 0) return;
          const names = unknown.map((n) => `{${n}}`).join(", ");
          const allowed = DEPLOY_PLACEHOLDERS.map((n) => `{${n}}`).join(" ");
          ctx.addIssue({
            code: "custom",
            message: `unknown placeholder ${names}; allowed: ${allowed}`
          });
        })
      ).default({}).describe(
        `workflow_dispatch inputs with placeholders ${DEPLOY_PLACEHOLDERS.map((n) => `{${n}}`).join(" ")}; empty = { tag: "{tag}", incident: "{incident}" }`
      )
    }).optional(),
    environment: z.string().min(1).optional().describe("create a GitHub deployment to this environment"),
    closeIncidentOnSuccess: z.boolean().default(false).describe("close the incident once the tag is deployed successfully"),
    rollbackLabel: z.string().min(1).max(50).default("rollback").describe("label put on the incident when a deployment of the fix fails")
  }).prefault({}),
  intake: z.strictObject({
    cutFromLatestTag: z.boolean().default(false).describe("cut hotfix/incident-<n> from the latest production tag instead of the production head"),
    incidentReport: z.boolean().default(false).describe("commit docs/incidents/HOTFIX-<date>-<slug>.md from a template to the hotfix branch")
  }).prefault({})
}).describe("hotfix-bot configuration (.github/hotfix.yml)");

// src/config/known-keys.ts
function unwrap(schema) {
  let current = schema;
  while (current instanceof z2.ZodDefault || current instanceof z2.ZodPrefault || current instanceof z2.ZodOptional) {
    current = current.unwrap();
  }
  return current;
}
function knownKeysAt(path) {
  let schema = unwrap(configSchema);
  for (const key of path) {
    if (!(schema instanceof z2.ZodObject) || typeof key !== "string") return [];
    const child = schema.shape[key];
    if (!child) return [];
    schema = unwrap(child);
  }
  return schema instanceof z2.ZodObject ? Object.keys(schema.shape) : [];
}

// src/config/parse-config.ts
var DEFAULT_CONFIG_PATH = ".github/hotfix.yml";
var NOT_A_MAPPING = "expected a mapping of keys to values at the top level";
function describeIssue(issue) {
  const path = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const known = knownKeysAt(issue.path);
    const keys = issue.keys.map((key) => {
      const named = path ? `${path}.${key}` : key;
      const meant = closestWord(key, known);
      return meant ? `${named} (did you mean ${meant}?)` : named;
    });
    return { path, message: `unknown key${keys.length > 1 ? "s" : ""} ${keys.join(", ")}` };
  }
  return { path, message: issue.message };
}
function validateConfig(raw, file = DEFAULT_CONFIG_PATH) {
  if (raw !== null && raw !== void 0 && (typeof raw !== "object" || Array.isArray(raw))) {
    return {
      ok: false,
      error: new ConfigError(file, [{ path: "", message: NOT_A_MAPPING }])
    };
  }
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, error: new ConfigError(file, result.error.issues.map(describeIssue)) };
}
function parseConfigText(text, file = DEFAULT_CONFIG_PATH) {
  let raw;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const firstLine = error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
    const message = firstLine.replace(/:\s*$/, "");
    return {
      ok: false,
      error: new ConfigError(file, [{ path: "", message: `YAML syntax error: ${message}` }])
    };
  }
  return validateConfig(raw, file);
}

export {
  ConfigError,
  renderDeployInputs,
  renderTemplate,
  matchingBranchPattern,
  isHotfixFamilyBranch,
  branchPatternProblems,
  jiraKeyOf,
  checkTitle,
  DEFAULT_CONFIG_PATH,
  NOT_A_MAPPING,
  validateConfig,
  parseConfigText
};
