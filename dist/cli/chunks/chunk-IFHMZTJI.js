import {
  HotfixBotError,
  errorMessage
} from "./chunk-BLGKLY6J.js";

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
var ConfigError = class extends HotfixBotError {
  constructor(file, problems) {
    super(
      `${file} is invalid: ${problems.map((p) => p.path ? `${p.path}: ${p.message}` : p.message).join("; ")}`
    );
    this.file = file;
    this.problems = problems;
  }
  file;
  problems;
  kind = "config";
  name = "ConfigError";
};

// src/config/known-keys.ts
import { z as z2 } from "zod";

// src/config/schema.ts
import { z } from "zod";

// src/patterns/nfa.ts
var char = (test) => ({ kind: "char", test });
var seq = (...items) => ({ kind: "seq", items });
var alt = (...options) => ({ kind: "alt", options });
var zeroOrMore = (item) => ({ kind: "repeat", item, min: 0 });
var oneOrMore = (item) => ({ kind: "repeat", item, min: 1 });
var optional = (item) => ({ kind: "optional", item });
var capture = (index, item) => ({ kind: "capture", index, item });
function literal(text) {
  const items = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    items.push(char((c) => c === code));
  }
  return seq(...items);
}
var SPACE = /\s/;
var isSpace = (code) => SPACE.test(String.fromCharCode(code));
var isNotLineTerminator = (code) => code !== 10 && code !== 13 && code !== 8232 && code !== 8233;
var isAny = () => true;
var inRange = (from, to) => (code) => code >= from.charCodeAt(0) && code <= to.charCodeAt(0);
var oneOf = (...tests) => (code) => tests.some((test) => test(code));
function compilePattern(pattern) {
  const program = [];
  let groups = 0;
  const emit = (node) => {
    switch (node.kind) {
      case "char":
        program.push({ op: "char", test: node.test, next: program.length + 1 });
        return;
      case "seq":
        for (const item of node.items) emit(item);
        return;
      case "capture": {
        groups = Math.max(groups, node.index);
        program.push({ op: "save", slot: node.index * 2, next: program.length + 1 });
        emit(node.item);
        program.push({ op: "save", slot: node.index * 2 + 1, next: program.length + 1 });
        return;
      }
      case "optional": {
        const split = program.length;
        program.push({ op: "split", first: split + 1, second: -1 });
        emit(node.item);
        program[split].second = program.length;
        return;
      }
      case "repeat": {
        if (node.min === 1) {
          const start = program.length;
          emit(node.item);
          program.push({ op: "split", first: start, second: program.length + 1 });
          return;
        }
        const split = program.length;
        program.push({ op: "split", first: split + 1, second: -1 });
        emit(node.item);
        program.push({ op: "jump", to: split });
        program[split].second = program.length;
        return;
      }
      case "alt": {
        const jumps = [];
        node.options.forEach((option, i) => {
          const last = i === node.options.length - 1;
          const split = program.length;
          if (!last) program.push({ op: "split", first: split + 1, second: -1 });
          emit(option);
          if (!last) {
            jumps.push(program.length);
            program.push({ op: "jump", to: -1 });
            program[split].second = program.length;
          }
        });
        for (const at of jumps) program[at].to = program.length;
        return;
      }
    }
  };
  emit(pattern);
  program.push({ op: "match" });
  return { program, groups };
}
function matchPattern(compiled, input) {
  const { program } = compiled;
  const seen = new Int32Array(program.length).fill(-1);
  let generation = 0;
  const add = (list2, pc, slots2, position) => {
    const stack = [{ pc, slots: slots2 }];
    while (stack.length > 0) {
      const top = stack.pop();
      if (seen[top.pc] === generation) continue;
      seen[top.pc] = generation;
      const instruction = program[top.pc];
      switch (instruction.op) {
        case "jump":
          stack.push({ pc: instruction.to, slots: top.slots });
          break;
        case "split":
          stack.push({ pc: instruction.second, slots: top.slots });
          stack.push({ pc: instruction.first, slots: top.slots });
          break;
        case "save": {
          const slots3 = [...top.slots];
          slots3[instruction.slot] = position;
          stack.push({ pc: instruction.next, slots: slots3 });
          break;
        }
        default:
          list2.push({ pc: top.pc, slots: top.slots });
      }
    }
  };
  const noCaptures = new Array((compiled.groups + 1) * 2).fill(-1);
  let current = [];
  add(current, 0, noCaptures, 0);
  for (let position = 0; position < input.length && current.length > 0; position++) {
    const code = input.charCodeAt(position);
    generation += 1;
    const next = [];
    for (const thread of current) {
      const instruction = program[thread.pc];
      if (instruction.op === "char" && instruction.test(code))
        add(next, instruction.next, thread.slots, position + 1);
    }
    current = next;
  }
  const winner = current.find((thread) => program[thread.pc].op === "match");
  if (!winner) return null;
  const slots = [...winner.slots];
  slots[0] = 0;
  slots[1] = input.length;
  return slots;
}
function matchesPattern(compiled, input) {
  return matchPattern(compiled, input) !== null;
}

// src/patterns/branch-pattern.ts
var BRANCH_PLACEHOLDERS = ["date", "slug", "n"];
var digit = char(inRange("0", "9"));
var slugChar = () => char(oneOf(inRange("a", "z"), inRange("0", "9")));
function datePattern() {
  const d = (from, to) => char(inRange(from, to));
  const month = alt(seq(literal("0"), d("1", "9")), seq(literal("1"), d("0", "2")));
  const day = alt(
    seq(literal("0"), d("1", "9")),
    seq(d("1", "2"), d("0", "9")),
    seq(literal("3"), d("0", "1"))
  );
  return seq(digit, digit, digit, digit, month, day);
}
var TOKENS = {
  "{date}": datePattern,
  // Lower-case words joined by single dashes: what a slugify of an incident title produces.
  "{slug}": () => seq(oneOrMore(slugChar()), zeroOrMore(seq(literal("-"), oneOrMore(slugChar())))),
  "{n}": () => oneOrMore(digit),
  "*": () => zeroOrMore(char(isAny))
};
var MAX_VARIABLE_PARTS = 3;
var MAX_BRANCH_LENGTH = 255;
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
  const items = [];
  let variable = 0;
  let literalPrefix = null;
  for (const part of parts) {
    if (part === "") continue;
    if (part.startsWith("{") || part === "*") {
      const token = TOKENS[part];
      if (token === void 0) {
        const allowed = BRANCH_PLACEHOLDERS.map((p) => `{${p}}`).join(" ");
        return { ok: false, pattern, reason: `unknown placeholder ${part}; allowed: ${allowed} and *` };
      }
      if (part !== "{date}") variable += 1;
      literalPrefix ??= parts.slice(0, parts.indexOf(part)).join("");
      items.push(token());
    } else {
      items.push(literal(part));
    }
  }
  if (variable > MAX_VARIABLE_PARTS) {
    return {
      ok: false,
      pattern,
      reason: `at most ${MAX_VARIABLE_PARTS} of {slug}, {n} and * may appear in one pattern`
    };
  }
  return {
    ok: true,
    pattern,
    compiled: compilePattern(seq(...items)),
    prefix: familyPrefix(literalPrefix ?? pattern)
  };
}
function familyPrefix(literal2) {
  const slash = literal2.lastIndexOf("/");
  return slash >= 0 ? literal2.slice(0, slash + 1) : literal2;
}
function matchingBranchPattern(branch, patterns) {
  if (branch.length > MAX_BRANCH_LENGTH) return null;
  for (const pattern of patterns) {
    const compiled = compileBranchPattern(pattern);
    if (compiled.ok && matchesPattern(compiled.compiled, branch)) return pattern;
  }
  return null;
}
function isHotfixFamilyBranch(branch, patterns) {
  if (matchingBranchPattern(branch, patterns) !== null) return true;
  return patterns.some((pattern) => {
    const compiled = compileBranchPattern(pattern);
    return compiled.ok && compiled.prefix !== "" && branch.startsWith(compiled.prefix);
  });
}
function branchPatternProblems(pattern) {
  const compiled = compileBranchPattern(pattern);
  return compiled.ok ? null : compiled.reason;
}

// src/patterns/glob.ts
var SLASH = "/".charCodeAt(0);
var notSlash = (code) => code !== SLASH;
var GlobSyntaxError = class extends HotfixBotError {
  constructor(pattern, reason) {
    super(`glob ${JSON.stringify(pattern)}: ${reason}`);
    this.pattern = pattern;
  }
  pattern;
  kind = "config";
  name = "GlobSyntaxError";
};
var Parser = class {
  constructor(pattern) {
    this.pattern = pattern;
    this.text = pattern.replace(/^(?:\.\/)+/, "").replace(/(^|\/)\*\*(?:\/\*\*)+(?=\/|$)/g, "$1**");
  }
  pattern;
  at = 0;
  text;
  parse() {
    const result = this.sequence(false);
    if (this.at < this.text.length) this.fail(`unexpected "${this.text[this.at]}"`);
    return result;
  }
  fail(reason) {
    throw new GlobSyntaxError(this.pattern, reason);
  }
  /** Items up to the end of the text, or (inside braces) up to the next `,` or `}`. */
  sequence(inBraces) {
    const items = [];
    const start = this.at;
    while (this.at < this.text.length) {
      const c = this.text[this.at];
      if (inBraces && (c === "," || c === "}")) break;
      if (c === "*") items.push(this.star(start, inBraces));
      else if (c === "?") {
        this.at += 1;
        items.push(char(notSlash));
      } else if (c === "[") items.push(this.charClass());
      else if (c === "{") items.push(this.braces());
      else if (c === "\\") {
        if (this.at + 1 >= this.text.length) this.fail("it ends with a lone \\");
        items.push(literal(this.text[this.at + 1]));
        this.at += 2;
      } else if (c === "/" && this.isTrailingGlobstar(this.at + 1, inBraces)) {
        const anythingBelow = seq(literal("/"), zeroOrMore(char(isAny)));
        items.push(this.text[this.at - 1] === "*" ? anythingBelow : optional(anythingBelow));
        this.at += 3;
      } else {
        this.at += 1;
        items.push(literal(c));
      }
    }
    return seq(...items);
  }
  isTrailingGlobstar(from, inBraces) {
    return !inBraces && this.text.startsWith("**", from) && from + 2 === this.text.length;
  }
  star(sequenceStart, inBraces) {
    const text = this.text;
    let end = this.at;
    while (text[end] === "*") end += 1;
    const run = end - this.at;
    const before = this.at === sequenceStart ? "" : text[this.at - 1];
    const after = text[end];
    const startsSegment = before === "" || before === "/";
    const endsSegment = after === void 0 || after === "/" || inBraces && (after === "," || after === "}");
    this.at = end;
    if (run < 2 || !startsSegment || !endsSegment) return zeroOrMore(char(notSlash));
    if (after === "/") {
      this.at += 1;
      return optional(seq(zeroOrMore(char(isAny)), literal("/")));
    }
    return zeroOrMore(char(isAny));
  }
  charClass() {
    const text = this.text;
    let at = this.at + 1;
    const negated = text[at] === "!" || text[at] === "^";
    if (negated) at += 1;
    const tests = [];
    let first = true;
    while (at < text.length && (text[at] !== "]" || first)) {
      first = false;
      let from = text[at];
      if (from === "\\" && at + 1 < text.length) {
        at += 1;
        from = text[at];
      }
      if (text[at + 1] === "-" && at + 2 < text.length && text[at + 2] !== "]") {
        const low = from.charCodeAt(0);
        const high = text[at + 2].charCodeAt(0);
        if (high < low) this.fail(`the range ${from}-${text[at + 2]} is backwards`);
        tests.push((code) => code >= low && code <= high);
        at += 3;
      } else {
        const code = from.charCodeAt(0);
        tests.push((c) => c === code);
        at += 1;
      }
    }
    if (at >= text.length) this.fail("a [ is never closed");
    this.at = at + 1;
    const inSet = (code) => tests.some((test) => test(code));
    return char((code) => code !== SLASH && inSet(code) !== negated);
  }
  braces() {
    const open = this.at;
    this.at += 1;
    const options = [this.sequence(true)];
    while (this.text[this.at] === ",") {
      this.at += 1;
      options.push(this.sequence(true));
    }
    if (this.text[this.at] !== "}") this.fail("a { is never closed");
    this.at += 1;
    if (options.length === 1) return literal(this.text.slice(open, this.at));
    return alt(...options);
  }
};
var UNSUPPORTED = [
  { test: /^!/, reason: "negated patterns (a leading !) are not supported" },
  { test: /[@!+*?]\(/, reason: "extglobs such as @(a|b) are not supported; use {a,b}" },
  { test: /\{[^{}]*\.\.[^{}]*\}/, reason: "brace ranges such as {1..3} are not supported; list the values" }
];
function globProblem(pattern) {
  for (const { test, reason } of UNSUPPORTED) if (test.test(pattern)) return reason;
  try {
    new Parser(pattern).parse();
    return null;
  } catch (error) {
    if (error instanceof GlobSyntaxError) return error.message;
    throw error;
  }
}
var cache2 = /* @__PURE__ */ new Map();
function compileGlob(pattern) {
  const hit = cache2.get(pattern);
  if (hit) return hit;
  const problem = globProblem(pattern);
  if (problem !== null) throw new GlobSyntaxError(pattern, problem);
  const compiled = compilePattern(new Parser(pattern).parse());
  if (cache2.size > 200) cache2.clear();
  cache2.set(pattern, compiled);
  return compiled;
}
function globMatcher(patterns) {
  const compiled = (typeof patterns === "string" ? [patterns] : patterns).map(compileGlob);
  return (path) => compiled.some((program) => matchesPattern(program, path));
}

// src/patterns/production-lines.ts
function isProductionLine(lines, branch) {
  if (branch === lines.productionBranch) return true;
  return globMatcher(lines.productionBranches)(branch);
}
function isMaintenanceLine(lines, branch) {
  return branch !== lines.productionBranch && isProductionLine(lines, branch);
}
var MAX_DIGITS = 9;
var MAX_PARTS = 3;
function lineVersion(branch) {
  const isDigit = (at2) => at2 < branch.length && branch.charCodeAt(at2) >= 48 && branch.charCodeAt(at2) <= 57;
  let at = 0;
  while (at < branch.length && !isDigit(at)) at += 1;
  if (at === branch.length) return null;
  const parts = [];
  for (; ; ) {
    const start = at;
    while (isDigit(at)) at += 1;
    if (at - start > MAX_DIGITS) return null;
    parts.push(Number(branch.slice(start, at)));
    if (parts.length === MAX_PARTS || branch[at] !== "." || !isDigit(at + 1)) return parts;
    at += 1;
  }
}
function compareVersions(a, b) {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
function isNewerLine(lines, candidate, base) {
  if (candidate === base) return false;
  if (candidate === lines.productionBranch) return true;
  if (base === lines.productionBranch) return false;
  const candidateVersion = lineVersion(candidate);
  const baseVersion = lineVersion(base);
  if (candidateVersion === null || baseVersion === null) return false;
  return compareVersions(candidateVersion, baseVersion) > 0;
}
function newerLines(lines, base, branches) {
  const newer = /* @__PURE__ */ new Set();
  for (const branch of branches) {
    if (isMaintenanceLine(lines, branch) && isNewerLine(lines, branch, base)) newer.add(branch);
  }
  const ordered = [...newer].sort(
    (a, b) => compareVersions(lineVersion(a) ?? [], lineVersion(b) ?? []) || (a < b ? -1 : a > b ? 1 : 0)
  );
  if (isNewerLine(lines, lines.productionBranch, base)) ordered.push(lines.productionBranch);
  return ordered;
}
function lineTagPrefix(lines, line) {
  if (line === lines.productionBranch) return null;
  const version = lineVersion(line);
  if (version === null) return null;
  return `v${version.slice(0, 2).join(".")}.`;
}

// src/config/notify-milestones.ts
var MILESTONES = [
  "declared",
  "draft-pr",
  "gate-green",
  "merged",
  "deployed",
  "rollback",
  "monitoring-done",
  "resolved"
];
var MILESTONE_TITLE = {
  declared: "Incident declared",
  "draft-pr": "Draft hotfix PR opened",
  "gate-green": "Hotfix gate passed",
  merged: "Hotfix merged",
  deployed: "Hotfix deployed",
  rollback: "Rollback started",
  "monitoring-done": "Monitoring window over",
  resolved: "Incident resolved"
};

// src/config/placeholders.ts
var TITLE_PLACEHOLDERS = ["key", "summary"];
var FOLLOW_UP_PLACEHOLDERS = [
  "pr",
  "incident",
  "jira",
  "tag",
  "title",
  "severity",
  "author",
  "url"
];
var DEPLOY_PLACEHOLDERS = ["tag", "incident", "pr", "sha", "severity", "line"];
var ENVIRONMENT_PLACEHOLDERS = ["line"];
var PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
var ANY_BRACES = /\{([^{}]*)\}/g;
function unknownPlaceholders(text, allowed, syntax = PLACEHOLDER) {
  const unknown = /* @__PURE__ */ new Set();
  for (const match of text.matchAll(syntax)) {
    const name = match[1] ?? "";
    if (!allowed.includes(name)) unknown.add(name);
  }
  return [...unknown];
}
function fillPlaceholders(text, allowed, values) {
  return text.replace(PLACEHOLDER, (whole, name) => {
    if (!allowed.includes(name) || !Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === "string" ? value : whole;
  });
}
function placeholderList(names) {
  return names.map((name) => `{${name}}`).join(" ");
}
function withPlaceholders(text, allowed, options = {}) {
  return text.superRefine((value, ctx) => {
    if (options.atMostOnce) {
      for (const name of allowed) {
        const count = value.split(`{${name}}`).length - 1;
        if (count > 1)
          ctx.addIssue({ code: "custom", message: `at most one {${name}} may appear (found ${count})` });
      }
    }
    const unknown = unknownPlaceholders(value, allowed, options.syntax);
    if (unknown.length === 0) return;
    const names = unknown.map((name) => `{${name}}`).join(", ");
    ctx.addIssue({
      code: "custom",
      message: `unknown placeholder ${names}; allowed: ${placeholderList(allowed)}`
    });
  });
}

// src/config/schema.ts
var branchName = z.string().min(1).max(255).regex(/^(?!\/|.*\/\/|.*\.\.|.*\.lock$|.*[/.]$)[A-Za-z0-9._/-]+$/, "a plain git branch name");
var checkNamePattern = z.string().min(1).max(200).describe("a check run name, or a glob with * wildcards");
var list = (item, max) => z.array(item).max(max, `at most ${max} entries`);
var glob = z.string().min(1).max(200).superRefine((pattern, ctx) => {
  if (pattern.length > 200) return;
  const problem = globProblem(pattern);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
var appReference = z.union([
  z.number().int().positive().describe("the App's id"),
  z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/i, "an App slug (github-actions) or an App id").describe("the App's slug")
]).describe("the GitHub App that must report the check (its id survives a rename of the App)");
var creatorReference = z.union([
  z.number().int().positive().describe("the creator's user id (it survives a rename)"),
  z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*(\[bot\])?$/i, "a GitHub login (jenkins-ci, buildkite[bot]) or a user id").describe("the creator's login")
]).describe("the user that must create the commit status for it to count");
var requiredCheck = z.union([
  checkNamePattern,
  z.strictObject({ name: checkNamePattern, app: appReference }),
  z.strictObject({ name: checkNamePattern, creator: creatorReference })
]).transform(
  (entry) => typeof entry === "string" ? { name: entry, app: null, creator: null } : "app" in entry ? { ...entry, creator: null } : { ...entry, app: null }
);
var notifyChannelName = z.string().max(64).superRefine((name, ctx) => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(name) || name.includes("/")) {
    ctx.addIssue({
      code: "custom",
      message: "a channel is a name the App defines, never a URL: webhook URLs are secrets and belong in the App's environment (HOTFIX_NOTIFY_SLACK_<NAME>=<url>) or the Action's notify-* inputs from secrets"
    });
  } else if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) {
    ctx.addIssue({ code: "custom", message: "a channel name: lowercase letters, digits and dashes" });
  }
});
var severity = z.enum(["P0", "P1", "P2"]);
var duration = z.string().max(10).regex(/^[1-9][0-9]{0,5}[mhd]$/, "a duration such as 30m, 12h or 2d").refine((text) => durationMs(text) <= 366 * 864e5, "at most a year (366d)");
var deadline = duration.refine(
  (text) => durationMs(text) <= 13 * 864e5,
  "at most 13d (the sweep looks back 14 days)"
);
function durationMs(text) {
  const unit = { m: 6e4, h: 36e5, d: 864e5 }[text.slice(-1)] ?? Number.NaN;
  return Number(text.slice(0, -1)) * unit;
}
var approvalRule = (required, timeoutMinutes) => z.strictObject({
  required: z.number().int().min(0).max(20).default(required).describe("approving reviews required before the gate passes"),
  from: list(z.string().min(1).max(100), 100).default([]).describe("logins or org/team slugs whose approval counts; empty = anyone with write access"),
  // Fast-track approval: the policy's "reduced timeout, auto-approve if no response".
  timeoutMinutes: z.number().int().min(1).max(1440).nullable().default(timeoutMinutes).describe(
    "fast-track: once the PR is ready and every other row passes, the approvals row passes after this many minutes without a qualifying review (a post-deploy review follow-up is opened); null = wait for the approvals"
  )
}).prefault({}).describe("approvals for one severity");
var templateText = (max, min = 0) => withPlaceholders(z.string().min(min).max(max), FOLLOW_UP_PLACEHOLDERS).describe(
  `text with placeholders ${placeholderList(FOLLOW_UP_PLACEHOLDERS)}`
);
var issueTemplate = (defaults) => z.strictObject({
  enabled: z.boolean().default(true),
  title: templateText(256, 1).default(defaults.title),
  body: templateText(6e4).default(defaults.body),
  labels: list(z.string().min(1).max(50), 20).default(defaults.labels)
}).prefault({});
function productionLineProblems(config, ctx) {
  if (config.productionBranch !== void 0 && config.productionBranches !== void 0) {
    ctx.addIssue({
      code: "custom",
      path: ["productionBranches"],
      message: "productionBranch and productionBranches are both given; keep productionBranches (productionBranch: x means productionBranches: [x])"
    });
    return;
  }
  const first = config.productionBranches?.[0];
  if (first !== void 0 && !branchName.safeParse(first).success) {
    ctx.addIssue({
      code: "custom",
      path: ["productionBranches", 0],
      message: `the first entry is the main line and must be a plain git branch name, not ${JSON.stringify(first)}`
    });
    return;
  }
  if (config.productionBranch !== void 0 && !branchName.safeParse(config.productionBranch).success) return;
  if (!branchName.safeParse(config.developBranch).success) return;
  if (config.productionBranches?.some((pattern) => !glob.safeParse(pattern).success)) return;
  const lines = withProductionLines(config);
  if (isProductionLine(lines, config.developBranch)) {
    ctx.addIssue({
      code: "custom",
      path: ["developBranch"],
      message: `${JSON.stringify(config.developBranch)} is also a production line (productionBranches); it must not be`
    });
  }
}
function withProductionLines(config) {
  const productionBranches = config.productionBranches ?? [config.productionBranch ?? "main"];
  return { ...config, productionBranch: productionBranches[0], productionBranches };
}
var configSchema = z.strictObject({
  // Production lines: see productionLines below (both keys are read there).
  productionBranch: branchName.optional().describe("the branch that is deployed to production (main); the same as productionBranches: [it]"),
  productionBranches: list(glob, 20).min(1, "at least the main line").optional().describe(
    "production lines: the main line first (a plain branch name), then maintenance lines or globs (release/*)"
  ),
  developBranch: branchName.default("develop").describe("the integration branch that receives backports"),
  branches: z.strictObject({
    patterns: list(
      // An unknown placeholder or too many wildcards would make the pattern match nothing, silently.
      z.string().min(1).max(200).superRefine((pattern, ctx) => {
        const problem = branchPatternProblems(pattern);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
      20
    ).min(1).default(["hotfix/{date}-{slug}", "hotfix/incident-{n}"]).describe(
      "hotfix branch patterns; placeholders {date} (YYYYMMDD), {slug}, {n}, and * for anything"
    )
  }).prefault({}),
  title: z.strictObject({
    format: withPlaceholders(z.string().min(1).max(200), TITLE_PLACEHOLDERS, {
      syntax: ANY_BRACES,
      atMostOnce: true
    }).default("[{key}] {summary}").describe("the expected PR title; {key} is the Jira key, {summary} free text (each at most once)"),
    projects: list(
      z.string().max(50).regex(/^[A-Z][A-Z0-9_]+$/, "an upper-case Jira project key such as SPF"),
      100
    ).default([]).describe("allowed Jira project keys; empty = any")
  }).prefault({}),
  checks: z.strictObject({
    criticalTests: list(requiredCheck, 50).default([]).describe("check runs or commit statuses that must succeed"),
    securityScan: list(requiredCheck, 50).default([]).describe("security scan check runs or commit statuses that must succeed"),
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
    // Fast-track defaults: 5 min for P0 and 15 min for P1 (the policy's emergency timeout and "quick review,
    // 15 min max"); P2 is not an emergency, so it waits for its review.
    P0: approvalRule(0, 5),
    P1: approvalRule(0, 15),
    P2: approvalRule(1, null)
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
    targets: list(glob, 50).default(["{develop}", "newer-lines"]).describe(
      "branches or globs (release/*) to backport to; {develop} is the develop branch, newer-lines every production line newer than the one the fix merged into (main last)"
    ),
    labels: list(z.string().min(1).max(50), 20).default(["backport"]),
    deleteHotfixBranch: z.boolean().default(true),
    autoMerge: z.boolean().default(false).describe(
      "enable GitHub's auto-merge on clean backport PRs, so they land once their required checks pass"
    ),
    autoMergeMethod: z.enum(["merge", "squash", "rebase"]).default("merge").describe(
      "how auto-merge lands a backport: merge keeps the bot's cherry-picked commit as it is (its SHA, its signature, its cherry-pick trailer); squash or rebase where the target allows no merge commits"
    ),
    remindAfter: duration.default("2d").describe("remind the commander on a backport PR still open after this long (30m, 12h, 2d)")
  }).prefault({}),
  commits: z.strictObject({
    verified: z.boolean().default(true).describe(
      "let GitHub sign the bot's commits (backports, reverts, incident reports, CHANGELOG): sent without author or committer, with the original author as a Co-authored-by trailer; false keeps the original author on backport commits, which then are unsigned"
    )
  }).prefault({}),
  followUps: z.strictObject({
    testGlobs: list(glob, 50).default(["**/*.test.*", "**/*.spec.*", "**/test/**", "**/tests/**", "**/__tests__/**"]).describe("globs (*, **, ?, {a,b}, [a-z]) of test files; a merge that changes none asks for tests"),
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
    }),
    // Follow-up deadlines and the security-review follow-up.
    securityReview: issueTemplate({
      title: "Security review of {pr}: the security scan passed with warnings",
      body: "The security scan of {pr} ({severity}) passed with warnings. Review each one, fix it or record why it is acceptable.\n",
      labels: ["security"]
    }),
    due: z.strictObject({
      // The policy: a review, the test suite, the security review and the docs within 24 hours of the
      // hotfix; the proper fix, the root cause analysis and prevention within a week.
      postMortem: deadline.default("7d").describe("root cause analysis (post-mortem)"),
      properFix: deadline.default("7d").describe("the follow-up PR with the proper fix"),
      regressionTests: deadline.default("7d").describe("regression tests: a prevention measure"),
      postDeployReview: deadline.default("24h").describe("full code review of an unapproved hotfix"),
      securityReview: deadline.default("24h").describe("security review of the scan's warnings")
    }).prefault({}).describe(
      "how long after the merge each follow-up is due (30m, 24h, 7d); the sweep comments once on one still open past it"
    )
  }).prefault({}),
  deploy: z.strictObject({
    workflow: z.strictObject({
      id: z.string().min(1).max(255).describe("workflow file name (deploy.yml) or id"),
      ref: z.string().min(1).max(255).optional().describe("ref to run on; default the production branch"),
      inputs: z.record(z.string().min(1).max(100), withPlaceholders(z.string().max(1e3), DEPLOY_PLACEHOLDERS)).refine((inputs) => Object.keys(inputs).length <= 25, "at most 25 inputs").default({}).describe(
        `workflow_dispatch inputs with placeholders ${placeholderList(DEPLOY_PLACEHOLDERS)}; empty = { tag: "{tag}", incident: "{incident}" }`
      )
    }).optional(),
    environment: withPlaceholders(z.string().min(1).max(255), ENVIRONMENT_PLACEHOLDERS).optional().describe(
      "create a GitHub deployment to this environment; {line} is the production line merged into"
    ),
    closeIncidentOnSuccess: z.boolean().default(false).describe("close the incident once the tag is deployed successfully"),
    rollbackLabel: z.string().min(1).max(50).default("rollback").describe("label put on the incident when a deployment of the fix fails")
  }).prefault({}),
  // Monitoring window and /rollback: after a successful deploy, the policy's watch before the incident is stable.
  monitoring: z.strictObject({
    enabled: z.boolean().default(true).describe("open a monitoring window on the timeline after each successful deploy of a hotfix tag"),
    windowMinutes: z.number().int().min(1).max(1440).default(30).describe(
      "how long to watch production after the deploy (the policy says 15-30 minutes); the window ends stable unless a rollback came first"
    ),
    checklist: list(z.string().min(1).max(200), 10).default(["error rates back to normal", "no new error types", "key metrics stable"]).describe("what the people watching production confirm during the window (shown on the timeline)"),
    rollbackOn: list(requiredCheck, 20).default([]).describe(
      "check runs or commit statuses on the deployed commit whose failure inside the window rolls the fix back: a name or glob (any reporter), { name, app } or { name, creator } to accept only that reporter"
    ),
    closeWhenStable: z.boolean().default(false).describe(
      "close the incident when the window ends stable, once every backport has landed (deploy.closeIncidentOnSuccess closes at resolution without waiting for the window)"
    )
  }).prefault({}),
  intake: z.strictObject({
    cutFromLatestTag: z.boolean().default(false).describe("cut hotfix/incident-<n> from the latest production tag instead of the production head"),
    incidentReport: z.boolean().default(false).describe("commit docs/incidents/HOTFIX-<date>-<slug>.md from a template to the hotfix branch")
  }).prefault({}),
  // Notifications (incident/notify): channels are names the App's environment (or the Action's inputs) define.
  notify: z.strictObject({
    channels: list(notifyChannelName, 10).default([]).describe(
      "names of the channels to tell at each milestone, as the App defines them (HOTFIX_NOTIFY_SLACK_<NAME>, _TEAMS_<NAME> or _WEBHOOK_<NAME> in its environment; the Action: slack, teams, webhook); never a URL: webhook URLs are secrets"
    ),
    milestones: list(z.enum(MILESTONES), MILESTONES.length).default([...MILESTONES]).describe(`the milestones announced: ${MILESTONES.join(", ")}`),
    timeoutSeconds: z.number().int().min(1).max(30).default(5).describe("how long one post to one channel may take before it counts as failed")
  }).prefault({}),
  // The hotfix team: who is asked to review the draft PR, and who is assigned to the incident and follow-ups.
  team: z.strictObject({
    reviewers: list(
      z.string().max(100).regex(
        /^[A-Za-z0-9][A-Za-z0-9-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/,
        "a GitHub login (alice) or a team of the repository's organization (acme/sre)"
      ),
      15
    ).default([]).describe("logins or org/team slugs asked to review the draft PR intake opens"),
    assignees: list(
      z.string().max(39).regex(/^[A-Za-z0-9][A-Za-z0-9-]*$/, "a GitHub login such as alice"),
      9
    ).default([]).describe("logins assigned to the incident and to its follow-ups, beside the incident commander")
  }).prefault({})
}).superRefine(productionLineProblems).transform(withProductionLines).describe("hotfix-bot configuration (.github/hotfix.yml)");

// src/config/known-keys.ts
function unwrap(schema) {
  let current = schema;
  while (current instanceof z2.ZodPipe) current = current.in;
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
var plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;
function describeIssue(issue, origin) {
  const path = issue.path.map(String).join(".");
  const top = issue.path[0] === void 0 ? void 0 : String(issue.path[0]);
  if (issue.code === "unrecognized_keys") {
    const own = path === "" && origin ? issue.keys.filter((k) => origin.ownKeys.has(k)) : issue.keys;
    const foreign = issue.keys.length - own.length;
    const known = knownKeysAt(issue.path);
    const keys = own.map((key) => {
      const named = path ? `${path}.${key}` : key;
      const meant = closestWord(key, known);
      return meant ? `${named} (did you mean ${meant}?)` : named;
    });
    const problems = [];
    if (keys.length > 0)
      problems.push({ path, message: `unknown key${keys.length > 1 ? "s" : ""} ${keys.join(", ")}` });
    if (foreign > 0 && origin)
      problems.push({ path, message: `${plural(foreign, "unknown key")} in ${origin.otherFile}` });
    return problems;
  }
  if (origin && top !== void 0 && !origin.ownKeys.has(top)) {
    return [{ path: top, message: `invalid value in ${origin.otherFile}; fix it there` }];
  }
  return [{ path, message: issue.message }];
}
function validateConfig(raw, file = DEFAULT_CONFIG_PATH, origin) {
  if (raw !== null && raw !== void 0 && (typeof raw !== "object" || Array.isArray(raw))) {
    return {
      ok: false,
      error: new ConfigError(file, [{ path: "", message: NOT_A_MAPPING }])
    };
  }
  const result = configSchema.safeParse(raw ?? {});
  if (result.success) return { ok: true, config: result.data };
  const problems = result.error.issues.flatMap((issue) => describeIssue(issue, origin));
  return { ok: false, error: new ConfigError(file, problems) };
}
function parseConfigText(text, file = DEFAULT_CONFIG_PATH) {
  let raw;
  try {
    raw = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const firstLine = errorMessage(error).split("\n")[0] ?? "";
    const message = firstLine.replace(/:\s*$/, "");
    return {
      ok: false,
      error: new ConfigError(file, [{ path: "", message: `YAML syntax error: ${message}` }])
    };
  }
  return validateConfig(raw, file);
}

export {
  closestWord,
  ConfigError,
  char,
  seq,
  zeroOrMore,
  oneOrMore,
  optional,
  capture,
  literal,
  isSpace,
  isNotLineTerminator,
  inRange,
  oneOf,
  compilePattern,
  matchPattern,
  matchingBranchPattern,
  isHotfixFamilyBranch,
  branchPatternProblems,
  globMatcher,
  isProductionLine,
  isMaintenanceLine,
  newerLines,
  lineTagPrefix,
  MILESTONE_TITLE,
  FOLLOW_UP_PLACEHOLDERS,
  DEPLOY_PLACEHOLDERS,
  ENVIRONMENT_PLACEHOLDERS,
  fillPlaceholders,
  durationMs,
  configSchema,
  DEFAULT_CONFIG_PATH,
  NOT_A_MAPPING,
  validateConfig,
  parseConfigText
};
