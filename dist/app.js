// src/main.ts
import { run } from "probot";

// src/app.ts
import { Redis as Redis3 } from "ioredis";

// src/util/errors.ts
var HotfixBotError = class extends Error {
};
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/util/http-status.ts
function httpStatus(error) {
  if (typeof error !== "object" || error === null) return void 0;
  const status = error.status;
  return typeof status === "number" ? status : void 0;
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
  const lower2 = word.toLowerCase();
  let best = null;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lower2, candidate.toLowerCase());
    const allowed = Math.max(1, Math.ceil(Math.max(word.length, candidate.length) / 3));
    if (distance <= allowed && (best === null || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate ?? null;
}

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
function literal(text2) {
  const items = [];
  for (let i = 0; i < text2.length; i++) {
    const code2 = text2.charCodeAt(i);
    items.push(char((c) => c === code2));
  }
  return seq(...items);
}
var SPACE = /\s/;
var isSpace = (code2) => SPACE.test(String.fromCharCode(code2));
var isNotLineTerminator = (code2) => code2 !== 10 && code2 !== 13 && code2 !== 8232 && code2 !== 8233;
var isAny = () => true;
var inRange = (from, to) => (code2) => code2 >= from.charCodeAt(0) && code2 <= to.charCodeAt(0);
var oneOf = (...tests) => (code2) => tests.some((test) => test(code2));
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
function matchPattern(compiled2, input) {
  const { program } = compiled2;
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
  const noCaptures = new Array((compiled2.groups + 1) * 2).fill(-1);
  let current = [];
  add(current, 0, noCaptures, 0);
  for (let position = 0; position < input.length && current.length > 0; position++) {
    const code2 = input.charCodeAt(position);
    generation += 1;
    const next = [];
    for (const thread of current) {
      const instruction = program[thread.pc];
      if (instruction.op === "char" && instruction.test(code2))
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
function matchesPattern(compiled2, input) {
  return matchPattern(compiled2, input) !== null;
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
    const compiled2 = compileBranchPattern(pattern);
    if (compiled2.ok && matchesPattern(compiled2.compiled, branch)) return pattern;
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

// src/patterns/glob.ts
var SLASH = "/".charCodeAt(0);
var notSlash = (code2) => code2 !== SLASH;
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
    const text2 = this.text;
    let end = this.at;
    while (text2[end] === "*") end += 1;
    const run2 = end - this.at;
    const before = this.at === sequenceStart ? "" : text2[this.at - 1];
    const after = text2[end];
    const startsSegment = before === "" || before === "/";
    const endsSegment = after === void 0 || after === "/" || inBraces && (after === "," || after === "}");
    this.at = end;
    if (run2 < 2 || !startsSegment || !endsSegment) return zeroOrMore(char(notSlash));
    if (after === "/") {
      this.at += 1;
      return optional(seq(zeroOrMore(char(isAny)), literal("/")));
    }
    return zeroOrMore(char(isAny));
  }
  charClass() {
    const text2 = this.text;
    let at = this.at + 1;
    const negated = text2[at] === "!" || text2[at] === "^";
    if (negated) at += 1;
    const tests = [];
    let first = true;
    while (at < text2.length && (text2[at] !== "]" || first)) {
      first = false;
      let from = text2[at];
      if (from === "\\" && at + 1 < text2.length) {
        at += 1;
        from = text2[at];
      }
      if (text2[at + 1] === "-" && at + 2 < text2.length && text2[at + 2] !== "]") {
        const low = from.charCodeAt(0);
        const high = text2[at + 2].charCodeAt(0);
        if (high < low) this.fail(`the range ${from}-${text2[at + 2]} is backwards`);
        tests.push((code2) => code2 >= low && code2 <= high);
        at += 3;
      } else {
        const code2 = from.charCodeAt(0);
        tests.push((c) => c === code2);
        at += 1;
      }
    }
    if (at >= text2.length) this.fail("a [ is never closed");
    this.at = at + 1;
    const inSet = (code2) => tests.some((test) => test(code2));
    return char((code2) => code2 !== SLASH && inSet(code2) !== negated);
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
  const compiled2 = compilePattern(new Parser(pattern).parse());
  if (cache2.size > 200) cache2.clear();
  cache2.set(pattern, compiled2);
  return compiled2;
}
function globMatcher(patterns) {
  const compiled2 = (typeof patterns === "string" ? [patterns] : patterns).map(compileGlob);
  return (path) => compiled2.some((program) => matchesPattern(program, path));
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
  const newer2 = /* @__PURE__ */ new Set();
  for (const branch of branches) {
    if (isMaintenanceLine(lines, branch) && isNewerLine(lines, branch, base)) newer2.add(branch);
  }
  const ordered = [...newer2].sort(
    (a, b) => compareVersions(lineVersion(a) ?? [], lineVersion(b) ?? []) || (a < b ? -1 : a > b ? 1 : 0)
  );
  if (isNewerLine(lines, lines.productionBranch, base)) ordered.push(lines.productionBranch);
  return ordered;
}
function lineTagPrefix(lines, line2) {
  if (line2 === lines.productionBranch) return null;
  const version = lineVersion(line2);
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
function unknownPlaceholders(text2, allowed, syntax = PLACEHOLDER) {
  const unknown = /* @__PURE__ */ new Set();
  for (const match of text2.matchAll(syntax)) {
    const name = match[1] ?? "";
    if (!allowed.includes(name)) unknown.add(name);
  }
  return [...unknown];
}
function fillPlaceholders(text2, allowed, values) {
  return text2.replace(PLACEHOLDER, (whole, name) => {
    if (!allowed.includes(name) || !Object.hasOwn(values, name)) return whole;
    const value = values[name];
    return typeof value === "string" ? value : whole;
  });
}
function placeholderList(names) {
  return names.map((name) => `{${name}}`).join(" ");
}
function withPlaceholders(text2, allowed, options = {}) {
  return text2.superRefine((value, ctx) => {
    if (options.atMostOnce) {
      for (const name of allowed) {
        const count2 = value.split(`{${name}}`).length - 1;
        if (count2 > 1)
          ctx.addIssue({ code: "custom", message: `at most one {${name}} may appear (found ${count2})` });
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
  (entry2) => typeof entry2 === "string" ? { name: entry2, app: null, creator: null } : "app" in entry2 ? { ...entry2, creator: null } : { ...entry2, app: null }
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
var duration = z.string().max(10).regex(/^[1-9][0-9]{0,5}[mhd]$/, "a duration such as 30m, 12h or 2d").refine((text2) => durationMs(text2) <= 366 * 864e5, "at most a year (366d)");
var deadline = duration.refine(
  (text2) => durationMs(text2) <= 13 * 864e5,
  "at most 13d (the sweep looks back 14 days)"
);
function durationMs(text2) {
  const unit = { m: 6e4, h: 36e5, d: 864e5 }[text2.slice(-1)] ?? Number.NaN;
  return Number(text2.slice(0, -1)) * unit;
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
var issueTemplate = (defaults2) => z.strictObject({
  enabled: z.boolean().default(true),
  title: templateText(256, 1).default(defaults2.title),
  body: templateText(6e4).default(defaults2.body),
  labels: list(z.string().min(1).max(50), 20).default(defaults2.labels)
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
var plural = (n2, word) => `${n2} ${word}${n2 === 1 ? "" : "s"}`;
function describeIssue(issue, origin) {
  const path = issue.path.map(String).join(".");
  const top = issue.path[0] === void 0 ? void 0 : String(issue.path[0]);
  if (issue.code === "unrecognized_keys") {
    const own = path === "" && origin ? issue.keys.filter((k) => origin.ownKeys.has(k)) : issue.keys;
    const foreign = issue.keys.length - own.length;
    const known = knownKeysAt(issue.path);
    const keys = own.map((key) => {
      const named2 = path ? `${path}.${key}` : key;
      const meant = closestWord(key, known);
      return meant ? `${named2} (did you mean ${meant}?)` : named2;
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

// src/config/load-config.ts
var fileName = (file) => `${file.owner}/${file.repo}:${file.path}`;
function otherOwnersFile(files, owner) {
  return files.find((file) => file.owner.toLowerCase() !== owner.toLowerCase());
}
function originOf(files, repo) {
  const others = files.filter(
    (file) => file.config && !(file.owner === repo.owner && file.repo === repo.repo)
  );
  const first = others[0];
  if (!first) return void 0;
  const own = files.find((file) => file.owner === repo.owner && file.repo === repo.repo)?.config;
  const ownKeys = new Set(own && typeof own === "object" ? Object.keys(own) : []);
  return { ownKeys, otherFile: others.map(fileName).join(", ") };
}
async function loadConfig(octokit, repo, path = DEFAULT_CONFIG_PATH) {
  let raw;
  let origin;
  try {
    const { config, files } = await octokit.config.get({ owner: repo.owner, repo: repo.repo, path });
    const foreign = otherOwnersFile(files, repo.owner);
    if (foreign) {
      const message = `_extends: ${fileName(foreign)} is outside ${repo.owner}; only repositories of ${repo.owner} can be extended`;
      return { ok: false, error: new ConfigError(path, [{ path: "_extends", message }]) };
    }
    origin = originOf(files, repo);
    const notMapping = files.find((file) => Array.isArray(file.config));
    if (notMapping) {
      const own = notMapping.owner === repo.owner && notMapping.repo === repo.repo;
      const file = own ? notMapping.path : `${notMapping.owner}/${notMapping.repo}:${notMapping.path}`;
      return { ok: false, error: new ConfigError(file, [{ path: "", message: NOT_A_MAPPING }]) };
    }
    raw = config;
  } catch (error) {
    const status = httpStatus(error);
    if (status !== void 0 && status !== 404) throw error;
    const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message.split("\n")[0]}` : "";
    const message = errorMessage(error).replace(/^\[@probot\/octokit-plugin-config\] /, "");
    return { ok: false, error: new ConfigError(path, [{ path: "", message: `${message}${cause}` }]) };
  }
  return validateConfig(raw, path, origin);
}
var ConfigCache = class {
  constructor(ttlMs = 6e4) {
    this.ttlMs = ttlMs;
  }
  ttlMs;
  entries = /* @__PURE__ */ new Map();
  get(key, now, load) {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.catch(() => this.entries.delete(key));
    return value;
  }
  invalidate(key) {
    this.entries.delete(key);
  }
};

// src/incident/merged-pull-request.ts
import { z as z3 } from "zod";
var pullRequestShape = z3.object({
  number: z3.number().int().positive(),
  title: z3.string(),
  body: z3.string().nullable().optional(),
  html_url: z3.string(),
  user: z3.object({ login: z3.string(), id: z3.number().int().optional() }).nullable(),
  labels: z3.array(z3.object({ name: z3.string() })).default([]),
  head: z3.object({
    ref: z3.string(),
    sha: z3.string().regex(/^[0-9a-f]{40}$/),
    repo: z3.object({ id: z3.number().int() }).nullable().optional()
  }),
  base: z3.object({ ref: z3.string(), repo: z3.object({ id: z3.number().int() }) }),
  commits: z3.number().int().nonnegative().optional(),
  merged: z3.boolean().nullable().optional(),
  merge_commit_sha: z3.string().regex(/^[0-9a-f]{40}$/).nullable(),
  merged_at: z3.string().nullable()
});
function mergedPullRequestFrom(raw) {
  const parsed = pullRequestShape.safeParse(raw);
  if (!parsed.success) return null;
  const pr = parsed.data;
  if (!pr.merge_commit_sha || !pr.merged_at || pr.merged === false) return null;
  return {
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    url: pr.html_url,
    author: pr.user?.login ?? "ghost",
    authorId: pr.user?.id ?? null,
    labels: pr.labels.map((label) => label.name),
    headRef: pr.head.ref,
    headSha: pr.head.sha,
    // A deleted fork leaves `head.repo` null: that is still not this repository.
    fromFork: pr.head.repo?.id !== pr.base.repo.id,
    commitCount: pr.commits ?? null,
    baseRef: pr.base.ref,
    mergeSha: pr.merge_commit_sha,
    mergedAt: pr.merged_at
  };
}
function isMergedHotfix(pr, config) {
  return !pr.fromFork && isProductionLine(config, pr.baseRef) && isHotfixFamilyBranch(pr.headRef, config.branches.patterns);
}

// src/util/log-with.ts
function logWith(log, fields) {
  return log.child ? log.child(fields) : log;
}
function withLogFields(ctx, fields) {
  return { ...ctx, log: logWith(ctx.log, fields) };
}

// src/cherry-pick/backport-branch.ts
var UnsafeBranchNameError = class extends HotfixBotError {
  constructor(value, reason) {
    super(`unsafe backport branch input ${JSON.stringify(value)}: ${reason}`);
    this.value = value;
  }
  value;
  kind = "unworkable";
  name = "UnsafeBranchNameError";
};
var PREFIX = "hotfix-bot/";
var MAX_TARGET_LENGTH = 200;
function branchNameProblem(name) {
  if (name.length === 0) return "it is empty";
  if (name.length > MAX_TARGET_LENGTH) return `it is longer than ${MAX_TARGET_LENGTH} characters`;
  if (!/^[A-Za-z0-9._/-]+$/.test(name)) return "only letters, digits, '.', '_', '-' and '/' are allowed";
  if (name.startsWith("-")) return "it starts with '-'";
  if (name === "HEAD") return "HEAD is not a branch";
  for (const component of name.split("/")) {
    if (component === "") return "it has an empty path component";
    if (component.startsWith(".")) return "a path component starts with '.'";
    if (component.endsWith(".lock")) return "a path component ends with '.lock'";
  }
  if (name.includes("..")) return "it contains '..'";
  if (name.endsWith(".")) return "it ends with '.'";
  return null;
}
function backportBranchName(pr, target) {
  if (!Number.isSafeInteger(pr) || pr <= 0) {
    throw new UnsafeBranchNameError(String(pr), "a pull request number is a positive integer");
  }
  const problem = branchNameProblem(target);
  if (problem) throw new UnsafeBranchNameError(target, problem);
  return `${PREFIX}backport-${pr}-to-${target}`;
}
var GLOB = /[*?[\]{}()!+@]/;
var NEWER_LINES = "newer-lines";
function expandTargets(patterns, branches, developBranch, mergedInto, newer2 = []) {
  const existing = new Set(branches);
  const eligible = (name) => name !== mergedInto && !name.startsWith(PREFIX) && branchNameProblem(name) === null;
  const targets = [];
  const add = (name) => {
    if (eligible(name) && !targets.includes(name)) targets.push(name);
  };
  for (const raw of patterns) {
    if (raw === NEWER_LINES) {
      for (const line2 of newer2) add(line2);
      continue;
    }
    const pattern = raw.split("{develop}").join(developBranch);
    if (GLOB.test(pattern)) {
      const matches = globMatcher(pattern);
      for (const branch of branches) if (matches(branch)) add(branch);
    } else if (existing.has(pattern)) {
      add(pattern);
    }
  }
  return targets;
}

// src/cherry-pick/pick-list.ts
var PickListError = class extends HotfixBotError {
  constructor(mergeCommitSha, reason) {
    super(`cannot work out what to pick for ${mergeCommitSha}: ${reason}`);
    this.mergeCommitSha = mergeCommitSha;
  }
  mergeCommitSha;
  kind = "unworkable";
  name = "PickListError";
};
function commitsToPick(input) {
  const { mergeCommitSha, mergeCommitParents, prCommits, firstParentChain } = input;
  const [firstParent] = mergeCommitParents;
  if (firstParent === void 0) throw new PickListError(mergeCommitSha, "it has no parent (a root commit)");
  if (mergeCommitParents.length >= 2) {
    return { method: "merge", picks: [{ sha: mergeCommitSha, parent: firstParent, mainline: 1 }] };
  }
  const n2 = prCommits.length;
  const total = input.prCommitTotal ?? n2;
  if (total > n2) {
    throw new PickListError(
      mergeCommitSha,
      `the pull request has ${total} commits and GitHub lists only ${n2} of them, so whether it was rebased (pick every commit) or squashed (pick one) cannot be verified; backport it by hand with the manual steps`
    );
  }
  const head = firstParentChain[0];
  if (head && head.sha !== mergeCommitSha) {
    throw new PickListError(mergeCommitSha, `the first-parent chain starts at ${head.sha}`);
  }
  for (let k = 0; k + 1 < firstParentChain.length; k++) {
    const commit = firstParentChain[k];
    const older = firstParentChain[k + 1];
    if (commit.parents[0] !== older.sha) {
      throw new PickListError(mergeCommitSha, `${older.sha} is not the first parent of ${commit.sha}`);
    }
  }
  const last = firstParentChain.at(-1);
  if (n2 > firstParentChain.length && (!last || last.parents.length > 0)) {
    throw new PickListError(
      mergeCommitSha,
      `the first-parent chain has ${firstParentChain.length} commits, the pull request ${n2}`
    );
  }
  if (n2 > 0 && n2 <= firstParentChain.length) {
    const newestFirst = firstParentChain.slice(0, n2);
    const oldestFirst = [...newestFirst].reverse();
    const rebased = oldestFirst.every(
      (commit, k) => commit.parents.length === 1 && sameMessage(commit.message, prCommits[k]?.message ?? "")
    );
    if (rebased) {
      return {
        method: "rebase",
        picks: oldestFirst.map((commit) => ({ sha: commit.sha, parent: commit.parents[0] }))
      };
    }
  }
  return { method: "squash", picks: [{ sha: mergeCommitSha, parent: firstParent }] };
}
function sameMessage(x, y) {
  const norm = (message) => message.replace(/\r\n/g, "\n").trimEnd();
  return norm(x) === norm(y);
}

// src/cherry-pick/read-pick-plan.ts
var PULL_COMMITS_LIMIT = 250;
var PER_PAGE = 100;
var HISTORY_PAGE_SLACK = 10;
function firstParentPath(listed, head, count2) {
  const bySha = new Map(listed.map((commit) => [commit.sha, commit]));
  const path = [];
  let next = head;
  while (next !== void 0 && path.length < count2) {
    const commit = bySha.get(next);
    if (!commit) break;
    path.push(commit);
    next = commit.parents[0];
  }
  return path;
}
async function readPullCommits(ctx, pullNumber) {
  const { octokit, repo } = ctx;
  const listed = await octokit.paginate(octokit.rest.pulls.listCommits, {
    ...repo,
    pull_number: pullNumber,
    per_page: PER_PAGE
  });
  const commits = listed.map((c) => ({ sha: c.sha, message: c.commit.message }));
  if (commits.length < PULL_COMMITS_LIMIT) return { commits, total: commits.length };
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return { commits, total: Math.max(pull.commits, commits.length) };
}
async function readFirstParentChain(ctx, head, count2) {
  const { octokit, repo } = ctx;
  const listed = [];
  const maxPages = Math.ceil(count2 / PER_PAGE) + HISTORY_PAGE_SLACK;
  let pages = 0;
  let path = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.repos.listCommits, {
    ...repo,
    sha: head,
    per_page: PER_PAGE
  })) {
    for (const c of data) {
      listed.push({ sha: c.sha, message: c.commit.message, parents: c.parents.map((p) => p.sha) });
    }
    pages++;
    path = firstParentPath(listed, head, count2);
    const atRoot = path.at(-1)?.parents.length === 0;
    const isMerge = (path[0]?.parents.length ?? 0) >= 2;
    if (path.length >= count2 || atRoot || isMerge || pages >= maxPages) break;
  }
  return path;
}
async function readPickPlan(ctx, mergeSha, pulled) {
  const chain = await readFirstParentChain(ctx, mergeSha, pulled.commits.length + 1);
  if (chain[0]?.sha !== mergeSha) {
    throw new PickListError(mergeSha, "the repository's commit list does not start at the merge commit");
  }
  return commitsToPick({
    mergeCommitSha: mergeSha,
    mergeCommitParents: chain[0].parents,
    prCommits: pulled.commits,
    prCommitTotal: pulled.total,
    firstParentChain: chain
  });
}

// src/incident/pipeline-lock.ts
function withPipelineLock(ctx, pr, task) {
  return ctx.locks.pipeline.run(`${ctx.repo.owner}/${ctx.repo.repo}#${pr}`, task);
}

// src/rules/incident-link.ts
var MAX_ISSUE_NUMBER = 2147483647;
var EXPLICIT = /(?<![\w/#-])incident\s*:\s*#([1-9][0-9]{0,9})(?![\w-])/i;
var CLOSING = /(?<![\w/#-])(?:close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved)(?:\s*:\s*|\s+)#([1-9][0-9]{0,9})(?![\w-])/i;
var BRANCH = /^hotfix\/incident-([1-9][0-9]{0,9})$/;
function toNumber(digits) {
  if (digits === void 0) return null;
  const n2 = Number(digits);
  return Number.isSafeInteger(n2) && n2 <= MAX_ISSUE_NUMBER ? n2 : null;
}
function linkedIncidentNumber({
  body,
  headRef
}) {
  const text2 = body ?? "";
  return toNumber(EXPLICIT.exec(text2)?.[1]) ?? toNumber(CLOSING.exec(text2)?.[1]) ?? toNumber(BRANCH.exec(headRef ?? "")?.[1]);
}

// src/identity/bot-identity.ts
function isWrittenByUs(item, identity) {
  return item.performed_via_github_app?.id === identity.appId;
}
function isOurCheckRun(run2, identity) {
  return run2.app?.id === identity.appId;
}
function isOpenedByAnApp(pr) {
  return pr.user?.type === "Bot";
}

// src/identity/state-seal.ts
import { createHmac, timingSafeEqual } from "node:crypto";
var OPEN = "<!-- hotfix-bot:";
var CLOSE = "-->";
var SEAL = `${OPEN}seal `;
var SEAL_VALUE = /^<!-- hotfix-bot:seal ([0-9a-f]{64}) -->$/;
function hiddenMarkers(body) {
  const markers = [];
  let from = 0;
  for (; ; ) {
    const start = body.indexOf(OPEN, from);
    if (start < 0) return markers;
    const end = body.indexOf(CLOSE, start + OPEN.length);
    if (end < 0) return markers;
    const marker = body.slice(start, end + CLOSE.length);
    if (!marker.startsWith(SEAL)) markers.push(marker);
    from = end + CLOSE.length;
  }
}
function mac(secret, scope, body) {
  return createHmac("sha256", secret).update(`${scope}
${hiddenMarkers(body).join("\n")}`).digest("hex");
}
function sealBody(body, secret, scope) {
  return `${body}
${SEAL}${mac(secret, scope, body)} ${CLOSE}`;
}
function hasValidSeal(body, secret, scope) {
  const start = body.lastIndexOf(SEAL);
  if (start < 0) return false;
  const end = body.indexOf(CLOSE, start);
  const match = end < 0 ? null : SEAL_VALUE.exec(body.slice(start, end + CLOSE.length));
  if (!match?.[1]) return false;
  const expected = Buffer.from(mac(secret, scope, body), "hex");
  return timingSafeEqual(expected, Buffer.from(match[1], "hex"));
}

// src/identity/trusted-state.ts
function scopeText(scope) {
  const repo = `${scope.repo.owner}/${scope.repo.repo}`.toLowerCase();
  return scope.issue === null ? repo : `${repo}#${scope.issue}`;
}
async function isTrustedState(ctx, item, scope) {
  const identity = await ctx.identity();
  if (!isWrittenByUs(item, identity)) return false;
  if (identity.stateSecret === null) return true;
  return hasValidSeal(item.body ?? "", identity.stateSecret, scopeText(scope));
}
async function sealState(ctx, body, scope) {
  const identity = await ctx.identity();
  return identity.stateSecret === null ? body : sealBody(body, identity.stateSecret, scopeText(scope));
}

// src/route.ts
function isDeliberateStop(error) {
  return typeof error === "object" && error !== null && error.deliberateStop === true;
}
function partialOutcomeOf(error) {
  if (typeof error !== "object" || error === null) return void 0;
  return error.partial;
}
function attachPartial(error, partial) {
  if (typeof error === "object" && error !== null && Object.isExtensible(error))
    error.partial = { ...partial, ...partialOutcomeOf(error) };
  return error;
}
function stoppedWith(error, partial) {
  return isDeliberateStop(error) ? attachPartial(error, partial) : error;
}
function writtenBefore(error, partial) {
  return attachPartial(error, partial);
}

// src/util/create-once.ts
var NO_BLIND_RETRY = { request: { retries: 0 } };
function answerMayBeLost(error) {
  const status = httpStatus(error);
  return status !== void 0 && status >= 500;
}
async function createOnce(create, find, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await create();
    } catch (error) {
      if (!answerMayBeLost(error) || attempt >= attempts) throw error;
      const found = await find();
      if (found !== null) return found;
    }
  }
}

// src/text/escape-markdown.ts
var MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|~>]/g;
function escapeMarkdown(text2) {
  return text2.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(MARKDOWN_SPECIALS, "\\$&").replace(/@(?=[A-Za-z0-9])/g, "@&#8203;");
}
function escapeTableCell(text2) {
  return escapeMarkdown(text2.replace(/\r\n|\r|\n/g, " "));
}
function truncate(text2, max, marker = "\u2026") {
  if (text2.length <= max) return text2;
  let end = Math.max(0, max - marker.length);
  const code2 = text2.charCodeAt(end - 1);
  if (code2 >= 55296 && code2 <= 56319) end -= 1;
  return text2.slice(0, end) + marker;
}
function linkTarget(url2) {
  return url2.replace(/[\s()<>[\]`]/g, (c) => c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c));
}

// src/incident/incident-durations.ts
function time(iso2) {
  if (!iso2) return null;
  const t = Date.parse(iso2);
  return Number.isNaN(t) ? null : t;
}
function span(a, b) {
  return a === null || b === null || b < a ? null : b - a;
}
function iso(t) {
  return t === null ? null : new Date(t).toISOString();
}
function incidentDurations(state) {
  const detected2 = time(state.detectedAt);
  const prOpened = time(state.intake?.pr?.openedAt);
  const pipelines = Object.values(state.pipelines);
  const merges = pipelines.map((p) => time(p.mergedAt)).filter((t) => t !== null);
  const merged = merges.length > 0 ? Math.min(...merges) : null;
  let first = null;
  for (const p of pipelines) {
    const deployed = time(p.deploy?.deployedAt);
    if (deployed !== null && (first === null || deployed < first.deployed))
      first = { deployed, merged: time(p.mergedAt) };
  }
  const followUps2 = pipelines.flatMap((p) => Object.values(p.followUps).flatMap((f) => f ? [f.issue] : []));
  return {
    detectedAt: iso(detected2),
    prOpenedAt: iso(prOpened),
    mergedAt: iso(merged),
    deployedAt: iso(first?.deployed ?? null),
    detectionToPr: span(detected2, prOpened),
    detectionToMerge: span(detected2, merged),
    mergeToDeploy: span(first?.merged ?? null, first?.deployed ?? null),
    detectionToDeploy: span(detected2, first?.deployed ?? null),
    rolledBack: pipelines.some((p) => p.deploy?.rollback !== void 0 || p.deploy?.failedAt !== void 0),
    followUps: [...new Set(followUps2)].sort((a, b) => a - b)
  };
}
function formatDuration(ms) {
  const s = Math.round(ms / 1e3);
  if (s < 60) return `${s} s`;
  const min = Math.round(ms / 6e4);
  if (min < 60) return `${min} min`;
  if (min < 24 * 60) return `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, "0")} min`;
  const h = Math.round(ms / 36e5);
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}
function recoveryLine(d) {
  const parts = [];
  if (d.detectionToPr !== null) parts.push(`PR ${formatDuration(d.detectionToPr)}`);
  if (d.detectionToMerge !== null) parts.push(`merge ${formatDuration(d.detectionToMerge)}`);
  if (d.detectionToDeploy !== null) parts.push(`deploy ${formatDuration(d.detectionToDeploy)}`);
  if (parts.length === 0) return null;
  return `detection \u2192 ${parts.join(", \u2192 ")}`;
}

// src/incident/timeline-schema.ts
import { z as z4 } from "zod";

// src/incident/follow-up-kinds.ts
var FOLLOW_UP_KINDS = [
  "post-mortem",
  "proper-fix",
  "regression-tests",
  "post-deploy-review",
  "security-review"
];

// src/incident/timeline-schema.ts
var isoTime = z4.string();
var url = z4.string();
var count = z4.number().int().positive();
var refused = z4.array(z4.object({ branch: z4.string(), tip: z4.string() }));
var backport = z4.object({
  status: z4.enum(["open", "conflict", "already", "failed"]),
  pr: count.optional(),
  url: url.optional(),
  error: z4.string().optional(),
  branch: z4.string().optional(),
  refused: refused.optional(),
  end: z4.discriminatedUnion("state", [
    z4.object({
      state: z4.literal("merged"),
      sha: z4.string(),
      at: isoTime,
      by: z4.string().nullable(),
      conflict: z4.boolean().optional()
    }),
    z4.object({ state: z4.literal("closed"), at: isoTime, by: z4.string().nullable() })
  ]).optional(),
  autoMerge: z4.object({ method: z4.string(), at: isoTime, error: z4.string().optional() }).optional(),
  waived: z4.object({ by: z4.string(), reason: z4.string(), at: isoTime }).optional()
});
var followUp = z4.object({
  issue: count,
  url,
  // Follow-up deadlines.
  dueAt: isoTime.optional(),
  overdueNoticeAt: isoTime.optional(),
  closedAt: isoTime.optional()
});
var followUps = z4.object(
  Object.fromEntries(FOLLOW_UP_KINDS.map((kind) => [kind, followUp.optional()]))
).default({});
var rollback = z4.object({
  status: z4.enum(["open", "conflict", "empty", "failed"]),
  pr: count.optional(),
  url: url.optional(),
  error: z4.string().optional(),
  branch: z4.string().optional(),
  refused: refused.optional()
});
var deploy = z4.object({
  workflow: z4.object({ id: z4.string(), ref: z4.string(), at: isoTime }).optional(),
  environment: z4.object({ name: z4.string(), deployment: count, at: isoTime }).optional(),
  deployedAt: isoTime.optional(),
  deployment: count.optional(),
  url: url.optional(),
  failedAt: isoTime.optional(),
  failedDeployment: count.optional(),
  rollback: rollback.optional(),
  escalated: z4.boolean().optional(),
  error: z4.string().optional()
});
var intake = z4.object({
  trigger: z4.enum(["label", "command"]),
  branch: z4.string(),
  cutFrom: z4.string(),
  baseSha: z4.string(),
  productionSha: z4.string(),
  line: z4.string().optional(),
  previousTag: z4.object({ name: z4.string(), sha: z4.string() }).optional(),
  checklist: z4.boolean().optional(),
  report: z4.object({ path: z4.string(), commit: z4.string() }).optional(),
  pr: z4.object({ number: count, url, openedAt: isoTime, byBot: z4.boolean() }).optional()
});
var pipeline = z4.object({
  pr: count,
  mergeSha: z4.string(),
  mergedAt: isoTime,
  tag: z4.string().optional(),
  release: z4.object({ id: count, url }).optional(),
  backports: z4.record(z4.string(), backport).default({}),
  followUps,
  branchDeleted: z4.boolean().optional(),
  deploy: deploy.optional(),
  done: z4.boolean(),
  heartbeatAt: isoTime,
  // Monitoring window and /rollback.
  monitor: z4.object({ sha: z4.string(), since: isoTime, until: isoTime, stableAt: isoTime.optional() }).optional(),
  rollbackBy: z4.object({
    kind: z4.enum(["command", "check"]),
    at: isoTime,
    by: z4.string(),
    byId: count.optional(),
    reason: z4.string(),
    commentId: count.optional()
  }).optional()
});
var entry = z4.object({
  key: z4.string(),
  at: isoTime,
  text: z4.string(),
  url: url.optional()
});
var timelineStateSchema = z4.object({
  v: z4.literal(1),
  incident: count.nullable(),
  detectedAt: isoTime.optional(),
  severity: z4.string().optional(),
  commander: z4.string().optional(),
  intake: intake.optional(),
  entries: z4.array(entry),
  pipelines: z4.record(z4.string(), pipeline),
  collapsed: z4.number().int().nonnegative().optional(),
  resolvedAt: isoTime.optional(),
  // Notifications (incident/notify).
  notifications: z4.record(
    z4.string(),
    z4.object({
      at: isoTime,
      channels: z4.array(
        z4.object({
          channel: z4.string(),
          kind: z4.string().optional(),
          ok: z4.boolean(),
          status: z4.number().int().optional(),
          error: z4.string().optional()
        })
      )
    })
  ).optional(),
  // Fast-track approval: see FastTrackState.
  fastTrack: z4.record(
    z4.string(),
    z4.object({ head: z4.string(), since: isoTime, minutes: count, firedAt: isoTime.optional() })
  ).optional(),
  // Resolution record (deploy/record-resolution).
  resolution: z4.object({
    status: z4.enum(["proposed", "timeline", "failed"]),
    fix: count,
    at: isoTime,
    pr: count.optional(),
    url: url.optional(),
    branch: z4.string().optional(),
    refused: refused.optional(),
    error: z4.string().optional()
  }).optional()
});
function toTimelineState(data) {
  const result = timelineStateSchema.safeParse(data);
  if (!result.success) return null;
  const state = result.data;
  return state;
}

// src/incident/timeline-markdown.ts
var TIMELINE_MARKER = "<!-- hotfix-bot:timeline ";
var STATE_LINE = /^\s*<!-- hotfix-bot:timeline ([^>]*) -->/;
var TIMELINE_BODY_MAX = 65e3;
var TimelineTooLargeError = class extends HotfixBotError {
  constructor(incident, length) {
    super(
      `the timeline of ${incident === null ? "this pull request" : `incident #${incident}`} needs ${length} characters even with every entry dropped (limit ${TIMELINE_BODY_MAX})`
    );
    this.incident = incident;
    this.length = length;
    this.name = "TimelineTooLargeError";
  }
  incident;
  length;
  kind = "unworkable";
};
function encodeState(state) {
  return JSON.stringify(state).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}
function formatTime(iso2) {
  const t = Date.parse(iso2);
  if (Number.isNaN(t)) return escapeTableCell(iso2);
  return `${new Date(t).toISOString().slice(0, 16).replace("T", " ")}`;
}
function link(text2, url2) {
  return url2 ? `[${text2}](${linkTarget(url2)})` : text2;
}
var FOLLOW_UP_LABEL = {
  "post-mortem": "post-mortem",
  "proper-fix": "proper fix",
  "regression-tests": "regression tests",
  "post-deploy-review": "post-deploy review",
  "security-review": "security review"
};
function pipelineLine(p) {
  const parts = [`#${p.pr} merged as \`${p.mergeSha.slice(0, 7)}\` at ${formatTime(p.mergedAt)} UTC`];
  if (p.tag) parts.push(`tag ${link(escapeMarkdown(p.tag), p.release?.url)}`);
  const backports = Object.entries(p.backports).map(([target, b]) => {
    const what = b.pr ? link(`#${b.pr}`, b.url) : "";
    const error = b.error ? ` (${escapeTableCell(truncate(b.error, 200))})` : "";
    return `${escapeMarkdown(target)}: ${b.status}${what ? ` ${what}` : ""}${error}`;
  });
  if (backports.length > 0) parts.push(`backports ${backports.join(", ")}`);
  const followUps2 = Object.entries(p.followUps).flatMap(
    ([kind, f]) => f ? [
      `${FOLLOW_UP_LABEL[kind] ?? escapeMarkdown(kind)} ${link(`#${f.issue}`, f.url)}${f.dueAt ? ` (due ${formatTime(f.dueAt)} UTC)` : ""}`
    ] : []
  );
  if (followUps2.length > 0) parts.push(`follow-ups ${followUps2.join(", ")}`);
  if (p.branchDeleted) parts.push("branch deleted");
  parts.push(p.done ? "**done**" : `in progress (last seen ${formatTime(p.heartbeatAt)} UTC)`);
  return `- ${parts.join(" \xB7 ")}`;
}
function header(state) {
  const facts2 = [
    ...state.incident === null ? [] : [`Incident #${state.incident}`],
    ...state.severity ? [`severity ${escapeMarkdown(state.severity)}`] : [],
    ...state.commander ? [`commander ${escapeMarkdown(`@${state.commander}`)}`] : [],
    ...state.detectedAt ? [`detected ${formatTime(state.detectedAt)} UTC`] : []
  ];
  const recovery = recoveryLine(incidentDurations(state));
  return [
    "### Hotfix timeline",
    ...facts2.length > 0 ? ["", facts2.join(" \xB7 ")] : [],
    ...recovery ? ["", `Recovery: ${recovery}`] : []
  ];
}
function layout(state, hidden) {
  const shown = state.entries.slice(hidden);
  const earlier = hidden + (state.collapsed ?? 0);
  const lines = [`${TIMELINE_MARKER}${encodeState(state)} -->`, ...header(state), ""];
  if (earlier > 0)
    lines.push(`_${earlier} earlier ${earlier === 1 ? "entry is" : "entries are"} not shown._`, "");
  if (shown.length > 0) {
    lines.push("| Time (UTC) | Step |", "| --- | --- |");
    for (const e of shown) lines.push(`| ${formatTime(e.at)} | ${link(escapeTableCell(e.text), e.url)} |`);
    lines.push("");
  } else if (earlier === 0) {
    lines.push("_No steps yet._", "");
  }
  const pipelines = Object.values(state.pipelines).sort((a, b) => a.pr - b.pr);
  if (pipelines.length > 0) lines.push("#### Pipelines", "", ...pipelines.map(pipelineLine), "");
  return lines.join("\n");
}
function smallest(max, fits) {
  let lo = 0;
  let hi = max + 1;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
var STORED_ERROR_MAX = 1e3;
function boundErrors(state) {
  const long = Object.values(state.pipelines).some(
    (p) => Object.values(p.backports).some((b) => (b.error?.length ?? 0) > STORED_ERROR_MAX)
  );
  if (!long) return state;
  const pipelines = {};
  for (const [key, p] of Object.entries(state.pipelines)) {
    const backports = {};
    for (const [target, b] of Object.entries(p.backports)) {
      backports[target] = b.error === void 0 ? b : { ...b, error: truncate(b.error, STORED_ERROR_MAX) };
    }
    pipelines[key] = { ...p, backports };
  }
  return { ...state, pipelines };
}
function dropOldest(state, count2) {
  if (count2 === 0) return state;
  return { ...state, entries: state.entries.slice(count2), collapsed: (state.collapsed ?? 0) + count2 };
}
function renderTimeline(input) {
  const state = boundErrors(input);
  const fits = (body) => body.length <= TIMELINE_BODY_MAX;
  const full = layout(state, 0);
  if (fits(full)) return full;
  const n2 = state.entries.length;
  const dropped = smallest(n2, (d) => {
    const kept2 = dropOldest(state, d);
    return fits(layout(kept2, kept2.entries.length));
  });
  if (dropped > n2) throw new TimelineTooLargeError(state.incident, layout(dropOldest(state, n2), 0).length);
  const kept = dropOldest(state, dropped);
  const hidden = smallest(kept.entries.length, (h) => fits(layout(kept, h)));
  return layout(kept, hidden);
}
function parseTimeline(body) {
  if (typeof body !== "string") return null;
  const match = STATE_LINE.exec(body);
  if (!match) return null;
  try {
    return toTimelineState(JSON.parse(match[1]));
  } catch {
    return null;
  }
}
function hasTimelineMarker(body) {
  return typeof body === "string" && body.trimStart().startsWith(TIMELINE_MARKER);
}
function visibleTimeline(body) {
  return body.trimStart().replace(/^<!--[^\n]*-->\n*/, "");
}

// src/incident/upsert-timeline.ts
async function findTimelineComment(ctx, issueNumber) {
  const { octokit, repo } = ctx;
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...repo,
    issue_number: issueNumber,
    per_page: 100
  });
  for await (const page of pages) {
    for (const comment of page.data) {
      if (!hasTimelineMarker(comment.body)) continue;
      if (await isTrustedState(ctx, comment, { repo, issue: issueNumber })) return comment;
    }
  }
  return null;
}
async function readTimeline(ctx, issueNumber) {
  const comment = await findTimelineComment(ctx, issueNumber);
  if (!comment) return { commentId: null, state: null };
  return { commentId: comment.id, state: parseTimeline(comment.body ?? "") };
}
async function writeTimeline(ctx, issueNumber, commentId, state) {
  const rendered = renderTimeline(state);
  const markdown = visibleTimeline(rendered);
  try {
    return await writeTimelineComment(ctx, issueNumber, commentId, rendered, markdown);
  } catch (error) {
    throw stoppedWith(error, { timeline: markdown });
  }
}
async function writeTimelineComment(ctx, issueNumber, commentId, rendered, markdown) {
  const { octokit, repo } = ctx;
  const body = await sealState(ctx, rendered, { repo, issue: issueNumber });
  if (commentId !== null) {
    try {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
      return { commentId, markdown };
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  const createdId = await createOnce(
    async () => {
      const { data } = await octokit.rest.issues.createComment({
        ...repo,
        issue_number: issueNumber,
        body,
        ...NO_BLIND_RETRY
      });
      return data.id;
    },
    async () => {
      const found = await findTimelineComment(ctx, issueNumber);
      return found?.body === body ? found.id : null;
    }
  );
  const first = await findTimelineComment(ctx, issueNumber);
  if (!first || first.id === createdId) return { commentId: createdId, markdown };
  try {
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: createdId });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
  await octokit.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
  return { commentId: first.id, markdown };
}

// src/incident/pull-incident.ts
function incidentLinkHolds(state, headRef) {
  return state?.intake?.branch === headRef;
}
async function incidentOfPull(ctx, claim) {
  if (claim.fromFork !== false) return { incident: null, refused: null, timeline: null };
  const number = linkedIncidentNumber({ body: claim.body, headRef: claim.headRef });
  if (number === null) return { incident: null, refused: null, timeline: null };
  let timeline;
  try {
    timeline = await readTimeline(ctx, number);
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 404 && status !== 410) throw error;
    timeline = { commentId: null, state: null };
  }
  if (!incidentLinkHolds(timeline.state, claim.headRef)) {
    ctx.log.info(
      `incident #${number} does not record ${claim.headRef} as its hotfix branch: link not followed`
    );
    return { incident: null, refused: number, timeline: null };
  }
  return { incident: number, refused: null, timeline };
}

// src/incident/incident-resolution.ts
function backportLanded(backport2) {
  return backport2.status === "already" || backport2.end?.state === "merged" || backport2.waived !== void 0;
}
function incidentProgress(state, deployConfigured2) {
  const pipelines = Object.values(state.pipelines).sort((a, b) => a.pr - b.pr);
  const recovered = pipelines.length > 0 && (deployConfigured2 ? pipelines.some((p) => p.deploy?.deployedAt !== void 0) : true);
  const pending = [];
  for (const pipeline2 of pipelines) {
    for (const [target, backport2] of Object.entries(pipeline2.backports).sort(
      ([a], [b]) => a.localeCompare(b)
    )) {
      if (backportLanded(backport2)) continue;
      const why = backport2.end?.state === "closed" ? "closed" : backport2.status;
      pending.push({ hotfixPr: pipeline2.pr, target, pr: backport2.pr ?? null, why });
    }
  }
  return { recovered, resolved: recovered && pending.length === 0, pending };
}
function describePending(pending) {
  return pending.map((p) => {
    const what = p.why === "closed" ? "closed unmerged" : p.why === "failed" ? "failed" : p.why;
    return `${p.target} (${p.pr === null ? "" : `#${p.pr}, `}${what})`;
  }).join(", ");
}

// src/incident/timeline-state.ts
var ENTRY_TEXT_MAX = 1e3;
function emptyTimeline(incident) {
  return { v: 1, incident, entries: [], pipelines: {} };
}
function timeOf(entry2) {
  const t = Date.parse(entry2.at);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
function addEntry(state, entry2) {
  const next = { ...entry2, text: truncate(entry2.text, ENTRY_TEXT_MAX) };
  const index = state.entries.findIndex((e) => e.key === entry2.key);
  const entries = index === -1 ? [...state.entries, next] : state.entries.map((e, i) => i === index ? next : e);
  entries.sort((a, b) => {
    const x = timeOf(a);
    const y = timeOf(b);
    return x === y ? 0 : x < y ? -1 : 1;
  });
  return { ...state, entries };
}

// src/incident/settle-incident.ts
var CLOSED_AT_RESOLUTION_KEY = "closed-resolved";
function deployConfigured(config) {
  return config.deploy.workflow !== void 0 || config.deploy.environment !== void 0;
}
async function settleIncident(ctx, config, state, incident) {
  if (state.resolvedAt !== void 0) return state;
  const progress = incidentProgress(state, deployConfigured(config));
  if (!progress.recovered) return state;
  const now = ctx.clock().toISOString();
  if (!progress.resolved) {
    const previous = state.entries.find((e) => e.key === "recovered");
    const what = deployConfigured(config) ? "the fix is deployed" : "the fix is merged";
    return addEntry(state, {
      key: "recovered",
      at: previous?.at ?? now,
      text: `Recovered: ${what}; resolved once every backport lands \u2014 waiting for ${describePending(progress.pending)}`
    });
  }
  let next = { ...state, resolvedAt: now };
  next = addEntry(next, {
    key: "resolved",
    at: now,
    text: "Resolved: the fix is deployed and has landed on every backport target"
  });
  if (config.deploy.closeIncidentOnSuccess && incident !== null && !next.entries.some((e) => e.key === CLOSED_AT_RESOLUTION_KEY)) {
    await ctx.octokit.rest.issues.update({
      ...ctx.repo,
      issue_number: incident,
      state: "closed",
      state_reason: "completed"
    });
    next = addEntry(next, {
      key: CLOSED_AT_RESOLUTION_KEY,
      at: ctx.clock().toISOString(),
      text: "Incident closed: the fix is deployed and every backport has landed"
    });
  }
  return next;
}

// src/incident/timeline-recorder.ts
var TimelineRecorder = class {
  constructor(ctx, issue, read) {
    this.ctx = ctx;
    this.issue = issue;
    this.current = read.state;
    this.commentId = read.commentId;
  }
  ctx;
  issue;
  current;
  commentId;
  lastMarkdown;
  /** The state as it will be written by the next flush. */
  get state() {
    return this.current;
  }
  /** The markdown of the last flush, without its hidden state line; undefined before the first. */
  get markdown() {
    return this.lastMarkdown;
  }
  /** Adds an entry (or replaces the one with its key: a re-run adds no second line). */
  add(entry2) {
    this.current = addEntry(this.current, entry2);
  }
  addAll(entries) {
    for (const entry2 of entries) this.add(entry2);
  }
  /** Any other change of the state, as a pure function of it. */
  update(change) {
    this.current = change(this.current);
  }
  /** Records the pipeline of a merged PR (keyed by its number), replacing what was there. */
  setPipeline(pipeline2) {
    this.update((state) => ({
      ...state,
      pipelines: { ...state.pipelines, [String(pipeline2.pr)]: pipeline2 }
    }));
  }
  /** Writes the timeline as it stands and returns its markdown. */
  async flush() {
    const written = await writeTimeline(this.ctx, this.issue, this.commentId, this.current);
    this.commentId = written.commentId;
    this.lastMarkdown = written.markdown;
    return written.markdown;
  }
};

// src/rules/title.ts
var EXAMPLE_SUMMARY = "Fix critical auth failure";
var digit2 = inRange("0", "9");
var upper = inRange("A", "Z");
var jiraKey = () => seq(
  char(upper),
  oneOrMore(char(oneOf(upper, digit2, (c) => c === 95))),
  literal("-"),
  char(inRange("1", "9")),
  ...Array.from({ length: 8 }, () => optional(char(digit2)))
);
var summary = () => {
  const nonSpace = char((c) => !isSpace(c));
  return seq(nonSpace, optional(seq(zeroOrMore(char(isNotLineTerminator)), nonSpace)));
};
var compiled = /* @__PURE__ */ new Map();
function compileFormat(format) {
  const hit = compiled.get(format);
  if (hit) return hit;
  const items = [];
  let keyGroup = 0;
  for (const part of format.trim().split(/(\{key\}|\{summary\}|\s+)/)) {
    if (part === "") continue;
    if (part === "{key}") {
      if (keyGroup === 0) {
        keyGroup = 1;
        items.push(capture(1, jiraKey()));
      } else {
        items.push(jiraKey());
      }
    } else if (part === "{summary}") {
      items.push(summary());
    } else if (/^\s+$/.test(part)) {
      items.push(oneOrMore(char(isSpace)));
    } else {
      items.push(literal(part));
    }
  }
  const result = { pattern: compilePattern(seq(...items)), keyGroup };
  if (compiled.size > 100) compiled.clear();
  compiled.set(format, result);
  return result;
}
function readTitle(title, format) {
  const { pattern, keyGroup } = compileFormat(format);
  const text2 = title.trim();
  const slots = matchPattern(pattern, text2);
  if (slots === null) return null;
  if (keyGroup === 0) return { key: null };
  const start = slots[keyGroup * 2] ?? -1;
  const end = slots[keyGroup * 2 + 1] ?? -1;
  return { key: start < 0 ? null : text2.slice(start, end) };
}
function exampleTitle(config) {
  const key = `${config.title.projects[0] ?? "SPF"}-1290`;
  return config.title.format.trim().replace(/\{key\}/g, key).replace(/\{summary\}/g, EXAMPLE_SUMMARY);
}
function jiraKeyOf(title, config) {
  return readTitle(title, config.title.format)?.key ?? null;
}
function checkTitle(title, config) {
  const { format, projects } = config.title;
  const expected = `expected "${format}", e.g. "${exampleTitle(config)}"`;
  const read = readTitle(title, format);
  if (!read) {
    const shown = title.length > 80 ? `${title.slice(0, 79)}\u2026` : title;
    return { rule: "title", label: "Title", state: "fail", reason: `"${shown}" does not match; ${expected}` };
  }
  const key = read.key;
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

// src/rules/approvals.ts
function approvalTeams(severity2, config) {
  return config.approvals[severity2].from.filter((entry2) => entry2.includes("/")).map((t) => t.toLowerCase());
}
function standingReviews(reviews) {
  const ordered = reviews.filter((r) => r.reviewer !== null && r.state !== "PENDING").slice().sort((a, b) => (a.submittedAt ?? "").localeCompare(b.submittedAt ?? "") || a.id - b.id);
  const standing = /* @__PURE__ */ new Map();
  for (const review of ordered) {
    const reviewer = review.reviewer;
    if (review.state === "APPROVED" || review.state === "CHANGES_REQUESTED") {
      standing.set(reviewer.id, { reviewer, state: review.state, commitId: review.commitId });
    } else if (review.state === "DISMISSED") {
      standing.delete(reviewer.id);
    }
  }
  return standing;
}
function needsContributors(reviews, required) {
  return required > 0 || standingReviews(reviews).size > 0;
}
function accountsToCheck(reviews, headSha, contributors) {
  return [...standingReviews(reviews).values()].filter((review) => !contributors?.roles.has(review.reviewer.id)).filter((review) => review.state === "CHANGES_REQUESTED" || review.commitId === headSha).map((review) => review.reviewer);
}
var ROLE_TEXT = {
  author: "they opened this PR",
  committer: "they wrote or committed commits in this PR",
  pusher: "they pushed to this PR"
};
var short = (sha) => sha ? sha.slice(0, 7) : "an unknown commit";
function countedApprovals(facts2, severity2, config) {
  const rule = config.approvals[severity2];
  const from = rule.from.map((entry2) => entry2.toLowerCase());
  const fromLogins = new Set(from.filter((entry2) => !entry2.includes("/")));
  const fromTeams = from.filter((entry2) => entry2.includes("/"));
  const teamMembers = new Set(fromTeams.flatMap((team) => facts2.teams[team] ?? []));
  const allowed = (account2) => from.length === 0 || fromLogins.has(account2.login.toLowerCase()) || teamMembers.has(account2.id);
  const notes = [];
  const contributors = facts2.contributors;
  let closed = null;
  if (contributors?.incomplete) closed = contributors.incomplete;
  else if (contributors && contributors.unattributable.length > 0) {
    const listed = contributors.unattributable.slice(0, 5).map(short).join(", ");
    const more = contributors.unattributable.length > 5 ? ` and ${contributors.unattributable.length - 5} more` : "";
    closed = `commit ${listed}${more} has no GitHub author or committer, so no approval can be checked against who wrote it; push it again from an account GitHub knows`;
  } else if (!facts2.reviewsComplete) {
    closed = "too many reviews to read them all, so a change request may be missing";
  }
  const approvedBy = [];
  const blockers = [];
  for (const review of standingReviews(facts2.reviews).values()) {
    const { reviewer } = review;
    const roles = contributors?.roles.get(reviewer.id);
    if (roles && roles.length > 0) {
      if (review.state === "APPROVED")
        notes.push(
          `approval by ${reviewer.login} does not count (${roles.map((r) => ROLE_TEXT[r]).join("; ")})`
        );
      continue;
    }
    const writer = facts2.writers.get(reviewer.id) === true;
    if (review.state === "CHANGES_REQUESTED") {
      if (writer) blockers.push(reviewer);
      continue;
    }
    if (review.commitId !== facts2.headSha) {
      notes.push(
        `approval by ${reviewer.login} was for ${short(review.commitId)}, not the head ${short(facts2.headSha)}: it must be given again`
      );
    } else if (!writer) {
      notes.push(`approval by ${reviewer.login} does not count (no write access to the repository)`);
    } else if (!allowed(reviewer)) {
      notes.push(`approval by ${reviewer.login} does not count (not in approvals.${severity2}.from)`);
    } else {
      approvedBy.push(reviewer);
    }
  }
  return { approvedBy: closed ? [] : approvedBy, blockers, notes, closed };
}
function checkApprovals(facts2, severity2, config) {
  const rule = config.approvals[severity2];
  const counted = countedApprovals(facts2, severity2, config);
  const approvedBy = counted.approvedBy.map((account2) => account2.login);
  const details = [...counted.notes];
  const unreadable = approvalTeams(severity2, config).filter((team) => !facts2.teams[team]);
  for (const team of unreadable) {
    details.push(`team ${team} could not be read: the App needs the organization permission Members: read`);
  }
  const base = { rule: "approvals", label: "Approvals", approvedBy, details };
  const approvedText = approvedBy.length > 0 ? `approved by ${approvedBy.join(", ")}` : "no approval yet";
  if (counted.closed) return { ...base, state: "fail", reason: counted.closed };
  if (counted.blockers.length > 0) {
    return {
      ...base,
      state: "fail",
      reason: `changes requested by ${counted.blockers.map((a) => a.login).join(", ")}`
    };
  }
  if (rule.required === 0) {
    if (approvedBy.length > 0) {
      return { ...base, state: "pass", reason: `${approvedText} (none required for ${severity2})` };
    }
    return {
      ...base,
      state: "warn",
      reason: `no approval: a post-deploy review follow-up will be opened (${severity2} may merge without one)`
    };
  }
  if (approvedBy.length >= rule.required) {
    return { ...base, state: "pass", reason: `${approvedText} (${rule.required} required for ${severity2})` };
  }
  const missing = rule.required - approvedBy.length;
  if (unreadable.length > 0) {
    return {
      ...base,
      state: "fail",
      reason: `team ${unreadable.join(", ")} cannot be read: grant the App the organization permission Members: read (members: read), or name people in approvals.${severity2}.from`
    };
  }
  return {
    ...base,
    state: "pending",
    reason: `${missing} more approval${missing === 1 ? "" : "s"} needed for ${severity2} (${rule.required} required; ${approvedText})`
  };
}

// src/util/collect-pages.ts
var PER_PAGE2 = 100;
async function collectPages(pages, maxPages) {
  const items = [];
  let count2 = 0;
  for await (const page of pages) {
    items.push(...page.data);
    count2 += 1;
    if (count2 >= maxPages) return { items, complete: page.data.length < PER_PAGE2 };
  }
  return { items, complete: true };
}

// src/util/permission.ts
var WRITERS = /* @__PURE__ */ new Set(["admin", "maintain", "write"]);
async function readWriteAccess(ctx, login, id) {
  try {
    const { data } = await ctx.octokit.rest.repos.getCollaboratorPermissionLevel({
      ...ctx.repo,
      username: login
    });
    if (id !== null && data.user?.id !== id) return false;
    return WRITERS.has(data.role_name ?? "") || WRITERS.has(data.permission);
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}
function hasWritePermission(ctx, login) {
  return readWriteAccess(ctx, login, null);
}
var WriteAccessCache = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  answers = /* @__PURE__ */ new Map();
  hasWrite(account2) {
    let answer = this.answers.get(account2.id);
    if (!answer) {
      answer = readWriteAccess(this.ctx, account2.login, account2.id);
      this.answers.set(account2.id, answer);
      answer.catch(() => this.answers.delete(account2.id));
    }
    return answer;
  }
};

// src/approvals/read-approval-facts.ts
var MAX_REVIEW_PAGES = 5;
var MAX_COMMIT_PAGES = 3;
var MAX_ACTIVITY_PAGES = 5;
var MAX_TEAM_PAGES = 3;
var accountOf = (user) => user && typeof user.id === "number" && typeof user.login === "string" ? { id: user.id, login: user.login } : null;
async function readReviews(ctx, number) {
  const { items, complete } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", {
      ...ctx.repo,
      pull_number: number,
      per_page: PER_PAGE2
    }),
    MAX_REVIEW_PAGES
  );
  const reviews = items.map((review) => ({
    id: Number(review.id),
    reviewer: accountOf(review.user),
    state: review.state,
    submittedAt: review.submitted_at ?? null,
    commitId: review.commit_id ?? null
  }));
  return { reviews, complete };
}
async function readContributors(ctx, subject) {
  const roles = /* @__PURE__ */ new Map();
  const add = (account2, role) => {
    if (!account2) return;
    const list2 = roles.get(account2.id) ?? [];
    if (!list2.includes(role)) list2.push(role);
    roles.set(account2.id, list2);
  };
  add(subject.author, "author");
  const [commits, pushes] = await Promise.all([
    collectPages(
      ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", {
        ...ctx.repo,
        pull_number: subject.number,
        per_page: PER_PAGE2
      }),
      MAX_COMMIT_PAGES
    ),
    readPushes(ctx, subject.headRef)
  ]);
  const unattributable = [];
  for (const commit of commits.items) {
    const author = accountOf(commit.author);
    const committer = accountOf(commit.committer);
    add(author, "committer");
    add(committer, "committer");
    if (!author || !committer) unattributable.push(commit.sha);
  }
  let incomplete = null;
  const listed = commits.items.length;
  if (!commits.complete || subject.commitCount !== null && listed < subject.commitCount) {
    incomplete = `GitHub lists ${listed} of the PR's ${subject.commitCount ?? "more"} commits, so who wrote the rest cannot be checked; split the hotfix into smaller PRs`;
  }
  if (pushes === "unreadable") {
    incomplete ??= `who pushed to ${subject.headRef} cannot be read (the repository activity listing is unavailable)`;
  } else {
    for (const pusher of pushes.pushers) add(pusher, "pusher");
    if (!pushes.complete) incomplete ??= `${subject.headRef} has too many pushes to read who made them all`;
    if (pushes.anonymous) incomplete ??= `a push to ${subject.headRef} has no GitHub user behind it`;
  }
  return { roles, unattributable, incomplete };
}
async function readPushes(ctx, branch) {
  try {
    const { items, complete } = await collectPages(
      ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/activity", {
        ...ctx.repo,
        ref: `refs/heads/${branch}`,
        per_page: PER_PAGE2
      }),
      MAX_ACTIVITY_PAGES
    );
    const pushers = items.flatMap((activity) => {
      const actor = accountOf(activity.actor);
      return actor ? [actor] : [];
    });
    return { pushers, complete, anonymous: pushers.length < items.length };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 403) return "unreadable";
    throw error;
  }
}
async function teamMemberIds(ctx, team) {
  const [org, slug] = team.split("/", 2);
  if (!org || !slug) return null;
  try {
    const { items } = await collectPages(
      ctx.octokit.paginate.iterator("GET /orgs/{org}/teams/{team_slug}/members", {
        org,
        team_slug: slug,
        per_page: PER_PAGE2
      }),
      MAX_TEAM_PAGES
    );
    return items.map((member) => member.id);
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) return null;
    throw error;
  }
}
async function readApprovalFacts(ctx, subject, severity2, config) {
  const [{ reviews, complete }, teams] = await Promise.all([
    readReviews(ctx, subject.number),
    (async () => {
      const entries = await Promise.all(
        approvalTeams(severity2, config).map(async (team) => [team, await teamMemberIds(ctx, team)])
      );
      return Object.fromEntries(entries);
    })()
  ]);
  const contributors = needsContributors(reviews, config.approvals[severity2].required) ? await readContributors(ctx, subject) : null;
  const access = new WriteAccessCache(ctx);
  const writers = /* @__PURE__ */ new Map();
  await Promise.all(
    accountsToCheck(reviews, subject.headSha, contributors).map(async (account2) => {
      writers.set(account2.id, await access.hasWrite(account2));
    })
  );
  return { headSha: subject.headSha, reviews, reviewsComplete: complete, contributors, writers, teams };
}

// src/rules/severity.ts
var ORDER = ["P0", "P1", "P2"];
function severityFromLabels(labels, config) {
  const present = new Set(labels.map((l) => l.toLowerCase()));
  return ORDER.find((s) => present.has(config.severity.labels[s].toLowerCase())) ?? null;
}
function resolveSeverity(facts2, config) {
  const own = severityFromLabels(facts2.prLabels, config);
  if (own) return { severity: own, source: { kind: "pull-request" } };
  const incident = facts2.incident;
  if (incident?.labels) {
    const linked = severityFromLabels(incident.labels, config);
    if (linked) return { severity: linked, source: { kind: "incident", number: incident.number } };
  }
  return {
    severity: config.severity.default,
    source: {
      kind: "default",
      incident: incident ? {
        number: incident.number,
        found: incident.labels !== null,
        ...incident.unbound ? { unbound: true } : {}
      } : null
    }
  };
}
function severityRow(resolved, config) {
  const { severity: severity2, source } = resolved;
  const label = config.severity.labels[severity2];
  let reason;
  if (source.kind === "pull-request") reason = `${severity2} (label ${label} on the PR)`;
  else if (source.kind === "incident") reason = `${severity2} (label ${label} on incident #${source.number})`;
  else if (source.incident?.unbound)
    reason = `${severity2} by default (incident #${source.incident.number} does not record this branch as its hotfix branch, so the link is not followed)`;
  else if (source.incident && !source.incident.found)
    reason = `${severity2} by default (incident #${source.incident.number} could not be read)`;
  else reason = `${severity2} by default (no severity label on the PR or its incident)`;
  return { rule: "severity", label: "Severity", state: "pass", reason };
}

// src/after-merge/merge-facts.ts
function severityOfLabels(labels, incidentSeverity, config) {
  const fromPr = severityFromLabels(labels, config);
  if (fromPr) return fromPr;
  if (incidentSeverity === "P0" || incidentSeverity === "P1" || incidentSeverity === "P2")
    return incidentSeverity;
  return config.severity.default;
}
async function wasApproved(ctx, pr, severity2, config) {
  const facts2 = await readApprovalFacts(
    ctx,
    {
      number: pr.number,
      headSha: pr.headSha,
      headRef: pr.headRef,
      author: pr.authorId === null ? null : { id: pr.authorId, login: pr.author },
      commitCount: pr.commitCount
    },
    severity2,
    config
  );
  return countedApprovals(facts2, severity2, config).approvedBy.length > 0;
}

// src/incident/incident-lock.ts
function withIncidentLock(ctx, incident, task) {
  return ctx.locks.pipeline.run(`${ctx.repo.owner}/${ctx.repo.repo}#incident-${incident}`, task);
}

// src/incident/notify/milestone-message.ts
function isWebUrl(url2) {
  return /^https?:\/\//i.test(url2);
}
function milestoneMessage(input) {
  const { state, details } = input;
  const declared = state.entries.find((e) => e.key === "declared");
  return {
    milestone: input.milestone,
    title: `${MILESTONE_TITLE[input.milestone]} \u2014 incident #${input.incident}`,
    summary: details.summary,
    at: details.at ?? input.now,
    repository: `${input.repo.owner}/${input.repo.repo}`,
    incident: {
      number: input.incident,
      url: declared?.url && isWebUrl(declared.url) ? declared.url : null,
      severity: state.severity ?? null,
      commander: state.commander ?? null,
      detectedAt: state.detectedAt ?? null
    },
    links: (details.links ?? []).filter((link2) => isWebUrl(link2.url)).slice(0, 5)
  };
}

// src/incident/notify/notification-record.ts
function notificationKey(milestone) {
  return `notified-${milestone}`;
}
function planNotification(input) {
  const { wanted, defined } = input;
  if (wanted.channels.length === 0 || !wanted.milestones.includes(input.milestone))
    return { kind: "skip", why: "off" };
  if (input.state.notifications?.[input.milestone]) return { kind: "skip", why: "already-sent" };
  const channels = [];
  const unknown = [];
  for (const name of new Set(wanted.channels)) {
    const channel = defined.get(name);
    if (channel) {
      channels.push(channel);
      continue;
    }
    const guess = closestWord(name, [...defined.keys()]);
    unknown.push({
      channel: name,
      kind: "webhook",
      ok: false,
      error: `unknown channel "${name}" (notify.channels in .github/hotfix.yml): hotfix-bot defines no channel of that name${guess ? `; did you mean "${guess}"?` : ""}`
    });
  }
  return { kind: "send", channels, unknown };
}
function resultText(result) {
  if (result.ok) return `${result.channel} (${result.kind})`;
  if (result.error?.startsWith("unknown channel")) return result.error;
  return `${result.channel} (${result.kind}) failed: ${result.error ?? "unknown error"}`;
}
function recordNotification(state, milestone, at, results) {
  const record = {
    at,
    channels: results.map((r) => ({
      channel: r.channel,
      ...r.error?.startsWith("unknown channel") ? {} : { kind: r.kind },
      ok: r.ok,
      ...r.status !== void 0 ? { status: r.status } : {},
      ...r.error !== void 0 ? { error: r.error } : {}
    }))
  };
  const sent = results.filter((r) => r.ok);
  const failed = results.filter((r) => !r.ok);
  const parts = [
    ...sent.length > 0 ? [`sent to ${sent.map(resultText).join(", ")}`] : [],
    ...failed.length > 0 ? [`not sent: ${failed.map(resultText).join("; ")}`] : []
  ];
  const next = {
    ...state,
    notifications: { ...state.notifications ?? {}, [milestone]: record }
  };
  return addEntry(next, {
    key: notificationKey(milestone),
    at,
    text: `Notification "${MILESTONE_TITLE[milestone]}" ${parts.join("; ")}`
  });
}

// src/incident/notify/send-notification.ts
import { IncomingWebhook, IncomingWebhookHTTPError } from "@slack/webhook";

// src/incident/notify/json-payload.ts
function jsonPayload(message) {
  return {
    schema: "hotfix-bot.notification/v1",
    milestone: message.milestone,
    title: message.title,
    summary: message.summary,
    at: message.at,
    repository: message.repository,
    incident: message.incident,
    links: message.links
  };
}

// src/incident/notify/slack-message.ts
function escapeSlack(text2) {
  return text2.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
var HEADER_MAX = 150;
function facts(message) {
  const { incident } = message;
  return [
    escapeSlack(message.repository),
    incident.url ? `<${incident.url}|incident #${incident.number}>` : `incident #${incident.number}`,
    ...incident.severity ? [`severity ${escapeSlack(incident.severity)}`] : [],
    ...incident.commander ? [`commander ${escapeSlack(incident.commander)}`] : [],
    `${message.at.slice(0, 16).replace("T", " ")} UTC`
  ].join(" \xB7 ");
}
function slackMessage(message) {
  const links = message.links.map((link2) => `<${link2.url}|${escapeSlack(link2.label)}>`).join(" \xB7 ");
  return {
    // Notifications and clients without Block Kit show `text`.
    text: `${message.title}: ${escapeSlack(message.summary)}`,
    blocks: [
      { type: "header", text: { type: "plain_text", text: message.title.slice(0, HEADER_MAX) } },
      { type: "section", text: { type: "mrkdwn", text: escapeSlack(message.summary) } },
      { type: "context", elements: [{ type: "mrkdwn", text: facts(message) }] },
      ...links ? [{ type: "section", text: { type: "mrkdwn", text: links } }] : []
    ]
  };
}

// src/incident/notify/teams-card.ts
function escapeTeams(text2) {
  return text2.replace(/[\\`*_[\]<>]/g, (c) => `\\${c}`);
}
function teamsCard(message) {
  const { incident } = message;
  const facts2 = [
    { title: "Repository", value: escapeTeams(message.repository) },
    { title: "Incident", value: `#${incident.number}` },
    ...incident.severity ? [{ title: "Severity", value: escapeTeams(incident.severity) }] : [],
    ...incident.commander ? [{ title: "Commander", value: escapeTeams(incident.commander) }] : [],
    { title: "At (UTC)", value: message.at.slice(0, 16).replace("T", " ") }
  ];
  const links = [
    ...incident.url ? [{ label: `Incident #${incident.number}`, url: incident.url }] : [],
    ...message.links
  ];
  return {
    type: "message",
    attachments: [
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        contentUrl: null,
        content: {
          $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
          type: "AdaptiveCard",
          version: "1.4",
          body: [
            {
              type: "TextBlock",
              size: "Medium",
              weight: "Bolder",
              wrap: true,
              text: escapeTeams(message.title)
            },
            { type: "TextBlock", wrap: true, text: escapeTeams(message.summary) },
            { type: "FactSet", facts: facts2 }
          ],
          actions: links.map((link2) => ({ type: "Action.OpenUrl", title: link2.label, url: link2.url }))
        }
      }
    ]
  };
}

// src/incident/notify/send-notification.ts
var HttpStatusError = class extends Error {
  constructor(status) {
    super(`HTTP ${status}`);
    this.status = status;
  }
  status;
};
function errorCode(error) {
  let current = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const { code: code2, name } = current;
    if (typeof code2 === "string" && /^E[A-Z_]+$/.test(code2)) return code2;
    if (name === "TimeoutError" || name === "AbortError") return "TIMEOUT";
    const { original, cause } = current;
    current = original ?? cause;
  }
  return null;
}
function failureOf(error, timeoutMs) {
  const status = error instanceof IncomingWebhookHTTPError ? error.statusCode : error instanceof HttpStatusError ? error.status : null;
  if (status !== null) return { status, error: `HTTP ${status}` };
  const code2 = errorCode(error);
  if (code2 === "TIMEOUT") return { error: `timed out after ${Math.round(timeoutMs / 100) / 10} s` };
  if (code2 === "ECONNREFUSED") return { error: "connection refused" };
  if (code2 === "ENOTFOUND" || code2 === "EAI_AGAIN") return { error: "host not found" };
  if (code2 === "ECONNRESET") return { error: "connection reset" };
  return { error: code2 ? `request failed (${code2})` : "request failed" };
}
async function postJson(url2, body, timeoutMs, fetchFn) {
  const response = await fetchFn(url2, {
    method: "POST",
    headers: { "content-type": "application/json", "user-agent": "hotfix-bot" },
    body: JSON.stringify(body),
    // A redirect would send the body somewhere the secret URL did not name.
    redirect: "error",
    signal: AbortSignal.timeout(timeoutMs)
  });
  await response.arrayBuffer().catch(() => void 0);
  if (!response.ok) throw new HttpStatusError(response.status);
  return response.status;
}
async function sendNotification(channel, message, options) {
  const base = { channel: channel.name, kind: channel.kind };
  if (channel.refused !== void 0) return { ...base, ok: false, error: channel.refused };
  let transportError = null;
  const transport = options.fetch ?? fetch;
  const fetchFn = async (input, init) => {
    try {
      return await transport(input, init);
    } catch (error) {
      transportError = error;
      throw error;
    }
  };
  try {
    if (channel.kind === "slack") {
      const webhook = new IncomingWebhook(channel.url, { timeout: options.timeoutMs, fetch: fetchFn });
      await webhook.send(slackMessage(message));
      return { ...base, ok: true };
    }
    const body = channel.kind === "teams" ? teamsCard(message) : jsonPayload(message);
    const status = await postJson(channel.url, body, options.timeoutMs, fetchFn);
    return { ...base, ok: true, status };
  } catch (error) {
    return { ...base, ok: false, ...failureOf(transportError ?? error, options.timeoutMs) };
  }
}

// src/incident/notify/notify-milestone.ts
function notificationsWanted(config, milestone) {
  return config.notify.channels.length > 0 && config.notify.milestones.includes(milestone);
}
async function notifyMilestone(ctx, config, incident, milestone, details, options = {}) {
  if (!notificationsWanted(config, milestone)) return { outcome: "off" };
  if (incident === null) return { outcome: "no-incident" };
  const key = `notify:${ctx.repo.owner}/${ctx.repo.repo}#${incident}`;
  const acrossInstances = (task) => ctx.instancesLock ? ctx.instancesLock.run(key, task) : task();
  try {
    return await withIncidentLock(
      ctx,
      incident,
      () => acrossInstances(() => notifyLocked(ctx, config, incident, milestone, details, options))
    );
  } catch (error) {
    ctx.log.warn(`notification "${milestone}" of incident #${incident} not recorded: ${errorMessage(error)}`);
    const timeline = isDeliberateStop(error) ? error.partial?.timeline : void 0;
    return timeline === void 0 ? { outcome: "failed" } : { outcome: "failed", timeline };
  }
}
async function notifyLocked(ctx, config, incident, milestone, source, options) {
  const timeline = await readTimeline(ctx, incident);
  if (!timeline.state) return { outcome: "no-incident" };
  const plan = planNotification({
    state: timeline.state,
    milestone,
    wanted: config.notify,
    defined: ctx.notifyChannels ?? /* @__PURE__ */ new Map()
  });
  if (plan.kind === "skip") return { outcome: plan.why === "already-sent" ? "already-sent" : "off" };
  const details = typeof source === "function" ? source(timeline.state) : source;
  if (details === null) return { outcome: "not-reached" };
  const now = ctx.clock().toISOString();
  const message = milestoneMessage({
    repo: ctx.repo,
    incident,
    state: timeline.state,
    milestone,
    details,
    now
  });
  const timeoutMs = config.notify.timeoutSeconds * 1e3;
  const sent = await Promise.all(
    plan.channels.map(
      (channel) => sendNotification(channel, message, { timeoutMs, ...options.fetch ? { fetch: options.fetch } : {} })
    )
  );
  const results = [...sent, ...plan.unknown];
  for (const r of results) {
    if (r.ok) ctx.log.info(`incident #${incident}: "${milestone}" sent to ${r.channel} (${r.kind})`);
    else ctx.log.warn(`incident #${incident}: "${milestone}" not sent to ${r.channel}: ${r.error}`);
  }
  const state = recordNotification(timeline.state, milestone, ctx.clock().toISOString(), results);
  const { markdown } = await writeTimeline(ctx, incident, timeline.commentId, state);
  return { outcome: results.every((r) => r.ok) ? "sent" : "failed", timeline: markdown };
}

// src/incident/notify/resolved-details.ts
function resolvedDetails(state) {
  if (state.resolvedAt === void 0) return null;
  const figures = recoveryLine(incidentDurations(state));
  return {
    summary: `The fix is out and has landed on every backport target${figures ? ` \u2014 ${figures}` : ""}`,
    at: state.resolvedAt
  };
}

// src/after-merge/notify-after-merge.ts
async function notifyAfterMerge(ctx, config, pr) {
  if (!notificationsWanted(config, "merged") && !notificationsWanted(config, "resolved")) return;
  let incident;
  try {
    ({ incident } = await incidentOfPull(ctx, pr));
  } catch (error) {
    ctx.log.warn(`notifications for the merge of #${pr.number} skipped: ${String(error)}`);
    return;
  }
  if (incident === null) return;
  await notifyMilestone(ctx, config, incident, "merged", (state) => {
    const pipeline2 = state.pipelines[String(pr.number)];
    if (!pipeline2) return null;
    const links = [{ label: `PR #${pr.number}`, url: pr.url }];
    if (pipeline2.release && pipeline2.tag)
      links.push({ label: `Release ${pipeline2.tag}`, url: pipeline2.release.url });
    return {
      summary: `PR #${pr.number} merged into ${pr.baseRef}${pipeline2.tag ? `, tagged ${pipeline2.tag}` : ""}`,
      at: pipeline2.mergedAt,
      links
    };
  });
  await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
}

// src/after-merge/pipeline-claim.ts
function claimRefName(pr) {
  return `refs/hotfix-bot/claims/pr-${pr}`;
}
var CLAIM_WAIT = { timeoutMs: 18e4, pollMs: 2e3 };
var PipelineClaimedError = class extends HotfixBotError {
  constructor(repo, pr) {
    super(
      `the after-merge pipeline of ${repo.owner}/${repo.repo}#${pr} is claimed by another run (${claimRefName(pr)}); if that run died, reconcile finishes the pipeline`
    );
    this.repo = repo;
    this.pr = pr;
  }
  repo;
  pr;
  kind = "contention";
  name = "PipelineClaimedError";
};
async function claimPipeline(ctx, pr, sha) {
  try {
    return await createOnce(
      async () => {
        await ctx.octokit.rest.git.createRef({ ...ctx.repo, ref: claimRefName(pr), sha, ...NO_BLIND_RETRY });
        return true;
      },
      async () => await claimExists(ctx, pr) ? true : null
    );
  } catch (error) {
    if (httpStatus(error) === 422) return false;
    throw error;
  }
}
async function releasePipeline(ctx, pr) {
  try {
    await ctx.octokit.rest.git.deleteRef({ ...ctx.repo, ref: claimRefName(pr).slice("refs/".length) });
  } catch (error) {
    const status = httpStatus(error);
    if (status !== 404 && status !== 422) throw error;
  }
}
async function claimExists(ctx, pr) {
  try {
    await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref: claimRefName(pr).slice("refs/".length) });
    return true;
  } catch (error) {
    if (httpStatus(error) === 404) return false;
    throw error;
  }
}
async function waitForRelease(ctx, pr, wait = CLAIM_WAIT) {
  const deadline2 = Date.now() + wait.timeoutMs;
  while (Date.now() < deadline2) {
    await new Promise((resolve) => setTimeout(resolve, wait.pollMs));
    if (!await claimExists(ctx, pr)) return "released";
  }
  return "timeout";
}
async function listClaims(ctx) {
  const refs = await ctx.octokit.paginate(ctx.octokit.rest.git.listMatchingRefs, {
    ...ctx.repo,
    ref: "hotfix-bot/claims/pr-",
    per_page: 100
  });
  const prs = refs.flatMap((r) => {
    const match = /^refs\/hotfix-bot\/claims\/pr-(\d+)$/.exec(r.ref);
    return match?.[1] ? [Number(match[1])] : [];
  });
  return new Set(prs);
}

// src/after-merge/read-changed-files.ts
var PULL_FILES_LIMIT = 3e3;
async function readChangedFiles(ctx, pullNumber) {
  const { octokit, repo } = ctx;
  const listed = await octokit.paginate(octokit.rest.pulls.listFiles, {
    ...repo,
    pull_number: pullNumber,
    per_page: 100
  });
  const files = listed.map((file) => file.filename);
  if (files.length < PULL_FILES_LIMIT) return { files, total: files.length };
  const { data: pull } = await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber });
  return { files, total: Math.max(pull.changed_files, files.length) };
}

// src/after-merge/run-after-merge.ts
async function runAfterMerge(ctx, config, pr, steps, options = {}) {
  const here = withLogFields(ctx, { pr: pr.number });
  const outcome = await withPipelineLock(
    here,
    pr.number,
    () => claimAndRun(here, config, pr, steps, options)
  );
  await notifyAfterMerge(here, config, pr);
  return outcome;
}
async function claimAndRun(ctx, config, pr, steps, options) {
  for (let attempt = 1; ; attempt++) {
    const complete = await completeOutcome(ctx, config, pr, options);
    if (complete) return complete;
    const claimed = await claimPipeline(ctx, pr.number, pr.mergeSha);
    if (claimed || options.takeOver || ctx.resumedRun) {
      try {
        return await runPipeline(ctx, config, pr, steps, options);
      } finally {
        await releasePipeline(ctx, pr.number);
      }
    }
    if (attempt >= 3) throw new PipelineClaimedError(ctx.repo, pr.number);
    ctx.log.info("after-merge pipeline is claimed by another run; waiting for it");
    if (await waitForRelease(ctx, pr.number, options.claimWait) === "timeout") {
      ctx.log.warn("after-merge pipeline: taking over a claim that outlived the wait");
      await releasePipeline(ctx, pr.number);
    }
  }
}
async function completeOutcome(ctx, config, pr, options) {
  const { state } = await pipelineTimeline(ctx, pr);
  const previous = state?.pipelines[String(pr.number)];
  if (!previous?.done) return null;
  const wanted = await backportTargets(ctx, config, pr.baseRef, options.extraTargets ?? []);
  if (!wanted.every((target) => settled(previous, target))) return null;
  ctx.log.info("after-merge pipeline is already complete");
  return outcomeOf(previous);
}
async function pipelineTimeline(ctx, pr) {
  const linked = await incidentOfPull(ctx, pr);
  const timelineIssue = linked.incident ?? pr.number;
  const timeline = linked.timeline ?? await readTimeline(ctx, timelineIssue);
  return { incident: linked.incident, timelineIssue, ...timeline };
}
async function runPipeline(ctx, config, pr, steps, options) {
  const timeline = await pipelineTimeline(ctx, pr);
  const { incident, timelineIssue } = timeline;
  const recorder = new TimelineRecorder(ctx, timelineIssue, {
    state: timeline.state ?? emptyTimeline(incident),
    commentId: timeline.commentId
  });
  const previous = recorder.state.pipelines[String(pr.number)];
  const wanted = await backportTargets(ctx, config, pr.baseRef, options.extraTargets ?? []);
  if (previous?.done && wanted.every((target) => settled(previous, target))) {
    ctx.log.info("after-merge pipeline is already complete");
    return outcomeOf(previous);
  }
  const now = () => ctx.clock().toISOString();
  const pipeline2 = previous ? structuredClone(previous) : {
    pr: pr.number,
    mergeSha: pr.mergeSha,
    mergedAt: pr.mergedAt,
    backports: {},
    followUps: {},
    done: false,
    heartbeatAt: now()
  };
  recorder.add({
    key: `merged-${pr.number}`,
    at: pr.mergedAt,
    text: `#${pr.number} merged into ${pr.baseRef} by the hotfix pipeline`,
    url: pr.url
  });
  const pulled = await readPullCommits(ctx, pr.number);
  const jiraKey2 = jiraKeyOf(pr.title, config);
  const released = await steps.release(ctx, config, { pr, incident, jiraKey: jiraKey2, commits: pulled.commits });
  pipeline2.tag = released.tag;
  if (released.release) pipeline2.release = released.release;
  recorder.addAll(released.entries);
  if (!pipeline2.deploy) {
    const severity3 = severityOfLabels(pr.labels, recorder.state.severity, config);
    const deployed = await steps.deploy(ctx, config, { pr, tag: released.tag, incident, severity: severity3 });
    if (deployed) {
      pipeline2.deploy = deployed.deploy;
      recorder.addAll(deployed.entries);
      if (deployed.mustRecord) {
        recorder.setPipeline({ ...pipeline2 });
        await recorder.flush();
      }
    }
  }
  const todo = wanted.filter((target) => !settled(pipeline2, target));
  if (todo.length > 0) {
    const plan = await readPickPlan(ctx, pr.mergeSha, pulled).catch((error) => {
      if (!(error instanceof PickListError)) throw error;
      return error;
    });
    for (const target of todo) {
      const backported = await steps.backport(ctx, config, { pr, target, plan, incident });
      pipeline2.backports[target] = backported.backport;
      recorder.addAll(backported.entries);
    }
    if (timelineIssue !== pr.number) {
      await steps.noticeBackportsWithoutPr(ctx, pr.number, todo, pipeline2.backports);
    }
  }
  const changedFiles = await readChangedFiles(ctx, pr.number);
  if (changedFiles.total > changedFiles.files.length) {
    ctx.log.warn(
      `the pull request changed ${changedFiles.total} files; GitHub listed ${changedFiles.files.length} of them`
    );
  }
  const severity2 = severityOfLabels(pr.labels, recorder.state.severity, config);
  const followUps2 = await steps.followUps(ctx, config, {
    pr,
    incident,
    jiraKey: jiraKey2,
    tag: released.tag,
    severity: severity2,
    approved: await wasApproved(ctx, pr, severity2, config),
    commander: recorder.state.commander ?? null,
    changedFiles
  });
  for (const { kind, ...opened } of followUps2.opened) {
    pipeline2.followUps[kind] = { ...pipeline2.followUps[kind], ...opened };
  }
  recorder.addAll(followUps2.entries);
  const allBackportsOpen = wanted.every(
    (t) => ["open", "conflict", "already"].includes(pipeline2.backports[t]?.status ?? "")
  );
  if (config.backport.deleteHotfixBranch && allBackportsOpen && !pipeline2.branchDeleted) {
    const cleanup = await deleteBranch(ctx, pr);
    pipeline2.branchDeleted = cleanup !== "failed";
    if (cleanup === "deleted") {
      recorder.add({ key: `branch-deleted-${pr.number}`, at: now(), text: `Deleted branch ${pr.headRef}` });
    } else if (cleanup === "moved") {
      recorder.add({
        key: `branch-kept-${pr.number}`,
        at: now(),
        text: `Kept branch ${pr.headRef}: it moved past the merged head ${pr.headSha.slice(0, 7)}`
      });
    }
  }
  pipeline2.done = allBackportsOpen && (pipeline2.branchDeleted === true || !config.backport.deleteHotfixBranch);
  pipeline2.heartbeatAt = now();
  recorder.setPipeline(pipeline2);
  const settledState = await settleIncident(ctx, config, recorder.state, incident);
  recorder.update(() => settledState);
  const markdown = await recorder.flush();
  return { ...outcomeOf(pipeline2), timeline: markdown };
}
function settled(pipeline2, target) {
  const status = pipeline2.backports[target]?.status;
  return status === "open" || status === "conflict" || status === "already";
}
async function backportTargets(ctx, config, mergedInto, extra) {
  const patterns = [...config.backport.targets, ...extra];
  const forward = patterns.includes(NEWER_LINES);
  const needsBranchList = forward && config.productionBranches.length > 1 || patterns.some((p) => p !== NEWER_LINES && /[*?[\]{}]/.test(p.replace("{develop}", "")));
  let branches = [];
  if (needsBranchList) {
    const all = await ctx.octokit.paginate(ctx.octokit.rest.repos.listBranches, {
      ...ctx.repo,
      per_page: 100
    });
    branches = all.map((b) => b.name);
  } else {
    branches = patterns.map((p) => p.replace("{develop}", config.developBranch));
  }
  const newer2 = forward ? newerLines(config, mergedInto, branches) : [];
  return expandTargets(patterns, branches, config.developBranch, mergedInto, newer2);
}
async function deleteBranch(ctx, pr) {
  const ref = `heads/${pr.headRef}`;
  try {
    const { data } = await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref });
    if (data.object.sha !== pr.headSha) return "moved";
    await ctx.octokit.rest.git.deleteRef({ ...ctx.repo, ref });
    return "deleted";
  } catch (error) {
    if (httpStatus(error) === 422 || httpStatus(error) === 404) return "gone";
    ctx.log.warn(`could not delete ${pr.headRef}: ${String(error)}`);
    return "failed";
  }
}
function outcomeOf(pipeline2) {
  return {
    ...pipeline2.tag ? { tag: pipeline2.tag } : {},
    ...pipeline2.release ? { releaseUrl: pipeline2.release.url } : {},
    backports: Object.entries(pipeline2.backports).map(([target, b]) => ({
      target,
      ...b.pr ? { pr: b.pr } : {},
      ...b.url ? { url: b.url } : {},
      conflict: b.status === "conflict",
      status: b.status
    })),
    followUps: Object.entries(pipeline2.followUps).map(([kind, f]) => ({ kind, issue: f.issue, url: f.url }))
  };
}

// src/after-merge/after-merge-route.ts
var afterMergeRoute = (steps) => ({
  step: "after-merge",
  long: true,
  triggers: [{ event: "pull_request", actions: ["closed"] }],
  match(event) {
    if (event.name !== "pull_request") return null;
    const payload = event.payload;
    if (payload?.action !== "closed") return null;
    return mergedPullRequestFrom(payload.pull_request);
  },
  async run(pr, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      logWith(ctx.log, { pr: pr.number }).error(`after-merge skipped: ${loaded.error.message}`);
      return void 0;
    }
    if (!isMergedHotfix(pr, loaded.config)) return void 0;
    return runAfterMerge(ctx, loaded.config, pr, steps);
  }
});

// src/incident/bot-comment.ts
var RACE_MARGIN_MS = 5e3;
async function findMarked(ctx, issue, marker, since) {
  const comments = await ctx.octokit.paginate(ctx.octokit.rest.issues.listComments, {
    ...ctx.repo,
    issue_number: issue,
    per_page: 100,
    ...since ? { since } : {}
  });
  const marked = comments.filter((c) => (c.body ?? "").trimStart().startsWith(marker));
  const trusted = await Promise.all(marked.map((c) => isTrustedState(ctx, c, { repo: ctx.repo, issue })));
  return marked.filter((_, i) => trusted[i]);
}
async function ensureBotComment(ctx, issue, marker, body) {
  const startedAt = Date.now();
  const existing = await findMarked(ctx, issue, marker);
  if (existing[0]) return { id: existing[0].id, created: false };
  const sealed = await sealState(ctx, body, { repo: ctx.repo, issue });
  const created = await createOnce(
    async () => {
      const { data } = await ctx.octokit.rest.issues.createComment({
        ...ctx.repo,
        issue_number: issue,
        body: sealed,
        ...NO_BLIND_RETRY
      });
      return { id: data.id, createdAt: data.created_at };
    },
    async () => {
      const found = (await findMarked(ctx, issue, marker)).at(-1);
      return found ? { id: found.id, createdAt: found.created_at ?? new Date(startedAt).toISOString() } : null;
    }
  );
  const elapsed = Date.now() - startedAt;
  const since = new Date((Date.parse(created.createdAt) || startedAt) - elapsed - RACE_MARGIN_MS);
  const first = (await findMarked(ctx, issue, marker, since.toISOString()))[0];
  if (first && first.id !== created.id) {
    try {
      await ctx.octokit.rest.issues.deleteComment({ ...ctx.repo, comment_id: created.id });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
    return { id: first.id, created: false };
  }
  return { id: created.id, created: true };
}

// src/backport/backport-notice.ts
var MARKER = "<!-- hotfix-bot:backport-notice";
function backportNotice(pr, backports, targets) {
  const lines = targets.flatMap((target) => {
    const state = backports[target];
    if (state?.status === "already")
      return [`- \`${target}\`: already has this change; no backport PR is needed.`];
    if (state?.status === "failed")
      return [`- \`${target}\`: the backport failed \u2014 ${escapeMarkdown(state.error ?? "unknown error")}.`];
    return [];
  });
  if (lines.length === 0) return null;
  const keys = targets.filter((t) => backports[t]?.status === "already" || backports[t]?.status === "failed");
  return [
    `${MARKER} ${JSON.stringify({ pr, targets: keys })} -->`,
    `**Backports of #${pr}**`,
    "",
    ...lines
  ].join("\n");
}
async function noticeBackportsWithoutPr(ctx, pr, targets, backports) {
  const body = backportNotice(pr, backports, targets);
  if (!body) return;
  const marker = body.split("\n", 1)[0] ?? MARKER;
  await ensureBotComment(ctx, pr, marker, body);
}

// src/incident/refused-branch-entries.ts
function refusedBranchEntries(refused2, used, at) {
  return (refused2 ?? []).map(({ branch, tip }) => ({
    key: `refused-branch-${branch}`,
    at,
    text: `Refused the existing branch ${branch}: its tip ${tip.slice(0, 7)} is not the commit hotfix-bot computed` + (used ? `; used ${used} instead` : "")
  }));
}

// src/cherry-pick/backport-errors.ts
var WorkflowPermissionError = class extends HotfixBotError {
  constructor(files, cause) {
    super(
      `GitHub refused to write ${files.join(", ")}: changing workflow files needs the App's "workflows" permission`
    );
    this.files = files;
    this.cause = cause;
  }
  files;
  cause;
  kind = "refused";
  name = "WorkflowPermissionError";
};
var CherryPickError = class extends HotfixBotError {
  constructor(pick, reason, cause) {
    super(`cannot cherry-pick ${pick}: ${reason}`);
    this.pick = pick;
    this.cause = cause;
  }
  pick;
  cause;
  kind = "unworkable";
  name = "CherryPickError";
};
function isWorkflowPath(path) {
  return path.startsWith(".github/workflows/");
}
function workflowPermissionError(error, changedPaths) {
  const status = httpStatus(error);
  if (status !== 403 && status !== 422) return null;
  const workflows = changedPaths.filter(isWorkflowPath);
  if (workflows.length === 0) return null;
  const message = errorMessage(error);
  if (!/workflow|permission|not accessible/i.test(message)) return null;
  const named2 = /`([^`]*\.github\/workflows\/[^`]*)`/.exec(message)?.[1];
  return new WorkflowPermissionError(named2 ? [named2] : workflows, error);
}

// src/cherry-pick/bot-pull.ts
async function findBotPull(ctx, branch, base) {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "all",
    per_page: 10
  });
  return data.find(isOpenedByAnApp) ?? null;
}

// src/cherry-pick/cherry-pick-message.ts
function cherryPickMessage(message, sha, coAuthor) {
  const completed = message === "" || message.endsWith("\n") ? message : `${message}
`;
  const credit = coAuthor ? coAuthorTrailer(coAuthor) : "";
  const origin = `(cherry picked from commit ${sha})
${completed.includes(credit) ? "" : credit}`;
  return stripSpace(endsWithTrailers(completed) ? completed + origin : `${completed}
${origin}`);
}
function coAuthorTrailer(author) {
  const name = author.name.replace(/[<>\r\n]/g, "").trim() || author.email;
  const email = author.email.replace(/[<>\s]/g, "");
  return `Co-authored-by: ${name} <${email}>
`;
}
function stripSpace(message) {
  const out = [];
  let blank = false;
  for (const raw of message.split("\n")) {
    const line2 = raw.replace(/\s+$/, "");
    if (line2 === "") {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push("");
    blank = false;
    out.push(line2);
  }
  return out.map((line2) => `${line2}
`).join("");
}
var GIT_GENERATED = ["Signed-off-by: ", "(cherry picked from commit "];
var TRAILER = /^[A-Za-z0-9-]+[ \t]*:/;
function endsWithTrailers(message) {
  const lines = message.split("\n");
  while (lines.length > 0 && lines.at(-1).trim() === "") lines.pop();
  let start = lines.length;
  while (start > 0 && lines[start - 1].trim() !== "") start--;
  const hasTitleBefore = lines.slice(0, start).some((line2) => line2.trim() !== "");
  if (start === lines.length || !hasTitleBefore) return false;
  let trailers = 0;
  let others = 0;
  let recognized = false;
  let inTrailer = false;
  for (const line2 of lines.slice(start)) {
    if (line2.startsWith("#")) continue;
    if (GIT_GENERATED.some((prefix) => line2.startsWith(prefix))) {
      trailers++;
      recognized = true;
      inTrailer = true;
    } else if (/^[ \t]/.test(line2)) {
      if (!inTrailer) others++;
    } else if (TRAILER.test(line2)) {
      trailers++;
      inTrailer = true;
    } else {
      others++;
      inTrailer = false;
    }
  }
  return trailers > 0 && others === 0 || recognized && trailers * 3 >= others;
}

// src/cherry-pick/git-writer.ts
var strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
var MAX_INLINE_CONTENT_BYTES = 1024 * 1024;
var GitWriter = class {
  constructor(octokit, repo, changedPaths) {
    this.octokit = octokit;
    this.repo = repo;
    this.changedPaths = changedPaths;
  }
  octokit;
  repo;
  changedPaths;
  writes = 0;
  async write(request) {
    this.writes++;
    try {
      return await request();
    } catch (error) {
      throw workflowPermissionError(error, this.changedPaths()) ?? error;
    }
  }
  /**
   * One tree on top of `baseTree`. New content goes inline when it is UTF-8 (the API stores inline content as
   * UTF-8) and at most MAX_INLINE_CONTENT_BYTES; other content needs a blob of its own first.
   */
  async tree(baseTree, entries) {
    const items = [];
    for (const item of entries) {
      if ("entry" in item) {
        items.push({
          path: item.path,
          mode: item.entry.mode,
          type: item.entry.type,
          sha: item.entry.sha
        });
      } else if ("remove" in item) {
        items.push({
          path: item.path,
          mode: item.remove.mode,
          type: item.remove.type,
          sha: null
        });
      } else {
        const text2 = item.content.length <= MAX_INLINE_CONTENT_BYTES ? utf8OrNull(item.content) : null;
        if (text2 !== null) {
          items.push({
            path: item.path,
            mode: item.mode,
            type: "blob",
            content: text2
          });
        } else {
          const sha = await this.blob(item.content);
          items.push({ path: item.path, mode: item.mode, type: "blob", sha });
        }
      }
    }
    const { data } = await this.write(
      () => this.octokit.rest.git.createTree({
        ...this.repo,
        base_tree: baseTree,
        tree: items
      })
    );
    return data.sha;
  }
  async blob(content) {
    const { data } = await this.write(
      () => this.octokit.rest.git.createBlob({
        ...this.repo,
        content: Buffer.from(content).toString("base64"),
        encoding: "base64"
      })
    );
    return data.sha;
  }
  async commit(input) {
    const { data } = await this.write(() => this.octokit.rest.git.createCommit({ ...this.repo, ...input }));
    return data.sha;
  }
  async createBranch(branch, sha) {
    await this.write(
      () => this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/heads/${branch}`, sha })
    );
  }
  async moveBranch(branch, sha) {
    await this.write(
      () => this.octokit.rest.git.updateRef({ ...this.repo, ref: `heads/${branch}`, sha, force: true })
    );
  }
  async deleteBranch(branch) {
    await this.write(() => this.octokit.rest.git.deleteRef({ ...this.repo, ref: `heads/${branch}` }));
  }
  /** GitHub's merge endpoint: git's own merge of `head` into the branch `base`. */
  async merge(base, head, message) {
    try {
      const response = await this.write(
        () => this.octokit.rest.repos.merge({ ...this.repo, base, head, commit_message: message })
      );
      if (response.status === 204 || !response.data) return { merged: false, reason: "nothing" };
      return { merged: true, sha: response.data.sha, tree: response.data.commit.tree.sha };
    } catch (error) {
      if (httpStatus(error) === 409) return { merged: false, reason: "conflict" };
      throw error;
    }
  }
};
function utf8OrNull(bytes) {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

// src/cherry-pick/github-tree-source.ts
var GitHubTreeSource = class {
  constructor(octokit, repo) {
    this.octokit = octokit;
    this.repo = repo;
  }
  octokit;
  repo;
  reads = 0;
  trees = /* @__PURE__ */ new Map();
  blobs = /* @__PURE__ */ new Map();
  commits = /* @__PURE__ */ new Map();
  tree(sha) {
    return once(this.trees, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getTree({ ...this.repo, tree_sha: sha });
      if (data.truncated) throw new Error(`tree ${sha} is too large to list`);
      return data.tree.flatMap(toItem);
    });
  }
  async files(sha) {
    this.reads++;
    const { data } = await this.octokit.rest.git.getTree({ ...this.repo, tree_sha: sha, recursive: "1" });
    if (data.truncated) return null;
    return data.tree.flatMap(toItem).filter((item) => item.type !== "tree");
  }
  blob(sha) {
    return once(this.blobs, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getBlob({ ...this.repo, file_sha: sha });
      const encoding = data.encoding === "base64" ? "base64" : "utf8";
      return new Uint8Array(Buffer.from(data.content, encoding));
    });
  }
  commit(sha) {
    return once(this.commits, sha, async () => {
      this.reads++;
      const { data } = await this.octokit.rest.git.getCommit({ ...this.repo, commit_sha: sha });
      return {
        sha: data.sha,
        tree: data.tree.sha,
        parents: data.parents.map((p) => p.sha),
        message: data.message,
        author: { name: data.author.name, email: data.author.email, date: data.author.date },
        verified: data.verification?.verified === true
      };
    });
  }
};
function once(cache3, key, load) {
  let value = cache3.get(key);
  if (!value) {
    value = load();
    cache3.set(key, value);
    value.catch(() => cache3.delete(key));
  }
  return value;
}
function toItem(entry2) {
  const { path, mode, type, sha, size } = entry2;
  if (!path || !mode || !sha || type !== "blob" && type !== "tree" && type !== "commit") return [];
  return [
    {
      path,
      mode: mode === "40000" ? "040000" : mode,
      type,
      sha,
      ...typeof size === "number" ? { size } : {}
    }
  ];
}

// src/cherry-pick/git-merge/conflict-markers.ts
function markersNeedCr(oursLines, oursAt, theirsLines, theirsAt, baseLines) {
  let answer = endsInCrlf(oursLines, oursAt > 0 ? oursAt - 1 : 0);
  if (answer !== false) answer = endsInCrlf(theirsLines, theirsAt > 0 ? theirsAt - 1 : 0);
  if (answer !== false) answer = endsInCrlf(baseLines, 0);
  return answer === true;
}
function endsInCrlf(lines, i) {
  const crlf = (line3) => line3 !== void 0 && line3.length > 1 && line3.endsWith("\r\n");
  if (i < lines.length - 1) return crlf(lines[i]);
  if (lines.length === 0) return null;
  const line2 = lines[i];
  if (line2.endsWith("\n")) return crlf(line2);
  if (i === 0) return null;
  return crlf(lines[i - 1]);
}

// src/cherry-pick/git-merge/change-marks.ts
function emptyMarks(lines) {
  return new Uint8Array(lines + 2);
}
var MERGE_WORK_LIMIT = 5e7;

// src/cherry-pick/git-merge/change-compaction.ts
function compactChanges(lines, marks, otherMarks) {
  const n2 = lines.length;
  const otherN = otherMarks.length - 2;
  const changed = (i) => marks[i + 1] === 1;
  const set = (i, value) => {
    marks[i + 1] = value;
  };
  const otherChanged = (i) => otherMarks[i + 1] === 1;
  const g = { start: 0, end: 0 };
  const go = { start: 0, end: 0 };
  const init = (isChanged, group) => {
    group.start = 0;
    group.end = 0;
    while (isChanged(group.end)) group.end++;
  };
  const nextGroup = (isChanged, size, group) => {
    if (group.end === size) return false;
    group.start = group.end + 1;
    group.end = group.start;
    while (isChanged(group.end)) group.end++;
    return true;
  };
  const previousGroup = (isChanged, group) => {
    if (group.start === 0) return false;
    group.end = group.start - 1;
    group.start = group.end;
    while (isChanged(group.start - 1)) group.start--;
    return true;
  };
  const slideDown = () => {
    if (g.end < n2 && lines[g.start] === lines[g.end]) {
      set(g.start++, 0);
      set(g.end++, 1);
      while (changed(g.end)) g.end++;
      return true;
    }
    return false;
  };
  const slideUp = () => {
    if (g.start > 0 && lines[g.start - 1] === lines[g.end - 1]) {
      set(--g.start, 1);
      set(--g.end, 0);
      while (changed(g.start - 1)) g.start--;
      return true;
    }
    return false;
  };
  const inStep = (moved) => {
    if (!moved) throw new Error("change compaction lost step with the other file");
  };
  init(changed, g);
  init(otherChanged, go);
  for (; ; ) {
    if (g.end !== g.start) {
      let groupSize;
      let earliestEnd;
      let endMatchingOther;
      do {
        groupSize = g.end - g.start;
        endMatchingOther = -1;
        while (slideUp()) inStep(previousGroup(otherChanged, go));
        earliestEnd = g.end;
        if (go.end > go.start) endMatchingOther = g.end;
        while (slideDown()) {
          inStep(nextGroup(otherChanged, otherN, go));
          if (go.end > go.start) endMatchingOther = g.end;
        }
      } while (groupSize !== g.end - g.start);
      if (g.end !== earliestEnd && endMatchingOther !== -1) {
        while (go.end === go.start) {
          inStep(slideUp());
          inStep(previousGroup(otherChanged, go));
        }
      }
    }
    if (!nextGroup(changed, n2, g)) break;
    inStep(nextGroup(otherChanged, otherN, go));
  }
}

// src/cherry-pick/git-merge/myers-diff.ts
function myersDiff(a, b, budget) {
  const changedA = emptyMarks(a.length);
  const changedB = emptyMarks(b.length);
  const shorter = Math.min(a.length, b.length);
  let start = 0;
  while (start < shorter && a[start] === b[start]) start++;
  let tail = 0;
  while (tail < shorter - start && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const endA = a.length - tail;
  const endB = b.length - tail;
  const keptA = keptLines(a, b, start, endA, changedA);
  const keptB = keptLines(b, a, start, endB, changedB);
  const ha = keptA.map((i) => a[i]);
  const hb = keptB.map((j) => b[j]);
  const markA = (k) => {
    changedA[keptA[k] + 1] = 1;
  };
  const markB = (k) => {
    changedB[keptB[k] + 1] = 1;
  };
  budget.steps -= a.length + b.length;
  if (!compareBoxes(ha, hb, markA, markB, budget)) return null;
  return { changedA, changedB };
}
function roughSqrt(n2) {
  let root = 1;
  for (let rest = n2; rest > 0; rest = Math.floor(rest / 4)) root *= 2;
  return root;
}
var MAX_EQUAL_LIMIT = 1024;
var SIMILAR_SCAN_WINDOW = 100;
var UNMATCHED_RUN_FACTOR = 4;
function keptLines(lines, other, start, end, marks) {
  const inOther = /* @__PURE__ */ new Map();
  for (const id of other) inOther.set(id, (inOther.get(id) ?? 0) + 1);
  const limit = Math.min(roughSqrt(lines.length), MAX_EQUAL_LIMIT);
  const kind = new Uint8Array(lines.length);
  for (let i = start; i < end; i++) {
    const matches = inOther.get(lines[i]) ?? 0;
    kind[i] = matches === 0 ? 0 : matches >= limit ? 2 : 1;
  }
  const kept = [];
  for (let i = start; i < end; i++) {
    if (kind[i] === 1 || kind[i] === 2 && !amongUnmatched(kind, i, start, end - 1)) kept.push(i);
    else marks[i + 1] = 1;
  }
  return kept;
}
function amongUnmatched(kind, i, first, last) {
  const s = i - first > SIMILAR_SCAN_WINDOW ? i - SIMILAR_SCAN_WINDOW : first;
  const e = last - i > SIMILAR_SCAN_WINDOW ? i + SIMILAR_SCAN_WINDOW : last;
  let unmatchedBefore = 0;
  let manyBefore = 1;
  for (let r = 1; i - r >= s; r++) {
    const k = kind[i - r];
    if (k === 0) unmatchedBefore++;
    else if (k === 2) manyBefore++;
    else break;
  }
  if (unmatchedBefore === 0) return false;
  let unmatchedAfter = 0;
  let manyAfter = 1;
  for (let r = 1; i + r <= e; r++) {
    const k = kind[i + r];
    if (k === 0) unmatchedAfter++;
    else if (k === 2) manyAfter++;
    else break;
  }
  if (unmatchedAfter === 0) return false;
  const unmatched = unmatchedBefore + unmatchedAfter;
  const many = manyBefore + manyAfter;
  return many * UNMATCHED_RUN_FACTOR < many + unmatched;
}
var MAX_COST_MIN = 256;
var HEURISTIC_MIN_COST = 256;
var SNAKE_COUNT = 20;
var HEURISTIC_FACTOR = 4;
var LINE_MAX = Number.MAX_SAFE_INTEGER;
function compareBoxes(a, b, markA, markB, budget) {
  const diagonals = a.length + b.length + 3;
  const shift = b.length + 1;
  const forward = new Float64Array(diagonals);
  const backward = new Float64Array(diagonals);
  const maxCost = Math.max(roughSqrt(diagonals), MAX_COST_MIN);
  const boxes = [[0, a.length, 0, b.length, false]];
  for (let box = boxes.pop(); box; box = boxes.pop()) {
    let [off1, lim1, off2, lim2] = box;
    const needMinimal = box[4];
    while (off1 < lim1 && off2 < lim2 && a[off1] === b[off2]) {
      off1++;
      off2++;
    }
    while (off1 < lim1 && off2 < lim2 && a[lim1 - 1] === b[lim2 - 1]) {
      lim1--;
      lim2--;
    }
    if (off1 === lim1) {
      for (let k = off2; k < lim2; k++) markB(k);
    } else if (off2 === lim2) {
      for (let k = off1; k < lim1; k++) markA(k);
    } else {
      const split = middleSnake(a, b, [off1, lim1, off2, lim2], {
        forward,
        backward,
        shift,
        needMinimal,
        maxCost,
        budget
      });
      if (budget.steps < 0) return false;
      boxes.push([split.i1, lim1, split.i2, lim2, split.minimalHigh]);
      boxes.push([off1, split.i1, off2, split.i2, split.minimalLow]);
    }
  }
  return true;
}
function middleSnake(a, b, [off1, lim1, off2, lim2], env) {
  const { shift } = env;
  const kf = (d) => env.forward[d + shift];
  const kb = (d) => env.backward[d + shift];
  const setF = (d, v) => {
    env.forward[d + shift] = v;
  };
  const setB = (d, v) => {
    env.backward[d + shift] = v;
  };
  const dmin = off1 - lim2;
  const dmax = lim1 - off2;
  const fmid = off1 - off2;
  const bmid = lim1 - lim2;
  const odd = (fmid - bmid & 1) !== 0;
  let fmin = fmid;
  let fmax = fmid;
  let bmin = bmid;
  let bmax = bmid;
  setF(fmid, off1);
  setB(bmid, lim1);
  for (let ec = 1; ; ec++) {
    let gotSnake = false;
    env.budget.steps -= fmax - fmin + (bmax - bmin) + 4;
    if (env.budget.steps < 0) return { i1: off1, i2: off2, minimalLow: true, minimalHigh: true };
    if (fmin > dmin) setF(--fmin - 1, -1);
    else ++fmin;
    if (fmax < dmax) setF(++fmax + 1, -1);
    else --fmax;
    for (let d = fmax; d >= fmin; d -= 2) {
      let i1 = kf(d - 1) >= kf(d + 1) ? kf(d - 1) + 1 : kf(d + 1);
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 < lim1 && i2 < lim2 && a[i1] === b[i2]) {
        i1++;
        i2++;
      }
      env.budget.steps -= i1 - prev1;
      if (i1 - prev1 > SNAKE_COUNT) gotSnake = true;
      setF(d, i1);
      if (odd && bmin <= d && d <= bmax && kb(d) <= i1)
        return { i1, i2, minimalLow: true, minimalHigh: true };
    }
    if (bmin > dmin) setB(--bmin - 1, LINE_MAX);
    else ++bmin;
    if (bmax < dmax) setB(++bmax + 1, LINE_MAX);
    else --bmax;
    for (let d = bmax; d >= bmin; d -= 2) {
      let i1 = kb(d - 1) < kb(d + 1) ? kb(d - 1) : kb(d + 1) - 1;
      const prev1 = i1;
      let i2 = i1 - d;
      while (i1 > off1 && i2 > off2 && a[i1 - 1] === b[i2 - 1]) {
        i1--;
        i2--;
      }
      env.budget.steps -= prev1 - i1;
      if (prev1 - i1 > SNAKE_COUNT) gotSnake = true;
      setB(d, i1);
      if (!odd && fmin <= d && d <= fmax && i1 <= kf(d))
        return { i1, i2, minimalLow: true, minimalHigh: true };
    }
    if (env.needMinimal) continue;
    if (gotSnake && ec > HEURISTIC_MIN_COST) {
      let best = 0;
      let split = null;
      for (let d = fmax; d >= fmin; d -= 2) {
        const dd = d > fmid ? d - fmid : fmid - d;
        const i1 = kf(d);
        const i2 = i1 - d;
        const v = i1 - off1 + (i2 - off2) - dd;
        if (v > HEURISTIC_FACTOR * ec && v > best && off1 + SNAKE_COUNT <= i1 && i1 < lim1 && off2 + SNAKE_COUNT <= i2 && i2 < lim2) {
          for (let k = 1; a[i1 - k] === b[i2 - k]; k++) {
            if (k === SNAKE_COUNT) {
              best = v;
              split = { i1, i2, minimalLow: true, minimalHigh: false };
              break;
            }
          }
        }
      }
      if (split) return split;
      best = 0;
      for (let d = bmax; d >= bmin; d -= 2) {
        const dd = d > bmid ? d - bmid : bmid - d;
        const i1 = kb(d);
        const i2 = i1 - d;
        const v = lim1 - i1 + (lim2 - i2) - dd;
        if (v > HEURISTIC_FACTOR * ec && v > best && off1 < i1 && i1 <= lim1 - SNAKE_COUNT && off2 < i2 && i2 <= lim2 - SNAKE_COUNT) {
          for (let k = 0; a[i1 + k] === b[i2 + k]; k++) {
            if (k === SNAKE_COUNT - 1) {
              best = v;
              split = { i1, i2, minimalLow: false, minimalHigh: true };
              break;
            }
          }
        }
      }
      if (split) return split;
    }
    if (ec >= env.maxCost) {
      let fbest = -1;
      let fbest1 = -1;
      for (let d = fmax; d >= fmin; d -= 2) {
        let i1 = Math.min(kf(d), lim1);
        let i2 = i1 - d;
        if (lim2 < i2) {
          i1 = lim2 + d;
          i2 = lim2;
        }
        if (fbest < i1 + i2) {
          fbest = i1 + i2;
          fbest1 = i1;
        }
      }
      let bbest = LINE_MAX;
      let bbest1 = LINE_MAX;
      for (let d = bmax; d >= bmin; d -= 2) {
        let i1 = Math.max(off1, kb(d));
        let i2 = i1 - d;
        if (i2 < off2) {
          i1 = off2 + d;
          i2 = off2;
        }
        if (i1 + i2 < bbest) {
          bbest = i1 + i2;
          bbest1 = i1;
        }
      }
      if (lim1 + lim2 - bbest < fbest - (off1 + off2)) {
        return { i1: fbest1, i2: fbest - fbest1, minimalLow: true, minimalHigh: false };
      }
      return { i1: bbest1, i2: bbest - bbest1, minimalLow: false, minimalHigh: true };
    }
  }
}

// src/cherry-pick/git-merge/histogram-diff.ts
var MAX_ANCHOR_OCCURRENCES = 64;
function histogramDiff(a, b, budget) {
  const changedA = emptyMarks(a.length);
  const changedB = emptyMarks(b.length);
  const { a: local, b: other, distinct } = renumber(a, b);
  a = local;
  b = other;
  const maxId = distinct - 1;
  const count2 = new Int32Array(maxId + 1);
  const first = new Int32Array(maxId + 1).fill(-1);
  const next = new Int32Array(a.length).fill(-1);
  const occurrences = (id) => id >= 0 && id <= maxId ? count2[id] : 0;
  const regions = [[0, a.length, 0, b.length]];
  for (let region = regions.pop(); region; region = regions.pop()) {
    const [a0, a1, b0, b1] = region;
    if (a0 === a1 || b0 === b1) {
      for (let i = a0; i < a1; i++) changedA[i + 1] = 1;
      for (let j = b0; j < b1; j++) changedB[j + 1] = 1;
      continue;
    }
    for (let i = a1 - 1; i >= a0; i--) {
      const id = a[i];
      next[i] = first[id];
      first[id] = i;
      count2[id] = count2[id] + 1;
    }
    let bestA = -1;
    let bestB = -1;
    let bestLength = 1;
    let bestRarity = MAX_ANCHOR_OCCURRENCES + 1;
    let hasCommon = false;
    for (let j = b0; j < b1; ) {
      let after = j + 1;
      const id = b[j];
      const seen = occurrences(id);
      if (seen > 0) hasCommon = true;
      if (seen > 0 && seen <= bestRarity) {
        for (let i = first[id]; i >= 0; ) {
          let as = i;
          let bs = j;
          let ae = i;
          let be = j;
          let rarity = seen;
          while (as > a0 && bs > b0 && a[as - 1] === b[bs - 1]) {
            as--;
            bs--;
            if (rarity > 1) rarity = Math.min(rarity, occurrences(a[as]));
          }
          while (ae < a1 - 1 && be < b1 - 1 && a[ae + 1] === b[be + 1]) {
            ae++;
            be++;
            if (rarity > 1) rarity = Math.min(rarity, occurrences(a[ae]));
          }
          budget.steps -= ae - as + 1;
          if (after <= be) after = be + 1;
          if (bestLength < ae - as + 1 || rarity < bestRarity) {
            bestA = as;
            bestB = bs;
            bestLength = ae - as + 1;
            bestRarity = rarity;
          }
          let np = next[i];
          while (np >= 0 && np <= ae) np = next[np];
          i = np;
        }
      }
      j = after;
    }
    for (let i = a0; i < a1; i++) {
      const id = a[i];
      first[id] = -1;
      count2[id] = 0;
    }
    budget.steps -= a1 - a0 + (b1 - b0);
    if (budget.steps < 0) return null;
    if (hasCommon && bestRarity > MAX_ANCHOR_OCCURRENCES) {
      const classic = myersDiff(a.slice(a0, a1), b.slice(b0, b1), budget);
      if (!classic) return null;
      changedA.set(classic.changedA.subarray(1, a1 - a0 + 1), a0 + 1);
      changedB.set(classic.changedB.subarray(1, b1 - b0 + 1), b0 + 1);
      continue;
    }
    if (bestA < 0) {
      for (let i = a0; i < a1; i++) changedA[i + 1] = 1;
      for (let j = b0; j < b1; j++) changedB[j + 1] = 1;
      continue;
    }
    regions.push([bestA + bestLength, a1, bestB + bestLength, b1]);
    regions.push([a0, bestA, b0, bestB]);
  }
  return { changedA, changedB };
}
function renumber(a, b) {
  const ids = /* @__PURE__ */ new Map();
  const localA = a.map((id) => {
    let local = ids.get(id);
    if (local === void 0) {
      local = ids.size;
      ids.set(id, local);
    }
    return local;
  });
  const localB = b.map((id) => ids.get(id) ?? -1);
  return { a: localA, b: localB, distinct: ids.size };
}

// src/cherry-pick/git-merge/edit-script.ts
function diffLikeGit(a, b, budget) {
  const diff = histogramDiff(a, b, budget);
  if (!diff) return null;
  compactChanges(a, diff.changedA, diff.changedB);
  compactChanges(b, diff.changedB, diff.changedA);
  return editScript(diff.changedA, diff.changedB);
}
function editScript(changedA, changedB) {
  const hunks = [];
  const isA = (i2) => changedA[i2 + 1] === 1;
  const isB = (j2) => changedB[j2 + 1] === 1;
  let i = changedA.length - 2;
  let j = changedB.length - 2;
  while (i >= 0 || j >= 0) {
    if (isA(i - 1) || isB(j - 1)) {
      const aEnd = i;
      const bEnd = j;
      while (isA(i - 1)) i--;
      while (isB(j - 1)) j--;
      hunks.push({ a0: i, aCount: aEnd - i, b0: j, bCount: bEnd - j });
    }
    i--;
    j--;
  }
  return hunks.reverse();
}

// src/cherry-pick/git-merge/merge-hunks.ts
var JOIN_CONFLICTS_WITHIN_LINES = 3;
function mergeHunks(base, ours, theirs, workLimit = MERGE_WORK_LIMIT) {
  const budget = { steps: workLimit };
  const oursDiff = diffLikeGit(base, ours, budget);
  const theirsDiff = diffLikeGit(base, theirs, budget);
  if (!oursDiff || !theirsDiff) return null;
  const hunks = pairChanges(oursDiff, theirsDiff, ours, theirs, {
    oursGrowth: ours.length - base.length,
    theirsGrowth: theirs.length - base.length
  });
  const refined = refineConflicts(hunks, ours, theirs, budget);
  return refined && joinCloseConflicts(refined);
}
function pairChanges(oursDiff, theirsDiff, ours, theirs, growth) {
  const hunks = [];
  const append = (kind, ours0, oursCount, theirs0, theirsCount) => {
    const last = hunks[hunks.length - 1];
    if (last && (ours0 <= last.ours0 + last.oursCount || theirs0 <= last.theirs0 + last.theirsCount)) {
      if (kind !== last.kind) last.kind = "conflict";
      last.oursCount = ours0 + oursCount - last.ours0;
      last.theirsCount = theirs0 + theirsCount - last.theirs0;
    } else {
      hunks.push({ kind, ours0, oursCount, theirs0, theirsCount });
    }
  };
  let x = 0;
  let y = 0;
  while (x < oursDiff.length && y < theirsDiff.length) {
    const o = oursDiff[x];
    const t = theirsDiff[y];
    if (o.a0 + o.aCount < t.a0) {
      append("ours", o.b0, o.bCount, t.b0 - t.a0 + o.a0, o.aCount);
      x++;
      continue;
    }
    if (t.a0 + t.aCount < o.a0) {
      append("theirs", o.b0 - o.a0 + t.a0, t.aCount, t.b0, t.bCount);
      y++;
      continue;
    }
    const sameChange2 = o.a0 === t.a0 && o.aCount === t.aCount && o.bCount === t.bCount && sameLines(ours, o.b0, theirs, t.b0, o.bCount);
    if (!sameChange2) {
      const off = o.a0 - t.a0;
      const ffo = off + o.aCount - t.aCount;
      let ours0 = o.b0;
      let theirs0 = t.b0;
      if (off > 0) ours0 -= off;
      else theirs0 += off;
      let oursCount = o.b0 + o.bCount - ours0;
      let theirsCount = t.b0 + t.bCount - theirs0;
      if (ffo < 0) oursCount -= ffo;
      else theirsCount += ffo;
      append("conflict", ours0, oursCount, theirs0, theirsCount);
    }
    const oursEnd = o.a0 + o.aCount;
    const theirsEnd = t.a0 + t.aCount;
    if (oursEnd >= theirsEnd) y++;
    if (theirsEnd >= oursEnd) x++;
  }
  for (; x < oursDiff.length; x++) {
    const o = oursDiff[x];
    append("ours", o.b0, o.bCount, o.a0 + growth.theirsGrowth, o.aCount);
  }
  for (; y < theirsDiff.length; y++) {
    const t = theirsDiff[y];
    append("theirs", t.a0 + growth.oursGrowth, t.aCount, t.b0, t.bCount);
  }
  return hunks;
}
function sameLines(x, x0, y, y0, count2) {
  for (let k = 0; k < count2; k++) if (x[x0 + k] !== y[y0 + k]) return false;
  return true;
}
function refineConflicts(hunks, ours, theirs, budget) {
  const refined = [];
  for (const hunk of hunks) {
    if (hunk.kind !== "conflict" || hunk.oursCount === 0 || hunk.theirsCount === 0) {
      refined.push(hunk);
      continue;
    }
    const diff = diffLikeGit(
      ours.slice(hunk.ours0, hunk.ours0 + hunk.oursCount),
      theirs.slice(hunk.theirs0, hunk.theirs0 + hunk.theirsCount),
      budget
    );
    if (!diff) return null;
    if (diff.length === 0) {
      refined.push({ ...hunk, kind: "identical" });
      continue;
    }
    for (const d of diff) {
      refined.push({
        kind: "conflict",
        ours0: hunk.ours0 + d.a0,
        oursCount: d.aCount,
        theirs0: hunk.theirs0 + d.b0,
        theirsCount: d.bCount
      });
    }
  }
  return refined;
}
function joinCloseConflicts(hunks) {
  const joined = [];
  for (const hunk of hunks) {
    const last = joined[joined.length - 1];
    if (last && last.kind === "conflict" && hunk.kind === "conflict" && hunk.ours0 - (last.ours0 + last.oursCount) <= JOIN_CONFLICTS_WITHIN_LINES) {
      last.oursCount = hunk.ours0 + hunk.oursCount - last.ours0;
      last.theirsCount = hunk.theirs0 + hunk.theirsCount - last.theirs0;
      continue;
    }
    joined.push(hunk);
  }
  return joined;
}

// src/cherry-pick/git-merge/text-lines.ts
function splitLines(text2) {
  if (text2 === "") return [];
  const lines = [];
  let start = 0;
  for (; ; ) {
    const end = text2.indexOf("\n", start);
    if (end < 0) {
      if (start < text2.length) lines.push(text2.slice(start));
      return lines;
    }
    lines.push(text2.slice(start, end + 1));
    start = end + 1;
  }
}
var LineTable = class {
  ids = /* @__PURE__ */ new Map();
  lines = [];
  intern(lines) {
    return lines.map((line2) => {
      let id = this.ids.get(line2);
      if (id === void 0) {
        id = this.lines.length;
        this.ids.set(line2, id);
        this.lines.push(line2);
      }
      return id;
    });
  }
};

// src/cherry-pick/git-merge/merge-file-like-git.ts
function mergeFileLikeGit(input) {
  const { base, ours, theirs } = input;
  const table = new LineTable();
  const baseLines = splitLines(base);
  const oursLines = splitLines(ours);
  const theirsLines = splitLines(theirs);
  const b = table.intern(baseLines);
  const o = table.intern(oursLines);
  const t = table.intern(theirsLines);
  const hunks = mergeHunks(b, o, t, input.workLimit);
  if (hunks === null) {
    return {
      reproduced: false,
      why: "the file is too large and changed too much for the bot to work out git's conflict blocks in time"
    };
  }
  return { reproduced: true, ...render(hunks, { ...input, baseLines, oursLines, theirsLines }) };
}
function render(hunks, input) {
  const { oursLines, theirsLines, baseLines } = input;
  const size = input.markerSize ?? 7;
  const label = (text2) => ` ${text2.replace(/[\r\n]+/g, " ")}`;
  const out = [];
  let conflicts = 0;
  let position = 0;
  for (const hunk of hunks) {
    if (hunk.kind === "identical") continue;
    out.push(...oursLines.slice(position, hunk.ours0));
    const oursPart = oursLines.slice(hunk.ours0, hunk.ours0 + hunk.oursCount);
    const theirsPart = theirsLines.slice(hunk.theirs0, hunk.theirs0 + hunk.theirsCount);
    if (hunk.kind === "ours") out.push(...oursPart);
    else if (hunk.kind === "theirs") out.push(...theirsPart);
    else {
      conflicts++;
      const eol = markersNeedCr(oursLines, hunk.ours0, theirsLines, hunk.theirs0, baseLines) ? "\r\n" : "\n";
      const terminated = (lines) => {
        const last = lines[lines.length - 1];
        return last === void 0 || last.endsWith("\n") ? lines : [...lines.slice(0, -1), last + eol];
      };
      out.push(
        `${"<".repeat(size)}${label(input.oursLabel)}${eol}`,
        ...terminated(oursPart),
        `${"=".repeat(size)}${eol}`,
        ...terminated(theirsPart),
        `${">".repeat(size)}${label(input.theirsLabel)}${eol}`
      );
    }
    position = hunk.ours0 + hunk.oursCount;
  }
  out.push(...oursLines.slice(position));
  return { text: out.join(""), conflicts };
}

// src/cherry-pick/git-tree.ts
var REGULAR_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
function sameEntry(x, y) {
  if (x === null || y === null) return x === y;
  return x.sha === y.sha && x.mode === y.mode;
}
function parentDirs(path) {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, k) => parts.slice(0, k + 1).join("/"));
}

// src/cherry-pick/pick-entries.ts
var MAX_READABLE_BLOB_BYTES = 100 * 1024 * 1024;
var BINARY_PROBE_BYTES = 8e3;
function regular(entry2) {
  return entry2.type === "blob" && REGULAR_MODES.has(entry2.mode);
}
function mergeMode(base, ours, theirs) {
  if (ours === theirs || base === theirs) return ours;
  if (base === ours) return theirs;
  return null;
}
function looksBinary(bytes) {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}
function bytesToText(bytes) {
  return Buffer.from(bytes).toString("latin1");
}
function textToBytes(text2) {
  return new Uint8Array(Buffer.from(text2, "latin1"));
}
function utf8(text2) {
  return new Uint8Array(Buffer.from(text2, "utf8"));
}
function sameBytes(x, y) {
  return Buffer.from(x).equals(Buffer.from(y));
}

// src/cherry-pick/content-similarity.ts
function contentSimilarity(source, destination) {
  const larger = Math.max(source.length, destination.length);
  if (larger === 0) return 1;
  const smaller = Math.min(source.length, destination.length);
  if (smaller * 2 < larger) return 0;
  const kept = chunkCounts(destination);
  let copied = 0;
  for (const [chunk, bytes] of chunkCounts(source)) {
    copied += Math.min(bytes, kept.get(chunk) ?? 0);
  }
  return copied / larger;
}
function chunkCounts(bytes) {
  const text2 = !bytes.subarray(0, 8e3).includes(0);
  const counts2 = /* @__PURE__ */ new Map();
  let chunk = [];
  let length = 0;
  const flush = () => {
    const key = Buffer.from(chunk).toString("latin1");
    counts2.set(key, (counts2.get(key) ?? 0) + length);
    chunk = [];
    length = 0;
  };
  for (let k = 0; k < bytes.length; k++) {
    const byte = bytes[k];
    if (text2 && byte === 13 && bytes[k + 1] === 10) continue;
    chunk.push(byte);
    length++;
    if (length >= 64 || byte === 10) flush();
  }
  if (length > 0) flush();
  return counts2;
}

// src/cherry-pick/rename-pairs.ts
var RENAME_SCORE = 0.5;
var SCORE_MARGIN = 0.1;
var MAX_COMPARISONS = 2500;
async function pairRenames(sources, destinations, read) {
  const pairs = /* @__PURE__ */ new Map();
  const unsure = /* @__PURE__ */ new Set();
  if (sources.length === 0 || destinations.length === 0) return { pairs, unsure };
  const bySha = /* @__PURE__ */ new Map();
  const group = (sha) => {
    let found = bySha.get(sha);
    if (!found) {
      found = { sources: [], destinations: [] };
      bySha.set(sha, found);
    }
    return found;
  };
  for (const s of sources) group(s.entry.sha).sources.push(s);
  for (const d of destinations) group(d.entry.sha).destinations.push(d);
  const paired = /* @__PURE__ */ new Set();
  for (const { sources: from, destinations: to } of bySha.values()) {
    if (from.length === 0 || to.length === 0) continue;
    const [s, d] = [from[0], to[0]];
    if (from.length === 1 && to.length === 1 && regular2(s.entry) && regular2(d.entry) && !isEmpty(s.entry)) {
      pairs.set(s.path, d.path);
    } else {
      for (const c of [...from, ...to]) unsure.add(c.path);
    }
    for (const c of [...from, ...to]) paired.add(c.path);
  }
  const left = sources.filter((s) => !paired.has(s.path));
  const right = destinations.filter((d) => !paired.has(d.path));
  if (left.length === 0 || right.length === 0) return { pairs, unsure };
  const odd = (c) => !regular2(c.entry) || isEmpty(c.entry);
  if (left.length * right.length > MAX_COMPARISONS) {
    for (const c of [...left, ...right]) unsure.add(c.path);
    return { pairs, unsure };
  }
  const bytes = /* @__PURE__ */ new Map();
  const load = async (c) => {
    const known = bytes.get(c.entry.sha);
    if (known) return known;
    const loaded = await read(c.entry.sha);
    bytes.set(c.entry.sha, loaded);
    return loaded;
  };
  const scores = [];
  for (const s of left) {
    for (const d of right) {
      if (odd(s) || odd(d)) {
        if (s.entry.type !== "commit" && d.entry.type !== "commit") {
          unsure.add(s.path);
          unsure.add(d.path);
        }
        continue;
      }
      scores.push({
        source: s.path,
        destination: d.path,
        score: contentSimilarity(await load(s), await load(d))
      });
    }
  }
  const contenders = scores.filter((x) => x.score >= RENAME_SCORE - SCORE_MARGIN);
  for (const x of contenders) {
    const rivals = contenders.filter(
      (y) => y !== x && (y.source === x.source || y.destination === x.destination)
    );
    if (x.score >= RENAME_SCORE + SCORE_MARGIN && rivals.length === 0) {
      pairs.set(x.source, x.destination);
    } else {
      unsure.add(x.source);
      unsure.add(x.destination);
    }
  }
  return { pairs, unsure };
}
function regular2(entry2) {
  return entry2.type === "blob" && REGULAR_MODES.has(entry2.mode);
}
var EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";
function isEmpty(entry2) {
  return entry2.sha === EMPTY_BLOB || entry2.size === 0;
}

// src/cherry-pick/tree-changes.ts
async function diffTrees(source, before, after) {
  const result = { files: [], removedDirs: [], clashes: [], incomplete: false };
  await walk(source, "", before, after, result);
  result.files.sort((x, y) => x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
  return result;
}
async function walk(source, prefix, before, after, out) {
  if (before === after) return;
  const [left, right] = await Promise.all([
    before ? source.tree(before) : Promise.resolve([]),
    after ? source.tree(after) : Promise.resolve([])
  ]);
  const byName = (items) => new Map(items.map((item) => [item.path, item]));
  const l = byName(left);
  const r = byName(right);
  for (const name of /* @__PURE__ */ new Set([...l.keys(), ...r.keys()])) {
    const x = l.get(name) ?? null;
    const y = r.get(name) ?? null;
    if (x && y && x.sha === y.sha && x.mode === y.mode) continue;
    const path = prefix + name;
    const xDir = x?.type === "tree";
    const yDir = y?.type === "tree";
    if (xDir && yDir) {
      await walk(source, `${path}/`, x.sha, y.sha, out);
    } else if (xDir && y || yDir && x) {
      out.clashes.push(path);
    } else if (xDir || yDir) {
      const dir = xDir ? x : y;
      const files = await source.files(dir.sha);
      if (!files) {
        out.incomplete = true;
        continue;
      }
      if (xDir) out.removedDirs.push({ path, sha: dir.sha });
      for (const file of files) {
        const entry2 = strip(file);
        out.files.push({
          path: `${path}/${file.path}`,
          before: xDir ? entry2 : null,
          after: xDir ? null : entry2
        });
      }
    } else {
      out.files.push({ path, before: x ? strip(x) : null, after: y ? strip(y) : null });
    }
  }
}
function strip(item) {
  const entry2 = { mode: item.mode, type: item.type, sha: item.sha };
  if (item.size !== void 0) entry2.size = item.size;
  return entry2;
}
async function entryAt(source, root, path) {
  let tree = root;
  const parts = path.split("/");
  for (let k = 0; k < parts.length; k++) {
    const item = (await source.tree(tree)).find((entry2) => entry2.path === parts[k]);
    if (!item) return null;
    if (k === parts.length - 1) return strip(item);
    if (item.type !== "tree") return "blocked";
    tree = item.sha;
  }
  return null;
}

// src/cherry-pick/renamed-files.ts
var MANUAL = "replay the fix on this file by hand (`git cherry-pick -x` shows git's result)";
async function planRenames(source, trees, labels, theirsChanges) {
  const plan = { entries: [], uncertain: [], handled: /* @__PURE__ */ new Set(), theirsRenames: /* @__PURE__ */ new Map() };
  const ours = async (path) => entryAt(source, trees.ours, path);
  const byPath = new Map(theirsChanges.map((change) => [change.path, change]));
  const theirs = await pairRenames(
    theirsChanges.flatMap((c) => c.before && !c.after ? [{ path: c.path, entry: c.before }] : []),
    theirsChanges.flatMap((c) => c.after && !c.before ? [{ path: c.path, entry: c.after }] : []),
    (sha) => source.blob(sha)
  );
  plan.theirsRenames = theirs.pairs;
  const missing = [];
  for (const change of theirsChanges) {
    if (change.before && await ours(change.path) === null) missing.push(change);
  }
  let orphans = false;
  for (const change of theirsChanges) {
    const dir = change.path.includes("/") ? change.path.slice(0, change.path.lastIndexOf("/")) : "";
    if (change.before !== null || dir === "" || orphans) continue;
    const [inBase, inOurs] = [await entryAt(source, trees.base, dir), await ours(dir)];
    orphans = inBase !== null && inOurs === null;
  }
  let oursPairs = /* @__PURE__ */ new Map();
  const oursUnsure = /* @__PURE__ */ new Set();
  if (missing.length > 0 || orphans) {
    const oursChanges = await diffTrees(source, trees.base, trees.ours);
    if (oursChanges.incomplete) {
      for (const change of missing) oursUnsure.add(change.path);
    } else {
      const found = await pairRenames(
        oursChanges.files.flatMap((c) => c.before && !c.after ? [{ path: c.path, entry: c.before }] : []),
        oursChanges.files.flatMap((c) => c.after && !c.before ? [{ path: c.path, entry: c.after }] : []),
        (sha) => source.blob(sha)
      );
      oursPairs = found.pairs;
      for (const path of found.unsure) oursUnsure.add(path);
    }
  }
  const item = (fields) => {
    plan.uncertain.push({ conflictLikely: false, ...fields });
    for (const change of fields.theirs) plan.handled.add(change.path);
  };
  const changesOf = (...paths) => paths.flatMap((path) => {
    const change = byPath.get(path);
    return change ? [change] : [];
  });
  let theirsUnsureMatters = false;
  for (const path of theirs.unsure) {
    const before = byPath.get(path)?.before;
    const there = before ? await ours(path) : null;
    if (before && (there === null || there === "blocked" || there.sha !== before.sha || there.mode !== before.mode)) {
      theirsUnsureMatters = true;
    }
  }
  const unsure = /* @__PURE__ */ new Set([
    ...theirsUnsureMatters ? theirs.unsure : [],
    ...[...oursUnsure].filter((path) => byPath.has(path))
  ]);
  const unsureChanges = changesOf(...unsure);
  if (unsureChanges.length > 0) {
    const paths = [.../* @__PURE__ */ new Set([...unsureChanges.map((c) => c.path), ...[...oursUnsure]])].sort();
    item({
      reason: `git may pair ${paths.join(", ")} as renames differently`,
      paths,
      theirs: unsureChanges,
      onConflict: [],
      undrafted: `a rename git may or may not see here (similar files, or a score near git's 50 % threshold): ${MANUAL}`
    });
  }
  for (const change of theirsChanges) {
    if (change.before !== null || plan.handled.has(change.path) || change.after === null) continue;
    const moved = await movedWithDirectory(source, trees, change.path, oursPairs);
    if (moved === null) continue;
    item({
      reason: `${change.path} is added in a directory the target renamed`,
      paths: [.../* @__PURE__ */ new Set([change.path, moved])].sort(),
      theirs: [change],
      onConflict: [],
      undrafted: `added by the fix in a directory the target renamed; git moves it to \`${moved}\`: check where it belongs`
    });
  }
  for (const [from, to] of theirs.pairs) {
    if (unsure.has(from) || unsure.has(to)) continue;
    const deleted = byPath.get(from);
    const added = byPath.get(to);
    const base = deleted.before;
    const fixed = added.after;
    const changes = [deleted, added];
    const oursFrom = await ours(from);
    const oursTo = await ours(to);
    const oursRenamed = oursPairs.get(from);
    if (oursRenamed !== void 0 && oursRenamed !== to) {
      item({
        reason: `${from} is renamed to ${oursRenamed} on the target and to ${to} by the fix`,
        paths: [from, oursRenamed, to].sort(),
        theirs: changes,
        onConflict: [{ path: to, entry: fixed }],
        conflictLikely: true,
        undrafted: `renamed to \`${oursRenamed}\` on the target and to \`${to}\` by the fix (rename/rename): choose one name and ${MANUAL}`
      });
      continue;
    }
    if (oursRenamed === to) {
      await mergeAt(to, { base, ours: oursTo, theirs: fixed }, changes, [], true);
      continue;
    }
    if (oursFrom === null && oursTo === null && !oursUnsure.has(from)) {
      item({
        reason: `${from} is deleted on the target and renamed to ${to} by the fix`,
        paths: [to],
        theirs: changes,
        onConflict: [{ path: to, entry: fixed }],
        conflictLikely: true,
        undrafted: `deleted on the target, renamed from \`${from}\` by the fix (rename/delete): git leaves the fix's version without markers; keep it or delete it`,
        asGit: true
      });
      continue;
    }
    if (oursFrom === null || oursFrom === "blocked" || oursFrom.type === "tree" || oursTo !== null) {
      item({
        reason: `the fix renames ${from} to ${to}, which the target changed in another way`,
        paths: [to],
        theirs: changes,
        onConflict: oursFrom !== null && oursFrom !== "blocked" && oursFrom.type !== "tree" ? [{ path: from, remove: oursFrom }] : [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` by the fix onto a path the target changed or added: ${MANUAL}`
      });
      continue;
    }
    if (oursFrom.sha === base.sha && oursFrom.mode === base.mode) {
      plan.entries.push({ path: from, remove: oursFrom }, { path: to, entry: fixed });
      plan.handled.add(from).add(to);
      continue;
    }
    await mergeAt(
      to,
      { base, ours: oursFrom, theirs: fixed },
      changes,
      [{ path: from, remove: oursFrom }],
      false,
      {
        ours: `${labels.ours}:${from}`,
        theirs: `${labels.theirs}:${to}`
      }
    );
  }
  for (const [from, to] of oursPairs) {
    const change = byPath.get(from);
    if (!change || plan.handled.has(from) || unsure.has(from) || theirs.pairs.has(from)) continue;
    const base = change.before;
    const oursTo = await ours(to);
    if (byPath.has(to)) {
      item({
        reason: `${from} is renamed to ${to} on the target, where the fix adds a file`,
        paths: [to],
        theirs: changesOf(from, to),
        onConflict: [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` on the target onto a path the fix also writes: ${MANUAL}`
      });
      continue;
    }
    if (change.after === null) {
      item({
        reason: `${from} is renamed to ${to} on the target and deleted by the fix`,
        paths: [to],
        theirs: [change],
        onConflict: [],
        conflictLikely: true,
        undrafted: `renamed from \`${from}\` on the target, deleted by the fix (rename/delete): git keeps the target's file without markers; keep it or delete it`,
        asGit: true
      });
      continue;
    }
    await mergeAt(to, { base, ours: oursTo, theirs: change.after }, [change], [], true, {
      ours: `${labels.ours}:${to}`,
      theirs: `${labels.theirs}:${from}`
    });
  }
  return plan;
  async function mergeAt(path, versions, changes, extra, oursAtPath, markerLabels = labels) {
    const cannot = (why) => item({
      reason: `${path} (renamed) ${why}`,
      paths: [path],
      theirs: changes,
      onConflict: extra,
      conflictLikely: true,
      undrafted: `renamed, and ${why}: ${MANUAL}`
    });
    const { base, ours: o, theirs: t } = versions;
    if (!regular(base) || !regular(o) || !regular(t)) return cannot("a symlink or submodule on one side");
    const mode = mergeMode(base.mode, o.mode, t.mode);
    if (mode === null) return cannot("its mode changed on both sides");
    if ([base, o, t].some((entry2) => (entry2.size ?? 0) > MAX_READABLE_BLOB_BYTES)) {
      return cannot("too large to read through GitHub's API");
    }
    const [b, x, y] = await Promise.all([source.blob(base.sha), source.blob(o.sha), source.blob(t.sha)]);
    if ([b, x, y].some(looksBinary)) return cannot("binary on one side");
    const merged = mergeFileLikeGit({
      base: bytesToText(b),
      ours: bytesToText(x),
      theirs: bytesToText(y),
      oursLabel: bytesToText(utf8(markerLabels.ours)),
      theirsLabel: bytesToText(utf8(markerLabels.theirs))
    });
    if (!merged.reproduced) return cannot(merged.why);
    const content = textToBytes(merged.text);
    const write = oursAtPath && mode === o.mode && sameBytes(content, x) ? extra : [...extra, { path, mode, content }];
    if (merged.conflicts === 0) {
      plan.entries.push(...write);
      for (const change of changes) plan.handled.add(change.path);
      return;
    }
    item({
      reason: `${path} (renamed) may conflict`,
      paths: [path],
      theirs: changes,
      onConflict: write,
      conflictLikely: true
    });
  }
}
async function movedWithDirectory(source, trees, path, renames) {
  const parts = path.split("/");
  for (let depth = parts.length - 1; depth >= 1; depth--) {
    const dir = parts.slice(0, depth).join("/");
    const inBase = await entryAt(source, trees.base, dir);
    const inOurs = await entryAt(source, trees.ours, dir);
    if (inBase === null || inBase === "blocked" || inBase.type !== "tree") continue;
    if (inOurs !== null && inOurs !== "blocked" && inOurs.type === "tree") continue;
    const votes = /* @__PURE__ */ new Map();
    for (const [from, to] of renames) {
      if (!from.startsWith(`${dir}/`)) continue;
      const fromDir = from.slice(0, from.lastIndexOf("/"));
      const toDir = to.includes("/") ? to.slice(0, to.lastIndexOf("/")) : "";
      const rest = fromDir.slice(dir.length);
      if (rest !== "" && !toDir.endsWith(rest)) continue;
      const target = toDir.slice(0, toDir.length - rest.length);
      votes.set(target, (votes.get(target) ?? 0) + 1);
    }
    const ranked = [...votes.entries()].sort((x, y) => y[1] - x[1]);
    const [best, second] = ranked;
    if (!best || second && second[1] === best[1]) return best ? path : null;
    const tail = parts.slice(depth).join("/");
    return best[0] === "" ? tail : `${best[0]}/${tail}`;
  }
  return null;
}

// src/cherry-pick/local-pick.ts
var NO_MARKERS = "apply the fix's change by hand (`git cherry-pick -x` shows git's result)";
var MERGE_ATTRIBUTES = /(^|[\s!-])(merge|binary|conflict-marker-size)\b/m;
async function planPick(source, trees, labels) {
  const changes = await diffTrees(source, trees.base, trees.theirs);
  const changedPaths = [...changes.files.map((c) => c.path), ...changes.clashes];
  const plan = { entries: [], uncertain: [], changedPaths, mergedFiles: 0 };
  if (changes.incomplete) {
    plan.uncertain.push({
      reason: "a changed directory is too large to list",
      paths: changedPaths,
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false,
      undrafted: "the fix changes a directory too large for the bot to list: replay the fix by hand"
    });
    return plan;
  }
  for (const path of changes.clashes) {
    plan.uncertain.push({
      reason: `a directory and a file or submodule swap places at ${path}`,
      paths: [path],
      theirs: await clashChanges(source, trees, path),
      onConflict: [],
      conflictLikely: false,
      undrafted: "a directory and a submodule (or a file) swap places here, and git moves one of them aside: replay the fix's change to this path by hand"
    });
  }
  const ours = (path) => entryAt(source, trees.ours, path);
  const isDir = (entry2) => entry2 !== null && entry2 !== "blocked" && entry2.type === "tree";
  const renamed = await planRenames(source, trees, labels, changes.files);
  plan.entries.push(...renamed.entries);
  plan.uncertain.push(...renamed.uncertain);
  const adds = changes.files.some((c) => c.before === null);
  for (const dir of changes.removedDirs) {
    const there = await ours(dir.path);
    if (!adds || !isDir(there) || there.sha === dir.sha) continue;
    const before = new Set(changes.files.filter((c) => c.path.startsWith(`${dir.path}/`)).map((c) => c.path));
    const added = (await source.files(there.sha) ?? []).map((file) => `${dir.path}/${file.path}`).filter((path) => !before.has(path));
    if (added.length === 0) continue;
    const swapped = { base: trees.base, ours: trees.theirs, theirs: trees.ours };
    const moved = await Promise.all(
      added.map((path) => movedWithDirectory(source, swapped, path, renamed.theirsRenames))
    );
    plan.uncertain.push({
      reason: `the target added files under ${dir.path}/, which the picked commit empties`,
      paths: [.../* @__PURE__ */ new Set([...added, ...moved.filter((path) => path !== null)])].sort(),
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false,
      undrafted: `added on the target under ${dir.path}/, which the fix empties; git may move it with the directory: check where it belongs`
    });
  }
  const merges = [];
  for (const change of changes.files) {
    if (renamed.handled.has(change.path)) continue;
    const { path, before: base, after: theirs } = change;
    const o = await ours(path);
    const uncertain = (reason, onConflict = [], conflictLikely = false, forPerson = {}) => plan.uncertain.push({
      reason,
      paths: [path],
      theirs: [change],
      onConflict,
      conflictLikely,
      ...forPerson
    });
    if (o === "blocked" || o !== null && o.type === "tree") {
      const blocker = o === "blocked" ? await blockingPath(source, trees.ours, path) : path;
      plan.uncertain.push({
        reason: `${path} is a directory path on the target`,
        paths: [.../* @__PURE__ */ new Set([path, blocker])].sort(),
        theirs: [change],
        onConflict: [],
        conflictLikely: false,
        undrafted: `the target has a file, submodule or directory in the way at \`${blocker}\`; git moves one of them aside: replay the fix's change here by hand`
      });
      continue;
    }
    if (sameEntry(theirs, o)) {
      if (theirs === null) uncertain(`${path} is deleted on both sides`);
      continue;
    }
    if (sameEntry(base, o)) {
      if (base === null) {
        let moved = false;
        for (const dir of parentDirs(path)) {
          if (isDir(await entryAt(source, trees.base, dir)) && !isDir(await ours(dir))) moved = true;
        }
        if (moved) {
          plan.uncertain.push({
            reason: `the directory of the new file ${path} is gone on the target`,
            paths: [path],
            theirs: [change],
            onConflict: theirs ? [{ path, entry: theirs }] : [],
            conflictLikely: false,
            undrafted: "added by the fix in a directory the target removed or renamed; git may move it: check where it belongs"
          });
          continue;
        }
      }
      plan.entries.push(theirs ? { path, entry: theirs } : { path, remove: base });
      continue;
    }
    if (base === null || o === null || theirs === null) {
      const kind = base === null ? "added on both sides" : o === null ? "deleted on the target" : "deleted by the pick";
      const onConflict = o === null && theirs ? [{ path, entry: theirs }] : [];
      if (base === null && o && theirs && regular(o) && regular(theirs)) {
        merges.push({ change, ours: o, mode: o.mode, addedTwice: true });
        continue;
      }
      const forPerson = base === null ? { undrafted: `added on both sides, as different kinds of file: ${NO_MARKERS}` } : {
        undrafted: `${kind}, changed on the other side (modify/delete): git leaves the changed version without markers; keep it or delete it`,
        asGit: true
      };
      uncertain(`${path} is ${kind}`, onConflict, true, forPerson);
      continue;
    }
    if (!regular(base) || !regular(o) || !regular(theirs)) {
      uncertain(`${path} is a symlink or submodule changed on both sides`, [], true, {
        undrafted: `a symlink or submodule changed on both sides; the draft keeps the target's: ${NO_MARKERS}`
      });
      continue;
    }
    const mode = mergeMode(base.mode, o.mode, theirs.mode);
    if (mode === null) {
      uncertain(`${path} has its mode changed on both sides`, [], true, {
        undrafted: `its executable bit changed differently on both sides; the draft keeps the target's file: ${NO_MARKERS}`
      });
      continue;
    }
    if (base.sha === theirs.sha || o.sha === theirs.sha) {
      if (mode !== o.mode) plan.entries.push({ path, entry: { ...o, mode } });
    } else if (base.sha === o.sha) {
      plan.entries.push({ path, entry: { ...theirs, mode } });
    } else {
      merges.push({ change, ours: o, mode });
    }
  }
  if (merges.length > 0) {
    const attributesChanged = changedPaths.some(
      (p) => p === ".gitattributes" || p.endsWith("/.gitattributes")
    );
    for (const { change, ours: o, mode, addedTwice } of merges) {
      const uncertain = (reason, onConflict = [], conflictLikely = false) => plan.uncertain.push({ reason, paths: [change.path], theirs: [change], onConflict, conflictLikely });
      const undrafted = (reason, undraftedWhy) => plan.uncertain.push({
        reason,
        paths: [change.path],
        theirs: [change],
        onConflict: [],
        conflictLikely: false,
        undrafted: undraftedWhy
      });
      if (attributesChanged || await mergeAttributesApply(source, trees.ours, change.path)) {
        uncertain(`${change.path} may have merge attributes`);
        continue;
      }
      const theirs = change.after;
      if ([change.before, o, theirs].some((entry2) => (entry2?.size ?? 0) > MAX_READABLE_BLOB_BYTES)) {
        undrafted(
          `${change.path} is too large to read through the API`,
          `over ${MAX_READABLE_BLOB_BYTES / 1024 / 1024} MB, more than GitHub's API serves: the bot keeps the target's version, without the fix's change to it`
        );
        continue;
      }
      const [b, x, y] = await Promise.all([
        change.before ? source.blob(change.before.sha) : Promise.resolve(new Uint8Array()),
        source.blob(o.sha),
        source.blob(theirs.sha)
      ]);
      if ([b, x, y].some(looksBinary)) {
        plan.uncertain.push({
          reason: `${change.path} is binary`,
          paths: [change.path],
          theirs: [change],
          onConflict: [],
          conflictLikely: true,
          undrafted: "a binary file, which git does not merge either: it keeps the target's version, without the fix's change to it; apply the fix's version by hand if it is needed",
          asGit: true
        });
        continue;
      }
      const merged = mergeFileLikeGit({
        base: bytesToText(b),
        ours: bytesToText(x),
        theirs: bytesToText(y),
        oursLabel: bytesToText(utf8(labels.ours)),
        theirsLabel: bytesToText(utf8(labels.theirs))
      });
      if (!merged.reproduced) {
        undrafted(
          `${change.path} may conflict`,
          `${merged.why}: the bot keeps the target's version, without the fix's change to it`
        );
        continue;
      }
      const content = textToBytes(merged.text);
      if (merged.conflicts === 0 && !addedTwice) {
        plan.mergedFiles++;
        if (mode === o.mode && sameBytes(content, x)) continue;
        plan.entries.push({ path: change.path, mode, content });
      } else if (addedTwice) {
        uncertain(`${change.path} is added on both sides`, [{ path: change.path, mode, content }], true);
      } else {
        const blocks = `${merged.conflicts} conflict block${merged.conflicts === 1 ? "" : "s"}`;
        plan.uncertain.push({
          reason: `${change.path} has ${blocks}`,
          paths: [change.path],
          theirs: [change],
          onConflict: [{ path: change.path, mode, content }],
          conflictLikely: true,
          certain: true
        });
      }
    }
  }
  return plan;
}
async function clashChanges(source, trees, path) {
  const [before, after] = await Promise.all([
    entryAt(source, trees.base, path),
    entryAt(source, trees.theirs, path)
  ]);
  const filesOf2 = async (entry2) => entry2 !== null && entry2 !== "blocked" && entry2.type === "tree" ? (await source.files(entry2.sha) ?? []).map((file) => ({
    path: `${path}/${file.path}`,
    entry: { mode: file.mode, type: file.type, sha: file.sha }
  })) : entry2 !== null && entry2 !== "blocked" ? [{ path, entry: entry2 }] : [];
  const removed = (await filesOf2(before)).map(({ path: p, entry: entry2 }) => ({
    path: p,
    before: entry2,
    after: null
  }));
  const added = (await filesOf2(after)).map(({ path: p, entry: entry2 }) => ({ path: p, before: null, after: entry2 }));
  return [...removed, ...added];
}
async function blockingPath(source, tree, path) {
  for (const dir of parentDirs(path)) {
    const entry2 = await entryAt(source, tree, dir);
    if (entry2 !== null && entry2 !== "blocked" && entry2.type !== "tree") return dir;
  }
  return path;
}
async function mergeAttributesApply(source, oursTree, path) {
  for (const dir of ["", ...parentDirs(path)]) {
    const file = await entryAt(source, oursTree, dir === "" ? ".gitattributes" : `${dir}/.gitattributes`);
    if (file === null || file === "blocked" || file.type !== "blob") continue;
    if (MERGE_ATTRIBUTES.test(bytesToText(await source.blob(file.sha)))) return true;
  }
  return false;
}

// src/cherry-pick/server-merge.ts
import { randomBytes } from "node:crypto";
async function serverCherryPick(source, writer, input) {
  const { pick, oursTree, plan } = input;
  const sibling = await writer.commit({
    message: `Merge base for cherry-picking ${pick.sha}`,
    tree: oursTree,
    parents: [pick.parent]
  });
  const branch = `hotfix-bot/tmp-pick-${pick.sha.slice(0, 12)}-${randomBytes(4).toString("hex")}`;
  await writer.createBranch(branch, sibling);
  try {
    const whole = await writer.merge(branch, pick.sha, `Cherry-pick ${pick.sha}`);
    if (whole.merged) return { tree: whole.tree, conflictFiles: [], undraftedFiles: [] };
    if (whole.reason === "nothing") {
      throw new CherryPickError(pick.sha, "GitHub found nothing to merge onto the sibling commit");
    }
    let conflicted = plan.uncertain;
    let resolved = [];
    if (plan.uncertain.length > 1 && plan.uncertain.length <= PROBE_EACH_MAX) {
      ({ conflicted, resolved } = await probeEach(source, writer, { ...input, branch, sibling }));
    } else if (plan.uncertain.length > PROBE_EACH_MAX) {
      const likely = plan.uncertain.filter((item) => item.conflictLikely);
      const unsure = plan.uncertain.filter((item) => !item.conflictLikely);
      const settled2 = likely.length > 0 && unsure.length > 0 ? (await probe(source, writer, { ...input, branch, items: unsure })).settled : null;
      if (settled2) {
        conflicted = likely;
        resolved = settled2;
      }
    }
    const entries = [...plan.entries, ...resolved, ...conflicted.flatMap((item) => item.onConflict)];
    const tree = entries.length > 0 ? await writer.tree(oursTree, entries) : oursTree;
    const undraftedFiles = conflicted.flatMap(
      (item) => item.undrafted === void 0 ? [] : item.paths.map((path) => ({
        path,
        reason: item.undrafted,
        ...item.asGit ? { asGit: true } : {}
      }))
    );
    return {
      tree,
      conflictFiles: [...new Set(conflicted.flatMap((item) => item.paths))].sort(),
      undraftedFiles
    };
  } finally {
    await writer.deleteBranch(branch).catch(() => void 0);
  }
}
var PROBE_EACH_MAX = 6;
async function probeEach(source, writer, input) {
  const { plan, branch, sibling } = input;
  const conflicted = [];
  const resolved = [];
  let branchAtSibling = true;
  for (const item of plan.uncertain) {
    if (!branchAtSibling) await writer.moveBranch(branch, sibling);
    const { merged, settled: settled2 } = await probe(source, writer, { ...input, items: [item] });
    branchAtSibling = !merged;
    if (settled2 === null) conflicted.push(item);
    else resolved.push(...settled2);
  }
  if (conflicted.length === 0) return { conflicted: plan.uncertain, resolved: [] };
  return { conflicted, resolved };
}
async function probe(source, writer, input) {
  const { pick, baseTree, oursTree, branch, items } = input;
  const probeTree = await writer.tree(
    baseTree,
    items.flatMap((item) => item.theirs.map(afterEntry))
  );
  const probeCommit = await writer.commit({
    message: `Probe for cherry-picking ${pick.sha}`,
    tree: probeTree,
    parents: [pick.parent]
  });
  const outcome = await writer.merge(branch, probeCommit, `Probe ${pick.sha}`);
  if (!outcome.merged) return { merged: false, settled: null };
  const effect = await diffTrees(source, oursTree, outcome.tree);
  if (effect.incomplete || effect.clashes.length > 0) return { merged: true, settled: null };
  return { merged: true, settled: effect.files.map(afterEntry) };
}
function afterEntry(change) {
  if (change.after) return { path: change.path, entry: change.after };
  if (change.before) return { path: change.path, remove: change.before };
  throw new Error(`a change of ${change.path} with neither side`);
}

// src/cherry-pick/cherry-pick.ts
async function cherryPickCommits(octokit, repo, input) {
  const changed = /* @__PURE__ */ new Set();
  return cherryPickWith(
    new GitHubTreeSource(octokit, repo),
    new GitWriter(octokit, repo, () => [...changed]),
    input,
    changed
  );
}
async function cherryPickWith(source, writer, input, changed = /* @__PURE__ */ new Set()) {
  const result = {
    status: "empty",
    headSha: input.ontoSha,
    conflictFiles: [],
    undraftedFiles: [],
    usedServerMerge: false,
    writes: 0,
    reads: 0,
    commits: [],
    notApplied: [],
    workflowFiles: []
  };
  const finish = () => {
    result.writes = writer.writes;
    result.reads = source.reads;
    result.workflowFiles = [...changed].filter(isWorkflowPath).sort();
    return result;
  };
  let headTree = (await source.commit(input.ontoSha)).tree;
  for (const [index, pick] of input.picks.entries()) {
    const commit = await source.commit(pick.sha);
    if (commit.parents[0] !== pick.parent) {
      throw new CherryPickError(
        pick.sha,
        `its first parent is ${commit.parents[0] ?? "none"}, not ${pick.parent}`
      );
    }
    if (commit.parents.length > 1 && pick.mainline !== 1) {
      throw new CherryPickError(pick.sha, "it is a merge commit and no mainline was given");
    }
    const parent = await source.commit(pick.parent);
    const subject = commit.message.split("\n", 1)[0] ?? "";
    const labels = { ours: input.ontoLabel, theirs: `${pick.sha.slice(0, 7)} (${subject})` };
    const trees = { base: parent.tree, ours: headTree, theirs: commit.tree };
    const plan = await planPick(source, trees, labels);
    for (const path of plan.changedPaths) changed.add(path);
    let tree;
    let conflictFiles = [];
    let undraftedFiles = [];
    if (plan.uncertain.every((item) => item.certain)) {
      const drafts = plan.uncertain.flatMap((item) => item.onConflict);
      const entries = [...plan.entries, ...drafts];
      tree = entries.length > 0 ? await writer.tree(headTree, entries) : headTree;
      conflictFiles = [...new Set(plan.uncertain.flatMap((item) => item.paths))].sort();
    } else {
      result.usedServerMerge = true;
      const outcome = await serverCherryPick(source, writer, {
        pick,
        baseTree: parent.tree,
        oursTree: headTree,
        plan
      });
      tree = outcome.tree;
      conflictFiles = outcome.conflictFiles;
      undraftedFiles = outcome.undraftedFiles;
    }
    if (tree === headTree && conflictFiles.length === 0) {
      result.commits.push({ pick: pick.sha, commit: null });
      continue;
    }
    const sha = await writer.commit(
      input.verified ? {
        message: cherryPickMessage(commit.message, pick.sha, commit.author),
        tree,
        parents: [result.headSha]
      } : {
        message: cherryPickMessage(commit.message, pick.sha),
        tree,
        parents: [result.headSha],
        author: commit.author
      }
    );
    result.commits.push({ pick: pick.sha, commit: sha });
    result.headSha = sha;
    headTree = tree;
    result.status = "clean";
    if (conflictFiles.length > 0) {
      result.status = "conflict";
      result.conflictFiles = conflictFiles;
      result.undraftedFiles = undraftedFiles;
      result.conflictPick = pick.sha;
      result.notApplied = input.picks.slice(index + 1).map((p) => p.sha);
      break;
    }
  }
  return finish();
}

// src/cherry-pick/manual-steps.ts
var SHA = /^[0-9a-f]{7,64}$/;
function manualBackportSteps(input) {
  const { target, branch, picks, method, stoppedAt } = input;
  for (const name of [target, branch]) {
    const problem = branchNameProblem(name);
    if (problem) throw new UnsafeBranchNameError(name, problem);
  }
  for (const sha of [...picks.map((p) => p.sha), ...stoppedAt ? [stoppedAt] : []]) {
    if (!SHA.test(sha)) throw new UnsafeBranchNameError(sha, "not a hexadecimal commit id");
  }
  if (picks.length === 0) throw new UnsafeBranchNameError("", "there is nothing to pick");
  const shortList = picks.map((p) => `\`${p.sha.slice(0, 7)}\``).join(", ");
  const what = method === "merge" ? `the merge commit ${shortList} against its first parent (\`-m 1\`)` : method === "rebase" ? `the ${picks.length === 1 ? "commit" : `${picks.length} rebased commits`} ${shortList}${picks.length > 1 ? ", oldest first" : ""}` : `the squashed commit ${shortList}`;
  const lines = [
    `To backport by hand, pick ${what} onto \`${target}\`:`,
    "",
    "```sh",
    "git fetch origin",
    `git switch --no-track -C ${branch} origin/${target}`,
    ...pickCommands(picks),
    "```",
    "",
    "If git stops on a conflict, fix the files it names, then:",
    "",
    "```sh",
    "git add <fixed files>",
    "git cherry-pick --continue",
    "```",
    "",
    `Then publish the branch (this replaces what the bot pushed to \`${branch}\`):`,
    "",
    "```sh",
    `git push --force-with-lease origin ${branch}`,
    "```"
  ];
  const stopIndex = stoppedAt ? picks.findIndex((p) => p.sha === stoppedAt) : -1;
  if (stopIndex >= 0) {
    const rest = picks.slice(stopIndex + 1);
    lines.push(
      "",
      `Or finish the bot's branch, which has the conflict markers of \`${stoppedAt?.slice(0, 7)}\` committed:`,
      "",
      "```sh",
      "git fetch origin",
      `git switch --no-track -C ${branch} origin/${branch}`,
      "```",
      "",
      "Resolve the marked conflicts, then:",
      "",
      "```sh",
      'git commit -a -m "Resolve backport conflicts"',
      ...pickCommands(rest),
      `git push origin ${branch}`,
      "```"
    );
  }
  return lines.join("\n");
}
function pickCommands(picks) {
  if (picks.length === 0) return [];
  const mainline = (p) => p.mainline ? `-m ${p.mainline} ` : "";
  const first = picks[0];
  if (picks.every((p) => p.mainline === first.mainline)) {
    return [`git cherry-pick -x ${mainline(first)}${picks.map((p) => p.sha).join(" ")}`];
  }
  return picks.map((p) => `git cherry-pick -x ${mainline(p)}${p.sha}`);
}

// src/cherry-pick/branch-adoption.ts
var BRANCH_NAME_ATTEMPTS = 5;
function branchNameCandidates(name, attempts = BRANCH_NAME_ATTEMPTS) {
  return Array.from({ length: attempts }, (_, index) => index === 0 ? name : `${name}-${index + 1}`);
}
function sameChange(found, computed) {
  return found.tree === computed.tree && found.message === computed.message && found.parents.length === 1 && computed.parents.length === 1 && (computed.verified !== true || found.verified === true);
}

// src/cherry-pick/place-bot-branch.ts
var NoFreeBranchNameError = class extends HotfixBotError {
  constructor(refused2) {
    super(
      `every branch name hotfix-bot may use is taken by commits it did not write (${refused2.map((r) => `${r.branch} at ${r.tip.slice(0, 7)}`).join(", ")}); delete them and retry`
    );
    this.refused = refused2;
  }
  refused;
  kind = "unworkable";
  name = "NoFreeBranchNameError";
};
function placementRecord(wanted, placed) {
  if (placed.branch === wanted && placed.refused.length === 0) return {};
  return { branch: placed.branch, refused: placed.refused };
}
var MAX_CHAIN = 250;
async function placeBotBranch(octokit, repo, input) {
  const source = new GitHubTreeSource(octokit, repo);
  const refused2 = [];
  for (const branch of branchNameCandidates(input.name)) {
    try {
      await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: input.head });
      return { branch, created: true, refused: refused2 };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
    }
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
    const tip = ref.object.sha;
    if (await holdsSameCommits(source, tip, input.head, input.onto)) {
      return { branch, created: false, refused: refused2 };
    }
    refused2.push({ branch, tip });
  }
  throw new NoFreeBranchNameError(refused2);
}
async function holdsSameCommits(source, found, head, onto) {
  let theirs = found;
  let ours = head;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    if (theirs === ours) return true;
    if (ours === onto || theirs === onto) return false;
    const [foundCommit, computed] = await Promise.all([source.commit(theirs), source.commit(ours)]);
    if (!sameChange(foundCommit, computed)) return false;
    theirs = foundCommit.parents[0];
    ours = computed.parents[0];
  }
  return false;
}

// src/backport/backport-check.ts
var BACKPORT_CHECK_NAME = "hotfix-backport";
function backportCheckOutput(sha, files) {
  return {
    title: backportCheckTitle(files.length),
    summary: [
      "The cherry-pick left files that no conflict marker explains: the bot could not write git's result there,",
      "or git leaves a decision without markers. Apply the fix to each by hand, then a person with write access",
      `comments \`/backport confirm ${sha.slice(0, 12)}\` on this pull request to confirm this head.`,
      "A new push needs a new confirmation."
    ].join("\n"),
    text: files.map((file) => `- \`${file.path.replace(/`/g, "'")}\`: ${escapeMarkdown(file.reason)}`).join("\n")
  };
}
function backportCheckTitle(files) {
  return `${files} file${files === 1 ? " needs" : "s need"} a person before this backport can merge`;
}
async function findBackportRun(ctx, sha) {
  const identity = await ctx.identity();
  const { data } = await ctx.octokit.rest.checks.listForRef({
    ...ctx.repo,
    ref: sha,
    check_name: BACKPORT_CHECK_NAME,
    per_page: 100
  });
  const ours = data.check_runs.filter((run2) => run2.name === BACKPORT_CHECK_NAME && isOurCheckRun(run2, identity)).sort((x, y) => y.id - x.id)[0];
  return ours ? { id: ours.id, conclusion: ours.conclusion, text: ours.output?.text ?? "" } : null;
}
async function openBackportCheck(ctx, sha, output) {
  if (await findBackportRun(ctx, sha)) return;
  const now = ctx.clock().toISOString();
  await createOnce(
    async () => {
      await ctx.octokit.rest.checks.create({
        ...ctx.repo,
        name: BACKPORT_CHECK_NAME,
        head_sha: sha,
        status: "completed",
        conclusion: "failure",
        started_at: now,
        completed_at: now,
        output,
        ...NO_BLIND_RETRY
      });
      return true;
    },
    async () => await findBackportRun(ctx, sha) ? true : null
  );
}
async function passBackportCheck(ctx, run2, confirmer, sha) {
  await ctx.octokit.rest.checks.update({
    ...ctx.repo,
    check_run_id: run2.id,
    status: "completed",
    conclusion: "success",
    completed_at: ctx.clock().toISOString(),
    output: {
      title: "Confirmed by a person with write access",
      summary: `@${confirmer} confirmed ${sha.slice(0, 12)}: the files listed below were handled by hand.`,
      text: run2.text
    }
  });
}

// src/backport/backport-pr-text.ts
var TITLE_MAX = 256;
function backportTitle(pr, target) {
  const suffix = ` (backport #${pr.number} to ${target})`;
  const room = TITLE_MAX - suffix.length;
  const title = pr.title.length > room ? `${pr.title.slice(0, Math.max(0, room - 1))}\u2026` : pr.title;
  return title + suffix;
}
function backportBody(input) {
  const lines = [
    `Backport of #${input.pr.number} (${escapeMarkdown(input.pr.title)}) to \`${input.target}\`.`,
    "",
    ...input.picks.map((pick) => `(cherry picked from commit ${pick.sha})`)
  ];
  if (input.incident !== null) lines.push("", `Incident: #${input.incident}`);
  if (input.conflictFiles.length > 0) {
    const unmarked = new Set((input.undraftedFiles ?? []).map((u) => u.path));
    const marked = input.conflictFiles.filter((file) => !unmarked.has(file)).length;
    lines.push(
      "",
      "> [!WARNING]",
      marked === 0 ? "> The cherry-pick conflicted, in files no conflict marker shows (see below); handle each and push." : unmarked.size === 0 ? "> The cherry-pick conflicted. The commit on this branch contains the conflict markers; resolve them and push." : "> The cherry-pick conflicted. The commit on this branch contains conflict markers in the files not marked otherwise below; resolve them and push.",
      "> The PR stays a draft until a person marks it ready: check that no conflict marker is left before you do.",
      `> The conflict blocks are the ones \`git cherry-pick -x\` writes, except that \`<<<<<<<\` names \`${input.target.replace(/`/g, "'")}\` where git writes \`HEAD\`.`,
      "",
      "Conflicting files:",
      ...input.conflictFiles.map((file) => {
        const undrafted = input.undraftedFiles?.find((u) => u.path === file);
        const name = `- \`${file.replace(/`/g, "'")}\``;
        return undrafted ? `${name} \u2014 **no conflict markers**: ${escapeMarkdown(undrafted.reason)}` : name;
      })
    );
    if ((input.undraftedFiles ?? []).length > 0) {
      lines.push(
        "",
        "> [!CAUTION]",
        "> No conflict marker shows what to do with the files marked **no conflict markers** above: do what each",
        "> says by hand (`git cherry-pick -x` shows git's result). The `hotfix-backport` check stays failing until",
        `> a person with write access confirms the head they checked with \`/backport confirm ${(input.headSha ?? "<sha>").slice(0, 12)}\``,
        "> (a new push needs a new confirmation)."
      );
    }
  }
  lines.push("", `Original author: @${input.pr.author}`);
  return lines.join("\n");
}

// src/backport/backport-to-target.ts
var BACKPORT_CONFLICT_LABEL = "backport-conflict";
async function backportToTarget(ctx, request) {
  const { octokit, repo } = ctx;
  const { pr, target } = request;
  const branch = backportBranchName(pr.number, target);
  const existing = await findBackportPr(ctx, branch, target);
  if (existing) return completeBackportPr(ctx, request, { branch, refused: [] }, existing, false);
  const { data: targetRef } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${target}` });
  let picked;
  try {
    picked = await cherryPickCommits(octokit, repo, {
      ontoSha: targetRef.object.sha,
      ontoLabel: target,
      picks: request.picks,
      verified: request.verified
    });
  } catch (error) {
    if (error instanceof WorkflowPermissionError) return workflowPermissionFailure(error);
    throw error;
  }
  if (picked.status === "empty") return { status: "already" };
  let placed;
  try {
    placed = await placeBotBranch(octokit, repo, {
      name: branch,
      head: picked.headSha,
      onto: targetRef.object.sha
    });
  } catch (error) {
    const denied = workflowPermissionError(error, picked.workflowFiles);
    if (denied) return workflowPermissionFailure(denied);
    throw error;
  }
  const where = { branch: placed.branch, refused: placed.refused };
  if (!placed.created) {
    const raced = await findBackportPr(ctx, placed.branch, target);
    if (raced) return completeBackportPr(ctx, request, where, raced, false, picked.conflictPick);
  }
  const conflict = picked.status === "conflict";
  const body = backportBody({
    pr,
    target,
    picks: request.picks,
    conflictFiles: picked.conflictFiles,
    undraftedFiles: picked.undraftedFiles,
    headSha: picked.headSha,
    incident: request.incident
  });
  let created;
  try {
    ({ data: created } = await octokit.rest.pulls.create({
      ...repo,
      head: placed.branch,
      base: target,
      title: backportTitle(pr, target),
      body,
      draft: conflict
    }));
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const raced = await findBackportPr(ctx, placed.branch, target);
    if (raced) return completeBackportPr(ctx, request, where, raced, false, picked.conflictPick);
    throw error;
  }
  if (picked.undraftedFiles.length > 0) {
    await openBackportCheck(ctx, picked.headSha, backportCheckOutput(picked.headSha, picked.undraftedFiles));
  }
  const opened = {
    number: created.number,
    url: created.html_url,
    labels: [],
    reviewers: [],
    draft: conflict
  };
  const state = await completeBackportPr(ctx, request, where, opened, true, picked.conflictPick, conflict);
  ctx.log.info(`backport to ${target}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
  return state;
}
var STEPS_MARKER = "<!-- hotfix-bot:backport-steps -->";
async function completeBackportPr(ctx, request, where, pr, opened, stoppedAt, conflictKnown) {
  const conflict = conflictKnown ?? (pr.labels.includes(BACKPORT_CONFLICT_LABEL) || pr.labels.length === 0 && pr.draft);
  const wanted = conflict ? [...request.labels, BACKPORT_CONFLICT_LABEL] : request.labels;
  const missing = wanted.filter((label) => !pr.labels.includes(label));
  if (missing.length > 0) {
    await ctx.octokit.rest.issues.addLabels({ ...ctx.repo, issue_number: pr.number, labels: missing });
  }
  await requestAuthorReview(ctx, pr, request.pr.author, opened);
  if (conflict) {
    const steps = manualBackportSteps({
      target: request.target,
      branch: where.branch,
      picks: request.picks,
      method: request.method,
      ...stoppedAt ? { stoppedAt } : {}
    });
    await ensureBotComment(ctx, pr.number, STEPS_MARKER, `${STEPS_MARKER}
${steps}`);
  }
  return {
    status: conflict ? "conflict" : "open",
    pr: pr.number,
    url: pr.url,
    ...placementRecord(backportBranchName(request.pr.number, request.target), where)
  };
}
async function findBackportPr(ctx, branch, target) {
  const pr = await findBotPull(ctx, branch, target);
  if (!pr) return null;
  return {
    number: pr.number,
    url: pr.html_url,
    labels: pr.labels.map((label) => label.name),
    reviewers: (pr.requested_reviewers ?? []).map((user) => user.login),
    draft: pr.draft ?? false
  };
}
async function requestAuthorReview(ctx, pr, author, opened) {
  if (author.endsWith("[bot]") || author === "ghost" || pr.reviewers.includes(author)) return;
  if (!opened) {
    const { data: reviews } = await ctx.octokit.rest.pulls.listReviews({
      ...ctx.repo,
      pull_number: pr.number,
      per_page: 100
    });
    if (reviews.some((review) => review.user?.login === author)) return;
  }
  try {
    await ctx.octokit.rest.pulls.requestReviewers({
      ...ctx.repo,
      pull_number: pr.number,
      reviewers: [author]
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    ctx.log.warn(`could not request a review from ${author} on #${pr.number}: not a collaborator`);
  }
}
function workflowPermissionFailure(error) {
  return {
    status: "failed",
    error: `it changes ${error.files.join(", ")}, and GitHub lets an App write workflow files only with the "workflows" permission, which hotfix-bot does not request; grant it, or backport by hand`
  };
}

// src/backport/enable-auto-merge.ts
var MUTATION = `mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
  enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) {
    pullRequest { number autoMergeRequest { mergeMethod enabledAt } }
  }
}`;
function graphqlMessage(error) {
  const errors = error?.errors;
  const first = Array.isArray(errors) ? errors.find((e) => typeof e?.message === "string")?.message : void 0;
  if (typeof first === "string") return first;
  return errorMessage(error);
}
async function enableAutoMerge(ctx, config, pr) {
  const method = config.backport.autoMergeMethod;
  const at = ctx.clock().toISOString();
  try {
    const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: pr });
    if (data.auto_merge) return { method: data.auto_merge.merge_method, at };
    await ctx.octokit.graphql(MUTATION, { pullRequestId: data.node_id, mergeMethod: method.toUpperCase() });
    return { method, at };
  } catch (error) {
    const message = graphqlMessage(error);
    ctx.log.warn(`auto-merge of backport PR #${pr} not enabled: ${message}`);
    return { method, at, error: message };
  }
}
function autoMergeEntry(hotfixPr, target, backport2) {
  const auto = backport2.autoMerge;
  if (!auto || backport2.pr === void 0) return null;
  return {
    key: `auto-merge-${hotfixPr}-${target}`,
    at: auto.at,
    text: auto.error ? `Auto-merge of the backport to ${target} (#${backport2.pr}) not enabled: ${auto.error}; merge it by hand` : `Auto-merge (${auto.method}) enabled on the backport to ${target} (#${backport2.pr}): it lands once its required checks pass`,
    ...backport2.url ? { url: backport2.url } : {}
  };
}

// src/backport/backport-step.ts
var backportStep = async (ctx, config, { pr, target, plan, incident }) => {
  const now = () => ctx.clock().toISOString();
  let backport2;
  try {
    if (plan instanceof PickListError) throw plan;
    backport2 = await backportToTarget(ctx, {
      pr,
      target,
      picks: plan.picks,
      method: plan.method,
      labels: config.backport.labels,
      incident,
      verified: config.commits.verified
    });
  } catch (error) {
    ctx.log.error(`backport to ${target} failed: ${String(error)}`);
    backport2 = { status: "failed", error: errorMessage(error) };
  }
  const entries = [
    ...refusedBranchEntries(backport2.refused, backport2.branch, now()),
    backportEntry(pr.number, target, backport2, now())
  ];
  if (config.backport.autoMerge && backport2.status === "open" && backport2.pr !== void 0) {
    backport2 = { ...backport2, autoMerge: await enableAutoMerge(ctx, config, backport2.pr) };
    const entry2 = autoMergeEntry(pr.number, target, backport2);
    if (entry2) entries.push(entry2);
  }
  return { backport: backport2, entries };
};
function backportEntry(pr, target, state, at) {
  const key = `backport-${pr}-${target}`;
  switch (state.status) {
    case "open":
      return { key, at, text: `Backport to ${target}: PR #${state.pr}`, url: state.url };
    case "conflict":
      return {
        key,
        at,
        text: `Backport to ${target}: draft PR #${state.pr} with conflicts to resolve`,
        url: state.url
      };
    case "already":
      return { key, at, text: `Backport to ${target}: already there, no PR needed` };
    default:
      return { key, at, text: `Backport to ${target} failed: ${state.error ?? "unknown error"}` };
  }
}

// src/config/deploy-inputs.ts
var DEFAULT_DEPLOY_INPUTS = {
  tag: "{tag}",
  incident: "{incident}"
};
function renderEnvironment(template, line2) {
  return fillPlaceholders(template, ENVIRONMENT_PLACEHOLDERS, { line: line2 });
}
function renderDeployInputs(configured, values) {
  const inputs = Object.keys(configured).length > 0 ? configured : DEFAULT_DEPLOY_INPUTS;
  const rendered = {};
  for (const [name, template] of Object.entries(inputs)) {
    rendered[name] = fillPlaceholders(template, DEPLOY_PLACEHOLDERS, values);
  }
  return rendered;
}

// src/deploy/deploy-marker.ts
var DEPLOY_PAYLOAD_KEY = "hotfix_bot";
function deploymentPayload(marker) {
  return { [DEPLOY_PAYLOAD_KEY]: marker };
}
function deploymentDescription(marker) {
  const incident = marker.incident === null ? "" : ` for incident #${marker.incident}`;
  return `hotfix-bot: deploy ${marker.tag} (#${marker.pr})${incident}`.slice(0, 140);
}
var positive = (value) => typeof value === "number" && Number.isSafeInteger(value) && value > 0;
function markerOf(payload) {
  let data = payload;
  if (typeof data === "string") {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  if (typeof data !== "object" || data === null) return null;
  const marker = data[DEPLOY_PAYLOAD_KEY];
  if (typeof marker !== "object" || marker === null) return null;
  const { incident, pr, tag } = marker;
  if (!positive(pr) || typeof tag !== "string" || tag === "") return null;
  if (incident !== null && !positive(incident)) return null;
  return { incident, pr, tag };
}

// src/deploy/trigger-deploy.ts
function dispatchProblem(error, workflow) {
  const status = httpStatus(error);
  if (status === 403)
    return `hotfix-bot may not run workflows: the App needs the "actions: write" permission for deploy.workflow`;
  if (status === 404) return `there is no workflow ${workflow} (or it has no workflow_dispatch trigger)`;
  return errorMessage(error);
}
async function findOurDeployment(ctx, tag, environment, pr) {
  const { data } = await ctx.octokit.rest.repos.listDeployments({
    ...ctx.repo,
    ref: tag,
    environment,
    per_page: 100
  });
  const identity = await ctx.identity();
  const ours = data.find((d) => isWrittenByUs(d, identity) && markerOf(d.payload)?.pr === pr);
  return ours ? { id: ours.id, created_at: ours.created_at } : null;
}
async function triggerDeploy(ctx, config, request) {
  const { workflow } = config.deploy;
  const environment = config.deploy.environment === void 0 ? void 0 : renderEnvironment(config.deploy.environment, request.line);
  if (!workflow && !environment) return null;
  const { octokit, repo } = ctx;
  const now = () => ctx.clock().toISOString();
  const deploy2 = {};
  const entries = [];
  let mustRecord = false;
  if (workflow) {
    const ref = workflow.ref ?? request.line;
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: request.tag,
      incident: request.incident === null ? "" : String(request.incident),
      pr: String(request.pr),
      sha: request.mergeSha,
      severity: request.severity,
      line: request.line
    });
    try {
      await octokit.rest.actions.createWorkflowDispatch({ ...repo, workflow_id: workflow.id, ref, inputs });
      deploy2.workflow = { id: workflow.id, ref, at: now() };
      entries.push({
        key: `deploy-dispatch-${request.pr}`,
        at: deploy2.workflow.at,
        text: `Deploy workflow ${workflow.id} started for ${request.tag}`
      });
    } catch (error) {
      const problem = dispatchProblem(error, workflow.id);
      ctx.log.error(`deploy of ${request.tag}: ${problem}`);
      deploy2.error = problem;
      entries.push({
        key: `deploy-dispatch-${request.pr}`,
        at: now(),
        text: `Deploy not started: ${problem}`
      });
    }
    mustRecord = true;
  }
  if (environment) {
    const marker = { incident: request.incident, pr: request.pr, tag: request.tag };
    let found = await findOurDeployment(ctx, request.tag, environment, request.pr);
    if (!found) {
      try {
        const { data } = await octokit.rest.repos.createDeployment({
          ...repo,
          ref: request.tag,
          environment,
          auto_merge: false,
          required_contexts: [],
          payload: deploymentPayload(marker),
          description: deploymentDescription(marker)
        });
        if ("id" in data) found = { id: data.id, created_at: data.created_at };
        else throw new Error(data.message ?? "GitHub did not create the deployment");
      } catch (error) {
        const problem = errorMessage(error);
        ctx.log.error(`deployment of ${request.tag} to ${environment}: ${problem}`);
        deploy2.error = problem;
        entries.push({
          key: `deployment-${request.pr}`,
          at: now(),
          text: `Deployment not created: ${problem}`
        });
      }
    }
    if (found) {
      deploy2.environment = { name: environment, deployment: found.id, at: found.created_at };
      entries.push({
        key: `deployment-${request.pr}`,
        at: found.created_at,
        text: `Deployment of ${request.tag} to ${environment} created`
      });
    }
  }
  return { deploy: deploy2, entries, mustRecord };
}

// src/deploy/deploy-step.ts
var deployStep = (ctx, config, { pr, tag, incident, severity: severity2 }) => triggerDeploy(ctx, config, {
  tag,
  line: pr.baseRef,
  mergeSha: pr.mergeSha,
  pr: pr.number,
  incident,
  severity: severity2
});

// src/incident/hotfix-team.ts
var MAX_ASSIGNEES = 10;
var isBot = (login) => login.toLowerCase().endsWith("[bot]");
function people(logins) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const login of logins) {
    if (!login || isBot(login) || seen.has(login.toLowerCase())) continue;
    seen.add(login.toLowerCase());
    out.push(login);
  }
  return out.slice(0, MAX_ASSIGNEES);
}
function incidentAssignees(config, commander) {
  return people([commander, ...config.team.assignees]);
}
function followUpAssignees(config, commander, author) {
  return people([...config.team.assignees, commander || author]);
}
function reviewRequest(config, owner, author) {
  const request = { reviewers: [], teamReviewers: [], refused: [] };
  const seen = /* @__PURE__ */ new Set();
  for (const entry2 of config.team.reviewers) {
    const key = entry2.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const slash = entry2.indexOf("/");
    if (slash < 0) {
      if (author !== null && key === author.toLowerCase())
        request.refused.push({ reviewer: entry2, reason: "the PR's author cannot review it" });
      else request.reviewers.push(entry2);
      continue;
    }
    const org = entry2.slice(0, slash);
    if (org.toLowerCase() !== owner.toLowerCase())
      request.refused.push({ reviewer: entry2, reason: `not a team of ${owner}, which owns the repository` });
    else request.teamReviewers.push(entry2.slice(slash + 1));
  }
  return request;
}

// src/follow-ups/security-warnings.ts
var WARNING_LEVELS = /* @__PURE__ */ new Set(["warning", "failure"]);
var LISTED_ANNOTATIONS_MAX = 30;
var FIELD_MAX = 300;
function passedWithWarnings(conclusion, warningAnnotations) {
  return conclusion === "neutral" || conclusion === "success" && warningAnnotations > 0;
}
function annotationLine(annotation) {
  const where = escapeTableCell(truncate(`${annotation.path}:${annotation.startLine}`, FIELD_MAX));
  const title = annotation.title ? `**${escapeTableCell(truncate(annotation.title, FIELD_MAX))}**: ` : "";
  const message = escapeTableCell(truncate(annotation.message ?? "", FIELD_MAX));
  return `- \`${annotation.level === "failure" ? "failure" : "warning"}\` ${where}: ${title}${message}`;
}
function runLink(url2) {
  return url2 && /^https?:\/\/[^\s()<>[\]]+$/.test(url2) ? `[the check run](${url2})` : "the check run";
}
function securityWarningsSection(runs) {
  const lines = ["## Security scan warnings", ""];
  let budget = LISTED_ANNOTATIONS_MAX;
  for (const run2 of runs) {
    const named2 = `${escapeTableCell(truncate(run2.name, 100))} (${escapeTableCell(truncate(run2.app, 100))})`;
    const count2 = `${run2.warningsTotal} warning annotation${run2.warningsTotal === 1 ? "" : "s"}`;
    lines.push(`### ${named2}: ${run2.conclusion}, ${count2}`);
    const listed = run2.annotations.slice(0, budget);
    budget -= listed.length;
    lines.push(...listed.map(annotationLine));
    const more = run2.warningsTotal - listed.length;
    const where = runLink(run2.url);
    if (more > 0) lines.push(`- \u2026 and ${more} more: see ${where}`);
    if (run2.warningsTotal === 0) lines.push(`- concluded neutral without a warning annotation: see ${where}`);
    lines.push("");
  }
  return lines.join("\n").trimEnd();
}

// src/follow-ups/templates.ts
function renderTemplate(template, values) {
  return fillPlaceholders(template, FOLLOW_UP_PLACEHOLDERS, values);
}

// src/follow-ups/plan-follow-ups.ts
var TEMPORARY_FIX_LABEL = "temporary-fix";
var TEMPLATE_KEY = {
  "post-mortem": "postMortem",
  "proper-fix": "properFix",
  "regression-tests": "regressionTests",
  "post-deploy-review": "postDeployReview",
  "security-review": "securityReview"
};
var TITLE_MAX2 = 256;
var BODY_MAX = 65e3;
var MARKER_PREFIX = "<!-- hotfix-bot:follow-up ";
var MARKER2 = /<!-- hotfix-bot:follow-up (\{[^<>]*\}) -->/g;
function followUpMarker(pr, kind) {
  return `${MARKER_PREFIX}${JSON.stringify({ pr, kind })} -->`;
}
function parseFollowUpMarkers(body) {
  if (!body) return [];
  const found = [];
  for (const match of body.matchAll(MARKER2)) {
    try {
      const data = JSON.parse(match[1]);
      if (typeof data !== "object" || data === null) continue;
      const { pr, kind } = data;
      if (Number.isSafeInteger(pr) && pr > 0 && FOLLOW_UP_KINDS.includes(kind)) {
        found.push({ pr, kind });
      }
    } catch {
    }
  }
  return found;
}
function followUpKindsFor(input) {
  const kinds = ["post-mortem"];
  if (input.pr.labels.some((l) => l.toLowerCase() === TEMPORARY_FIX_LABEL)) kinds.push("proper-fix");
  const isTest = globMatcher(input.testGlobs);
  if (!input.changedFiles.some((file) => isTest(file))) kinds.push("regression-tests");
  if (!input.approved) kinds.push("post-deploy-review");
  if ((input.securityWarnings?.length ?? 0) > 0) kinds.push("security-review");
  return kinds;
}
var NONE = "(none)";
function templateValues(input, present) {
  return {
    pr: `#${input.pr.number}`,
    incident: input.incident === null ? NONE : `#${input.incident}`,
    jira: input.jiraKey === null ? NONE : present(input.jiraKey),
    tag: input.tag === null ? NONE : present(input.tag),
    title: present(input.pr.title),
    severity: input.severity,
    author: present(input.pr.author),
    url: input.pr.url
  };
}
function unlistedFilesNote(input) {
  const total = input.changedFilesTotal ?? input.changedFiles.length;
  if (total <= input.changedFiles.length) return "";
  return `

GitHub listed only ${input.changedFiles.length} of the ${total} files this pull request changed, and none of those is a test file; check the rest by hand and close this issue if a regression test is among them.`;
}
function followUpDueAt(config, kind, mergedAt) {
  return new Date(mergedAt.getTime() + durationMs(config.followUps.due[TEMPLATE_KEY[kind]])).toISOString();
}
function formatDueTime(iso2) {
  return `${iso2.slice(0, 16).replace("T", " ")} UTC`;
}
var oneLine = (text2) => text2.replace(/\s*[\r\n]+\s*/g, " ").trim();
function planFollowUps(input) {
  const kinds = followUpKindsFor({
    pr: input.pr,
    changedFiles: input.changedFiles,
    testGlobs: input.config.followUps.testGlobs,
    severity: input.severity,
    approved: input.approved,
    ...input.securityWarnings ? { securityWarnings: input.securityWarnings } : {}
  });
  const titleValues = templateValues(input, oneLine);
  const bodyValues = templateValues(input, escapeMarkdown);
  const assignees = followUpAssignees(input.config, input.commander, input.pr.author);
  return kinds.flatMap((kind) => {
    const template = input.config.followUps[TEMPLATE_KEY[kind]];
    if (!template.enabled) return [];
    const title = truncate(oneLine(renderTemplate(template.title, titleValues)), TITLE_MAX2);
    const marker = followUpMarker(input.pr.number, kind);
    const dueAt = followUpDueAt(input.config, kind, input.mergedAt);
    const due = `Due: ${formatDueTime(dueAt)} (${input.config.followUps.due[TEMPLATE_KEY[kind]]} after #${input.pr.number} merged)`;
    const text2 = `${renderTemplate(template.body, bodyValues).replace(/\s+$/, "")}${kind === "regression-tests" ? unlistedFilesNote(input) : ""}${kind === "security-review" ? `

${securityWarningsSection(input.securityWarnings ?? [])}` : ""}`;
    const tail = `

${due}

${marker}`;
    const body = `${truncate(text2, BODY_MAX - tail.length)}${tail}`;
    return [{ kind, title, body, labels: [...template.labels], assignees: [...assignees], dueAt }];
  });
}

// src/follow-ups/open-follow-ups.ts
async function listFollowUps(ctx, since, pr) {
  const { octokit, repo } = ctx;
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    state: "all",
    since: since.toISOString(),
    sort: "created",
    direction: "asc",
    per_page: 100
  });
  const found = [];
  for (const issue of issues) {
    if (issue.pull_request) continue;
    const markers = parseFollowUpMarkers(issue.body).filter((m) => m.pr === pr);
    if (markers.length === 0 || !await isTrustedState(ctx, issue, { repo, issue: null })) continue;
    found.push(
      ...markers.map((m) => ({
        number: issue.number,
        url: issue.html_url,
        open: issue.state === "open",
        kind: m.kind
      }))
    );
  }
  return found;
}
function canonical(issues) {
  const byKind = /* @__PURE__ */ new Map();
  for (const issue of issues) {
    const current = byKind.get(issue.kind);
    if (!current || issue.number < current.number) byKind.set(issue.kind, issue);
  }
  return byKind;
}
async function createIssue(octokit, repo, plan, find) {
  let writes = 0;
  const send = async (assignees) => {
    writes++;
    const { data } = await octokit.rest.issues.create({
      ...repo,
      title: plan.title,
      body: plan.sealedBody,
      labels: plan.labels,
      ...assignees ? { assignees } : {},
      ...NO_BLIND_RETRY
    });
    return { number: data.number, url: data.html_url };
  };
  if (plan.assignees.length > 0) {
    const assignees = plan.assignees;
    try {
      return { ...await createOnce(() => send(assignees), find), writes };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
    }
    const created = await createOnce(() => send(), find);
    writes++;
    try {
      await octokit.rest.issues.addAssignees({
        ...repo,
        issue_number: created.number,
        assignees: plan.assignees
      });
    } catch (error) {
      const status = httpStatus(error);
      if (status === void 0 || status >= 500) throw error;
    }
    return { ...created, writes };
  }
  return { ...await createOnce(() => send(), find), writes };
}
async function openFollowUps(ctx, input) {
  const { octokit, repo } = ctx;
  const before = canonical(await listFollowUps(ctx, input.since, input.pr));
  const mine = /* @__PURE__ */ new Map();
  const results = /* @__PURE__ */ new Map();
  for (const plan of input.plans) {
    const found = before.get(plan.kind);
    if (found) {
      results.set(plan.kind, {
        kind: plan.kind,
        issue: found.number,
        url: found.url,
        created: false,
        writes: 0
      });
      continue;
    }
    const sealedBody = await sealState(ctx, plan.body, { repo, issue: null });
    const issue = await createIssue(octokit, repo, { ...plan, sealedBody }, async () => {
      const found2 = canonical(await listFollowUps(ctx, input.since, input.pr)).get(plan.kind);
      return found2 ? { number: found2.number, url: found2.url } : null;
    });
    mine.set(plan.kind, issue);
    results.set(plan.kind, {
      kind: plan.kind,
      issue: issue.number,
      url: issue.url,
      created: true,
      writes: issue.writes
    });
  }
  if (mine.size > 0) {
    const all = await listFollowUps(ctx, input.since, input.pr);
    const after = canonical(all);
    for (const [kind, issue] of mine) {
      const standing = after.get(kind);
      const result = results.get(kind);
      if (!standing || !result || standing.number === issue.number) continue;
      results.set(kind, { ...result, issue: standing.number, url: standing.url, created: false });
    }
    for (const duplicate of all) {
      const standing = after.get(duplicate.kind);
      if (!duplicate.open || !standing || standing.number === duplicate.number) continue;
      await octokit.rest.issues.update({
        ...repo,
        issue_number: duplicate.number,
        state: "closed",
        state_reason: "not_planned"
      });
      const result = results.get(duplicate.kind);
      if (result) result.writes++;
    }
  }
  return input.plans.flatMap((plan) => results.get(plan.kind) ?? []);
}

// src/patterns/check-name-glob.ts
function matchesCheckName(pattern, name) {
  if (pattern === name) return true;
  let p = 0;
  let n2 = 0;
  let star = -1;
  let resume = 0;
  while (n2 < name.length) {
    const c = pattern[p];
    if (c === "?" || c !== void 0 && c !== "*" && c === name[n2]) {
      p += 1;
      n2 += 1;
    } else if (c === "*") {
      star = p;
      resume = n2;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      n2 = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p += 1;
  return p === pattern.length;
}

// src/rules/rule-result.ts
var SEVERITY = { pass: 0, warn: 1, pending: 2, fail: 3 };
function worstState(states) {
  let worst = "pass";
  for (const state of states) if (SEVERITY[state] > SEVERITY[worst]) worst = state;
  return worst;
}

// src/rules/required-checks.ts
function checkRunFactOf(run2) {
  return {
    id: Number(run2.id),
    name: run2.name,
    status: run2.status,
    conclusion: run2.conclusion ?? null,
    startedAt: run2.started_at ?? null,
    completedAt: run2.completed_at ?? null,
    app: run2.app ? { id: run2.app.id, slug: run2.app.slug ?? String(run2.app.id) } : null
  };
}
function statusAsCheckRun(status) {
  const pending = status.state === "pending";
  return {
    id: status.id,
    name: status.context,
    status: pending ? "pending" : "completed",
    conclusion: pending ? null : status.state,
    startedAt: status.createdAt,
    completedAt: pending ? null : status.createdAt,
    app: null,
    creator: status.creator
  };
}
var time2 = (iso2) => {
  if (iso2 === null) return Number.POSITIVE_INFINITY;
  const t = Date.parse(iso2);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};
function newer(a, b) {
  const started = time2(a.startedAt) - time2(b.startedAt);
  if (started !== 0 && !Number.isNaN(started)) return started > 0;
  if (isStatus(a) && isStatus(b)) return a.id > b.id;
  const completed = time2(a.completedAt) - time2(b.completedAt);
  if (completed !== 0 && !Number.isNaN(completed)) return completed > 0;
  return a.id > b.id;
}
function isStatus(run2) {
  return run2.app === null && run2.creator !== null && run2.creator !== void 0;
}
function reporterKey(run2) {
  if (run2.app) return `app:${run2.app.id}`;
  if (run2.creator) return `user:${run2.creator.id}`;
  return "?";
}
function latestRunPerName(runs) {
  const latest = /* @__PURE__ */ new Map();
  for (const run2 of runs) {
    const key = `${reporterKey(run2)}\0${run2.name}`;
    const current = latest.get(key);
    if (!current || newer(run2, current)) latest.set(key, run2);
  }
  return [...latest.values()];
}
function reportedBy(run2, app) {
  if (!run2.app) return false;
  if (typeof app === "number" || /^[0-9]+$/.test(app)) return run2.app.id === Number(app);
  return run2.app.slug.toLowerCase() === app.toLowerCase();
}
function createdBy(run2, creator) {
  if (!run2.creator) return false;
  if (typeof creator === "number" || /^[0-9]+$/.test(creator)) return run2.creator.id === Number(creator);
  return run2.creator.login.toLowerCase() === creator.toLowerCase();
}
function counts(check, run2) {
  if (check.app !== null) return reportedBy(run2, check.app);
  if (check.creator !== null) return createdBy(run2, check.creator);
  return true;
}
function pinOf(check) {
  if (check.app !== null) return String(check.app);
  if (check.creator !== null) return String(check.creator);
  return null;
}
function runState(run2, config) {
  if (run2.status !== "completed") return "pending";
  switch (run2.conclusion) {
    case "success":
      return "pass";
    case "neutral":
      return config.checks.neutralPasses ? "pass" : "fail";
    case "skipped":
      return config.checks.skippedPasses ? "pass" : "fail";
    default:
      return "fail";
  }
}
var appName = (run2) => run2.app?.slug ?? run2.creator?.login ?? "an unknown app";
function describe(run2) {
  return run2.status === "completed" ? run2.conclusion ?? "completed" : run2.status;
}
function listNames(items) {
  return items.length > 5 ? `${items.slice(0, 5).join(", ")}, \u2026 (${items.length})` : items.join(", ");
}
function passedByApp(items) {
  const byApp = /* @__PURE__ */ new Map();
  for (const item of items) {
    const [app = "", name = ""] = item.split("\0");
    byApp.set(app, [...byApp.get(app) ?? [], name]);
  }
  return [...byApp].map(([app, names]) => `${listNames(names)} (${app})`).join("; ");
}
function entryVerdict(check, latest, config) {
  const passed = [];
  const waiting = [];
  const failed = [];
  const runs = latest.filter((run2) => matchesCheckName(check.name, run2.name));
  const pin = pinOf(check);
  const counted = runs.filter((run2) => counts(check, run2));
  const missing = counted.length === 0 ? `${check.name}${pin === null ? "" : ` from ${pin}`}` : null;
  if (missing !== null) waiting.push(`${missing} (not reported yet)`);
  for (const run2 of runs) {
    const state = runState(run2, config);
    const shown = `${run2.name} (${describe(run2)}, ${appName(run2)})`;
    if (state === "fail") failed.push(shown);
    else if (!counted.includes(run2)) continue;
    else if (state === "pending") waiting.push(shown);
    else passed.push(`${appName(run2)}\0${run2.name}`);
  }
  return { passed, waiting, failed, missing };
}
function category(rule, label, field, checks, runs, config) {
  if (checks.length === 0) {
    return {
      rule,
      label,
      state: "warn",
      reason: `none configured (${field} is empty): no ${label.toLowerCase()} result is required`
    };
  }
  const passed = /* @__PURE__ */ new Set();
  const waiting = /* @__PURE__ */ new Set();
  const failed = /* @__PURE__ */ new Set();
  const missing = /* @__PURE__ */ new Set();
  for (const check of checks) {
    const verdict2 = entryVerdict(check, runs, config);
    for (const item of verdict2.passed) passed.add(item);
    for (const item of verdict2.waiting) waiting.add(item);
    for (const item of verdict2.failed) failed.add(item);
    if (verdict2.missing !== null) missing.add(verdict2.missing);
  }
  const reported = runs.filter((run2) => checks.some((check) => matchesCheckName(check.name, run2.name)));
  const details = [
    ...[...missing].map((name) => `${name}: not reported yet`),
    ...reported.map((run2) => `${run2.name}: ${describe(run2)} (${appName(run2)})`)
  ];
  const state = worstState([
    ...[...failed].map(() => "fail"),
    ...[...waiting].map(() => "pending"),
    "pass"
  ]);
  let reason;
  if (state === "fail") {
    const hint = [...failed].some((f) => /\((neutral|skipped),/.test(f)) ? " (neutral/skipped count as passing only with checks.neutralPasses/skippedPasses)" : "";
    reason = `failed: ${listNames([...failed])}${hint}`;
  } else if (state === "pending") reason = `waiting for ${listNames([...waiting])}`;
  else reason = `passed: ${passedByApp([...passed])}`;
  return { rule, label, state, reason, details };
}
function checkRequiredChecks(runs, config, ownName) {
  const latest = latestRunPerName(runs.filter((run2) => run2.name !== ownName));
  return [
    category(
      "critical-tests",
      "Critical tests",
      "checks.criticalTests",
      config.checks.criticalTests,
      latest,
      config
    ),
    category(
      "security-scan",
      "Security scan",
      "checks.securityScan",
      config.checks.securityScan,
      latest,
      config
    )
  ];
}
function countedRuns(checks, runs) {
  return latestRunPerName(runs).filter(
    (run2) => checks.some((check) => matchesCheckName(check.name, run2.name) && counts(check, run2))
  );
}
function isRequiredCheckName(name, config) {
  return [...config.checks.criticalTests, ...config.checks.securityScan].some(
    (check) => matchesCheckName(check.name, name)
  );
}

// src/follow-ups/read-security-warnings.ts
var MAX_CHECK_RUN_PAGES = 3;
var MAX_ANNOTATION_PAGES = 2;
async function readSecurityWarnings(ctx, config, headSha) {
  if (config.checks.securityScan.length === 0) return [];
  const { octokit, repo } = ctx;
  const { items } = await collectPages(
    octokit.paginate.iterator(octokit.rest.checks.listForRef, {
      ...repo,
      ref: headSha,
      filter: "latest",
      per_page: PER_PAGE2
    }),
    MAX_CHECK_RUN_PAGES
  );
  const runs = items.map((run2) => ({
    ...checkRunFactOf(run2),
    url: run2.html_url ?? null,
    annotationsCount: run2.output?.annotations_count ?? 0
  }));
  const scans = countedRuns(config.checks.securityScan, runs);
  const found = [];
  for (const run2 of scans.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)) {
    if (run2.status !== "completed" || run2.conclusion !== "success" && run2.conclusion !== "neutral")
      continue;
    const annotations = run2.annotationsCount > 0 ? await readAnnotations(ctx, run2.id) : null;
    const warnings = (annotations?.items ?? []).filter((a) => WARNING_LEVELS.has(a.level));
    const unread = annotations?.complete === false ? run2.annotationsCount - annotations.items.length : 0;
    const total = warnings.length + unread;
    if (!passedWithWarnings(run2.conclusion, total)) continue;
    found.push({
      name: run2.name,
      app: run2.app?.slug ?? "an unknown app",
      conclusion: run2.conclusion,
      url: run2.url,
      annotations: warnings.slice(0, LISTED_ANNOTATIONS_MAX),
      warningsTotal: total
    });
  }
  return found;
}
async function readAnnotations(ctx, checkRunId) {
  const { octokit, repo } = ctx;
  const { items, complete } = await collectPages(
    octokit.paginate.iterator(octokit.rest.checks.listAnnotations, {
      ...repo,
      check_run_id: checkRunId,
      per_page: PER_PAGE2
    }),
    MAX_ANNOTATION_PAGES
  );
  return {
    complete,
    items: items.map((a) => ({
      path: a.path,
      startLine: a.start_line,
      level: a.annotation_level ?? "notice",
      title: a.title ?? null,
      message: a.message ?? null
    }))
  };
}

// src/follow-ups/follow-ups-step.ts
var followUpsStep = async (ctx, config, input) => {
  const { pr } = input;
  const plans = planFollowUps({
    config,
    pr: { number: pr.number, title: pr.title, author: pr.author, labels: pr.labels, url: pr.url },
    changedFiles: input.changedFiles.files,
    changedFilesTotal: input.changedFiles.total,
    severity: input.severity,
    approved: input.approved,
    incident: input.incident,
    jiraKey: input.jiraKey,
    tag: input.tag,
    commander: input.commander,
    mergedAt: new Date(pr.mergedAt),
    securityWarnings: await readSecurityWarnings(ctx, config, pr.headSha)
  });
  const now = () => ctx.clock().toISOString();
  const opened = [];
  const entries = [];
  for (const followUp2 of await openFollowUps(ctx, { plans, since: new Date(pr.mergedAt), pr: pr.number })) {
    const dueAt = plans.find((plan) => plan.kind === followUp2.kind)?.dueAt;
    opened.push({
      kind: followUp2.kind,
      issue: followUp2.issue,
      url: followUp2.url,
      ...dueAt ? { dueAt } : {}
    });
    entries.push({
      key: `follow-up-${pr.number}-${followUp2.kind}`,
      at: now(),
      text: `Follow-up #${followUp2.issue} opened (${followUp2.kind})${dueAt ? `, due ${formatDueTime(dueAt)}` : ""}`,
      url: followUp2.url
    });
  }
  return { opened, entries };
};

// src/incident/tag-name.ts
var pad = (n2, width = 2) => String(n2).padStart(width, "0");
function hotfixTagBase(mergedAt) {
  if (Number.isNaN(mergedAt.getTime())) throw new RangeError("hotfixTagBase: mergedAt is not a valid date");
  const date = `${pad(mergedAt.getUTCFullYear(), 4)}${pad(mergedAt.getUTCMonth() + 1)}${pad(mergedAt.getUTCDate())}`;
  return `hotfix-${date}-${pad(mergedAt.getUTCHours())}${pad(mergedAt.getUTCMinutes())}`;
}
var SEMVER_TAG = /^v(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})\.(0|[1-9]\d{0,14})$/;
function parseSemverTag(name) {
  const match = SEMVER_TAG.exec(name);
  if (!match) return null;
  return { name, major: Number(match[1]), minor: Number(match[2]), patch: Number(match[3]) };
}
function compareSemver(a, b) {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}
function semverTagsDescending(names) {
  return names.map(parseSemverTag).filter((tag) => tag !== null).sort((a, b) => compareSemver(b, a));
}
function nextTagName(input) {
  const taken = new Set(input.existingTags);
  if (input.scheme === "semver-patch") {
    const latest = semverTagsDescending(input.existingTags)[0];
    if (!latest) return "v0.0.1";
    return `v${latest.major}.${latest.minor}.${latest.patch + 1}`;
  }
  const base = hotfixTagBase(input.mergedAt);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

// src/release/line-tag.ts
function lineTagPlan(config, line2) {
  if (!isMaintenanceLine(config, line2)) {
    return { line: line2, scheme: config.release.tagScheme, family: null, fallback: null };
  }
  return { line: line2, scheme: "semver-patch", family: lineTagPrefix(config, line2), fallback: "hotfix-date" };
}
function familyTags(plan, names) {
  const family = plan.family;
  return family === null ? [...names] : names.filter((name) => name.startsWith(family));
}
function noLineTagNote(plan, tag) {
  const family = plan.family === null ? "vX.Y.Z" : `${plan.family}*`;
  return `${plan.line} has no ${family} tag reachable from the merge, so it was tagged ${tag}; tag the line's latest release (${family}) and later hotfixes on it are tagged as its next patch`;
}

// src/release/release-notes.ts
var RELEASE_NOTES_MAX = 1e5;
var MAX_LISTED_COMMITS = 250;
function commitSubject(message) {
  return escapeMarkdown(truncate((message.split(/\r?\n/, 1)[0] ?? "").trim(), 200));
}
function commitLines(commits) {
  const listed = commits.slice(0, MAX_LISTED_COMMITS).map((c) => {
    const sha = c.sha.replace(/[^0-9a-f]/gi, "").slice(0, 7);
    return `- \`${sha}\` ${commitSubject(c.message)}`;
  });
  if (commits.length > MAX_LISTED_COMMITS) listed.push(`- \u2026 and ${commits.length - MAX_LISTED_COMMITS} more`);
  return listed.length > 0 ? listed : ["- (no commits listed)"];
}
function renderReleaseNotes(input) {
  const { pr } = input;
  const lines = [
    `Hotfix release \`${input.tag}\`.`,
    "",
    `- Pull request: [#${pr.number} ${escapeMarkdown(pr.title)}](${linkTarget(pr.url)}) by ${escapeMarkdown(`@${pr.author}`)}`,
    `- Incident: ${input.incident === null ? "none" : `#${input.incident}`}`,
    `- Jira: ${input.jiraKey === null ? "none" : escapeMarkdown(input.jiraKey)}`,
    "",
    "### Commits",
    "",
    ...commitLines(input.commits),
    ""
  ];
  return truncate(lines.join("\n"), RELEASE_NOTES_MAX);
}
function changelogHeading(tag, mergedAt) {
  return `## ${tag} (${mergedAt.toISOString().slice(0, 10)})`;
}
function changelogEntry(input) {
  const { pr } = input;
  const refs = [
    `[#${pr.number}](${linkTarget(pr.url)})`,
    ...input.incident === null ? [] : [`incident #${input.incident}`],
    ...input.jiraKey === null ? [] : [escapeMarkdown(input.jiraKey)]
  ];
  const title = escapeMarkdown(pr.title.replace(/\r\n|\r|\n/g, " "));
  return `${changelogHeading(input.tag, input.mergedAt)}

### Fixed

- ${title} (${refs.join(", ")})
`;
}
var CHANGELOG_TITLE = "# Changelog\n";
function prependChangelog(existing, entry2) {
  if (existing === null || existing.trim() === "") return `${CHANGELOG_TITLE}
${entry2}`;
  const eol = existing.includes("\r\n") ? "\r\n" : "\n";
  const normalised = entry2.replace(/\r?\n/g, eol).replace(/(\r?\n)*$/, eol);
  const heading = entry2.split(/\r?\n/, 1)[0] ?? "";
  const lines = existing.split(/\r?\n/);
  if (heading !== "" && lines.includes(heading)) return existing;
  const firstSection = lines.findIndex((line2) => /^##\s/.test(line2));
  if (firstSection === -1) {
    const body = existing.endsWith(eol) ? existing : existing + eol;
    return `${body}${eol}${normalised}`;
  }
  const before = lines.slice(0, firstSection).join(eol);
  const after = lines.slice(firstSection).join(eol);
  return `${before}${before === "" ? "" : eol}${normalised}${eol}${after}`;
}

// src/release/update-changelog.ts
var CHANGELOG_PATH = "CHANGELOG.md";
var MAX_ATTEMPTS = 3;
var ChangelogConflictError = class extends HotfixBotError {
  constructor(repo, branch) {
    super(`${CHANGELOG_PATH} on ${repo.owner}/${repo.repo}@${branch} kept changing under us; not updated`);
    this.repo = repo;
    this.branch = branch;
    this.name = "ChangelogConflictError";
  }
  repo;
  branch;
  kind = "contention";
};
async function updateChangelog(octokit, repo, input) {
  let reads = 0;
  let writes = 0;
  let rejected = null;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let existing = null;
    let sha;
    reads++;
    try {
      const { data } = await octokit.rest.repos.getContent({
        ...repo,
        path: CHANGELOG_PATH,
        ref: input.branch
      });
      if (Array.isArray(data) || data.type !== "file" || !("content" in data)) {
        throw new Error(`${CHANGELOG_PATH} on ${input.branch} is not a file`);
      }
      existing = Buffer.from(data.content, "base64").toString("utf8");
      sha = data.sha;
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
    if (rejected && rejected.sha === sha) throw rejected.error;
    const next = prependChangelog(existing, input.entry);
    if (next === existing) return { updated: false, reads, writes };
    try {
      writes++;
      const { data } = await octokit.rest.repos.createOrUpdateFileContents({
        ...repo,
        path: CHANGELOG_PATH,
        branch: input.branch,
        message: input.message,
        content: Buffer.from(next, "utf8").toString("base64"),
        ...sha ? { sha } : {}
      });
      return { updated: true, ...data.commit.sha ? { commitSha: data.commit.sha } : {}, reads, writes };
    } catch (error) {
      const status = httpStatus(error);
      if (status !== 409 && status !== 422) throw error;
      rejected = { sha, error };
    }
  }
  throw new ChangelogConflictError(repo, input.branch);
}

// src/release/create-tag-and-release.ts
var MAX_NAME_ATTEMPTS = 20;
var TagNameExhaustedError = class extends HotfixBotError {
  constructor(repo, mergeSha, tried) {
    super(
      `could not find a free tag name for ${mergeSha} in ${repo.owner}/${repo.repo} after ${tried.length} attempts (${tried.join(", ")})`
    );
    this.repo = repo;
    this.mergeSha = mergeSha;
    this.tried = tried;
    this.name = "TagNameExhaustedError";
  }
  repo;
  mergeSha;
  tried;
  kind = "contention";
};
var TAG_PREFIX = "refs/tags/";
async function listTagRefs(octokit, repo, prefix, n2) {
  n2.reads++;
  const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, {
    ...repo,
    ref: `tags/${prefix}`,
    per_page: 100
  });
  return refs.filter((r) => r.ref.startsWith(TAG_PREFIX)).map((r) => ({ name: r.ref.slice(TAG_PREFIX.length), sha: r.object.sha, type: r.object.type }));
}
async function peel(octokit, repo, ref, n2) {
  let { sha, type } = ref;
  for (let depth = 0; type === "tag" && depth < 5; depth++) {
    n2.reads++;
    const { data } = await octokit.rest.git.getTag({ ...repo, tag_sha: sha });
    sha = data.object.sha;
    type = data.object.type;
  }
  return type === "commit" ? sha : null;
}
async function getTagRef(octokit, repo, name, n2) {
  n2.reads++;
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `tags/${name}` });
    return { name, sha: data.object.sha, type: data.object.type };
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
async function findHotfixDateTag(octokit, repo, input, n2) {
  const base = hotfixTagBase(input.mergedAt);
  const ours = new RegExp(`^${base}(?:-[1-9]\\d*)?$`);
  const refs = (await listTagRefs(octokit, repo, base, n2)).filter((r) => ours.test(r.name));
  for (const ref of refs) {
    if (await peel(octokit, repo, ref, n2) === input.mergeSha)
      return { existing: ref, existingTags: [], taken: /* @__PURE__ */ new Set() };
  }
  const names = refs.map((r) => r.name);
  return { existingTags: names, taken: new Set(names) };
}
async function findSemverTag(octokit, repo, input, plan, n2) {
  const refs = await listTagRefs(octokit, repo, plan.family ?? "v", n2);
  const byName = new Map(refs.map((r) => [r.name, r]));
  const taken = new Set(refs.map((r) => r.name));
  for (const tag of semverTagsDescending(familyTags(plan, [...byName.keys()]))) {
    n2.reads++;
    let status;
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${tag.name}...${input.mergeSha}`,
        per_page: 1
      });
      status = data.status;
    } catch (error) {
      if (httpStatus(error) === 404) continue;
      throw error;
    }
    if (status === "identical") return { existing: byName.get(tag.name), existingTags: [], taken };
    if (status === "ahead") return { existingTags: [tag.name], taken };
  }
  return { existingTags: [], taken };
}
function tagMessage(input, name) {
  const incident = input.incident === null ? "" : ` for incident #${input.incident}`;
  return `Hotfix ${name}${incident}: #${input.pr.number} ${input.pr.title.replace(/[\r\n]+/g, " ")}
`;
}
async function ensureTag(octokit, repo, input, n2) {
  const plan = lineTagPlan(input.config, input.line ?? input.config.productionBranch);
  let scheme = plan.scheme;
  let found = scheme === "semver-patch" ? await findSemverTag(octokit, repo, input, plan, n2) : await findHotfixDateTag(octokit, repo, input, n2);
  if (found.existing) return { tag: found.existing.name, tagSha: found.existing.sha, created: false };
  let note;
  if (scheme === "semver-patch" && found.existingTags.length === 0 && plan.fallback !== null) {
    scheme = plan.fallback;
    found = await findHotfixDateTag(octokit, repo, input, n2);
    note = (tag) => noLineTagNote(plan, tag);
    if (found.existing) {
      const { name, sha } = found.existing;
      return { tag: name, tagSha: sha, created: false, note: note(name) };
    }
  }
  const existingTags = [...found.existingTags];
  const tried = [];
  while (tried.length < MAX_NAME_ATTEMPTS) {
    const name = nextTagName({ scheme, mergedAt: input.mergedAt, existingTags });
    tried.push(name);
    existingTags.push(name);
    if (found.taken.has(name)) continue;
    n2.writes++;
    const { data: tagObject } = await octokit.rest.git.createTag({
      ...repo,
      tag: name,
      message: tagMessage(input, name),
      object: input.mergeSha,
      type: "commit"
    });
    try {
      n2.writes++;
      await octokit.rest.git.createRef({ ...repo, ref: `${TAG_PREFIX}${name}`, sha: tagObject.sha });
      return { tag: name, tagSha: tagObject.sha, created: true, ...note ? { note: note(name) } : {} };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      const winner = await getTagRef(octokit, repo, name, n2);
      if (!winner) throw error;
      if (await peel(octokit, repo, winner, n2) === input.mergeSha) {
        return { tag: name, tagSha: winner.sha, created: false };
      }
    }
  }
  throw new TagNameExhaustedError(repo, input.mergeSha, tried);
}
async function ensureRelease(octokit, repo, input, tag, n2) {
  const get = async () => {
    n2.reads++;
    try {
      const { data } = await octokit.rest.repos.getReleaseByTag({ ...repo, tag });
      return { id: data.id, url: data.html_url };
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  };
  const existing = await get();
  if (existing) return existing;
  try {
    n2.writes++;
    const { data } = await octokit.rest.repos.createRelease({
      ...repo,
      tag_name: tag,
      name: tag,
      body: renderReleaseNotes({
        tag,
        pr: input.pr,
        incident: input.incident,
        jiraKey: input.jiraKey,
        commits: input.commits
      })
    });
    return { id: data.id, url: data.html_url };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const raced = await get();
    if (!raced) throw error;
    return raced;
  }
}
async function tagAndRelease(octokit, repo, input) {
  const n2 = { reads: 0, writes: 0 };
  const tag = await ensureTag(octokit, repo, input, n2);
  const result = { ...tag, writes: 0, reads: 0 };
  if (input.config.release.createRelease)
    result.release = await ensureRelease(octokit, repo, input, tag.tag, n2);
  if (input.config.release.changelog) {
    const entry2 = changelogEntry({
      tag: tag.tag,
      mergedAt: input.mergedAt,
      pr: input.pr,
      incident: input.incident,
      jiraKey: input.jiraKey
    });
    try {
      const outcome = await updateChangelog(octokit, repo, {
        // The changelog of the line the fix went into.
        branch: input.line ?? input.config.productionBranch,
        entry: entry2,
        message: `Add ${tag.tag} to the changelog`
      });
      n2.reads += outcome.reads;
      n2.writes += outcome.writes;
      result.changelog = {
        updated: outcome.updated,
        ...outcome.commitSha ? { commitSha: outcome.commitSha } : {}
      };
    } catch (error) {
      result.changelog = { updated: false, error: errorMessage(error) };
    }
  }
  result.writes = n2.writes;
  result.reads = n2.reads;
  return result;
}

// src/release/release-step.ts
var releaseStep = async (ctx, config, { pr, incident, jiraKey: jiraKey2, commits }) => {
  const released = await tagAndRelease(ctx.octokit, ctx.repo, {
    config,
    line: pr.baseRef,
    mergeSha: pr.mergeSha,
    mergedAt: new Date(pr.mergedAt),
    pr: { number: pr.number, title: pr.title, url: pr.url, author: pr.author },
    incident,
    jiraKey: jiraKey2,
    commits
  });
  const now = () => ctx.clock().toISOString();
  const entries = [{ key: `tag-${pr.number}`, at: now(), text: `Tagged ${released.tag}` }];
  if (released.note) entries.push({ key: `tag-note-${pr.number}`, at: now(), text: released.note });
  if (released.release) {
    entries.push({
      key: `release-${pr.number}`,
      at: now(),
      text: `Release ${released.tag} published`,
      url: released.release.url
    });
  }
  return {
    tag: released.tag,
    ...released.release ? { release: released.release } : {},
    entries
  };
};

// src/after-merge-wiring.ts
var afterMergeSteps = {
  release: releaseStep,
  deploy: deployStep,
  backport: backportStep,
  noticeBackportsWithoutPr,
  followUps: followUpsStep
};
var runAfterMergeWithTarget = (ctx, config, pr, target) => runAfterMerge(ctx, config, pr, afterMergeSteps, { extraTargets: [target] });

// src/incident/refusal-marker.ts
function refusalMarker(userId) {
  return `<!-- hotfix-bot:command-refused ${JSON.stringify({ user: userId })} -->`;
}

// src/backport/backport-reply-marker.ts
function backportReplyMarker(commentId) {
  return `<!-- hotfix-bot:backport-reply ${JSON.stringify({ comment: commentId })} -->`;
}

// src/backport/pull-request-comment.ts
import { z as z5 } from "zod";
var commentShape = z5.object({
  action: z5.literal("created"),
  issue: z5.object({ number: z5.number().int().positive(), pull_request: z5.object({}).passthrough() }),
  comment: z5.object({
    id: z5.number().int().positive(),
    body: z5.string().max(65536),
    user: z5.object({ id: z5.number().int().positive(), login: z5.string(), type: z5.string() })
  })
});
function personsPullRequestComment(payload) {
  const parsed = commentShape.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  return parsed.data;
}

// src/backport/backport-command.ts
function parseBackportCommand(payload) {
  const posted = personsPullRequestComment(payload);
  if (!posted) return null;
  const match = /^\/backport[ \t]+(\S+)[ \t]*$/.exec(posted.comment.body.split(/\r?\n/, 1)[0] ?? "");
  if (!match?.[1] || match[1] === "confirm" || match[1] === "skip") return null;
  return {
    pull: posted.issue.number,
    target: match[1],
    commenter: posted.comment.user.login,
    commenterId: posted.comment.user.id,
    commentId: posted.comment.id
  };
}
var backportCommandRoute = (runPipeline2) => ({
  step: "backport-command",
  long: true,
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportCommand(event.payload) : null;
  },
  async run(command, ctx) {
    const { octokit, repo } = ctx;
    const marker = backportReplyMarker(command.commentId);
    const reply = (body) => ensureBotComment(ctx, command.pull, marker, `${marker}
${body}`);
    if (!await hasWritePermission(ctx, command.commenter)) {
      const refused2 = refusalMarker(command.commenterId);
      await ensureBotComment(
        ctx,
        command.pull,
        refused2,
        `${refused2}
@${command.commenter} only people with write access can ask for a backport; nothing was done.`
      );
      return void 0;
    }
    const target = command.target;
    const problem = branchNameProblem(target);
    if (problem) {
      await reply(`\`/backport\`: that is not a branch name I can use (${problem}); nothing was done.`);
      return void 0;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      await reply(`\`/backport\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
      return void 0;
    }
    const { data } = await octokit.rest.pulls.get({ ...repo, pull_number: command.pull });
    const pr = mergedPullRequestFrom(data);
    if (!pr || !isMergedHotfix(pr, loaded.config)) {
      await reply(
        "`/backport` works on merged hotfix pull requests into a production branch; nothing was done."
      );
      return void 0;
    }
    if (target === pr.baseRef) {
      await reply(
        `\`/backport\`: the fix is already on \`${escapeMarkdown(pr.baseRef)}\`; nothing was done.`
      );
      return void 0;
    }
    try {
      await octokit.rest.repos.getBranch({ ...repo, branch: target });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
      await reply(`\`/backport\`: there is no branch \`${escapeMarkdown(target)}\`; nothing was done.`);
      return void 0;
    }
    return runPipeline2(ctx, loaded.config, pr, target);
  }
});

// src/backport/backport-confirm.ts
import { z as z6 } from "zod";
function parseBackportConfirmation(payload) {
  const posted = personsPullRequestComment(payload);
  if (!posted) return null;
  const line2 = posted.comment.body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/backport[ \t]+confirm(?:[ \t]+([0-9a-fA-F]{7,40}))?[ \t]*$/.exec(line2);
  if (!match) return null;
  const { user } = posted.comment;
  return {
    pull: posted.issue.number,
    sha: match[1]?.toLowerCase() ?? null,
    commenter: { id: user.id, login: user.login },
    commentId: posted.comment.id
  };
}
var backportConfirmRoute = {
  step: "backport-confirm",
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportConfirmation(event.payload) : null;
  },
  async run(command, ctx) {
    const marker = backportReplyMarker(command.commentId);
    const reply = (body) => ensureBotComment(ctx, command.pull, marker, `${marker}
${body}`);
    if (!await new WriteAccessCache(ctx).hasWrite(command.commenter)) {
      const refused2 = refusalMarker(command.commenter.id);
      await ensureBotComment(
        ctx,
        command.pull,
        refused2,
        `${refused2}
@${command.commenter.login} only people with write access can confirm a backport; nothing was done.`
      );
      return void 0;
    }
    const { data: pr } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: command.pull });
    const head = pr.head.sha;
    const run2 = isOpenedByAnApp(pr) ? await findBackportRun(ctx, head) : null;
    if (!run2) {
      await reply(
        "`/backport confirm`: this pull request has no backport check waiting for a person; nothing was done."
      );
      return void 0;
    }
    if (command.sha === null || !head.startsWith(command.sha)) {
      await reply(
        `\`/backport confirm\` must name the head you checked: \`/backport confirm ${head.slice(0, 12)}\`` + (command.sha === null ? "" : ` (the head is no longer \`${command.sha}\`)`) + "; nothing was confirmed."
      );
      return void 0;
    }
    if (run2.conclusion !== "success") await passBackportCheck(ctx, run2, command.commenter.login, head);
    return void 0;
  }
};
var pushShape = z6.object({
  action: z6.literal("synchronize"),
  before: z6.string().regex(/^[0-9a-f]{40}$/),
  after: z6.string().regex(/^[0-9a-f]{40}$/),
  pull_request: z6.object({
    number: z6.number().int().positive(),
    head: z6.object({ ref: z6.string().startsWith("hotfix-bot/backport-") }),
    user: z6.object({ type: z6.literal("Bot") })
  })
});
var backportCheckFollowsRoute = {
  step: "backport-check-follows",
  triggers: [{ event: "pull_request", actions: ["synchronize"] }],
  match(event) {
    if (event.name !== "pull_request") return null;
    const parsed = pushShape.safeParse(event.payload);
    return parsed.success ? { before: parsed.data.before, after: parsed.data.after } : null;
  },
  async run({ before, after }, ctx) {
    const previous = await findBackportRun(ctx, before);
    if (!previous) return void 0;
    const files = previous.text.split("\n").filter((line2) => line2.startsWith("- `")).length;
    const output = backportCheckOutput(after, []);
    await openBackportCheck(ctx, after, { ...output, title: backportCheckTitle(files), text: previous.text });
    return void 0;
  }
};

// src/incident/read-merged-hotfix.ts
async function readMergedHotfix(ctx, config, number) {
  try {
    const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: number });
    const pr = mergedPullRequestFrom(data);
    return pr && isMergedHotfix(pr, config) ? pr : null;
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}

// src/backport/backport-pr-event.ts
import { z as z7 } from "zod";
var BACKPORT_PR_ACTIONS = ["closed", "reopened", "ready_for_review"];
var BACKPORT_BRANCH = /^hotfix-bot\/backport-([1-9][0-9]{0,9})-to-/;
var eventShape = z7.object({
  action: z7.enum(BACKPORT_PR_ACTIONS),
  pull_request: z7.object({
    number: z7.number().int().positive(),
    html_url: z7.string(),
    head: z7.object({ ref: z7.string() }),
    base: z7.object({ ref: z7.string() }),
    merged: z7.boolean().nullable().optional(),
    merge_commit_sha: z7.string().nullable().optional(),
    merged_at: z7.string().nullable().optional(),
    closed_at: z7.string().nullable().optional(),
    updated_at: z7.string().nullable().optional(),
    merged_by: z7.object({ login: z7.string() }).nullable().optional()
  }),
  sender: z7.object({ login: z7.string() }).nullable().optional()
});
function backportPrEventFrom(payload) {
  const parsed = eventShape.safeParse(payload);
  if (!parsed.success) return null;
  const { action, pull_request: pr, sender } = parsed.data;
  const branch = BACKPORT_BRANCH.exec(pr.head.ref);
  if (!branch?.[1]) return null;
  const merged = action === "closed" && pr.merged === true && typeof pr.merge_commit_sha === "string";
  return {
    action,
    number: pr.number,
    url: pr.html_url,
    hotfixPr: Number(branch[1]),
    baseRef: pr.base.ref,
    merged,
    mergeSha: merged ? pr.merge_commit_sha ?? null : null,
    at: (merged ? pr.merged_at : action === "closed" ? pr.closed_at : pr.updated_at) ?? null,
    actor: (merged ? pr.merged_by?.login : void 0) ?? sender?.login ?? null
  };
}
var who = (actor) => actor ? ` by @${actor}` : "";
function recordBackportEvent(state, event, now) {
  const pipeline2 = state.pipelines[String(event.hotfixPr)];
  const found = Object.entries(pipeline2?.backports ?? {}).find(
    ([target2, backport3]) => backport3.pr === event.number && target2 === event.baseRef
  );
  if (!pipeline2 || !found) return null;
  const [target, backport2] = found;
  const at = validTime(event.at) ?? now;
  let end = backport2.end;
  let entry2;
  if (event.action === "closed" && event.merged && event.mergeSha) {
    const conflict = backport2.status === "conflict";
    end = backport2.end?.state === "merged" ? backport2.end : { state: "merged", sha: event.mergeSha, at, by: event.actor, ...conflict ? { conflict } : {} };
    entry2 = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at: end.at,
      text: `Backport to ${target} merged${conflict ? " (conflicts resolved)" : ""}: #${event.number} as ${event.mergeSha.slice(0, 7)}${who(end.by)}`,
      url: event.url
    };
  } else if (event.action === "closed") {
    if (backport2.end?.state === "merged") return { state, changed: false };
    end = backport2.end?.state === "closed" ? backport2.end : { state: "closed", at, by: event.actor };
    entry2 = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at: end.at,
      text: `Backport to ${target} closed without merging${who(end.by)}: #${event.number}; merge a new backport or waive it with /backport skip ${target} <reason>`,
      url: event.url
    };
  } else if (event.action === "reopened") {
    if (backport2.end?.state !== "closed") return { state, changed: false };
    end = void 0;
    entry2 = {
      key: `backport-end-${event.hotfixPr}-${target}`,
      at,
      text: `Backport to ${target} reopened${who(event.actor)}: #${event.number}`,
      url: event.url
    };
  } else {
    if (backport2.status !== "conflict") return { state, changed: false };
    entry2 = {
      key: `backport-ready-${event.hotfixPr}-${target}`,
      at,
      text: `Backport to ${target}: conflicts resolved in #${event.number}, ready for review${who(event.actor)}`,
      url: event.url
    };
    if (state.entries.some((e) => e.key === entry2.key)) return { state, changed: false };
  }
  const { end: _old, ...rest } = backport2;
  const next = end ? { ...rest, end } : rest;
  const sameEnd = JSON.stringify(next) === JSON.stringify(backport2);
  const sameEntry2 = state.entries.some((e) => e.key === entry2.key && e.text === entry2.text);
  if (sameEnd && sameEntry2) return { state, changed: false };
  const pipelines = {
    ...state.pipelines,
    [String(event.hotfixPr)]: { ...pipeline2, backports: { ...pipeline2.backports, [target]: next } }
  };
  return { state: addEntry({ ...state, pipelines }, entry2), changed: true };
}
function validTime(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// src/backport/stale-backports.ts
function reminderKey(pr) {
  return `backport-reminder-${pr}`;
}
function staleBackports(state, openPrs, now, remindAfterMs) {
  const opened = new Map(openPrs.map((pr) => [pr.number, Date.parse(pr.createdAt)]));
  const reminded = new Set(state.entries.map((e) => e.key));
  const stale = [];
  for (const pipeline2 of Object.values(state.pipelines).sort((a, b) => a.pr - b.pr)) {
    for (const [target, backport2] of Object.entries(pipeline2.backports)) {
      const pr = backport2.pr;
      if (pr === void 0 || backportLanded(backport2) || backport2.end !== void 0) continue;
      const since = opened.get(pr);
      if (since === void 0 || Number.isNaN(since) || reminded.has(reminderKey(pr))) continue;
      const openFor = now.getTime() - since;
      if (openFor >= remindAfterMs) stale.push({ hotfixPr: pipeline2.pr, target, pr, openFor });
    }
  }
  return stale;
}

// src/backport/remind-stale-backports.ts
function reminderMarker(pr) {
  return `<!-- hotfix-bot:backport-reminder ${JSON.stringify({ pr })} -->`;
}
var MAX_OPEN_PR_PAGES = 3;
function reminderText(stale, commander) {
  const who2 = commander ? `@${commander}` : "The incident's commander";
  return `${reminderMarker(stale.pr)}
${who2}: this backport of #${stale.hotfixPr} to ${escapeMarkdown(stale.target)} has been open for ${formatDuration(stale.openFor)}. The incident is resolved only once the fix lands here too: merge it, or close it and waive it on the incident with \`/backport skip ${escapeMarkdown(stale.target)} <reason>\`.`;
}
async function remind(ctx, state, stale, now) {
  let next = state;
  for (const item of stale) {
    await ensureBotComment(ctx, item.pr, reminderMarker(item.pr), reminderText(item, state.commander));
    next = addEntry(next, {
      key: reminderKey(item.pr),
      at: now.toISOString(),
      text: `Reminded ${state.commander ? `@${state.commander}` : "the commander"}: the backport to ${item.target} (#${item.pr}) has been open for ${formatDuration(item.openFor)}`
    });
  }
  return next;
}
async function remindOnIncident(ctx, config, state) {
  const now = ctx.clock();
  const after = durationMs(config.backport.remindAfter);
  const candidates = Object.values(state.pipelines).filter((p) => now.getTime() - Date.parse(p.mergedAt) >= after).flatMap((p) => Object.values(p.backports)).filter((b) => b.pr !== void 0 && !backportLanded(b) && b.end === void 0).map((b) => b.pr).filter((pr) => !state.entries.some((e) => e.key === reminderKey(pr)));
  const open = [];
  for (const number of candidates) {
    try {
      const { data } = await ctx.octokit.rest.pulls.get({ ...ctx.repo, pull_number: number });
      if (data.state === "open") open.push({ number, createdAt: data.created_at });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return remind(ctx, state, staleBackports(state, open, now, after), now);
}
async function remindStaleBackports(ctx, repo, now) {
  const here = withLogFields({ ...ctx, repo }, { repo: `${repo.owner}/${repo.repo}` });
  const loaded = await here.config();
  if (!loaded.ok) {
    here.log.warn(`backport reminders skipped: ${loaded.error.message}`);
    return 0;
  }
  const config = loaded.config;
  const after = durationMs(config.backport.remindAfter);
  const { items } = await collectPages(
    here.octokit.paginate.iterator(here.octokit.rest.pulls.list, {
      ...repo,
      state: "open",
      sort: "created",
      direction: "asc",
      per_page: PER_PAGE2
    }),
    MAX_OPEN_PR_PAGES
  );
  const byHotfix = /* @__PURE__ */ new Map();
  for (const pr of items) {
    const event = backportPrEventFrom({ action: "reopened", pull_request: pr, sender: null });
    if (!event || !isOpenedByAnApp(pr) || now.getTime() - Date.parse(pr.created_at) < after) continue;
    byHotfix.set(event.hotfixPr, [
      ...byHotfix.get(event.hotfixPr) ?? [],
      { number: pr.number, createdAt: pr.created_at }
    ]);
  }
  let reminded = 0;
  for (const [number, open] of byHotfix) {
    const hotfix = await readMergedHotfix(here, config, number);
    if (!hotfix) continue;
    const { incident } = await incidentOfPull(here, hotfix);
    const issue = incident ?? hotfix.number;
    await withPipelineLock(
      here,
      hotfix.number,
      () => withIncidentLock(here, issue, async () => {
        const timeline = await readTimeline(here, issue);
        if (!timeline.state) return;
        const stale = staleBackports(timeline.state, open, now, after);
        if (stale.length === 0) return;
        const state = await remind(here, timeline.state, stale, now);
        await writeTimeline(here, issue, timeline.commentId, state);
        reminded += stale.length;
      })
    );
  }
  return reminded;
}

// src/backport/backport-end-route.ts
async function handleBackportPrEvent(ctx, event) {
  const log = logWith(ctx.log, { pr: event.hotfixPr, backportPr: event.number });
  const loaded = await ctx.config();
  if (!loaded.ok) {
    log.error(`backport PR not recorded: ${loaded.error.message}`);
    return "not-ours";
  }
  const config = loaded.config;
  const hotfix = await readMergedHotfix(ctx, config, event.hotfixPr);
  if (!hotfix) return "not-ours";
  const { incident } = await incidentOfPull(ctx, hotfix);
  const issue = incident ?? hotfix.number;
  const handled = await withPipelineLock(
    ctx,
    hotfix.number,
    () => withIncidentLock(ctx, issue, async () => {
      const timeline = await readTimeline(ctx, issue);
      if (!timeline.state) return "not-ours";
      const recorded = recordBackportEvent(timeline.state, event, ctx.clock().toISOString());
      if (!recorded) {
        logWith(log, { incident: issue }).info("not a backport the incident's timeline records: ignored");
        return "not-ours";
      }
      if (!recorded.changed) return "unchanged";
      let state = await settleIncident(ctx, config, recorded.state, incident);
      state = await remindOnIncident(ctx, config, state);
      await writeTimeline(ctx, issue, timeline.commentId, state);
      return "recorded";
    })
  );
  if (handled === "recorded") await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
  return handled;
}
var backportEndRoute = {
  step: "backport-end",
  triggers: [{ event: "pull_request", actions: BACKPORT_PR_ACTIONS }],
  match(event) {
    return event.name === "pull_request" ? backportPrEventFrom(event.payload) : null;
  },
  async run(event, ctx) {
    await handleBackportPrEvent(ctx, event);
    return void 0;
  }
};

// src/backport/backport-skip-command.ts
import { z as z8 } from "zod";
var SKIP_REASON_MAX = 300;
var commentShape2 = z8.object({
  action: z8.literal("created"),
  // On the incident, an issue: a pull request's comment (`issue.pull_request`) is `/backport <branch>`'s place.
  issue: z8.object({ number: z8.number().int().positive(), pull_request: z8.undefined().optional() }),
  comment: z8.object({
    id: z8.number().int().positive(),
    body: z8.string().max(65536),
    created_at: z8.string().optional(),
    user: z8.object({ id: z8.number().int().positive(), login: z8.string(), type: z8.string() })
  })
});
function parseBackportSkip(payload) {
  const parsed = commentShape2.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const first = parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/backport[ \t]+skip[ \t]+(\S+)(?:[ \t]+(.*))?$/.exec(first.trim());
  if (!match?.[1]) return null;
  return {
    incident: parsed.data.issue.number,
    target: match[1],
    reason: (match[2] ?? "").trim(),
    commenter: parsed.data.comment.user.login,
    commenterId: parsed.data.comment.user.id,
    commentId: parsed.data.comment.id,
    at: parsed.data.comment.created_at ?? null
  };
}
function waiveBackports(state, command, at) {
  let next = state;
  let waived = false;
  for (const pipeline2 of Object.values(state.pipelines)) {
    const backport2 = pipeline2.backports[command.target];
    if (!backport2) continue;
    if (backport2.waived) waived = true;
    if (backportLanded(backport2)) continue;
    waived = true;
    const record = { by: command.commenter, reason: command.reason, at };
    next = {
      ...next,
      pipelines: {
        ...next.pipelines,
        [String(pipeline2.pr)]: {
          ...pipeline2,
          backports: { ...pipeline2.backports, [command.target]: { ...backport2, waived: record } }
        }
      }
    };
    next = addEntry(next, {
      key: `backport-waived-${pipeline2.pr}-${command.target}`,
      at,
      text: `Backport of #${pipeline2.pr} to ${command.target} waived by @${command.commenter}: ${command.reason}`
    });
  }
  return waived ? next : null;
}
async function runSkip(command, ctx) {
  const marker = backportReplyMarker(command.commentId);
  const reply = (body) => ensureBotComment(ctx, command.incident, marker, `${marker}
${body}`);
  const account2 = { id: command.commenterId, login: command.commenter };
  if (!await new WriteAccessCache(ctx).hasWrite(account2)) {
    const refused2 = refusalMarker(command.commenterId);
    await ensureBotComment(
      ctx,
      command.incident,
      refused2,
      `${refused2}
@${command.commenter} only people with write access can waive a backport; nothing was done.`
    );
    return;
  }
  const problem = branchNameProblem(command.target);
  if (problem) {
    await reply(`\`/backport skip\`: that is not a branch name (${problem}); nothing was done.`);
    return;
  }
  if (command.reason === "" || command.reason.length > SKIP_REASON_MAX) {
    await reply(
      `\`/backport skip ${escapeMarkdown(command.target)} <reason>\` needs a reason of at most ${SKIP_REASON_MAX} characters, recorded on the timeline; nothing was done.`
    );
    return;
  }
  const loaded = await ctx.config();
  if (!loaded.ok) {
    await reply(`\`/backport skip\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
    return;
  }
  await withIncidentLock(ctx, command.incident, async () => {
    const timeline = await readTimeline(ctx, command.incident);
    const at = validTime2(command.at) ?? ctx.clock().toISOString();
    const waived = timeline.state ? waiveBackports(timeline.state, command, at) : null;
    if (!timeline.state || !waived) {
      await reply(
        `\`/backport skip\`: no backport to ${escapeMarkdown(command.target)} is waiting on this incident; nothing was done.`
      );
      return;
    }
    if (JSON.stringify(waived) === JSON.stringify(timeline.state)) return;
    const state = await settleIncident(ctx, loaded.config, waived, command.incident);
    await writeTimeline(ctx, command.incident, timeline.commentId, state);
  });
  await notifyMilestone(ctx, loaded.config, command.incident, "resolved", resolvedDetails);
}
function validTime2(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
var backportSkipRoute = {
  step: "backport-skip",
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseBackportSkip(event.payload) : null;
  },
  async run(command, ctx) {
    await runSkip(command, ctx);
    return void 0;
  }
};

// src/deploy/deployment-status-event.ts
import { z as z9 } from "zod";
var shape = z9.object({
  deployment_status: z9.object({
    state: z9.string(),
    created_at: z9.string().nullable().optional(),
    description: z9.string().nullable().optional(),
    target_url: z9.string().nullable().optional(),
    log_url: z9.string().nullable().optional(),
    environment: z9.string().nullable().optional()
  }),
  deployment: z9.object({
    id: z9.number().int().positive(),
    ref: z9.string(),
    sha: z9.string(),
    environment: z9.string(),
    payload: z9.unknown().optional()
  })
});
function looksLikeHotfixTag(ref) {
  return /^hotfix-\d{8}-\d{4}(?:-[1-9]\d*)?$/.test(ref) || /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/.test(ref);
}
function deploymentStatusFrom(event) {
  if (event.name !== "deployment_status") return null;
  const parsed = shape.safeParse(event.payload);
  if (!parsed.success) return null;
  const { deployment_status: status, deployment } = parsed.data;
  if (status.state !== "success" && status.state !== "failure" && status.state !== "error") return null;
  const marker = markerOf(deployment.payload);
  if (!looksLikeHotfixTag(deployment.ref) && marker === null) return null;
  return {
    deployment: deployment.id,
    state: status.state,
    ref: deployment.ref,
    sha: deployment.sha,
    environment: status.environment ?? deployment.environment,
    at: status.created_at ?? null,
    description: status.description ?? "",
    url: status.log_url || status.target_url || null,
    marker
  };
}

// src/deploy/deploy-decision.ts
function pipelineForTag(state, pr, ref) {
  const pipeline2 = state?.pipelines[String(pr)];
  return pipeline2?.tag === ref ? pipeline2 : null;
}
function decideDeploy(pipeline2, status) {
  if (!pipeline2) return { kind: "not-ours" };
  const deploy2 = pipeline2.deploy ?? {};
  if (status.state === "success") {
    return deploy2.deployedAt === void 0 ? { kind: "deployed", pipeline: pipeline2 } : { kind: "done", pipeline: pipeline2 };
  }
  const complete = deploy2.rollback !== void 0 && deploy2.rollback.status !== "failed" && deploy2.escalated;
  return complete ? { kind: "done", pipeline: pipeline2 } : { kind: "rollback", pipeline: pipeline2 };
}

// src/deploy/merged-hotfix-record.ts
async function withMergedHotfixRecord(ctx, pr, act2) {
  const { incident } = await incidentOfPull(ctx, pr);
  const issue = incident ?? pr.number;
  return withPipelineLock(
    ctx,
    pr.number,
    () => withIncidentLock(ctx, issue, () => act2({ pr, incident, issue }))
  );
}

// src/deploy/monitoring-window.ts
function startMonitoring(monitoring, sha, now) {
  return {
    sha,
    since: now.toISOString(),
    until: new Date(now.getTime() + monitoring.windowMinutes * 6e4).toISOString()
  };
}
function utcClock(iso2) {
  return new Date(iso2).toISOString().slice(11, 16);
}
function monitoringEntry(pr, monitor, monitoring) {
  const checklist = monitoring.checklist.length > 0 ? `; check: ${monitoring.checklist.join("; ")}` : "";
  return {
    key: `monitoring-${pr}`,
    at: monitor.since,
    text: `Monitoring until ${utcClock(monitor.until)} (UTC)${checklist} \u2014 unstable? comment /rollback [reason]`
  };
}
function monitoringPhase(pipeline2, now) {
  const monitor = pipeline2?.monitor;
  if (!monitor) return "none";
  if (monitor.stableAt !== void 0 || pipeline2.rollbackBy !== void 0) return "ended";
  if (pipeline2.deploy?.rollback !== void 0 || pipeline2.deploy?.failedAt !== void 0) return "ended";
  const until = Date.parse(monitor.until);
  if (Number.isNaN(until)) return "open";
  return now.getTime() >= until ? "due" : "open";
}
function stableEntry(pr, monitor, at) {
  return {
    key: `stable-${pr}`,
    at,
    text: `Stable: the monitoring window of #${pr} ended at ${utcClock(monitor.until)} (UTC) without a rollback`
  };
}

// src/deploy/notify-deploy-outcome.ts
async function notifyDeployOutcome(ctx, config, incident, pr, status) {
  if (incident === null) return void 0;
  const wanted = ["deployed", "rollback", "resolved"].some((m) => notificationsWanted(config, m));
  if (!wanted) return void 0;
  if (status.state === "success") {
    const deployed = await notifyMilestone(ctx, config, incident, "deployed", (state) => {
      const deploy2 = state.pipelines[String(pr)]?.deploy;
      if (deploy2?.deployedAt === void 0) return null;
      return {
        summary: `${status.ref} deployed to ${status.environment} (PR #${pr})`,
        at: deploy2.deployedAt,
        links: deploy2.url ? [{ label: "Deployment", url: deploy2.url }] : []
      };
    });
    const resolved = await notifyMilestone(ctx, config, incident, "resolved", resolvedDetails);
    return resolved.timeline ?? deployed.timeline;
  }
  const rolledBack = await notifyMilestone(ctx, config, incident, "rollback", (state) => {
    const deploy2 = state.pipelines[String(pr)]?.deploy;
    if (deploy2?.failedAt === void 0 || !deploy2.rollback) return null;
    const { rollback: rollback2 } = deploy2;
    const links = revertLinks(rollback2);
    if (status.url) links.push({ label: "Failed deployment", url: status.url });
    const what = revertOutcome(rollback2);
    return {
      summary: `Deployment of ${status.ref} to ${status.environment} failed (${status.state}); ${what}`,
      at: deploy2.failedAt,
      links
    };
  });
  return rolledBack.timeline;
}
function revertOutcome(rollback2) {
  if (rollback2.status === "open") return `revert PR #${rollback2.pr} opened`;
  if (rollback2.status === "conflict")
    return `draft revert PR #${rollback2.pr} opened, with conflicts to resolve`;
  if (rollback2.status === "empty") return "nothing to revert: production no longer has the change";
  return `the revert could not be opened (${rollback2.error ?? "unknown error"})`;
}
function revertLinks(rollback2) {
  return rollback2.url && rollback2.pr !== void 0 ? [{ label: `Revert PR #${rollback2.pr}`, url: rollback2.url }] : [];
}

// src/deploy/resolution-section.ts
function backportStateText(backport2) {
  if (backport2.waived) return `waived by ${backport2.waived.by}: ${backport2.waived.reason}`;
  if (backport2.end?.state === "merged") return "merged";
  if (backport2.end?.state === "closed") return "closed without merging";
  switch (backport2.status) {
    case "open":
      return "open";
    case "conflict":
      return "draft with conflicts";
    case "already":
      return "already there";
    default:
      return `failed${backport2.error ? `: ${backport2.error}` : ""}`;
  }
}
function resolutionFacts(state, pipeline2, fix, environment) {
  const backports = Object.entries(pipeline2.backports).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0).map(([branch, b]) => ({ branch, state: backportStateText(b), ...b.pr ? { pr: b.pr } : {} }));
  const followUps2 = Object.entries(pipeline2.followUps).flatMap(
    ([kind, f]) => f ? [{ kind, issue: f.issue }] : []
  );
  followUps2.sort((a, b) => a.issue - b.issue);
  return {
    incident: state.incident,
    fix,
    tag: pipeline2.tag ?? "",
    environment,
    deployedAt: pipeline2.deploy?.deployedAt ?? "",
    recovery: recoveryLine(incidentDurations(state)),
    backports,
    followUps: followUps2
  };
}
function utcMinute(iso2) {
  const t = Date.parse(iso2);
  return Number.isNaN(t) ? "unknown" : `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
var oneLine2 = (text2) => text2.replace(/\s+/g, " ").trim();
var code = (text2) => `\`${oneLine2(text2).replace(/`/g, "'")}\``;
function resolutionSection(facts2) {
  const backports = facts2.backports.length === 0 ? ["- Backports: none"] : [
    "- Backports:",
    ...facts2.backports.map(
      (b) => `  - ${code(b.branch)}: ${b.pr ? `#${b.pr}, ` : ""}${escapeMarkdown(oneLine2(b.state))}`
    )
  ];
  const followUps2 = facts2.followUps.length === 0 ? "none" : facts2.followUps.map((f) => `#${f.issue} (${f.kind})`).join(", ");
  return [
    "## Resolution",
    "",
    `- Fixed by: [#${facts2.fix.number}](${facts2.fix.url}) ${escapeMarkdown(oneLine2(facts2.fix.title))}`,
    `- Tag: ${code(facts2.tag)}`,
    `- Deployed: ${utcMinute(facts2.deployedAt)} to ${code(facts2.environment)}`,
    `- Time to recovery: ${facts2.recovery ?? "unknown (the timeline lacks the detection time)"}`,
    ...backports,
    `- Follow-ups: ${followUps2}`,
    ""
  ].join("\n");
}
function withResolutionSection(report, section) {
  const lines = report.split("\n");
  const start = lines.findIndex((line2) => /^## Resolution\s*$/.test(line2));
  if (start === -1) return `${report.replace(/\n*$/, "")}

${section}`;
  const rest = lines.slice(start + 1);
  const next = rest.findIndex((line2) => /^## /.test(line2));
  const before = lines.slice(0, start).join("\n");
  const after = next === -1 ? "" : `
${rest.slice(next).join("\n")}`;
  return `${before}
${section}${after}`;
}
function resolutionEntryText(facts2) {
  const backports = facts2.backports.length === 0 ? "none" : facts2.backports.map((b) => `${b.branch} ${b.pr ? `#${b.pr} ` : ""}${b.state}`).join("; ");
  const followUps2 = facts2.followUps.length === 0 ? "none" : facts2.followUps.map((f) => `#${f.issue} (${f.kind})`).join(", ");
  return [
    `Resolution: fixed by #${facts2.fix.number} "${oneLine2(facts2.fix.title)}"`,
    `tag ${facts2.tag}`,
    `deployed ${utcMinute(facts2.deployedAt)} to ${facts2.environment}`,
    `recovery: ${facts2.recovery ?? "unknown"}`,
    `backports: ${backports}`,
    `follow-ups: ${followUps2}`
  ].join("; ");
}
function resolutionBranchName(incident) {
  if (!Number.isSafeInteger(incident) || incident < 1)
    throw new RangeError(`not an issue number: ${incident}`);
  return `hotfix-bot/resolution-${incident}`;
}
function resolutionCommitMessage(incident, fix) {
  return `Incident report for #${incident}: Resolution (#${fix} deployed)
`;
}
function resolutionPrTitle(incident) {
  return `Incident #${incident}: add the Resolution to the incident report`;
}
function resolutionPrBody(facts2, path) {
  const incident = facts2.incident !== null ? [`Incident: #${facts2.incident}`, ""] : [];
  return [
    `Adds the Resolution section to \`${path.replace(/`/g, "'")}\`: #${facts2.fix.number} was deployed as ${code(facts2.tag)}.`,
    "",
    ...incident,
    "Only the incident report changes."
  ].join("\n");
}

// src/deploy/record-resolution.ts
function resolutionDue(state, pipeline2) {
  if (pipeline2.deploy?.deployedAt === void 0) return false;
  if (pipeline2.rollbackBy || pipeline2.deploy.rollback || pipeline2.deploy.failedAt !== void 0) return false;
  return state.resolution === void 0 || state.resolution.status === "failed";
}
function resolutionRetryDue(state, pipeline2) {
  return state.resolution?.status === "failed" && state.resolution.fix === pipeline2.pr && resolutionDue(state, pipeline2);
}
async function recordResolution(ctx, config, state, fix, environment) {
  const pipeline2 = state.pipelines[String(fix.number)];
  if (!pipeline2 || !resolutionDue(state, pipeline2)) return state;
  const facts2 = resolutionFacts(state, pipeline2, fix, environment);
  const at = ctx.clock().toISOString();
  const report = state.intake?.report;
  if (!config.intake.incidentReport || !report || state.incident === null) {
    return withResolution(state, { status: "timeline", fix: fix.number, at }, resolutionEntryText(facts2));
  }
  const production = isProductionLine(config, fix.baseRef) ? fix.baseRef : config.productionBranch;
  try {
    const proposed = await proposeResolution(ctx, state.incident, facts2, report.path, production);
    if (proposed === "missing") {
      return withResolution(
        state,
        { status: "timeline", fix: fix.number, at },
        `${resolutionEntryText(facts2)} (the incident report ${report.path} is not on ${production})`
      );
    }
    const record = { status: "proposed", fix: fix.number, at, ...proposed };
    let next = state;
    for (const entry2 of refusedBranchEntries(proposed.refused, proposed.branch, at))
      next = addEntry(next, entry2);
    return withResolution(
      next,
      record,
      `Resolution section for ${report.path} proposed in PR #${proposed.pr}`
    );
  } catch (error) {
    const message = errorMessage(error);
    ctx.log.error(`resolution record of #${state.incident} failed: ${message}`);
    return withResolution(
      state,
      { status: "failed", fix: fix.number, at, error: message },
      `The Resolution section could not be proposed (${message}); retried on the next successful deployment status. ${resolutionEntryText(facts2)}`
    );
  }
}
function withResolution(state, resolution, text2) {
  const url2 = resolution.url ? { url: resolution.url } : {};
  return addEntry({ ...state, resolution }, { key: "resolution", at: resolution.at, text: text2, ...url2 });
}
async function proposeResolution(ctx, incident, facts2, path, production) {
  const { octokit, repo } = ctx;
  const { data: tip } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${production}` });
  const report = await fileAt(ctx, path, tip.object.sha);
  if (report === null) return "missing";
  const { data: tipCommit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: tip.object.sha });
  const content = withResolutionSection(report, resolutionSection(facts2));
  const writer = new GitWriter(octokit, repo, () => [path]);
  const tree = await writer.tree(tipCommit.tree.sha, [
    { path, mode: "100644", content: new Uint8Array(Buffer.from(content, "utf8")) }
  ]);
  const head = await writer.commit({
    message: resolutionCommitMessage(incident, facts2.fix.number),
    tree,
    parents: [tip.object.sha]
  });
  const wanted = resolutionBranchName(incident);
  const placed = await placeBotBranch(octokit, repo, { name: wanted, head, onto: tip.object.sha });
  const record = placementRecord(wanted, placed);
  if (!placed.created) {
    const earlier = await findBotPull(ctx, placed.branch, production);
    if (earlier) return { pr: earlier.number, url: earlier.html_url, ...record };
  }
  const { data: created } = await octokit.rest.pulls.create({
    ...repo,
    head: placed.branch,
    base: production,
    title: resolutionPrTitle(incident),
    body: resolutionPrBody(facts2, path)
  });
  ctx.log.info(`resolution of #${incident}: PR #${created.number}`);
  return { pr: created.number, url: created.html_url, ...record };
}
async function fileAt(ctx, path, ref) {
  try {
    const { data } = await ctx.octokit.rest.repos.getContent({ ...ctx.repo, path, ref });
    if (Array.isArray(data) || data.type !== "file" || !("content" in data)) return null;
    return Buffer.from(data.content, "base64").toString("utf8");
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}

// src/deploy/deploy-log-link.ts
function deployLogLink(url2) {
  if (url2 === null || !/^https?:\/\/[^\s]+$/i.test(url2)) return null;
  return `[Deploy log](${linkTarget(url2)})`;
}

// src/deploy/revert-pr-text.ts
var TITLE_MAX3 = 256;
function revertBranchName(pr) {
  if (!Number.isSafeInteger(pr) || pr < 1) throw new RangeError(`not a pull request number: ${pr}`);
  return `hotfix-bot/revert-${pr}`;
}
function revertTitle(title) {
  const room = TITLE_MAX3 - 'Revert ""'.length;
  const oneLine4 = title.replace(/\s+/g, " ").trim();
  const cut = oneLine4.length > room ? `${oneLine4.slice(0, room - 1)}\u2026` : oneLine4;
  return `Revert "${cut}"`;
}
function triggerText(trigger) {
  if (trigger.kind === "check")
    return `the check ${trigger.by} failed (${trigger.reason}) on the deployed commit during the monitoring window`;
  return `${trigger.by} asked for it with /rollback${trigger.reason ? `: ${trigger.reason}` : ""}`;
}
function triggerMarkdown(trigger) {
  if (trigger.kind === "check")
    return `the check \`${trigger.by.replace(/`/g, "'")}\` failed (${escapeMarkdown(trigger.reason)}) on the deployed commit during the monitoring window`;
  const why = trigger.reason ? `: ${escapeMarkdown(trigger.reason)}` : "";
  return `${escapeMarkdown(trigger.by)} asked for it with \`/rollback\`${why}`;
}
function revertMessage(input) {
  const why = input.trigger ? `a rollback of ${input.tag}: ${triggerText(input.trigger)}` : `the deployment of ${input.tag} failed`;
  return [
    revertTitle(input.title),
    "",
    `This reverts commit ${input.mergeSha} (#${input.pr}): ${why}.`,
    ""
  ].join("\n");
}
function revertBody(input) {
  const why = input.description ? ` (${input.state}: ${escapeMarkdown(input.description)})` : ` (${input.state})`;
  const sha = `\`${input.mergeSha.slice(0, 7)}\``;
  const lines = [
    input.trigger ? `Reverts #${input.pr} (${sha}), released as \`${input.tag}\`: a rollback \u2014 ${triggerMarkdown(input.trigger)}.` : `Reverts #${input.pr} (${sha}): the deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed${why}.`,
    "",
    input.previousTag ? `Merging this takes the change back out of production; the last good tag was \`${input.previousTag}\`. Deploy after merging.` : "Merging this takes the change back out of production. Deploy after merging."
  ];
  const log = deployLogLink(input.logUrl);
  if (log) lines.push("", log);
  if (input.incident !== null) lines.push("", `Incident: #${input.incident}`);
  if (input.conflictFiles.length > 0) {
    lines.push(
      "",
      "> [!WARNING]",
      "> Production changed the same lines since the fix. The commit on this branch contains conflict markers; resolve them and push.",
      "",
      "Conflicting files:",
      ...input.conflictFiles.map((file) => `- \`${file.replace(/`/g, "'")}\``)
    );
  }
  return lines.join("\n");
}

// src/deploy/escalation.ts
function escalationMarker(pr) {
  return `<!-- hotfix-bot:escalation ${JSON.stringify({ pr })} -->`;
}
function mention(login) {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/.test(login) ? `@${login}` : escapeMarkdown(login);
}
function escalationComment(input) {
  const who2 = input.commander ? `${mention(input.commander)} ` : "";
  const why = input.description ? `: ${escapeMarkdown(input.description)}` : "";
  const headline = input.trigger ? `${who2}**#${input.pr} (\`${input.tag}\`) is being rolled back**: ${triggerMarkdown(input.trigger)}.` : `${who2}**The deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed** (${input.state}${why}).`;
  const lines = [escalationMarker(input.pr), headline, ""];
  const revert = input.rollback;
  if (revert.status === "open") {
    lines.push(
      `Revert PR #${revert.pr} takes #${input.pr} back out of production: review it, merge it and deploy.`
    );
  } else if (revert.status === "conflict") {
    lines.push(
      `Revert PR #${revert.pr} is a draft: production changed the same lines since #${input.pr}. Resolve its conflicts, then merge and deploy.`
    );
  } else if (revert.status === "empty") {
    lines.push(
      `Production no longer contains the change of #${input.pr}: there was nothing to revert. Look at the deploy itself.`
    );
  } else {
    lines.push(
      `The revert of #${input.pr} could not be built (${escapeMarkdown(revert.error ?? "unknown error")}); revert it by hand with the rollback plan above.`
    );
  }
  const log = deployLogLink(input.logUrl);
  if (log) lines.push("", log);
  lines.push("", `This incident is labelled \`${input.label}\`.`);
  return lines.join("\n");
}

// src/deploy/revert-commit.ts
async function revertBase(ctx, pr, mergeSha) {
  const { picks } = await readPickPlan(ctx, mergeSha, await readPullCommits(ctx, pr));
  const oldest = picks[0];
  if (!oldest) throw new Error(`nothing to revert for #${pr}`);
  return oldest.parent;
}
async function revertCommit(ctx, input) {
  const { octokit, repo } = ctx;
  const source = new GitHubTreeSource(octokit, repo);
  const changed = /* @__PURE__ */ new Set();
  const writer = new GitWriter(octokit, repo, () => [...changed]);
  const [merged, before, onto] = await Promise.all([
    source.commit(input.mergeSha),
    source.commit(input.baseSha),
    source.commit(input.ontoSha)
  ]);
  const labels = { ours: input.ontoLabel, theirs: `revert of ${input.mergeSha.slice(0, 7)} (#${input.pr})` };
  const plan = await planPick(source, { base: merged.tree, ours: onto.tree, theirs: before.tree }, labels);
  for (const path of plan.changedPaths) changed.add(path);
  let tree;
  let conflictFiles = [];
  let usedServerMerge = false;
  if (plan.uncertain.length === 0) {
    tree = plan.entries.length > 0 ? await writer.tree(onto.tree, plan.entries) : onto.tree;
  } else {
    usedServerMerge = true;
    const inverse = await writer.commit({
      message: `Inverse of ${input.mergeSha} for a revert`,
      tree: before.tree,
      parents: [input.mergeSha]
    });
    const outcome = await serverCherryPick(source, writer, {
      pick: { sha: inverse, parent: input.mergeSha },
      baseTree: merged.tree,
      oursTree: onto.tree,
      plan
    });
    tree = outcome.tree;
    conflictFiles = outcome.conflictFiles;
  }
  if (tree === onto.tree && conflictFiles.length === 0) {
    return { status: "empty", headSha: input.ontoSha, conflictFiles, usedServerMerge, writes: writer.writes };
  }
  const headSha = await writer.commit({ message: input.message, tree, parents: [input.ontoSha] });
  return {
    status: conflictFiles.length > 0 ? "conflict" : "clean",
    headSha,
    conflictFiles,
    usedServerMerge,
    writes: writer.writes
  };
}

// src/deploy/roll-back.ts
function rollbackComplete(deploy2) {
  return deploy2?.rollback !== void 0 && deploy2.rollback.status !== "failed" && deploy2.escalated === true;
}
async function rollBack(ctx, config, state, origin, pipeline2, reason) {
  const { octokit, repo } = ctx;
  const n2 = origin.pr.number;
  const deploy2 = { ...pipeline2.deploy ?? {} };
  let next = state;
  if (!deploy2.rollback || deploy2.rollback.status === "failed") {
    deploy2.rollback = await openRevertPr(ctx, config, reason, origin, state);
    const at = ctx.clock().toISOString();
    for (const entry2 of refusedBranchEntries(deploy2.rollback.refused, deploy2.rollback.branch, at)) {
      next = addEntry(next, entry2);
    }
    next = addEntry(next, revertEntry(n2, deploy2.rollback, at));
  }
  if (!deploy2.escalated) {
    await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: origin.issue,
      labels: [config.deploy.rollbackLabel]
    });
    const commander = next.commander ?? origin.pr.author;
    await ensureBotComment(
      ctx,
      origin.issue,
      escalationMarker(n2),
      escalationComment({
        pr: n2,
        tag: reason.tag,
        environment: reason.environment,
        state: reason.state,
        description: reason.description,
        logUrl: reason.logUrl,
        commander,
        rollback: deploy2.rollback,
        label: config.deploy.rollbackLabel,
        ...reason.trigger ? { trigger: reason.trigger } : {}
      })
    );
    deploy2.escalated = true;
    next = addEntry(next, {
      key: `escalated-${n2}`,
      at: ctx.clock().toISOString(),
      text: `Labelled ${config.deploy.rollbackLabel}; escalated to @${commander}`
    });
  }
  const current = next.pipelines[String(n2)] ?? pipeline2;
  return { ...next, pipelines: { ...next.pipelines, [String(n2)]: { ...current, deploy: deploy2 } } };
}
function revertEntry(pr, rollback2, at) {
  const key = `revert-${pr}`;
  switch (rollback2.status) {
    case "open":
      return { key, at, text: `Revert PR #${rollback2.pr} opened`, url: rollback2.url };
    case "conflict":
      return {
        key,
        at,
        text: `Draft revert PR #${rollback2.pr} opened, with conflicts to resolve`,
        url: rollback2.url
      };
    case "empty":
      return { key, at, text: `Nothing to revert: production no longer has #${pr}` };
    default:
      return { key, at, text: `The revert of #${pr} failed: ${rollback2.error ?? "unknown error"}` };
  }
}
async function findRevertPr(ctx, branch, base) {
  const pr = await findBotPull(ctx, branch, base);
  if (!pr) return null;
  return { status: pr.draft ? "conflict" : "open", pr: pr.number, url: pr.html_url };
}
async function openRevertPr(ctx, config, reason, origin, state) {
  const { octokit, repo } = ctx;
  const { pr } = origin;
  const branch = revertBranchName(pr.number);
  const production = isProductionLine(config, pr.baseRef) ? pr.baseRef : config.productionBranch;
  const trigger = reason.trigger ? { trigger: reason.trigger } : {};
  try {
    const existing = await findRevertPr(ctx, branch, production);
    if (existing) return existing;
    const { data: tip } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${production}` });
    const revert = await revertCommit(ctx, {
      pr: pr.number,
      mergeSha: pr.mergeSha,
      baseSha: await revertBase(ctx, pr.number, pr.mergeSha),
      ontoSha: tip.object.sha,
      ontoLabel: production,
      message: revertMessage({
        title: pr.title,
        pr: pr.number,
        mergeSha: pr.mergeSha,
        tag: reason.tag,
        ...trigger
      })
    });
    if (revert.status === "empty") return { status: "empty" };
    const placed = await placeBotBranch(octokit, repo, {
      name: branch,
      head: revert.headSha,
      onto: tip.object.sha
    });
    const record = placementRecord(branch, placed);
    if (!placed.created) {
      const raced = await findRevertPr(ctx, placed.branch, production);
      if (raced) return { ...raced, ...record };
    }
    const conflict = revert.status === "conflict";
    const { data: created } = await octokit.rest.pulls.create({
      ...repo,
      head: placed.branch,
      base: production,
      title: revertTitle(pr.title),
      body: revertBody({
        pr: pr.number,
        mergeSha: pr.mergeSha,
        tag: reason.tag,
        environment: reason.environment,
        state: reason.state,
        description: reason.description,
        logUrl: reason.logUrl,
        incident: origin.incident,
        previousTag: state.intake?.previousTag?.name ?? null,
        conflictFiles: revert.conflictFiles,
        ...trigger
      }),
      draft: conflict
    });
    ctx.log.info(`revert of #${pr.number}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
    return { status: conflict ? "conflict" : "open", pr: created.number, url: created.html_url, ...record };
  } catch (error) {
    const message = errorMessage(error);
    ctx.log.error(`revert of #${pr.number} failed: ${message}`);
    return { status: "failed", error: message };
  }
}

// src/deploy/handle-deployment-status.ts
async function mergedPrOf(ctx, config, status) {
  const { octokit, repo } = ctx;
  if (status.marker) {
    try {
      const { data: data2 } = await octokit.rest.pulls.get({ ...repo, pull_number: status.marker.pr });
      const pr = mergedPullRequestFrom(data2);
      return pr && isMergedHotfix(pr, config) ? pr : null;
    } catch (error) {
      if (httpStatus(error) === 404) return null;
      throw error;
    }
  }
  const { data } = await octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...repo,
    commit_sha: status.sha,
    per_page: 10
  });
  for (const raw of data) {
    const pr = mergedPullRequestFrom(raw);
    if (pr && pr.mergeSha === status.sha && isMergedHotfix(pr, config)) return pr;
  }
  return null;
}
async function handleDeploymentStatus(ctx, config, status) {
  const pr = await mergedPrOf(ctx, config, status);
  if (!pr) return { handled: "not-ours" };
  const here = withLogFields(ctx, { pr: pr.number });
  const { origin, acted } = await withMergedHotfixRecord(here, pr, async (origin2) => ({
    origin: origin2,
    acted: await act(here, config, status, origin2)
  }));
  if (acted.handled === "not-ours") return acted;
  const notified = await notifyDeployOutcome(here, config, origin.incident, pr.number, status);
  return notified === void 0 ? acted : { ...acted, timeline: notified };
}
async function act(ctx, config, status, origin) {
  const timeline = await readTimeline(ctx, origin.issue);
  const decision = decideDeploy(pipelineForTag(timeline.state, origin.pr.number, status.ref), status);
  if (decision.kind === "not-ours") return { handled: decision.kind };
  if (!timeline.state) return { handled: "not-ours" };
  const written = async (handled, state2) => {
    const { markdown } = await writeTimeline(ctx, origin.issue, timeline.commentId, state2);
    return { handled, timeline: markdown };
  };
  if (decision.kind === "done") {
    if (status.state !== "success" || !resolutionRetryDue(timeline.state, decision.pipeline))
      return { handled: "done" };
    return written(
      "done",
      await recordResolution(ctx, config, timeline.state, origin.pr, status.environment)
    );
  }
  const at = validTime3(status.at) ?? ctx.clock().toISOString();
  let state = timeline.state;
  const deploy2 = { ...decision.pipeline.deploy ?? {} };
  const pipeline2 = { ...decision.pipeline, deploy: deploy2 };
  const n2 = origin.pr.number;
  if (decision.kind === "deployed") {
    deploy2.deployedAt = at;
    deploy2.deployment = status.deployment;
    if (status.url) deploy2.url = status.url;
    if (config.monitoring.enabled && !pipeline2.rollbackBy && !deploy2.rollback && !pipeline2.monitor)
      pipeline2.monitor = startMonitoring(config.monitoring, status.sha, ctx.clock());
    state = withPipeline(state, pipeline2);
    const figures = recoveryLine(incidentDurations(state));
    state = addEntry(state, {
      key: `deployed-${n2}`,
      at,
      text: `Deployed ${status.ref} to ${status.environment}${figures ? ` \u2014 ${figures}` : ""}`,
      ...status.url ? { url: status.url } : {}
    });
    if (pipeline2.monitor) state = addEntry(state, monitoringEntry(n2, pipeline2.monitor, config.monitoring));
    if (!hasEntry(state, `closed-by-deploy-${n2}`))
      state = await settleIncident(ctx, config, state, origin.incident);
    state = await recordResolution(ctx, config, state, origin.pr, status.environment);
    return written("deployed", state);
  }
  if (deploy2.failedAt === void 0) {
    deploy2.failedAt = at;
    deploy2.failedDeployment = status.deployment;
  }
  state = withPipeline(state, pipeline2);
  state = addEntry(state, {
    key: `deploy-failed-${n2}`,
    at: deploy2.failedAt,
    text: `Deployment of ${status.ref} to ${status.environment} failed (${status.state})`,
    ...status.url ? { url: status.url } : {}
  });
  state = await rollBack(ctx, config, state, origin, pipeline2, {
    tag: status.ref,
    environment: status.environment,
    state: status.state,
    description: status.description,
    logUrl: status.url
  });
  return written("rolled-back", state);
}
function withPipeline(state, pipeline2) {
  return { ...state, pipelines: { ...state.pipelines, [String(pipeline2.pr)]: pipeline2 } };
}
function hasEntry(state, key) {
  return state.entries.some((e) => e.key === key);
}
function validTime3(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// src/deploy/deployment-status-route.ts
var deploymentStatusRoute = {
  step: "deployment-status",
  long: true,
  triggers: [{ event: "deployment_status" }],
  match: deploymentStatusFrom,
  async run(status, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`deployment ${status.deployment} of ${status.ref} not handled: ${loaded.error.message}`);
      return void 0;
    }
    const { handled, timeline } = await handleDeploymentStatus(ctx, loaded.config, status);
    ctx.log.info(`deployment ${status.deployment} of ${status.ref} (${status.state}): ${handled}`);
    return timeline === void 0 ? void 0 : { timeline };
  }
};

// src/deploy/end-monitoring.ts
async function recordStable(ctx, config, state, pipeline2, incident) {
  const monitor = pipeline2.monitor;
  if (!monitor || monitor.stableAt !== void 0) return state;
  const at = ctx.clock().toISOString();
  let next = {
    ...state,
    pipelines: {
      ...state.pipelines,
      [String(pipeline2.pr)]: { ...pipeline2, monitor: { ...monitor, stableAt: at } }
    }
  };
  next = addEntry(next, stableEntry(pipeline2.pr, monitor, at));
  if (!config.monitoring.closeWhenStable || incident === null) return next;
  if (next.entries.some((e) => e.key === CLOSED_AT_RESOLUTION_KEY)) return next;
  const progress = incidentProgress(next, deployConfigured(config));
  if (!progress.resolved) {
    return addEntry(next, {
      key: `stable-not-closed-${pipeline2.pr}`,
      at,
      text: "Not closed: stable, but some backports have not landed yet"
    });
  }
  await ctx.octokit.rest.issues.update({
    ...ctx.repo,
    issue_number: incident,
    state: "closed",
    state_reason: "completed"
  });
  return addEntry(next, {
    key: CLOSED_AT_RESOLUTION_KEY,
    at: ctx.clock().toISOString(),
    text: "Incident closed: stable after the monitoring window, and every backport has landed"
  });
}
async function endMonitoringIfDue(ctx, config, pr) {
  return withMergedHotfixRecord(ctx, pr, async (origin) => ({
    stable: await endUnderLock(ctx, config, origin),
    incident: origin.incident
  }));
}
async function endMonitoringUnderLock(ctx, config, origin, state) {
  const pipeline2 = state.pipelines[String(origin.pr.number)];
  if (!pipeline2 || monitoringPhase(pipeline2, ctx.clock()) !== "due") return state;
  return recordStable(ctx, config, state, pipeline2, origin.incident);
}
async function endUnderLock(ctx, config, origin) {
  const timeline = await readTimeline(ctx, origin.issue);
  if (!timeline.state) return false;
  const next = await endMonitoringUnderLock(ctx, config, origin, timeline.state);
  if (next === timeline.state) return false;
  await writeTimeline(ctx, origin.issue, timeline.commentId, next);
  return true;
}

// src/deploy/rollback-command.ts
import { z as z10 } from "zod";

// src/deploy/notify-monitoring-outcome.ts
async function notifyMonitoringDone(ctx, config, incident, pr) {
  if (incident === null || !notificationsWanted(config, "monitoring-done")) return void 0;
  const notified = await notifyMilestone(ctx, config, incident, "monitoring-done", (state) => {
    const monitor = state.pipelines[String(pr)]?.monitor;
    if (monitor?.stableAt === void 0) return null;
    return {
      summary: `No rollback in the monitoring window after the deploy of PR #${pr}: stable since ${monitor.until}`,
      at: monitor.stableAt
    };
  });
  return notified.timeline;
}
async function notifyRollbackAsked(ctx, config, incident, pr) {
  if (incident === null || !notificationsWanted(config, "rollback")) return void 0;
  const notified = await notifyMilestone(
    ctx,
    config,
    incident,
    "rollback",
    (state) => rollbackAskedDetails(state, pr)
  );
  return notified.timeline;
}
function rollbackAskedDetails(state, pr) {
  const pipeline2 = state.pipelines[String(pr)];
  const trigger = pipeline2?.rollbackBy;
  const revert = pipeline2?.deploy?.rollback;
  if (!trigger || !revert) return null;
  return {
    summary: `Rollback of PR #${pr}: ${triggerText(trigger)}; ${revertOutcome(revert)}`,
    at: trigger.at,
    links: revertLinks(revert)
  };
}

// src/deploy/rollback-command.ts
var ROLLBACK_REASON_MAX = 300;
var commentShape3 = z10.object({
  action: z10.literal("created"),
  issue: z10.object({ number: z10.number().int().positive(), pull_request: z10.unknown().optional() }),
  comment: z10.object({
    id: z10.number().int().positive(),
    body: z10.string().max(65536),
    created_at: z10.string().optional(),
    user: z10.object({ id: z10.number().int().positive(), login: z10.string(), type: z10.string() })
  })
});
function parseRollbackCommand(payload) {
  const parsed = commentShape3.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const first = (parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "").trim();
  const match = /^\/rollback(?:[ \t]+(.*))?$/.exec(first);
  if (!match) return null;
  return {
    issue: parsed.data.issue.number,
    onPull: parsed.data.issue.pull_request !== void 0 && parsed.data.issue.pull_request !== null,
    reason: (match[1] ?? "").trim(),
    commenter: parsed.data.comment.user.login,
    commenterId: parsed.data.comment.user.id,
    commentId: parsed.data.comment.id,
    at: parsed.data.comment.created_at ?? null
  };
}
function rollbackReplyMarker(commentId) {
  return `<!-- hotfix-bot:rollback-reply ${JSON.stringify({ comment: commentId })} -->`;
}
async function targetOf(ctx, config, command) {
  if (command.onPull) return readMergedHotfix(ctx, config, command.issue);
  const { state } = await readTimeline(ctx, command.issue);
  if (!state?.detectedAt) return null;
  const latest = Object.values(state.pipelines).sort(
    (a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt)
  )[0];
  return latest ? readMergedHotfix(ctx, config, latest.pr) : null;
}
async function runRollbackCommand(command, ctx) {
  const marker = rollbackReplyMarker(command.commentId);
  const reply = (issue, body) => ensureBotComment(ctx, issue, marker, `${marker}
${body}`);
  const account2 = { id: command.commenterId, login: command.commenter };
  if (!await new WriteAccessCache(ctx).hasWrite(account2)) {
    const refused2 = refusalMarker(command.commenterId);
    await withIncidentLock(
      ctx,
      command.issue,
      () => ensureBotComment(
        ctx,
        command.issue,
        refused2,
        `${refused2}
@${command.commenter} only people with write access can ask for a rollback; nothing was done.`
      )
    );
    return { kind: "refused" };
  }
  const reject = async (why) => {
    await reply(command.issue, why);
    return { kind: "rejected", why };
  };
  if (command.reason.length > ROLLBACK_REASON_MAX)
    return reject(
      `\`/rollback\`: keep the reason within ${ROLLBACK_REASON_MAX} characters; nothing was done.`
    );
  const loaded = await ctx.config();
  if (!loaded.ok) return reject(`\`/rollback\` cannot run: ${escapeMarkdown(loaded.error.message)}`);
  const config = loaded.config;
  const pr = await targetOf(ctx, config, command);
  if (!pr)
    return reject(
      "`/rollback` works on a merged hotfix pull request into a production branch, or on its incident; nothing was done."
    );
  return withMergedHotfixRecord(ctx, pr, async (origin) => {
    const timeline = await readTimeline(ctx, origin.issue);
    const pipeline2 = timeline.state?.pipelines[String(pr.number)];
    if (!timeline.state || !pipeline2)
      return reject(
        `\`/rollback\`: #${pr.number} merged, but its after-merge record is not written yet; say it again in a minute.`
      );
    if (rollbackComplete(pipeline2.deploy)) {
      if (pipeline2.rollbackBy?.commentId === command.commentId)
        return { kind: "already", pr: pr.number, incident: origin.incident };
      const revert2 = pipeline2.deploy?.rollback;
      const where = revert2?.pr ? `: revert PR #${revert2.pr}` : "";
      const why = pipeline2.rollbackBy ? triggerText(pipeline2.rollbackBy) : "its deployment failed";
      await reply(
        command.issue,
        `#${pr.number} is already being rolled back (${escapeMarkdown(why)})${where}.`
      );
      return { kind: "already", pr: pr.number, incident: origin.incident };
    }
    const state = await rollBackOnCommand(ctx, config, command, origin, timeline.state);
    const written = await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    const revert = state.pipelines[String(pr.number)]?.deploy?.rollback;
    if (command.issue !== origin.issue && revert?.pr)
      await reply(
        command.issue,
        `Rolling back #${pr.number}: revert PR #${revert.pr}; incident #${origin.issue} is escalated.`
      ).catch((error) => {
        throw writtenBefore(error, { timeline: written.markdown });
      });
    return {
      kind: "rolled-back",
      pr: pr.number,
      incident: origin.incident,
      state,
      timeline: written.markdown
    };
  });
}
async function rollBackOnCommand(ctx, config, command, origin, read) {
  const n2 = origin.pr.number;
  let state = await endMonitoringUnderLock(ctx, config, origin, read);
  const pipeline2 = state.pipelines[String(n2)];
  if (!pipeline2) return state;
  const at = validTime4(command.at) ?? ctx.clock().toISOString();
  const trigger = pipeline2.rollbackBy ?? {
    kind: "command",
    at,
    by: command.commenter,
    byId: command.commenterId,
    reason: command.reason,
    commentId: command.commentId
  };
  state = {
    ...state,
    pipelines: { ...state.pipelines, [String(n2)]: { ...pipeline2, rollbackBy: trigger } }
  };
  state = addEntry(state, {
    key: `rollback-asked-${n2}`,
    at: trigger.at,
    text: `Rollback of #${n2}: ${triggerText(trigger)}`
  });
  const tag = pipeline2.tag ?? origin.pr.mergeSha.slice(0, 7);
  return rollBack(ctx, config, state, origin, state.pipelines[String(n2)] ?? pipeline2, {
    tag,
    environment: pipeline2.deploy?.environment?.name ?? "",
    state: "rollback",
    description: command.reason,
    logUrl: null,
    trigger
  });
}
function validTime4(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}
var rollbackCommandRoute = {
  step: "rollback-command",
  long: true,
  triggers: [{ event: "issue_comment", actions: ["created"] }],
  match(event) {
    return event.name === "issue_comment" ? parseRollbackCommand(event.payload) : null;
  },
  async run(command, ctx) {
    const outcome = await runRollbackCommand(command, ctx);
    ctx.log.info(`/rollback by ${command.commenter} on #${command.issue}: ${outcome.kind}`);
    let timeline = outcome.kind === "rolled-back" ? outcome.timeline : void 0;
    if (outcome.kind === "rolled-back" || outcome.kind === "already") {
      const loaded = await ctx.config();
      if (loaded.ok)
        timeline = await notifyRollbackAsked(ctx, loaded.config, outcome.incident, outcome.pr) ?? timeline;
    }
    return timeline === void 0 ? void 0 : { timeline };
  }
};

// src/deploy/monitoring-due-route.ts
var isObject = (value) => typeof value === "object" && value !== null;
function incidentActivityFrom(event) {
  const payload = event.payload;
  if (!isObject(payload) || !isObject(payload.issue) || !isObject(payload.sender)) return null;
  if (payload.sender.type === "Bot") return null;
  if (event.name === "issue_comment") {
    if (payload.action !== "created" || parseRollbackCommand(payload) !== null) return null;
  } else if (event.name !== "issues" || !["labeled", "unlabeled", "reopened"].includes(String(payload.action))) {
    return null;
  }
  const { number, labels } = payload.issue;
  if (typeof number !== "number" || !Array.isArray(labels) || labels.length === 0) return null;
  const names = labels.flatMap(
    (label) => isObject(label) && typeof label.name === "string" ? [label.name] : []
  );
  return { issue: number, labels: names };
}
var monitoringDueRoute = {
  step: "monitoring-due",
  triggers: [
    { event: "issue_comment", actions: ["created"] },
    { event: "issues", actions: ["labeled", "unlabeled", "reopened"] }
  ],
  match: incidentActivityFrom,
  async run(activity, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok || !loaded.config.monitoring.enabled) return void 0;
    if (severityFromLabels(activity.labels, loaded.config) === null) return void 0;
    const config = loaded.config;
    return withIncidentLock(ctx, activity.issue, async () => {
      const timeline = await readTimeline(ctx, activity.issue);
      if (!timeline.state?.detectedAt) return void 0;
      let state = timeline.state;
      for (const pipeline2 of Object.values(timeline.state.pipelines)) {
        if (monitoringPhase(pipeline2, ctx.clock()) === "due")
          state = await recordStable(ctx, config, state, pipeline2, activity.issue);
      }
      if (state === timeline.state) return void 0;
      const written = await writeTimeline(ctx, activity.issue, timeline.commentId, state);
      return { timeline: written.markdown };
    });
  }
};

// src/deploy/rollback-check-route.ts
var NOT_FAILING = /* @__PURE__ */ new Set(["success", "neutral", "skipped"]);
var isObject2 = (value) => typeof value === "object" && value !== null;
var str = (value) => typeof value === "string" ? value : null;
var account = (value) => isObject2(value) && typeof value.id === "number" && typeof value.login === "string" ? { id: value.id, login: value.login } : null;
function failedCheckFrom(event) {
  const payload = event.payload;
  if (!isObject2(payload)) return null;
  if (event.name === "check_run") {
    const run2 = payload.check_run;
    if (payload.action !== "completed" || !isObject2(run2)) return null;
    const conclusion = str(run2.conclusion);
    const sha = str(run2.head_sha);
    const name = str(run2.name);
    if (!conclusion || NOT_FAILING.has(conclusion) || !sha || !name) return null;
    const app = isObject2(run2.app) && typeof run2.app.id === "number" ? run2.app : null;
    return {
      sha,
      name,
      conclusion,
      app: app ? { id: app.id, slug: str(app.slug) ?? "" } : null,
      creator: null
    };
  }
  if (event.name === "status") {
    const state = str(payload.state);
    const sha = str(payload.sha);
    const name = str(payload.context);
    if (state !== "failure" && state !== "error" || !sha || !name) return null;
    return { sha, name, conclusion: state, app: null, creator: account(payload.sender) };
  }
  return null;
}
function rollbackCheckFor(check, rollbackOn) {
  const run2 = {
    id: 0,
    name: check.name,
    status: "completed",
    conclusion: check.conclusion,
    startedAt: null,
    completedAt: null,
    app: check.app,
    creator: check.creator
  };
  return rollbackOn.find((entry2) => {
    if (!matchesCheckName(entry2.name, check.name)) return false;
    if (entry2.app !== null) return reportedBy(run2, entry2.app);
    if (entry2.creator !== null) return createdBy(run2, entry2.creator);
    return true;
  }) ?? null;
}
async function mergedHotfixAt(ctx, config, sha) {
  const { data } = await ctx.octokit.rest.repos.listPullRequestsAssociatedWithCommit({
    ...ctx.repo,
    commit_sha: sha,
    per_page: 10
  });
  for (const raw of data) {
    const pr = mergedPullRequestFrom(raw);
    if (pr && pr.mergeSha === sha && isMergedHotfix(pr, config)) return pr;
  }
  return null;
}
async function handleFailedCheck(ctx, config, check) {
  if (!rollbackCheckFor(check, config.monitoring.rollbackOn)) return { kind: "not-watched" };
  const pr = await mergedHotfixAt(ctx, config, check.sha);
  if (!pr) return { kind: "not-watched" };
  return withMergedHotfixRecord(ctx, pr, async (origin) => {
    const timeline = await readTimeline(ctx, origin.issue);
    const pipeline2 = timeline.state?.pipelines[String(pr.number)];
    if (!timeline.state || !pipeline2 || pipeline2.monitor?.sha !== check.sha) return { kind: "not-watched" };
    const phase = monitoringPhase(pipeline2, ctx.clock());
    if (phase !== "open") {
      const next = await endMonitoringUnderLock(ctx, config, origin, timeline.state);
      const over = { kind: "window-over", pr: pr.number, incident: origin.incident };
      if (next === timeline.state) return over;
      const written2 = await writeTimeline(ctx, origin.issue, timeline.commentId, next);
      return { ...over, timeline: written2.markdown };
    }
    const at = ctx.clock().toISOString();
    const trigger = { kind: "check", at, by: check.name, reason: check.conclusion };
    let state = {
      ...timeline.state,
      pipelines: { ...timeline.state.pipelines, [String(pr.number)]: { ...pipeline2, rollbackBy: trigger } }
    };
    state = addEntry(state, {
      key: `rollback-asked-${pr.number}`,
      at,
      text: `Rollback of #${pr.number} at ${utcClock(at)} (UTC): ${triggerText(trigger)}`
    });
    state = await rollBack(ctx, config, state, origin, state.pipelines[String(pr.number)] ?? pipeline2, {
      tag: pipeline2.tag ?? pr.mergeSha.slice(0, 7),
      environment: pipeline2.deploy?.environment?.name ?? "",
      state: check.conclusion,
      description: "",
      logUrl: null,
      trigger
    });
    const written = await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    return { kind: "rolled-back", pr: pr.number, incident: origin.incident, timeline: written.markdown };
  });
}
var rollbackCheckRoute = {
  step: "rollback-check",
  long: true,
  triggers: [{ event: "check_run", actions: ["completed"] }, { event: "status" }],
  match: failedCheckFrom,
  async run(check, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok || loaded.config.monitoring.rollbackOn.length === 0) return void 0;
    const outcome = await handleFailedCheck(ctx, loaded.config, check);
    if (outcome.kind === "not-watched") return void 0;
    ctx.log.info(`${check.name} ${check.conclusion} on ${check.sha}: ${outcome.kind}`);
    const notified = outcome.kind === "rolled-back" ? await notifyRollbackAsked(ctx, loaded.config, outcome.incident, outcome.pr) : await notifyMonitoringDone(ctx, loaded.config, outcome.incident, outcome.pr);
    const timeline = notified ?? outcome.timeline;
    return timeline === void 0 ? void 0 : { timeline };
  }
};

// src/rules/branch.ts
var short2 = (sha) => sha.slice(0, 7);
function developOnlyCommits(lineage) {
  if (lineage.notInProduction === "unrelated") return [];
  const notInDevelop = lineage.notInDevelop;
  if (notInDevelop === "no-develop") return [];
  if (notInDevelop === "unrelated") return [];
  const lacking = new Set(notInDevelop.shas);
  return lineage.notInProduction.shas.filter((sha) => !lacking.has(sha));
}
function checkBranch(facts2, config) {
  const { headRef, baseRef, lineage } = facts2;
  const onLine = isProductionLine(config, baseRef);
  const production = onLine ? baseRef : config.productionBranch;
  const develop = config.developBranch;
  const problems = [];
  const details = [];
  const pattern = matchingBranchPattern(headRef, config.branches.patterns);
  if (pattern === null) {
    problems.push(`head branch "${headRef}" matches none of ${config.branches.patterns.join(", ")}`);
    for (const p of config.branches.patterns) {
      const problem = branchPatternProblems(p);
      if (problem) details.push(`pattern "${p}" is unusable: ${problem}`);
    }
  }
  if (!onLine) {
    const lines = config.productionBranches.join(", ");
    problems.push(`targets ${baseRef}, not a production branch (${lines})`);
  }
  const notInProduction = lineage.notInProduction;
  if (notInProduction === "unrelated") {
    problems.push(`shares no history with ${production}`);
  } else if (!notInProduction.complete) {
    problems.push(
      `carries more than ${notInProduction.shas.length} commits that ${production} lacks; cut it from ${production}`
    );
  } else {
    const developOnly = developOnlyCommits(lineage);
    const notInDevelop = lineage.notInDevelop;
    if (developOnly.length > 0 && typeof notInDevelop === "object" && !notInDevelop.complete) {
      problems.push(`could not verify it carries nothing from ${develop}: too many commits to compare`);
    } else if (developOnly.length > 0) {
      const listed = developOnly.slice(0, 3).map(short2).join(", ");
      const more = developOnly.length > 3 ? `, \u2026 (${developOnly.length})` : "";
      problems.push(
        `carries ${developOnly.length === 1 ? "a commit" : `${developOnly.length} commits`} from ${develop} that ${production} lacks (${listed}${more}); cut it from ${production}`
      );
      for (const sha of developOnly) details.push(`commit ${sha} is on ${develop}, not on ${production}`);
    }
  }
  if (problems.length > 0) {
    return { rule: "branch", label: "Branch", state: "fail", reason: problems.join("; "), details };
  }
  const developNote = lineage.notInDevelop === "no-develop" ? ` (no ${develop} branch to compare with)` : "";
  return {
    rule: "branch",
    label: "Branch",
    state: "pass",
    reason: `${headRef} matches ${pattern}, cut from ${production}${developNote}`
  };
}

// src/rules/conflict-markers.ts
var OPENING = /^<{7}(?:[ \t].*)?$/;
var CLOSING2 = /^>{7}(?:[ \t].*)?$/;
var SEPARATOR = /^={7}[ \t]*$/;
var HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/;
var UNDERLINED_HEADINGS = /\.(?:md|markdown|mdx|rst|adoc|asciidoc|txt)$/i;
function conflictMarkersIn(file) {
  if (!file.patch) return [];
  const separatorCounts = !UNDERLINED_HEADINGS.test(file.filename);
  const found = [];
  let line2 = 0;
  for (const raw of file.patch.split("\n")) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      line2 = Number(hunk[1]);
      continue;
    }
    const sign = raw[0];
    if (sign === "+") {
      const text2 = raw.slice(1).replace(/\r$/, "");
      if (OPENING.test(text2) || CLOSING2.test(text2) || separatorCounts && SEPARATOR.test(text2)) {
        found.push({ file: file.filename, line: line2, marker: text2.slice(0, 7) });
      }
      line2 += 1;
    } else if (sign === " " || sign === void 0) {
      line2 += 1;
    }
  }
  return found;
}
function uncheckedFiles(files) {
  return files.filter((f) => !f.patch && f.status !== "removed" && f.additions > 0).map((f) => f.filename);
}
function checkConflictMarkers(files, listComplete) {
  const markers = files.flatMap((file) => conflictMarkersIn(file));
  const base = { rule: "conflict-markers", label: "Conflict markers" };
  if (markers.length > 0) {
    const where = markers.slice(0, 3).map((m) => `${m.file}:${m.line}`).join(", ");
    const more = markers.length > 3 ? `, \u2026 (${markers.length})` : "";
    return {
      ...base,
      state: "fail",
      reason: `${markers.length === 1 ? "a conflict marker" : `${markers.length} conflict markers`} added: ${where}${more}`,
      details: markers.map((m) => `${m.file}:${m.line}: ${m.marker}`)
    };
  }
  const unchecked = uncheckedFiles(files);
  if (unchecked.length > 0 || !listComplete) {
    const parts = [];
    if (unchecked.length > 0) {
      const named2 = unchecked.slice(0, 3).join(", ");
      const more = unchecked.length > 3 ? `, \u2026 (${unchecked.length})` : "";
      parts.push(`not checked: ${named2}${more} (no patch: too large to show)`);
    }
    if (!listComplete) parts.push(`only the first ${files.length} files could be listed`);
    return {
      ...base,
      state: "warn",
      reason: `none found; ${parts.join("; ")}`,
      details: unchecked.map((f) => `${f}: not checked (no patch)`)
    };
  }
  return { ...base, state: "pass", reason: "none added" };
}

// src/rules/diff-budget.ts
function checkDiffBudget(size, config) {
  const { maxFiles, maxLines, mode } = config.diffBudget;
  const lines = size.additions + size.deletions;
  const measured = `${size.files} file${size.files === 1 ? "" : "s"}, ${lines} line${lines === 1 ? "" : "s"} changed`;
  const over = [];
  if (size.files > maxFiles) over.push(`more than ${maxFiles} files`);
  if (lines > maxLines) over.push(`more than ${maxLines} lines`);
  if (over.length === 0) {
    return {
      rule: "diff-budget",
      label: "Diff budget",
      state: "pass",
      reason: `${measured} (budget ${maxFiles} files, ${maxLines} lines)`
    };
  }
  return {
    rule: "diff-budget",
    label: "Diff budget",
    state: mode === "fail" ? "fail" : "warn",
    reason: `${measured}: ${over.join(" and ")} (diffBudget.mode is ${mode})`
  };
}

// src/rules/fast-track.ts
var hhmm = (iso2) => `${iso2.slice(11, 16)} UTC`;
function startOrNow(recorded, now) {
  const t = recorded === null ? Number.NaN : Date.parse(recorded);
  return Number.isNaN(t) ? now.getTime() : t;
}
function decideFastTrack(input) {
  const { approvals, timeoutMinutes } = input;
  const unchanged = { approvals, clock: null };
  if (timeoutMinutes === null || approvals.state !== "pending") return unchanged;
  if (input.draft) return unchanged;
  if (input.otherRows.some((row) => row.state === "fail" || row.state === "pending")) return unchanged;
  if (!input.timelineAvailable) {
    return {
      approvals: {
        ...approvals,
        reason: `${approvals.reason}; no fast-track: the PR is not linked to an incident whose timeline can hold its clock`
      },
      clock: null
    };
  }
  const sinceMs = Math.max(
    startOrNow(input.recorded.run, input.now),
    startOrNow(input.recorded.timeline, input.now)
  );
  const since = new Date(sinceMs).toISOString();
  const dueMs = sinceMs + timeoutMinutes * 6e4;
  const dueAt = new Date(dueMs).toISOString();
  const fired = input.now.getTime() >= dueMs;
  const clock = { since, dueAt, minutes: timeoutMinutes, fired };
  if (fired) {
    return {
      approvals: {
        ...approvals,
        state: "pass",
        reason: `fast-tracked after ${timeoutMinutes} min without review (ready with every other row passing since ${hhmm(since)}); a post-deploy review follow-up will be opened`
      },
      clock
    };
  }
  return {
    approvals: {
      ...approvals,
      reason: `${approvals.reason}; fast-track at ${hhmm(dueAt)} (${timeoutMinutes} min without review) unless someone reviews or pushes`
    },
    clock
  };
}

// src/gate/gate-check-name.ts
var GATE_CHECK_NAME = "hotfix-gate";

// src/gate/evaluate-gate.ts
function isHotfixPullRequest(pr, config) {
  return isHotfixFamilyBranch(pr.headRef, config.branches.patterns) || severityFromLabels(pr.labels, config) !== null;
}
var lower = (rows) => rows.map((row) => row.label.toLowerCase()).join(", ");
function verdict(rows) {
  const failed = rows.filter((row) => row.state === "fail");
  const pending = rows.filter((row) => row.state === "pending");
  const warned = rows.filter((row) => row.state === "warn");
  if (failed.length > 0) {
    return {
      status: "completed",
      conclusion: "failure",
      title: `Failed: ${lower(failed)}`,
      headline: `The hotfix gate failed on ${failed.length} of ${rows.length} criteria.`
    };
  }
  if (pending.length > 0) {
    return {
      status: "in_progress",
      conclusion: null,
      title: `Waiting for ${lower(pending)}`,
      headline: `The hotfix gate is waiting on ${pending.length} of ${rows.length} criteria.`
    };
  }
  return {
    status: "completed",
    conclusion: "success",
    title: warned.length > 0 ? `Passed with ${warned.length} warning${warned.length === 1 ? "" : "s"}: ${lower(warned)}` : `Passed: all ${rows.length} criteria met`,
    headline: `The hotfix gate passed${warned.length > 0 ? "; look at the warnings below" : ""}.`
  };
}
function evaluateGate(facts2, config, fastTrack = null) {
  const { pr } = facts2;
  const resolved = resolveSeverity({ prLabels: pr.labels, incident: facts2.incident }, config);
  const approvals = checkApprovals(facts2.approvals, resolved.severity, config);
  const [critical, security] = checkRequiredChecks(facts2.checkRuns, config, GATE_CHECK_NAME);
  const listed = facts2.files.list;
  const size = pr.size ?? {
    files: listed.length,
    additions: listed.reduce((sum, f) => sum + f.additions, 0),
    deletions: listed.reduce((sum, f) => sum + f.deletions, 0)
  };
  const { approvedBy, ...approvalRow } = approvals;
  const otherRows = [
    checkTitle(pr.title, config),
    checkBranch({ headRef: pr.headRef, baseRef: pr.baseRef, lineage: facts2.lineage }, config),
    severityRow(resolved, config),
    critical,
    security,
    checkDiffBudget(size, config),
    checkConflictMarkers(listed, facts2.files.complete)
  ];
  const decided = fastTrack ? decideFastTrack({
    timeoutMinutes: config.approvals[resolved.severity].timeoutMinutes,
    approvals: approvalRow,
    otherRows,
    draft: pr.draft,
    ...fastTrack
  }) : { approvals: approvalRow, clock: null };
  const rows = [...otherRows.slice(0, 3), decided.approvals, ...otherRows.slice(3)];
  return {
    ...verdict(rows),
    rows,
    severity: resolved.severity,
    jiraKey: jiraKeyOf(pr.title, config),
    approvedBy,
    ...decided.clock ? { fastTrack: { ...decided.clock, head: pr.headSha } } : {}
  };
}
function mayFastTrack(evaluation, pr, config) {
  if (evaluation.severity === null || config.approvals[evaluation.severity].timeoutMinutes === null)
    return false;
  if (pr.draft) return false;
  const approvals = evaluation.rows.find((row) => row.rule === "approvals");
  const others = evaluation.rows.filter((row) => row.rule !== "approvals");
  return approvals?.state === "pending" && others.every((row) => row.state === "pass" || row.state === "warn");
}
function notHotfixEvaluation(pr, config) {
  return {
    status: "completed",
    conclusion: "neutral",
    title: "Not a hotfix PR",
    headline: `Head branch "${pr.headRef}" is not a hotfix branch (${config.branches.patterns.join(", ")}) and the PR has no severity label, so the hotfix gate does not apply.`,
    rows: [],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
function forkEvaluation(pr) {
  const where = pr.headRepoName ? `the fork ${pr.headRepoName}` : "a fork (since deleted)";
  return {
    status: "completed",
    conclusion: "failure",
    title: "Hotfix PRs cannot come from a fork",
    headline: `This PR's head branch "${pr.headRef}" lives in ${where}, not in this repository, so it cannot be a hotfix PR.`,
    rows: [
      {
        rule: "branch",
        label: "Branch",
        state: "fail",
        reason: `${pr.headRef} is from ${where}: push the change to a branch of this repository and open the hotfix PR from there`
      }
    ],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
function configErrorEvaluation(error) {
  return {
    status: "completed",
    conclusion: "failure",
    title: `Invalid configuration: ${error.file}`,
    headline: `${error.file} cannot be used, so no hotfix can pass the gate until it is fixed.`,
    rows: [
      {
        rule: "config",
        label: "Configuration",
        state: "fail",
        reason: error.message,
        details: error.problems.map((p) => p.path ? `${p.path}: ${p.message}` : p.message)
      }
    ],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}

// src/gate/fast-track-marker.ts
var PREFIX2 = "<!-- hotfix-bot:fast-track ";
var LINE = /^<!-- hotfix-bot:fast-track (\{[^<>\n]*\}) -->/;
function fastTrackRunMarker(head, since) {
  return `${PREFIX2}${JSON.stringify({ head, since })} -->`;
}
function fastTrackMarkerLine(text2) {
  return LINE.exec(text2 ?? "")?.[0] ?? null;
}
function fastTrackStartInRun(text2, head) {
  const match = LINE.exec(text2 ?? "");
  if (!match) return null;
  try {
    const data = JSON.parse(match[1]);
    if (typeof data !== "object" || data === null) return null;
    const record = data;
    if (record.head !== head || typeof record.since !== "string") return null;
    return Number.isNaN(Date.parse(record.since)) ? null : record.since;
  } catch {
    return null;
  }
}

// src/gate/fast-track-clock.ts
async function readFastTrackRecords(ctx, pr, headRun) {
  const { incident, timeline } = await incidentOfPull(ctx, pr);
  const record = timeline?.state?.fastTrack?.[String(pr.number)];
  return {
    incident,
    facts: {
      recorded: {
        run: fastTrackStartInRun(headRun?.text, pr.headSha),
        timeline: record?.head === pr.headSha ? record.since : null
      },
      timelineAvailable: incident !== null && timeline?.state != null,
      now: ctx.clock()
    }
  };
}
var short3 = (sha) => sha.slice(0, 7);
var hhmm2 = (iso2) => `${iso2.slice(11, 16)} UTC`;
function fastTrackRecorded(record, head, clock) {
  return record?.head === head && record.since === clock.since && record.minutes === clock.minutes && (!clock.fired || record.firedAt !== void 0);
}
async function recordFastTrack(ctx, incident, pr, clock) {
  return withIncidentLock(ctx, incident, async () => {
    const timeline = await readTimeline(ctx, incident);
    if (!timeline.state) return void 0;
    const key = String(pr.number);
    const previous = timeline.state.fastTrack?.[key];
    if (fastTrackRecorded(previous, pr.headSha, clock)) return void 0;
    const sameStart = previous?.head === pr.headSha && previous.since === clock.since;
    const firedBefore = sameStart ? previous.firedAt : void 0;
    const firedAt = firedBefore ?? (clock.fired ? ctx.clock().toISOString() : void 0);
    const record = {
      head: pr.headSha,
      since: clock.since,
      minutes: clock.minutes,
      ...firedAt ? { firedAt } : {}
    };
    let state = {
      ...timeline.state,
      fastTrack: { ...timeline.state.fastTrack, [key]: record }
    };
    if (!sameStart) {
      state = addEntry(state, {
        key: `fast-track-${pr.number}-${short3(pr.headSha)}`,
        at: clock.since,
        text: `Fast-track clock started for #${pr.number} at ${short3(pr.headSha)} (ready for review, every other gate row passing): the approval requirement lapses at ${hhmm2(clock.dueAt)} (${clock.minutes} min) unless someone reviews or pushes`
      });
    }
    if (firedAt && !firedBefore) {
      state = addEntry(state, {
        key: `fast-tracked-${pr.number}-${short3(pr.headSha)}`,
        at: firedAt,
        text: `#${pr.number} fast-tracked after ${clock.minutes} min without review: its approvals row passed, and a post-deploy review follow-up opens at merge`
      });
    }
    return (await writeTimeline(ctx, incident, timeline.commentId, state)).markdown;
  });
}

// src/gate/list-commit-statuses.ts
var MAX_STATUS_PAGES = 10;
async function listCommitStatuses(ctx, sha) {
  const { items } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}/statuses", {
      ...ctx.repo,
      ref: sha,
      per_page: PER_PAGE2
    }),
    MAX_STATUS_PAGES
  );
  return items.map(
    (status) => statusAsCheckRun({
      id: Number(status.id),
      context: status.context,
      state: status.state,
      createdAt: status.created_at ?? null,
      creator: status.creator ? { id: status.creator.id, login: status.creator.login } : null
    })
  );
}

// src/gate/pull-request-data.ts
var isObject3 = (value) => typeof value === "object" && value !== null;
var str2 = (value) => typeof value === "string" ? value : null;
var num = (value) => typeof value === "number" && Number.isFinite(value) ? value : null;
function pullRequestFrom(raw) {
  if (!isObject3(raw) || !isObject3(raw.head) || !isObject3(raw.base)) return null;
  const number = num(raw.number);
  const headRef = str2(raw.head.ref);
  const headSha = str2(raw.head.sha);
  const baseRef = str2(raw.base.ref);
  if (number === null || headRef === null || headSha === null || baseRef === null) return null;
  const labels = Array.isArray(raw.labels) ? raw.labels.flatMap((label) => {
    const name = isObject3(label) ? str2(label.name) : null;
    return name === null ? [] : [name];
  }) : [];
  const files = num(raw.changed_files);
  const additions = num(raw.additions);
  const deletions = num(raw.deletions);
  const headRepo = isObject3(raw.head.repo) ? num(raw.head.repo.id) : null;
  const baseRepo = isObject3(raw.base.repo) ? num(raw.base.repo.id) : null;
  return {
    number,
    title: str2(raw.title) ?? "",
    body: str2(raw.body),
    author: isObject3(raw.user) ? str2(raw.user.login) : null,
    authorId: isObject3(raw.user) ? num(raw.user.id) : null,
    headRef,
    headSha,
    baseRef,
    labels,
    state: str2(raw.state) ?? "open",
    draft: raw.draft === true,
    size: files !== null && additions !== null && deletions !== null ? { files, additions, deletions } : null,
    commitCount: num(raw.commits),
    // A deleted fork leaves `head.repo` null: that is still not this repository.
    fromFork: baseRepo === null ? null : headRepo !== baseRepo,
    headRepoName: isObject3(raw.head.repo) ? str2(raw.head.repo.full_name) : null
  };
}

// src/gate/gather-facts.ts
var MAX_CHECK_RUN_PAGES2 = 10;
var MAX_FILE_PAGES = 10;
var MAX_COMPARE_PAGES = 3;
async function listCheckRuns(ctx, sha, options = {}) {
  const { owner, repo } = ctx.repo;
  const identity = await ctx.identity();
  const { items } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
      owner,
      repo,
      ref: sha,
      per_page: PER_PAGE2,
      filter: "latest",
      ...options.onlyGate ? { check_name: GATE_CHECK_NAME, app_id: identity.appId } : {}
    }),
    MAX_CHECK_RUN_PAGES2
  );
  const runs = items.map(checkRunFactOf);
  let gateRun = null;
  for (const run2 of items) {
    if (run2.name !== GATE_CHECK_NAME || !isOurCheckRun(run2, identity)) continue;
    if (gateRun && gateRun.id > Number(run2.id)) continue;
    gateRun = {
      id: Number(run2.id),
      status: run2.status,
      conclusion: run2.conclusion ?? null,
      title: run2.output?.title ?? null,
      summary: run2.output?.summary ?? null,
      text: run2.output?.text ?? null,
      url: run2.html_url ?? null
    };
  }
  return { runs, gateRun };
}
async function fetchPullRequest(ctx, number) {
  try {
    const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      ...ctx.repo,
      pull_number: number
    });
    return pullRequestFrom(data);
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
async function commitsNotIn(ctx, base, sha) {
  const shas = [];
  for (let page = 1; page <= MAX_COMPARE_PAGES; page += 1) {
    let data;
    try {
      ({ data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/compare/{basehead}", {
        ...ctx.repo,
        basehead: `${base}...${sha}`,
        per_page: PER_PAGE2,
        page
      }));
    } catch (error) {
      if (httpStatus(error) === 404) return "unrelated";
      throw error;
    }
    shas.push(...data.commits.map((c) => c.sha));
    if (shas.length >= data.total_commits || data.commits.length < PER_PAGE2) {
      return { shas, complete: shas.length >= data.total_commits };
    }
  }
  return { shas, complete: false };
}
async function lineageOf(ctx, pr, config) {
  const [notInProduction, notInDevelop] = await Promise.all([
    // The PR's own production line: a hotfix into release/1.x is cut from release/1.x, not from main.
    commitsNotIn(ctx, pr.baseRef, pr.headSha),
    commitsNotIn(ctx, config.developBranch, pr.headSha)
  ]);
  return { notInProduction, notInDevelop: notInDevelop === "unrelated" ? "no-develop" : notInDevelop };
}
async function filesOf(ctx, number) {
  const { items, complete } = await collectPages(
    ctx.octokit.paginate.iterator("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      ...ctx.repo,
      pull_number: number,
      per_page: PER_PAGE2
    }),
    MAX_FILE_PAGES
  );
  const list2 = items.map((file) => ({
    filename: file.filename,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    changes: file.changes,
    patch: file.patch ?? null
  }));
  return { list: list2, complete };
}
async function incidentOf(ctx, pr, config) {
  if (severityFromLabels(pr.labels, config) !== null) return null;
  const { incident: number, refused: refused2 } = await incidentOfPull(ctx, pr);
  if (refused2 !== null) return { number: refused2, labels: null, unbound: true };
  if (number === null) return null;
  try {
    const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
      ...ctx.repo,
      issue_number: number
    });
    const labels = data.labels.flatMap((l) => {
      const name = typeof l === "string" ? l : l.name;
      return name ? [name] : [];
    });
    return { number, labels };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 404 || status === 410 || status === 301) return { number, labels: null };
    throw error;
  }
}
async function gatherFacts(ctx, pr, config, runSha = pr.headSha) {
  const anyRequired = config.checks.criticalTests.length + config.checks.securityScan.length > 0;
  const [files, lineage, headRuns, headStatuses, incident, runShaListing] = await Promise.all([
    filesOf(ctx, pr.number),
    lineageOf(ctx, pr, config),
    listCheckRuns(ctx, pr.headSha),
    anyRequired ? listCommitStatuses(ctx, pr.headSha) : Promise.resolve([]),
    incidentOf(ctx, pr, config),
    runSha === pr.headSha ? Promise.resolve(null) : listCheckRuns(ctx, runSha, { onlyGate: true })
  ]);
  const { severity: severity2 } = resolveSeverity({ prLabels: pr.labels, incident }, config);
  const author = pr.author !== null && pr.authorId !== null ? { login: pr.author, id: pr.authorId } : null;
  const approvals = await readApprovalFacts(
    ctx,
    { number: pr.number, headSha: pr.headSha, headRef: pr.headRef, author, commitCount: pr.commitCount },
    severity2,
    config
  );
  const complete = files.complete && (pr.size === null || files.list.length >= pr.size.files);
  return {
    facts: {
      pr,
      incident,
      approvals,
      files: { ...files, complete },
      lineage,
      checkRuns: [...headRuns.runs, ...headStatuses]
    },
    gateRun: runShaListing ? runShaListing.gateRun : headRuns.gateRun,
    // Our run on the PR head, where the fast-track clock is kept (see fast-track-marker.ts).
    headGateRun: headRuns.gateRun
  };
}

// src/gate/merge-queue-ref.ts
var QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9][0-9]{0,9})-[0-9a-f]{40}$/;
function mergeQueuePullNumber(headRef) {
  const digits = QUEUE_REF.exec(headRef)?.[1];
  if (digits === void 0) return null;
  const n2 = Number(digits);
  return Number.isSafeInteger(n2) ? n2 : null;
}
function branchOfRef(ref) {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
}

// src/gate/notify-gate-green.ts
async function notifyGateGreen(ctx, config, pr, checkUrl) {
  if (!notificationsWanted(config, "gate-green")) return void 0;
  let incident;
  try {
    ({ incident } = await incidentOfPull(ctx, pr));
  } catch (error) {
    ctx.log.warn(`gate-green notification for #${pr.number} skipped: ${String(error)}`);
    return void 0;
  }
  if (incident === null) return void 0;
  const notified = await notifyMilestone(ctx, config, incident, "gate-green", {
    summary: `hotfix-gate passed on PR #${pr.number} (${pr.headSha.slice(0, 7)}): it can be merged`,
    ...checkUrl ? { links: [{ label: "hotfix-gate", url: checkUrl }] } : {}
  });
  return notified.timeline;
}

// src/gate/render-gate.ts
var OUTPUT_LIMIT = 65535;
var TITLE_LIMIT = 200;
var REASON_LIMIT = 600;
var DETAIL_LIMIT = 300;
var DETAILS_PER_ROW = 50;
var ICON = { pass: "\u2705", fail: "\u274C", pending: "\u23F3", warn: "\u26A0\uFE0F" };
var BoundedLines = class {
  constructor(limit) {
    this.limit = limit;
  }
  limit;
  lines = [];
  length = 0;
  full = false;
  push(line2) {
    if (this.full) return;
    const marker = "\n_\u2026 cut to fit GitHub's output limit._";
    if (this.length + line2.length + 1 + marker.length > this.limit) {
      this.lines.push(marker.trimStart());
      this.full = true;
      return;
    }
    this.lines.push(line2);
    this.length += line2.length + 1;
  }
  toString() {
    return this.lines.join("\n");
  }
};
function renderGate(evaluation) {
  const summary2 = new BoundedLines(OUTPUT_LIMIT);
  summary2.push(escapeMarkdown(evaluation.headline));
  if (evaluation.rows.length > 0) {
    summary2.push("");
    summary2.push("| | Criterion | Result |");
    summary2.push("| :-: | --- | --- |");
    for (const row of evaluation.rows) {
      summary2.push(
        `| ${ICON[row.state]} | ${escapeTableCell(row.label)} | ${escapeTableCell(truncate(row.reason, REASON_LIMIT))} |`
      );
    }
  }
  const text2 = new BoundedLines(OUTPUT_LIMIT);
  if (evaluation.fastTrack)
    text2.push(fastTrackRunMarker(evaluation.fastTrack.head, evaluation.fastTrack.since));
  for (const row of evaluation.rows) {
    const details = row.details ?? [];
    if (details.length === 0) continue;
    text2.push(`**${escapeMarkdown(row.label)}**`);
    text2.push("");
    for (const line2 of details.slice(0, DETAILS_PER_ROW)) {
      text2.push(`- ${escapeTableCell(truncate(line2, DETAIL_LIMIT))}`);
    }
    if (details.length > DETAILS_PER_ROW) text2.push(`- \u2026 and ${details.length - DETAILS_PER_ROW} more`);
    text2.push("");
  }
  return {
    title: truncate(evaluation.title.replace(/\s+/g, " "), TITLE_LIMIT),
    summary: summary2.toString(),
    text: text2.toString().trimEnd()
  };
}

// src/gate/upsert-gate-check.ts
function planGateWrite(existing, evaluation, output) {
  if (!existing) return { kind: "create" };
  const same = existing.status === evaluation.status && (existing.conclusion ?? null) === (evaluation.conclusion ?? null) && (existing.title ?? "") === output.title && (existing.summary ?? "") === output.summary && (existing.text ?? "") === output.text;
  if (same) return { kind: "none", id: existing.id };
  const clock = evaluation.fastTrack;
  const sameClock = fastTrackMarkerLine(existing.text) === (clock ? fastTrackRunMarker(clock.head, clock.since) : null);
  if (existing.status === "in_progress" && evaluation.status === "in_progress" && existing.title === output.title && sameClock) {
    return { kind: "none", id: existing.id };
  }
  if (existing.status === "completed" && evaluation.status !== "completed") return { kind: "create" };
  return { kind: "update", id: existing.id };
}
function renderedGate(state, output) {
  return {
    status: state.status,
    conclusion: state.conclusion ?? null,
    title: output.title,
    markdown: output.text ? `${output.summary}

${output.text}` : output.summary
  };
}
function gateOutcome(evaluation, output, written) {
  return {
    gate: {
      conclusion: evaluation.conclusion ?? "pending",
      summary: output.title,
      ...written.url ? { url: written.url } : {},
      ...written.rendered ? { rendered: written.rendered } : {}
    }
  };
}
function runState2(evaluation, now) {
  return evaluation.status === "completed" ? { status: "completed", conclusion: evaluation.conclusion ?? "neutral", completed_at: now } : { status: "in_progress" };
}
async function upsertGateCheck(ctx, input) {
  const { existing, evaluation, output } = input;
  const plan = planGateWrite(existing, evaluation, output);
  if (plan.kind === "none")
    return { action: "unchanged", id: plan.id, url: existing?.url ?? null, rendered: null };
  const now = ctx.clock().toISOString();
  const state = runState2(evaluation, now);
  const rendered = renderedGate(state, output);
  try {
    const written = await writeGateCheck(ctx, { ...input, plan, state, now });
    return { ...written, rendered };
  } catch (error) {
    throw stoppedWith(error, gateOutcome(evaluation, output, { url: null, rendered }));
  }
}
async function writeGateCheck(ctx, input) {
  const { sha, existing, output, plan, state, now } = input;
  const { owner, repo } = ctx.repo;
  if (plan.kind === "create") {
    const created = await createOnce(
      async () => {
        const { data: data2 } = await ctx.octokit.request("POST /repos/{owner}/{repo}/check-runs", {
          owner,
          repo,
          name: GATE_CHECK_NAME,
          head_sha: sha,
          started_at: now,
          ...state,
          output,
          ...NO_BLIND_RETRY
        });
        return { id: Number(data2.id), url: data2.html_url ?? null };
      },
      async () => {
        const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
        return gateRun && gateRun.id > (existing?.id ?? 0) ? { id: gateRun.id, url: gateRun.url } : null;
      }
    );
    return { action: "created", ...created };
  }
  const { data } = await ctx.octokit.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
    owner,
    repo,
    check_run_id: plan.id,
    ...state,
    output
  });
  return { action: "updated", id: Number(data.id), url: data.html_url ?? null };
}

// src/gate/gate-route.ts
var GATE_TRIGGERS = [
  {
    event: "pull_request",
    actions: ["opened", "edited", "synchronize", "reopened", "labeled", "unlabeled", "ready_for_review"]
  },
  { event: "pull_request_review", actions: ["submitted", "dismissed"] },
  { event: "check_run", actions: ["completed", "rerequested"] },
  { event: "check_suite", actions: ["completed", "rerequested"] },
  { event: "merge_group", actions: ["checks_requested"] },
  // A commit status (Jenkins, Buildkite, deploy tools) on a hotfix PR's head; GitHub sends it without actions.
  { event: "status" }
];
var actionsOf = (event) => {
  const trigger = GATE_TRIGGERS.find((t) => t.event === event);
  return new Set(trigger?.actions);
};
var PR_ACTIONS = actionsOf("pull_request");
var REVIEW_ACTIONS = actionsOf("pull_request_review");
var isObject4 = (value) => typeof value === "object" && value !== null;
var str3 = (value) => typeof value === "string" ? value : null;
function defaultBranchOf(payload) {
  return isObject4(payload.repository) ? str3(payload.repository.default_branch) : null;
}
function associatedPulls(raw, sha) {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((pr) => {
    if (!isObject4(pr) || !isObject4(pr.head) || !isObject4(pr.base)) return [];
    const baseRef = str3(pr.base.ref);
    if (typeof pr.number !== "number" || baseRef === null || pr.head.sha !== sha) return [];
    return [{ number: pr.number, baseRef }];
  });
}
function matchGate(event) {
  const payload = event.payload;
  if (!isObject4(payload)) return null;
  const action = str3(payload.action);
  const defaultBranch = defaultBranchOf(payload);
  switch (event.name) {
    case "pull_request":
    case "pull_request_review": {
      const actions = event.name === "pull_request" ? PR_ACTIONS : REVIEW_ACTIONS;
      if (action === null || !actions.has(action)) return null;
      const pr = pullRequestFrom(payload.pull_request);
      if (pr?.state !== "open") return null;
      return { kind: "pull-request", pr, defaultBranch };
    }
    case "check_run": {
      const run2 = payload.check_run;
      if (!isObject4(run2)) return null;
      const name = str3(run2.name);
      const sha = str3(run2.head_sha);
      if (name === null || sha === null) return null;
      const ours = name === GATE_CHECK_NAME;
      if (!(action === "completed" && !ours || action === "rerequested" && ours)) return null;
      const prs = associatedPulls(run2.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: ours ? null : name, defaultBranch };
    }
    case "check_suite": {
      const suite = payload.check_suite;
      if (!isObject4(suite) || action !== "completed" && action !== "rerequested") return null;
      const sha = str3(suite.head_sha);
      if (sha === null) return null;
      const prs = associatedPulls(suite.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: null, defaultBranch };
    }
    case "status": {
      const sha = str3(payload.sha);
      const context = str3(payload.context);
      if (sha === null || !/^[0-9a-f]{40}$/.test(sha) || context === null) return null;
      return { kind: "status", sha, context, defaultBranch };
    }
    case "merge_group": {
      const group = payload.merge_group;
      if (action !== "checks_requested" || !isObject4(group)) return null;
      const sha = str3(group.head_sha);
      const baseRef = str3(group.base_ref);
      const headRef = str3(group.head_ref);
      if (sha === null || baseRef === null || headRef === null) return null;
      return {
        kind: "merge-group",
        sha,
        baseRef: branchOfRef(baseRef),
        pullNumber: mergeQueuePullNumber(headRef),
        defaultBranch
      };
    }
    default:
      return null;
  }
}
async function publish(ctx, sha, evaluate) {
  const key = `${ctx.repo.owner}/${ctx.repo.repo}@${sha}`;
  const locked = (task) => ctx.instancesLock ? ctx.instancesLock.run(`gate:${key}`, task) : task();
  return ctx.locks.gate.run(
    key,
    () => locked(async () => {
      const { evaluation, gateRun } = await evaluate();
      const output = renderGate(evaluation);
      const written = await upsertGateCheck(ctx, { sha, existing: gateRun, evaluation, output });
      ctx.log.info(`${GATE_CHECK_NAME} ${written.action} on ${sha.slice(0, 7)}: ${output.title}`);
      return {
        outcome: gateOutcome(evaluation, output, written),
        turnedGreen: evaluation.conclusion === "success" && written.action !== "unchanged"
      };
    })
  );
}
async function publishPull(ctx, config, pr, sha) {
  let timeline;
  const evaluateAndWrite = () => publish(ctx, sha, async () => {
    if (isHotfixPullRequest(pr, config) && pr.fromFork !== false) {
      const { gateRun: gateRun2 } = await listCheckRuns(ctx, sha, { onlyGate: true });
      return { evaluation: forkEvaluation(pr), gateRun: gateRun2 };
    }
    if (!isHotfixPullRequest(pr, config)) {
      const { gateRun: gateRun2 } = await listCheckRuns(ctx, sha, { onlyGate: true });
      return { evaluation: notHotfixEvaluation(pr, config), gateRun: gateRun2 };
    }
    const { facts: facts2, gateRun, headGateRun } = await gatherFacts(ctx, pr, config, sha);
    const evaluation = evaluateGate(facts2, config);
    if (!mayFastTrack(evaluation, pr, config)) return { evaluation, gateRun };
    const records = await readFastTrackRecords(ctx, pr, headGateRun);
    const fastTracked = evaluateGate(facts2, config, records.facts);
    if (fastTracked.fastTrack && records.incident !== null && sha === pr.headSha) {
      timeline = await recordFastTrack(ctx, records.incident, pr, fastTracked.fastTrack) ?? timeline;
    }
    return { evaluation: fastTracked, gateRun };
  });
  const published = await evaluateAndWrite().catch((error) => {
    throw timeline === void 0 ? error : writtenBefore(error, { timeline });
  });
  if (published.turnedGreen && sha === pr.headSha && isHotfixPullRequest(pr, config))
    timeline = await notifyGateGreen(ctx, config, pr, published.outcome.gate?.url ?? null) ?? timeline;
  return timeline === void 0 ? published.outcome : { ...published.outcome, timeline };
}
async function reevaluatePull(ctx, config, number) {
  const pr = await fetchPullRequest(ctx, number);
  if (pr?.state !== "open" || !isProductionLine(config, pr.baseRef)) return void 0;
  return publishPull(ctx, config, pr, pr.headSha);
}
async function publishFixed(ctx, sha, evaluation) {
  const published = await publish(ctx, sha, async () => {
    const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
    return { evaluation, gateRun };
  });
  return published.outcome;
}
function unknownMergeGroup(reason) {
  return {
    status: "completed",
    conclusion: "failure",
    title: "Merge group not evaluated",
    headline: "The hotfix gate could not tell which pull request this merge group is for.",
    rows: [{ rule: "branch", label: "Merge group", state: "fail", reason }],
    severity: null,
    jiraKey: null,
    approvedBy: []
  };
}
async function reportConfigError(ctx, input, error) {
  const bases = /* @__PURE__ */ new Set(["main", ...input.defaultBranch ? [input.defaultBranch] : []]);
  const evaluation = configErrorEvaluation(error);
  switch (input.kind) {
    case "pull-request":
      return bases.has(input.pr.baseRef) ? publishFixed(ctx, input.pr.headSha, evaluation) : void 0;
    case "checks":
      return input.prs.some((pr) => bases.has(pr.baseRef)) ? publishFixed(ctx, input.sha, evaluation) : void 0;
    case "merge-group":
      return bases.has(input.baseRef) ? publishFixed(ctx, input.sha, evaluation) : void 0;
    case "status":
      return void 0;
  }
}
async function publishPullsAt(ctx, config, sha, numbers) {
  let outcome;
  for (const number of numbers) {
    const pr = await fetchPullRequest(ctx, number);
    if (pr?.state !== "open" || pr.headSha !== sha || !isProductionLine(config, pr.baseRef)) continue;
    outcome = await publishPull(ctx, config, pr, sha);
  }
  return outcome;
}
async function openPullsWithHead(ctx, sha, production) {
  const { data } = await ctx.octokit.request("GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls", {
    ...ctx.repo,
    commit_sha: sha,
    per_page: PER_PAGE2
  });
  return data.filter((pr) => pr.state === "open" && pr.head.sha === sha && production(pr.base.ref)).map((pr) => pr.number);
}
async function runGate(input, ctx) {
  const loaded = await ctx.config();
  if (!loaded.ok) return reportConfigError(ctx, input, loaded.error);
  const config = loaded.config;
  const production = (base) => isProductionLine(config, base);
  if (input.kind === "pull-request") {
    if (!production(input.pr.baseRef)) return void 0;
    const pr2 = await fetchPullRequest(ctx, input.pr.number);
    if (pr2?.state !== "open" || pr2.headSha !== input.pr.headSha || !production(pr2.baseRef)) return void 0;
    return publishPull(ctx, config, pr2, pr2.headSha);
  }
  if (input.kind === "checks") {
    const pulls = input.prs.filter((pr2) => production(pr2.baseRef));
    if (pulls.length === 0) return void 0;
    if (input.checkName !== null && !isRequiredCheckName(input.checkName, config)) return void 0;
    return publishPullsAt(
      ctx,
      config,
      input.sha,
      pulls.map((pr2) => pr2.number)
    );
  }
  if (input.kind === "status") {
    if (!isRequiredCheckName(input.context, config)) return void 0;
    return publishPullsAt(ctx, config, input.sha, await openPullsWithHead(ctx, input.sha, production));
  }
  if (!production(input.baseRef)) return void 0;
  if (input.pullNumber === null) {
    return publishFixed(
      ctx,
      input.sha,
      unknownMergeGroup("no pull request number in the merge queue branch name")
    );
  }
  const pr = await fetchPullRequest(ctx, input.pullNumber);
  if (!pr)
    return publishFixed(ctx, input.sha, unknownMergeGroup(`pull request #${input.pullNumber} not found`));
  return publishPull(ctx, config, pr, input.sha);
}
var gateRoute = {
  step: "gate",
  triggers: GATE_TRIGGERS,
  match: matchGate,
  run: (input, ctx) => runGate(input, ctx)
};

// src/intake/hotfix-push.ts
import { z as z11 } from "zod";

// src/intake/incident-branch.ts
function incidentBranchName(incident) {
  if (!Number.isSafeInteger(incident) || incident < 1)
    throw new RangeError(`not an issue number: ${incident}`);
  return `hotfix/incident-${incident}`;
}
function incidentOfBranch(branch) {
  const match = /^hotfix\/incident-([1-9][0-9]{0,9})$/.exec(branch);
  if (!match) return null;
  const n2 = Number(match[1]);
  return n2 <= 2147483647 ? n2 : null;
}

// src/intake/hotfix-push.ts
var pushShape2 = z11.object({
  ref: z11.string(),
  after: z11.string().regex(/^[0-9a-f]{40}$/),
  deleted: z11.boolean().optional(),
  commits: z11.array(z11.unknown()).default([]),
  sender: z11.object({ login: z11.string() })
});
function hotfixPushFrom(event) {
  if (event.name !== "push") return null;
  const parsed = pushShape2.safeParse(event.payload);
  if (!parsed.success) return null;
  const { ref, after, deleted, commits, sender } = parsed.data;
  if (deleted || /^0+$/.test(after) || commits.length === 0 || !ref.startsWith("refs/heads/")) return null;
  const branch = ref.slice("refs/heads/".length);
  const incident = incidentOfBranch(branch);
  return incident === null ? null : { branch, incident, after, pusher: sender.login };
}

// src/intake/notify-intake.ts
function notifyDeclared(ctx, config, incident) {
  return notifyMilestone(ctx, config, incident, "declared", (state) => {
    const declared = state.entries.find((e) => e.key === "declared");
    return declared ? { summary: declared.text, at: declared.at } : null;
  });
}
function notifyDraftPr(ctx, config, incident) {
  return notifyMilestone(ctx, config, incident, "draft-pr", (state) => {
    const pr = state.intake?.pr;
    if (!pr) return null;
    return {
      summary: `${pr.byBot ? "Draft PR" : "PR"} #${pr.number} opened from ${state.intake?.branch ?? "the hotfix branch"}`,
      at: pr.openedAt,
      links: [{ label: `PR #${pr.number}`, url: pr.url }]
    };
  });
}

// src/intake/draft-base.ts
function draftBase(config, intake2) {
  return intake2.line !== void 0 && isProductionLine(config, intake2.line) ? intake2.line : config.productionBranch;
}

// src/intake/shell-word.ts
function shellWord(value) {
  if (/^[A-Za-z0-9._/@%+=:,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
function codeSpan(value) {
  return `\`${value.replace(/`/g, "'").replace(/[\r\n]+/g, " ")}\``;
}

// src/intake/draft-pr-text.ts
var TITLE_MAX4 = 256;
function placeholderKey(config) {
  return `${config.title.projects[0] ?? "KEY"}-000`;
}
function draftTitle(incidentTitle, config) {
  const summary2 = incidentTitle.replace(/\s+/g, " ").trim() || "hotfix";
  const format = config.title.format.trim();
  const fixed = format.replace(/\{key\}/g, placeholderKey(config)).replace(/\{summary\}/g, "").length;
  const room = Math.max(1, TITLE_MAX4 - fixed);
  const cut = summary2.length > room ? `${summary2.slice(0, Math.max(0, room - 1)).trimEnd()}\u2026` : summary2;
  return format.replace(
    /\{key\}|\{summary\}/g,
    (token) => token === "{key}" ? placeholderKey(config) : cut
  );
}
function draftBody(input) {
  const key = placeholderKey(input.config);
  return [
    `Incident: #${input.incident}`,
    "",
    `Draft opened by hotfix-bot on the first push to ${codeSpan(input.branch)}. Before it merges into ${codeSpan(input.productionBranch)}:`,
    "",
    `- [ ] Replace ${codeSpan(key)} in the title with the Jira key (the title rule of ${codeSpan("hotfix-gate")} fails until then).`,
    `- [ ] Confirm the impact on #${input.incident}.`,
    "- [ ] Keep the fix minimal.",
    "- [ ] The critical tests and the security scan pass.",
    `- [ ] The rollback plan on #${input.incident} still holds.`,
    "- [ ] Mark this pull request ready for review.",
    "",
    `_Title format: ${escapeMarkdown(input.config.title.format)}._`
  ].join("\n");
}

// src/intake/team-requests.ts
var named = (logins) => logins.map((login) => `@${login}`).join(", ");
async function assignIncident(ctx, config, incident, state) {
  if (state.entries.some((e) => e.key === "assigned")) return state;
  const wanted = incidentAssignees(config, state.commander);
  if (wanted.length === 0) return state;
  const at = ctx.clock().toISOString();
  try {
    const { data } = await ctx.octokit.rest.issues.addAssignees({
      ...ctx.repo,
      issue_number: incident,
      assignees: wanted
    });
    const got = new Set((data.assignees ?? []).map((a) => a.login.toLowerCase()));
    const assigned = wanted.filter((login) => got.has(login.toLowerCase()));
    const missing = wanted.filter((login) => !got.has(login.toLowerCase()));
    const text2 = (assigned.length > 0 ? `Assigned ${named(assigned)}` : "Nobody could be assigned") + (missing.length > 0 ? `; GitHub did not assign ${named(missing)} (no such user, or no access to the repository)` : "");
    return addEntry(state, { key: "assigned", at, text: text2 });
  } catch (error) {
    const status = httpStatus(error);
    if (status === void 0 || status >= 500 || status === 429) throw error;
    return addEntry(state, {
      key: "assigned",
      at,
      text: `Could not assign ${named(wanted)}: ${errorMessage(error)}`
    });
  }
}
async function askForReviews(ctx, pr, reviewers, teamReviewers) {
  await ctx.octokit.rest.pulls.requestReviewers({
    ...ctx.repo,
    pull_number: pr,
    reviewers,
    team_reviewers: teamReviewers
  });
}
async function requestTeamReviews(ctx, config, pr, state) {
  const key = `reviewers-${pr.number}`;
  if (state.entries.some((e) => e.key === key)) return state;
  const request = reviewRequest(config, ctx.repo.owner, pr.author);
  const refused2 = request.refused.map((r) => `${r.reviewer} (${r.reason})`);
  const everyone = [
    ...request.reviewers.map((r) => ({ user: r })),
    ...request.teamReviewers.map((t) => ({ team: t }))
  ];
  if (everyone.length === 0 && refused2.length === 0) return state;
  const asked = [];
  const clientError = (error) => {
    const status = httpStatus(error);
    return status !== void 0 && status >= 400 && status < 500 && status !== 429;
  };
  if (everyone.length > 0) {
    try {
      await askForReviews(ctx, pr.number, request.reviewers, request.teamReviewers);
      asked.push(
        ...request.reviewers.map((r) => `@${r}`),
        ...request.teamReviewers.map((t) => `${ctx.repo.owner}/${t}`)
      );
    } catch (error) {
      if (!clientError(error)) throw error;
      for (const one of everyone) {
        const name = "user" in one ? `@${one.user}` : `${ctx.repo.owner}/${one.team}`;
        try {
          await askForReviews(
            ctx,
            pr.number,
            "user" in one ? [one.user] : [],
            "team" in one ? [one.team] : []
          );
          asked.push(name);
        } catch (single) {
          if (!clientError(single)) throw single;
          refused2.push(`${name} (${errorMessage(single)})`);
        }
      }
    }
  }
  const parts = [
    ...asked.length > 0 ? [`Review requested on #${pr.number} from ${asked.join(", ")}`] : [],
    ...refused2.length > 0 ? [`could not request a review on #${pr.number} from ${refused2.join("; ")}`] : []
  ];
  const text2 = parts.join("; ");
  return addEntry(state, {
    key,
    at: ctx.clock().toISOString(),
    text: text2.charAt(0).toUpperCase() + text2.slice(1)
  });
}

// src/intake/open-draft-pr.ts
async function openPullFrom(ctx, base, branch) {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "open",
    per_page: 10
  });
  const pr = data[0];
  return pr ? { number: pr.number, url: pr.html_url, openedAt: pr.created_at, byBot: false } : null;
}
async function openDraftPr(ctx, config, push) {
  const { octokit, repo } = ctx;
  const timeline = await readTimeline(ctx, push.incident);
  const state = timeline.state;
  const intake2 = state?.intake;
  if (!state || !intake2 || intake2.branch !== push.branch) return null;
  if (intake2.report?.commit === push.after) return null;
  if (intake2.pr) return { pr: intake2.pr.number, created: false };
  const base = draftBase(config, intake2);
  let pr = await openPullFrom(ctx, base, push.branch);
  let created = false;
  if (!pr) {
    const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: push.incident });
    if (issue.state !== "open") {
      ctx.log.info(`the incident is closed: no draft PR for ${push.branch}`);
      return null;
    }
    try {
      const { data } = await octokit.rest.pulls.create({
        ...repo,
        head: push.branch,
        base,
        title: draftTitle(issue.title, config),
        body: draftBody({
          incident: push.incident,
          branch: push.branch,
          productionBranch: base,
          config
        }),
        draft: true
      });
      pr = { number: data.number, url: data.html_url, openedAt: data.created_at, byBot: true };
      created = true;
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      pr = await openPullFrom(ctx, base, push.branch);
      if (!pr) {
        ctx.log.info(`no draft PR for ${push.branch}: ${errorMessage(error)}`);
        return null;
      }
    }
  }
  let next = { ...state, intake: { ...intake2, pr } };
  next = await requestTeamReviews(ctx, config, { number: pr.number, author: null }, next);
  next = addEntry(next, {
    key: `pr-${pr.number}`,
    at: pr.openedAt,
    text: pr.byBot ? `Draft PR #${pr.number} opened on the first push` : `PR #${pr.number} opened`,
    url: pr.url
  });
  const written = await writeTimeline(ctx, push.incident, timeline.commentId, next);
  return { pr: pr.number, created, timeline: written.markdown };
}

// src/intake/draft-pr-route.ts
var draftPrRoute = {
  step: "draft-pr",
  long: true,
  // Only the incident branches that intake cuts (see incidentOfBranch).
  triggers: [{ event: "push", branches: ["hotfix/incident-*"] }],
  match: hotfixPushFrom,
  async run(push, routeCtx) {
    const ctx = withLogFields(routeCtx, { incident: push.incident });
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`draft PR for ${push.branch} skipped: ${loaded.error.message}`);
      return void 0;
    }
    if (!isHotfixFamilyBranch(push.branch, loaded.config.branches.patterns)) return void 0;
    const opened = await withIncidentLock(ctx, push.incident, () => openDraftPr(ctx, loaded.config, push));
    if (!opened) return void 0;
    const notified = await notifyDraftPr(ctx, loaded.config, push.incident);
    const timeline = notified.timeline ?? opened.timeline;
    return timeline === void 0 ? void 0 : { timeline };
  }
};

// src/intake/incident-change.ts
import { z as z13 } from "zod";

// src/intake/intake-trigger.ts
import { z as z12 } from "zod";
var issueShape = z12.object({
  number: z12.number().int().positive(),
  title: z12.string(),
  state: z12.enum(["open", "closed"]),
  labels: z12.array(z12.object({ name: z12.string() })).default([]),
  html_url: z12.string(),
  updated_at: z12.string().nullable().optional(),
  pull_request: z12.unknown().optional()
});
var userShape = z12.object({ login: z12.string(), type: z12.string().optional() });
var senderShape = userShape.extend({ id: z12.number().int().positive() });
var labeledShape = z12.object({
  action: z12.literal("labeled"),
  issue: issueShape,
  label: z12.object({ name: z12.string() }),
  sender: senderShape
});
var commentShape4 = z12.object({
  action: z12.literal("created"),
  issue: issueShape,
  comment: z12.object({
    id: z12.number().int().positive(),
    body: z12.string().max(65536),
    created_at: z12.string().nullable().optional(),
    user: userShape.extend({ id: z12.number().int().positive() })
  })
});
function incidentIssueFrom(issue) {
  return {
    number: issue.number,
    title: issue.title,
    state: issue.state,
    labels: issue.labels.map((label) => label.name),
    url: issue.html_url
  };
}
var MAX_LINE_LENGTH = 200;
function asLineWord(word) {
  if (word.length > MAX_LINE_LENGTH || !/^[A-Za-z0-9._/-]+$/.test(word)) return null;
  if (!/[/.0-9]/.test(word) || /^p\d+$/i.test(word)) return null;
  return word;
}
function parseHotfixCommand(body) {
  const first = (body.split(/\r?\n/, 1)[0] ?? "").trim();
  const [command, ...words] = first.split(/[ \t]+/);
  if (command?.toLowerCase() !== "/hotfix" || words.length > 2) return null;
  let severity2 = null;
  let line2 = null;
  for (const word of words) {
    const upper2 = word.toUpperCase();
    if ((upper2 === "P0" || upper2 === "P1" || upper2 === "P2") && severity2 === null) severity2 = upper2;
    else if (line2 === null && asLineWord(word) !== null) line2 = word;
    else return null;
  }
  return { severity: severity2, line: line2 };
}
function intakeTriggerFrom(event) {
  if (event.name === "issues") {
    const parsed = labeledShape.safeParse(event.payload);
    if (!parsed.success || parsed.data.issue.pull_request !== void 0) return null;
    const { issue, label, sender } = parsed.data;
    return {
      kind: "label",
      issue: incidentIssueFrom(issue),
      label: label.name,
      actor: sender.login,
      actorId: sender.id,
      at: issue.updated_at ?? null
    };
  }
  if (event.name === "issue_comment") {
    const parsed = commentShape4.safeParse(event.payload);
    if (!parsed.success || parsed.data.issue.pull_request !== void 0) return null;
    const { issue, comment } = parsed.data;
    if (comment.user.type === "Bot" || comment.user.login.endsWith("[bot]")) return null;
    const command = parseHotfixCommand(comment.body);
    if (!command) return null;
    return {
      kind: "command",
      issue: incidentIssueFrom(issue),
      actor: comment.user.login,
      actorId: comment.user.id,
      at: comment.created_at ?? null,
      commentId: comment.id,
      severity: command.severity,
      line: command.line
    };
  }
  return null;
}

// src/intake/incident-change.ts
var changeShape = z13.object({
  action: z13.enum(["unlabeled", "closed", "reopened"]),
  issue: issueShape.extend({
    closed_at: z13.string().nullable().optional(),
    state_reason: z13.string().nullable().optional()
  }),
  label: z13.object({ name: z13.string() }).optional(),
  sender: userShape
});
function incidentChangeFrom(event) {
  if (event.name !== "issues") return null;
  const parsed = changeShape.safeParse(event.payload);
  if (!parsed.success || parsed.data.issue.pull_request !== void 0) return null;
  const { action, issue, label, sender } = parsed.data;
  const facts2 = incidentIssueFrom(issue);
  switch (action) {
    case "unlabeled":
      return label ? {
        kind: "unlabeled",
        issue: facts2,
        label: label.name,
        actor: sender.login,
        at: issue.updated_at ?? null
      } : null;
    case "closed":
      return {
        kind: "closed",
        issue: facts2,
        actor: sender.login,
        at: issue.closed_at ?? issue.updated_at ?? null,
        reason: issue.state_reason ?? null
      };
    case "reopened":
      return { kind: "reopened", issue: facts2, actor: sender.login, at: issue.updated_at ?? null };
  }
}

// src/intake/incident-change-route.ts
function changeEntry(change, merged, at) {
  switch (change.kind) {
    case "unlabeled":
      return {
        key: `unlabeled-${change.label}-${at}`,
        at,
        text: `Label ${change.label} removed by @${change.actor}`
      };
    case "closed":
      return {
        key: `closed-${at}`,
        at,
        text: merged ? `Incident closed by @${change.actor}` : `Incident closed by @${change.actor} before a fix was merged`
      };
    case "reopened":
      return { key: `reopened-${at}`, at, text: `Incident reopened by @${change.actor}` };
  }
}
var incidentChangeRoute = {
  step: "incident-change",
  triggers: [{ event: "issues", actions: ["unlabeled", "closed", "reopened"] }],
  match: incidentChangeFrom,
  async run(change, ctx) {
    const n2 = change.issue.number;
    const loaded = await ctx.config();
    if (!loaded.ok) return void 0;
    const labels = change.kind === "unlabeled" ? [change.label] : change.issue.labels;
    if (severityFromLabels(labels, loaded.config) === null) return void 0;
    return withIncidentLock(ctx, n2, async () => {
      const timeline = await readTimeline(ctx, n2);
      const state = timeline.state;
      if (!state?.detectedAt) return void 0;
      const t = Date.parse(change.at ?? "");
      const at = Number.isNaN(t) ? ctx.clock().toISOString() : new Date(t).toISOString();
      const closedByDeploy = state.entries.some(
        (e) => e.key === CLOSED_AT_RESOLUTION_KEY || e.key.startsWith("closed-by-deploy-")
      );
      if (change.kind === "closed" && closedByDeploy && change.actor.endsWith("[bot]")) return void 0;
      const merged = Object.keys(state.pipelines).length > 0;
      const next = addEntry(state, changeEntry(change, merged, at));
      if (JSON.stringify(next) === JSON.stringify(state)) return void 0;
      const written = await writeTimeline(ctx, n2, timeline.commentId, next);
      return { timeline: written.markdown };
    });
  }
};

// src/intake/production-tag.ts
var HOTFIX_TAG = /^hotfix-(\d{8})-(\d{4})(?:-([1-9]\d{0,5}))?$/;
function hotfixTagsDescending(names) {
  const keyed = names.flatMap((name) => {
    const match = HOTFIX_TAG.exec(name);
    if (!match) return [];
    return [{ name, key: `${match[1]}${match[2]}`, suffix: Number(match[3] ?? "1") }];
  });
  keyed.sort((a, b) => a.key === b.key ? b.suffix - a.suffix : a.key < b.key ? 1 : -1);
  return keyed.map((tag) => tag.name);
}
function productionTagCandidates(names, scheme, perKind = 3) {
  const hotfix = hotfixTagsDescending(names).slice(0, perKind);
  const semver = semverTagsDescending(names).slice(0, perKind).map((tag) => tag.name);
  const [first, second] = scheme === "semver-patch" ? [semver, hotfix] : [hotfix, semver];
  const out = [];
  for (let i = 0; i < perKind; i++) {
    if (first[i] !== void 0) out.push(first[i]);
    if (second[i] !== void 0) out.push(second[i]);
  }
  return out;
}
function closestProductionTag(distances) {
  let best = null;
  for (const d of distances) {
    if (d.behindBy !== 0) continue;
    if (best === null || d.aheadBy < best.aheadBy) best = d;
  }
  return best?.name ?? null;
}

// src/intake/find-production-tag.ts
var MAX_TAG_PAGES = 5;
async function findProductionTag(ctx, productionBranch, scheme, tagPrefix = null) {
  const { octokit, repo } = ctx;
  let pages = 0;
  const tags = await octokit.paginate(
    octokit.rest.repos.listTags,
    { ...repo, per_page: 100 },
    (response, done) => {
      pages += 1;
      if (pages >= MAX_TAG_PAGES) done();
      return response.data;
    }
  );
  const shaOf = new Map(
    tags.filter((tag) => tagPrefix === null || tag.name.startsWith(tagPrefix)).map((tag) => [tag.name, tag.commit.sha])
  );
  const distances = [];
  for (const name2 of productionTagCandidates([...shaOf.keys()], scheme)) {
    try {
      const { data } = await octokit.rest.repos.compareCommitsWithBasehead({
        ...repo,
        basehead: `${name2}...${productionBranch}`,
        per_page: 1
      });
      distances.push({ name: name2, aheadBy: data.ahead_by, behindBy: data.behind_by });
    } catch (error) {
      if (httpStatus(error) !== 404 && httpStatus(error) !== 422) throw error;
    }
  }
  const name = closestProductionTag(distances);
  const sha = name === null ? void 0 : shaOf.get(name);
  return name !== null && sha !== void 0 ? { name, sha } : null;
}

// src/intake/cut-incident-branch.ts
var MissingLineError = class extends HotfixBotError {
  constructor(line2) {
    super(`the branch ${line2} does not exist`);
    this.line = line2;
  }
  line;
  kind = "unworkable";
  name = "MissingLineError";
};
async function cutIncidentBranch(ctx, config, incident, line2 = config.productionBranch) {
  const { octokit, repo } = ctx;
  const branch = incidentBranchName(incident);
  let productionSha;
  try {
    const { data: head } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${line2}` });
    productionSha = head.object.sha;
  } catch (error) {
    if (httpStatus(error) === 404) throw new MissingLineError(line2);
    throw error;
  }
  const previousTag = isMaintenanceLine(config, line2) ? await findProductionTag(ctx, line2, "semver-patch", lineTagPrefix(config, line2)) : await findProductionTag(ctx, line2, config.release.tagScheme);
  const fromTag = config.intake.cutFromLatestTag && previousTag !== null;
  const cutFrom = fromTag ? previousTag.name : line2;
  const baseSha = fromTag ? previousTag.sha : productionSha;
  try {
    await octokit.rest.git.createRef({ ...repo, ref: `refs/heads/${branch}`, sha: baseSha });
    return { branch, cutFrom, baseSha, productionSha, previousTag, created: true };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
  }
  const { data: existing } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
  const sha = existing.object.sha;
  return { branch, cutFrom, baseSha: sha, productionSha, previousTag, created: sha === baseSha };
}

// src/intake/intake-replies.ts
function replyMarker(commentId) {
  return `<!-- hotfix-bot:hotfix-reply ${JSON.stringify({ comment: commentId })} -->`;
}
function refusalReply(userId, login) {
  return [
    refusalMarker(userId),
    `Thanks @${login}. Only people with write access to this repository can declare a hotfix incident with \`/hotfix\`, so nothing was done.`,
    "If production is affected, ask a maintainer to comment `/hotfix` here or to add a hotfix severity label."
  ].join("\n");
}
function closedIssueReply(commentId) {
  return [
    replyMarker(commentId),
    "This issue is closed, so no hotfix incident was declared. Reopen it and comment `/hotfix` again if production is still affected."
  ].join("\n");
}
function notALineReply(commentId, line2, patterns) {
  return [
    replyMarker(commentId),
    `${codeSpan(`/hotfix ${line2}`)} was not run: ${codeSpan(line2)} is not a production line. The production lines are ${patterns.map(codeSpan).join(", ")} (${codeSpan("productionBranches")} in ${codeSpan(".github/hotfix.yml")}).`
  ].join("\n");
}
function missingLineReply(commentId, line2) {
  return [
    replyMarker(commentId),
    `${codeSpan(`/hotfix ${line2}`)} was not run: the branch ${codeSpan(line2)} does not exist. Push it first, or name an existing line.`
  ].join("\n");
}
function configErrorReply(commentId, message) {
  return [replyMarker(commentId), `\`/hotfix\` cannot run: ${escapeMarkdown(message)}`].join("\n");
}
function labelRefusalMarker(userId) {
  return `<!-- hotfix-bot:label-refusal ${JSON.stringify({ user: userId })} -->`;
}
function labelRefusalReply(userId, login, label) {
  return [
    labelRefusalMarker(userId),
    `Thanks @${escapeMarkdown(login)}. The ${escapeMarkdown(label)} label declares a hotfix incident only when someone with write access to this repository adds it, so nothing was done.`,
    "If production is affected, ask a maintainer to add the label again or to comment `/hotfix` here."
  ].join("\n");
}

// src/intake/rollback-plan.ts
function redeployCommands(input, ref, sha) {
  const repo = `${input.repo.owner}/${input.repo.repo}`;
  const commands = [];
  const workflow = input.deploy.workflow;
  if (workflow) {
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: ref,
      incident: String(input.incident),
      pr: "",
      sha,
      severity: "",
      line: input.productionBranch
    });
    const fields = Object.entries(inputs).map(([name, value]) => `-f ${shellWord(`${name}=${value}`)}`);
    commands.push(
      [
        "gh workflow run",
        shellWord(workflow.id),
        "--repo",
        shellWord(repo),
        "--ref",
        shellWord(workflow.ref ?? input.productionBranch),
        ...fields
      ].join(" ")
    );
  }
  if (input.deploy.environment) {
    const body = JSON.stringify({
      ref,
      environment: input.deploy.environment,
      auto_merge: false,
      required_contexts: [],
      description: `rollback for incident #${input.incident}`
    });
    commands.push(`gh api ${shellWord(`repos/${repo}/deployments`)} --input - <<'JSON'
${body}
JSON`);
  }
  return commands.length > 0 ? commands : null;
}
function rollbackPlan(input) {
  const previous = input.previousTag;
  const ref = previous?.name ?? input.productionSha;
  const sha = previous?.sha ?? input.productionSha;
  const what = previous ? `Production runs ${codeSpan(previous.name)} (the latest production tag, ${codeSpan(previous.sha.slice(0, 7))}).` : `No production tag was found; production is ${codeSpan(input.productionBranch)} at ${codeSpan(input.productionSha.slice(0, 7))}.`;
  const lines = ["#### Rollback plan", "", `${what} To get back to it:`, ""];
  const redeploy = redeployCommands(input, ref, sha);
  if (redeploy) {
    lines.push(`1. Deploy ${codeSpan(ref)} again:`, "", "   ```sh");
    for (const command of redeploy) lines.push(...command.split("\n").map((line2) => `   ${line2}`));
    lines.push("   ```", "");
  } else {
    lines.push(`1. Deploy ${codeSpan(ref)} again with your usual deploy process.`, "");
  }
  const branch = `revert/incident-${input.incident}`;
  const production = shellWord(`origin/${input.productionBranch}`);
  lines.push(
    "2. Or, once the fix is merged, revert it on production:",
    "",
    "   ```sh",
    "   git fetch origin",
    `   git switch -c ${shellWord(branch)} ${production}`,
    "   git revert -m 1 <merge commit>   # a squash or rebase merge: git revert <its commits>",
    `   git push -u origin ${shellWord(branch)}`,
    "   ```",
    "",
    `   When a deployment of the fix fails, hotfix-bot opens this revert as a pull request into ${codeSpan(input.productionBranch)} by itself and labels this issue ${codeSpan(input.deploy.rollbackLabel)}.`
  );
  return lines;
}

// src/intake/checklist.ts
function checklistMarker(incident) {
  return `<!-- hotfix-bot:checklist ${JSON.stringify({ incident })} -->`;
}
function checksLine(config) {
  const names = [...config.checks.criticalTests, ...config.checks.securityScan].map((check) => check.name);
  const named2 = names.length > 0 ? `: ${names.map(codeSpan).join(", ")}` : "";
  return `- [ ] **Critical tests only**: run the critical tests and the security scan${named2}; the ${codeSpan("hotfix-gate")} check waits for them, the full suite can follow the merge.`;
}
function checklistComment(input) {
  const { config } = input;
  const lines = [
    checklistMarker(input.incident),
    `### Hotfix checklist (${input.severity})`,
    "",
    `Branch ${codeSpan(input.branch)} was cut from ${codeSpan(input.cutFrom)} (${codeSpan(input.baseSha.slice(0, 7))}). Push the fix there: on the first push hotfix-bot opens a draft pull request into ${codeSpan(config.productionBranch)}.`
  ];
  if (matchingBranchPattern(input.branch, config.branches.patterns) === null) {
    lines.push(
      "",
      `> [!WARNING]
> ${codeSpan(input.branch)} matches none of ${codeSpan("branches.patterns")}: the branch rule of ${codeSpan("hotfix-gate")} will fail until the patterns include ${codeSpan("hotfix/incident-{n}")}.`
    );
  }
  lines.push(
    "",
    "- [ ] **Confirm the impact**: who and what is affected, since when; write it on this issue.",
    "- [ ] **Minimal fix**: the smallest change that stops the damage; the lasting fix is a follow-up.",
    checksLine(config),
    "- [ ] **Rollback plan**: read it below before the merge, so that nobody has to work it out during a failed deploy.",
    "",
    ...rollbackPlan({
      repo: input.repo,
      incident: input.incident,
      productionBranch: config.productionBranch,
      previousTag: input.previousTag,
      productionSha: input.productionSha,
      deploy: config.deploy
    })
  );
  return lines.join("\n");
}

// src/intake/incident-report.ts
var SLUG_MAX = 50;
function incidentSlug(title, incident) {
  const words = title.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter((w) => w !== "");
  let slug = "";
  for (const word of words) {
    const next = slug === "" ? word : `${slug}-${word}`;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug === "" ? `incident-${incident}` : slug;
}
function incidentReportPath(input) {
  const date = new Date(input.detectedAt);
  const day = Number.isNaN(date.getTime()) ? "unknown-date" : date.toISOString().slice(0, 10);
  return `docs/incidents/HOTFIX-${day}-${incidentSlug(input.title, input.incident)}.md`;
}
var oneLine3 = (text2) => text2.replace(/[\r\n]+/g, " ").trim();
function incidentReport(input) {
  const detected2 = input.detectedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC");
  return [
    `# Incident #${input.incident}: ${oneLine3(input.title)}`,
    "",
    `- Incident: [#${input.incident}](${input.url})`,
    `- Severity: ${input.severity}`,
    `- Detected: ${detected2}`,
    `- Commander: ${input.commander}`,
    `- Hotfix branch: \`${input.branch}\``,
    `- Rollback target: ${input.previousTag ? `\`${input.previousTag}\`` : "none (no production tag)"}`,
    "",
    "## Impact",
    "",
    "Who and what was affected, from when to when.",
    "",
    "## Timeline",
    "",
    "The incident's timeline comment lists every step of the hotfix with its time.",
    "",
    "## Root cause",
    "",
    "## Fix",
    "",
    "## Follow-ups",
    ""
  ].join("\n");
}

// src/intake/run-intake.ts
function asSeverity(value) {
  return value === "P0" || value === "P1" || value === "P2" ? value : null;
}
function hasLabel(labels, name) {
  return labels.some((label) => label.toLowerCase() === name.toLowerCase());
}
async function runIntake(ctx, config, request) {
  const written = {};
  try {
    return await intakeSteps(ctx, config, request, written);
  } catch (error) {
    throw written.timeline === void 0 ? error : writtenBefore(error, { timeline: written.timeline });
  }
}
async function intakeSteps(ctx, config, request, written) {
  const { octokit, repo } = ctx;
  const n2 = request.issue.number;
  const timeline = await readTimeline(ctx, n2);
  const before = timeline.state ?? emptyTimeline(n2);
  let state = { ...before, incident: n2 };
  let recorded = timeline.state;
  let commentId = timeline.commentId;
  if (state.detectedAt === void 0) {
    state = {
      ...state,
      detectedAt: request.at,
      severity: state.severity ?? request.severity,
      commander: state.commander ?? request.actor
    };
    const how = request.trigger === "label" ? `label ${config.severity.labels[request.severity]}` : "/hotfix";
    state = addEntry(state, {
      key: "declared",
      at: request.at,
      text: `Incident declared by @${request.actor} (${how}), severity ${request.severity}`,
      url: request.issue.url
    });
    ({ commentId, markdown: written.timeline } = await writeTimeline(ctx, n2, commentId, state));
    recorded = state;
  }
  const severity2 = asSeverity(state.severity) ?? request.severity;
  const now = () => ctx.clock().toISOString();
  const label = config.severity.labels[severity2];
  const labelled = state.entries.some((e) => e.key === "severity-label");
  if (!labelled && !hasLabel(request.issue.labels, label)) {
    await octokit.rest.issues.addLabels({ ...repo, issue_number: n2, labels: [label] });
    state = addEntry(state, { key: "severity-label", at: now(), text: `Label ${label} added` });
  }
  state = await assignIncident(ctx, config, n2, state);
  let intake2 = state.intake;
  if (!intake2) {
    const line2 = request.line ?? config.productionBranch;
    const cut = await cutIncidentBranch(ctx, config, n2, line2);
    intake2 = {
      trigger: request.trigger,
      branch: cut.branch,
      cutFrom: cut.cutFrom,
      baseSha: cut.baseSha,
      productionSha: cut.productionSha,
      ...line2 !== config.productionBranch ? { line: line2 } : {},
      ...cut.previousTag ? { previousTag: cut.previousTag } : {}
    };
    state = addEntry(state, {
      key: "branch",
      at: now(),
      text: cut.created ? `Branch ${cut.branch} cut from ${cut.cutFrom} (${cut.baseSha.slice(0, 7)})` : `Branch ${cut.branch} already existed (${cut.baseSha.slice(0, 7)}); kept as it is`
    });
  }
  if (config.intake.incidentReport && !intake2.report) {
    intake2 = { ...intake2, report: await commitIncidentReport(ctx, state, request, intake2) };
    state = addEntry(state, {
      key: "incident-report",
      at: now(),
      text: `Incident report ${intake2.report?.path ?? ""} committed to ${intake2.branch}`
    });
  }
  if (!intake2.checklist) {
    const body = checklistComment({
      repo,
      incident: n2,
      severity: severity2,
      branch: intake2.branch,
      cutFrom: intake2.cutFrom,
      baseSha: intake2.baseSha,
      previousTag: intake2.previousTag ?? null,
      productionSha: intake2.productionSha,
      // The checklist and rollback plan speak of the incident's own line.
      config: { ...config, productionBranch: intake2.line ?? config.productionBranch }
    });
    await ensureBotComment(ctx, n2, checklistMarker(n2), body);
    intake2 = { ...intake2, checklist: true };
    state = addEntry(state, { key: "checklist", at: now(), text: "Checklist and rollback plan posted" });
  }
  state = { ...state, intake: intake2 };
  const changed = JSON.stringify(state) !== JSON.stringify(timeline.state);
  if (JSON.stringify(state) !== JSON.stringify(recorded))
    ({ markdown: written.timeline } = await writeTimeline(ctx, n2, commentId, state));
  else logWith(ctx.log, { incident: n2 }).info("intake already done");
  return {
    incident: n2,
    branch: intake2.branch,
    changed,
    ...written.timeline === void 0 ? {} : { timeline: written.timeline }
  };
}
async function commitIncidentReport(ctx, state, request, intake2) {
  const { octokit, repo } = ctx;
  const detectedAt2 = state.detectedAt ?? request.at;
  const path = incidentReportPath({ title: request.issue.title, incident: request.issue.number, detectedAt: detectedAt2 });
  const content = incidentReport({
    incident: request.issue.number,
    title: request.issue.title,
    url: request.issue.url,
    severity: asSeverity(state.severity) ?? request.severity,
    detectedAt: detectedAt2,
    commander: state.commander ?? request.actor,
    branch: intake2.branch,
    previousTag: intake2.previousTag?.name ?? null
  });
  try {
    const { data } = await octokit.rest.repos.createOrUpdateFileContents({
      ...repo,
      path,
      branch: intake2.branch,
      message: `Incident report for #${request.issue.number}`,
      content: Buffer.from(content, "utf8").toString("base64")
    });
    return { path, commit: data.commit.sha ?? "" };
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    const { data: ref } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${intake2.branch}` });
    return { path, commit: ref.object.sha };
  }
}

// src/intake/intake-route.ts
var intakeRoute = {
  step: "intake",
  long: true,
  triggers: [
    { event: "issues", actions: ["labeled"] },
    { event: "issue_comment", actions: ["created"] }
  ],
  match: intakeTriggerFrom,
  async run(trigger, routeCtx) {
    const n2 = trigger.issue.number;
    const ctx = withLogFields(routeCtx, { incident: n2 });
    const reply = (body) => ensureBotComment(ctx, n2, body.split("\n", 1)[0] ?? body, body);
    if (trigger.kind === "command" && !await hasWritePermission(ctx, trigger.actor)) {
      await reply(refusalReply(trigger.actorId, trigger.actor));
      return void 0;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`intake skipped: ${loaded.error.message}`);
      if (trigger.kind === "command") await reply(configErrorReply(trigger.commentId, loaded.error.message));
      return void 0;
    }
    const config = loaded.config;
    let severity2;
    let line2 = null;
    if (trigger.kind === "label") {
      const named2 = severityFromLabels([trigger.label], config);
      if (named2 === null || trigger.issue.state !== "open") return void 0;
      if (!await hasWritePermission(ctx, trigger.actor)) {
        await withIncidentLock(ctx, n2, () => refuseLabel(ctx, trigger, config.severity.labels[named2]));
        return void 0;
      }
      severity2 = named2;
    } else {
      if (trigger.issue.state !== "open") {
        await reply(closedIssueReply(trigger.commentId));
        return void 0;
      }
      severity2 = trigger.severity ?? severityFromLabels(trigger.issue.labels, config) ?? config.severity.default;
      if (trigger.line !== null && !isProductionLine(config, trigger.line)) {
        await reply(notALineReply(trigger.commentId, trigger.line, config.productionBranches));
        return void 0;
      }
      line2 = trigger.line === config.productionBranch ? null : trigger.line;
    }
    const at = validTime5(trigger.at) ?? ctx.clock().toISOString();
    try {
      const intake2 = await withIncidentLock(
        ctx,
        n2,
        () => runIntake(ctx, config, {
          issue: trigger.issue,
          trigger: trigger.kind,
          severity: severity2,
          actor: trigger.actor,
          at,
          line: line2
        })
      );
      const notified = await notifyDeclared(ctx, config, n2);
      const timeline = notified.timeline ?? intake2.timeline;
      return timeline === void 0 ? void 0 : { timeline };
    } catch (error) {
      if (!(error instanceof MissingLineError) || trigger.kind !== "command") throw error;
      await reply(missingLineReply(trigger.commentId, error.line));
      const declared = partialOutcomeOf(error)?.timeline;
      return declared === void 0 ? void 0 : { timeline: declared };
    }
  }
};
async function refuseLabel(ctx, trigger, label) {
  const n2 = trigger.issue.number;
  const { state } = await readTimeline(ctx, n2);
  if (state?.intake) return;
  ctx.log.info(`severity label by ${trigger.actor}, who has no write access: refused`);
  await ensureBotComment(
    ctx,
    n2,
    labelRefusalMarker(trigger.actorId),
    labelRefusalReply(trigger.actorId, trigger.actor, label)
  );
}
function validTime5(value) {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// src/engine.ts
var routes = [
  gateRoute,
  afterMergeRoute(afterMergeSteps),
  backportCommandRoute(runAfterMergeWithTarget),
  backportConfirmRoute,
  backportCheckFollowsRoute,
  intakeRoute,
  incidentChangeRoute,
  draftPrRoute,
  deploymentStatusRoute,
  // Backports tracked until they land: their PRs' ends, and waivers on the incident.
  backportEndRoute,
  backportSkipRoute,
  // After the deploy: /rollback, and a configured check failing inside the monitoring window.
  rollbackCommandRoute,
  rollbackCheckRoute,
  monitoringDueRoute
];
async function runLongStep(job, ctx) {
  const route = routes.find((candidate) => candidate.step === job.step && candidate.long);
  if (!route)
    throw new Error(`no long step named "${job.step}" (a job queued by another version of hotfix-bot?)`);
  const input = route.match(job.event);
  if (input === null) return;
  await route.run(input, withLogFields(ctx, { step: route.step }), job.event);
}
async function timed(step, observe, run2) {
  if (!observe) return run2();
  const started = performance.now();
  try {
    const result = await run2();
    observe(step, (performance.now() - started) / 1e3, "ok");
    return result;
  } catch (error) {
    observe(step, (performance.now() - started) / 1e3, "failed");
    throw error;
  }
}
async function settleEvent(event, ctx, background, observe) {
  const matched = routes.flatMap((route) => {
    const input = route.match(event);
    return input === null ? [] : [{ route, input }];
  });
  const outcome = { steps: [], stopped: [] };
  const failures = [];
  for (const { route, input } of matched) {
    const stepCtx = withLogFields(ctx, { step: route.step });
    if (route.long && background) {
      background.run(
        `${route.step} for ${event.name} ${event.id}`,
        () => timed(route.step, observe, () => route.run(input, stepCtx, event)),
        { step: route.step, event }
      );
      outcome.steps.push(route.step);
      continue;
    }
    try {
      const result = await timed(route.step, observe, () => route.run(input, stepCtx, event));
      outcome.steps.push(route.step);
      if (result) Object.assign(outcome, result);
    } catch (error) {
      const message = errorMessage(error);
      if (isDeliberateStop(error)) {
        stepCtx.log.info(`stopped on ${event.name}: ${message}`);
        outcome.steps.push(route.step);
        outcome.stopped.push({ step: route.step, reason: message });
      } else {
        stepCtx.log.error(`failed on ${event.name}: ${message}`);
        failures.push(error);
      }
      const partial = partialOutcomeOf(error);
      if (partial) Object.assign(outcome, partial);
    }
  }
  return { outcome, failures };
}
async function handleEvent(event, ctx, background, observe) {
  const settled2 = await settleEvent(event, ctx, background, observe);
  const failure = failureOf2(settled2, event);
  if (failure) throw failure;
  return settled2.outcome;
}
function failureOf2({ failures }, event) {
  if (failures.length === 0) return null;
  if (failures.length === 1) return failures[0];
  return new AggregateError(failures, `${failures.length} steps failed on ${event.name} ${event.id}`);
}

// src/util/keyed-mutex.ts
var KeyedMutex = class {
  tails = /* @__PURE__ */ new Map();
  async run(key, task) {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(task, task);
    const tail = current.catch(() => void 0);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
};

// src/util/memo-async.ts
function memoAsync(compute) {
  let pending;
  return () => {
    pending ??= compute().catch((error) => {
      pending = void 0;
      throw error;
    });
    return pending;
  };
}

// src/engine-context.ts
function createEngineLocks() {
  return { pipeline: new KeyedMutex(), gate: new KeyedMutex() };
}
function createEngineContext(options) {
  const { octokit, repo, configPath } = options;
  const readConfig = options.readConfig ?? (() => loadConfig(octokit, repo, configPath));
  return {
    octokit,
    repo,
    config: memoAsync(readConfig),
    log: options.log,
    clock: options.clock ?? (() => /* @__PURE__ */ new Date()),
    identity: memoAsync(options.identity),
    locks: options.locks,
    ...options.instancesLock ? { instancesLock: options.instancesLock } : {},
    ...options.resumedRun ? { resumedRun: true } : {},
    ...options.notifyChannels ? { notifyChannels: options.notifyChannels } : {}
  };
}

// src/identity/app-identity.ts
async function appIdentity(jwtOctokit) {
  const { data } = await jwtOctokit.request("GET /app");
  if (!data || typeof data.id !== "number") throw new Error("GET /app did not say which App this is");
  return { appId: data.id, stateSecret: null };
}

// src/incident/notify/notify-channels.ts
var ENV_NAME = /^HOTFIX_NOTIFY_(SLACK|TEAMS|WEBHOOK)_([A-Z0-9][A-Z0-9_]{0,62})$/;
var NotifyChannelError = class extends Error {
  constructor(variable, reason) {
    super(`${variable}: ${reason}`);
    this.variable = variable;
  }
  variable;
  name = "NotifyChannelError";
};
function checkedUrl(variable, value) {
  let url2;
  try {
    url2 = new URL(value.trim());
  } catch {
    throw new NotifyChannelError(variable, "not a URL (expected the webhook's https:// URL)");
  }
  if (url2.protocol !== "https:" && url2.protocol !== "http:")
    throw new NotifyChannelError(variable, `a ${url2.protocol} URL; expected https://`);
  return url2.toString();
}
function channelNameOf(suffix) {
  return suffix.toLowerCase().replace(/_/g, "-");
}
function channelsFromEnvironment(env) {
  const channels = /* @__PURE__ */ new Map();
  for (const [variable, value] of Object.entries(env).sort(([a], [b]) => a.localeCompare(b))) {
    const match = ENV_NAME.exec(variable);
    if (!match || value === void 0 || value.trim() === "") continue;
    const kind = match[1].toLowerCase();
    const name = channelNameOf(match[2]);
    const existing = channels.get(name);
    if (existing)
      throw new NotifyChannelError(
        variable,
        `channel "${name}" is already defined as a ${existing.kind} channel`
      );
    channels.set(name, { name, kind, url: checkedUrl(variable, value) });
  }
  return channels;
}

// src/queue/durable-steps.ts
import { Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
var DURABLE_STEPS = {
  attempts: 3,
  backoffMs: 2e4,
  lockDurationMs: 1e4,
  stalledIntervalMs: 5e3,
  concurrency: 8
};
var STEP_QUEUE = "hotfix-bot-steps";
function stepJobId(step, deliveryId) {
  return `${step}-${deliveryId}`.replace(/[^A-Za-z0-9._-]/g, "_");
}
function isFinalFailure(attemptsMade, attempts) {
  return attemptsMade >= attempts;
}
var DurableSteps = class {
  constructor(redisUrl, run2, log, options = {}) {
    this.log = log;
    this.options = { ...DURABLE_STEPS, ...options };
    const connection = () => {
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
      this.connections.push(redis);
      return redis;
    };
    this.queue = new Queue(STEP_QUEUE, { connection: connection() });
    this.worker = new Worker(
      STEP_QUEUE,
      async (job) => run2(job.data, job.attemptsStarted > 1),
      {
        connection: connection(),
        concurrency: this.options.concurrency,
        lockDuration: this.options.lockDurationMs,
        stalledInterval: this.options.stalledIntervalMs,
        // A job whose instance died twice in a row is not handed to a third: it fails, and says so.
        maxStalledCount: 2
      }
    );
    this.worker.on("failed", (job, error) => {
      if (!job) return;
      const what = `${job.data.step} for ${job.data.event.name} ${job.data.event.id} in ${job.data.repo.owner}/${job.data.repo.repo}`;
      if (isFinalFailure(job.attemptsMade, this.options.attempts))
        this.log.error(`${what} failed for good after ${job.attemptsMade} runs: ${error.message}`);
      else
        this.log.error(
          `${what} failed (run ${job.attemptsMade} of ${this.options.attempts}, runs again): ${error.message}`
        );
    });
    this.worker.on("error", (error) => this.log.error(`step queue: ${error.message}`));
    this.queue.on("error", (error) => this.log.error(`step queue: ${error.message}`));
  }
  log;
  queue;
  worker;
  connections = [];
  options;
  /** Queues a long step; a job with the same id (a redelivery) is left as it is. */
  async enqueue(data) {
    await this.queue.add(data.step, data, {
      jobId: stepJobId(data.step, data.event.id),
      attempts: this.options.attempts,
      backoff: { type: "exponential", delay: this.options.backoffMs },
      removeOnComplete: { age: 86400 },
      removeOnFail: { age: 7 * 86400 }
    });
  }
  /** Whether no job waits, runs or waits for a retry (for tests and the demo). */
  async idle() {
    const counts2 = await this.queue.getJobCounts("wait", "active", "delayed", "prioritized");
    return Object.values(counts2).every((n2) => n2 === 0);
  }
  /** Jobs per state, for the App's queue-depth metric. */
  async depth() {
    return this.queue.getJobCounts("wait", "active", "delayed", "failed");
  }
  async close() {
    await this.worker.close();
    await this.queue.close();
    await Promise.all(this.connections.map((redis) => redis.quit().catch(() => void 0)));
  }
};

// src/queue/sweep-schedule.ts
import { Queue as Queue2, Worker as Worker2 } from "bullmq";
import { Redis as Redis2 } from "ioredis";
var SWEEP_QUEUE = "hotfix-bot-sweep";
function sweepIntervalMs(env) {
  const raw = env.SWEEP_INTERVAL_MINUTES?.trim();
  if (raw === void 0 || raw === "") return 10 * 6e4;
  const minutes = Number(raw);
  if (!Number.isFinite(minutes) || minutes < 0)
    throw new Error(
      `SWEEP_INTERVAL_MINUTES must be a number of minutes (0 turns the sweep off), got "${raw}"`
    );
  return Math.round(minutes * 6e4);
}
function scheduleSweepInProcess(intervalMs, sweep, log) {
  let running = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sweep().catch((error) => log.error(`sweep failed: ${errorMessage(error)}`)).finally(() => {
      running = null;
    });
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    }
  };
}
function scheduleSweepOnQueue(redisUrl, intervalMs, sweep, log) {
  const connections = [0, 1].map(() => new Redis2(redisUrl, { maxRetriesPerRequest: null }));
  const [queueConnection, workerConnection] = connections;
  const queue = new Queue2(SWEEP_QUEUE, { connection: queueConnection });
  const worker = new Worker2(SWEEP_QUEUE, async () => sweep(), {
    connection: workerConnection,
    concurrency: 1,
    lockDuration: 3e4
  });
  const report = (error) => log.error(`sweep queue: ${error.message}`);
  worker.on("error", report);
  queue.on("error", report);
  worker.on("failed", (_job, error) => log.error(`sweep failed: ${error.message}`));
  void queue.upsertJobScheduler(
    "sweep",
    { every: intervalMs },
    { name: "sweep", opts: { removeOnComplete: 100, removeOnFail: 100 } }
  ).catch(report);
  return {
    async stop() {
      await worker.close();
      await queue.close();
      await Promise.all(connections.map((redis) => redis.quit().catch(() => void 0)));
    }
  };
}

// src/installed-repositories.ts
async function activeInstallations(app) {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  return { listed: installations.length, active: installations.filter((i) => !i.suspended_at) };
}
async function* installedRepositories(app) {
  for (const installation of (await activeInstallations(app)).active) {
    const octokit = await app.auth(installation.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100
    });
    for (const repository of repos)
      yield { octokit, repo: { owner: repository.owner.login, repo: repository.name } };
  }
}

// src/sweep/discover-active-repositories.ts
function quoted(value) {
  return `"${value.replaceAll('"', "")}"`;
}
function scopeQualifier(scope) {
  if (scope.kind === "repo") return `repo:${scope.repo.owner}/${scope.repo.repo}`;
  return `${scope.organization ? "org" : "user"}:${scope.login}`;
}
function discoveryQueries(input) {
  const since = input.since.toISOString().replace(/\.\d{3}Z$/, "Z");
  const base = `${scopeQualifier(input.scope)} updated:>=${since}`;
  const queries = [];
  if (input.severityLabels.length > 0)
    queries.push(`${base} is:issue label:${input.severityLabels.map(quoted).join(",")}`);
  if (input.appSlug) queries.push(`${base} is:pr author:app/${input.appSlug}`);
  return queries;
}
function repoOfRepositoryUrl(url2) {
  const match = /\/repos\/([^/]+)\/([^/]+)$/.exec(url2);
  return match?.[1] && match[2] ? { owner: match[1], repo: match[2] } : null;
}
function groupByRepository(items) {
  const groups = /* @__PURE__ */ new Map();
  for (const item of items) {
    const repo = repoOfRepositoryUrl(item.repository_url);
    if (!repo) continue;
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    const group = groups.get(key) ?? { repo, found: [] };
    if (!group.found.some((f) => f.number === item.number)) {
      group.found.push({
        number: item.number,
        title: item.title,
        state: item.state === "closed" ? "closed" : "open",
        labels: item.labels.flatMap(
          (label) => typeof label === "string" ? [label] : label.name ? [label.name] : []
        ),
        url: item.html_url,
        isPull: item.pull_request !== void 0 && item.pull_request !== null,
        updatedAt: item.updated_at
      });
    }
    groups.set(key, group);
  }
  return groups;
}
var SEARCH_PAGES_MAX = 10;
async function discoverActiveRepositories(octokit, input) {
  const items = [];
  for (const q of discoveryQueries(input)) {
    for (let page = 1; page <= SEARCH_PAGES_MAX; page++) {
      const { data } = await octokit.rest.search.issuesAndPullRequests({
        q,
        sort: "updated",
        order: "desc",
        per_page: 100,
        page
      });
      items.push(...data.items);
      if (data.items.length < 100 || page * 100 >= data.total_count) break;
    }
  }
  return groupByRepository(items);
}

// src/sweep/read-swept-repository.ts
var SWEEP_LOOKBACK_DAYS = 14;
var STALE_AFTER_MS = 10 * 6e4;
async function readSweptRepository(ctx, found, options = {}) {
  const loaded = await ctx.config();
  if (!loaded.ok) return { ok: false, skipped: loaded.error.message };
  const config = loaded.config;
  const now = ctx.clock();
  const cutoff = now.getTime() - SWEEP_LOOKBACK_DAYS * 864e5;
  const { data: closed } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    state: "closed",
    // With maintenance lines (globs) no one base names them all: the newest closed PRs are filtered below.
    ...config.productionBranches.length === 1 ? { base: config.productionBranch } : {},
    sort: "updated",
    direction: "desc",
    per_page: config.productionBranches.length === 1 ? 50 : 100
  });
  const mergedHotfixes = closed.flatMap((raw) => {
    const pr = mergedPullRequestFrom(raw);
    return pr && isMergedHotfix(pr, config) && Date.parse(pr.mergedAt) >= cutoff ? [pr] : [];
  });
  const claims = await listClaims(ctx);
  const timelines = /* @__PURE__ */ new Map();
  return {
    ok: true,
    swept: {
      repo: ctx.repo,
      config,
      now,
      found,
      mergedHotfixes,
      claims,
      staleAfterMs: options.staleAfterMs ?? STALE_AFTER_MS,
      timeline(issue) {
        let read = timelines.get(issue);
        if (!read) {
          read = readTimeline(ctx, issue);
          read.catch(() => timelines.delete(issue));
          timelines.set(issue, read);
        }
        return read;
      }
    }
  };
}

// src/sweep/sweep-task.ts
function dueNow(items, now) {
  return items.filter((item) => {
    const t = Date.parse(item.dueAt);
    return !Number.isNaN(t) && t <= now.getTime();
  }).sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}
function everySweep(name, act2) {
  return { name, run: async (ctx, swept) => await act2(ctx, swept.repo, swept.now, swept) ?? [] };
}
function failedResult(task, target, error) {
  return { task, target, outcome: "failed", detail: errorMessage(error) };
}

// src/sweep/tasks/delete-leftover-pick-branches.ts
var PICK_BRANCH_PREFIX = "hotfix-bot/tmp-pick-";
var deleteLeftoverPickBranches = {
  name: "tmp-pick-branches",
  async run(ctx, swept) {
    const results = [];
    const { octokit, repo } = ctx;
    const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, {
      ...repo,
      ref: `heads/${PICK_BRANCH_PREFIX}`,
      per_page: 100
    });
    for (const ref of refs) {
      const branch = ref.ref.slice("refs/heads/".length);
      try {
        const { data: commit } = await octokit.rest.git.getCommit({ ...repo, commit_sha: ref.object.sha });
        const age = swept.now.getTime() - Date.parse(commit.committer.date);
        if (!(age >= swept.staleAfterMs)) continue;
        try {
          await octokit.rest.git.deleteRef({ ...repo, ref: `heads/${branch}` });
        } catch (error) {
          const status = httpStatus(error);
          if (status !== 404 && status !== 422) throw error;
        }
        results.push({
          task: this.name,
          target: branch,
          outcome: "finished",
          detail: "leftover branch deleted"
        });
      } catch (error) {
        results.push(failedResult(this.name, branch, error));
      }
    }
    return results;
  }
};

// src/sweep/tasks/timeline-of-merged-hotfix.ts
async function timelineOfMergedHotfix(swept, pr) {
  const linked = pr.fromFork ? null : linkedIncidentNumber({ body: pr.body, headRef: pr.headRef });
  if (linked !== null) {
    const { state } = await swept.timeline(linked).catch(() => ({ state: null }));
    if (incidentLinkHolds(state, pr.headRef)) return { issue: linked, incident: linked, state };
  }
  return { issue: pr.number, incident: null, state: (await swept.timeline(pr.number)).state };
}

// src/sweep/tasks/end-monitoring-windows.ts
var endMonitoringWindows = {
  name: "monitoring",
  async run(ctx, swept) {
    const results = [];
    const open = [];
    for (const pr of swept.mergedHotfixes) {
      try {
        const { state } = await timelineOfMergedHotfix(swept, pr);
        const pipeline2 = state?.pipelines[String(pr.number)];
        const phase = monitoringPhase(pipeline2, swept.now);
        if (!pipeline2?.monitor || phase !== "open" && phase !== "due") continue;
        open.push({ key: `monitoring-${pr.number}`, dueAt: pipeline2.monitor.until, pr });
      } catch (error) {
        results.push(failedResult(this.name, `#${pr.number}`, error));
      }
    }
    for (const item of dueNow(open, swept.now)) {
      const target = `#${item.pr.number}`;
      try {
        const { stable, incident } = await endMonitoringIfDue(ctx, swept.config, item.pr);
        if (!stable) continue;
        results.push({ task: this.name, target, outcome: "finished", detail: "stable" });
        await notifyMonitoringDone(ctx, swept.config, incident, item.pr.number);
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/sweep/tasks/finish-after-merge.ts
var finishAfterMerge = {
  name: "after-merge",
  async run(ctx, swept) {
    const results = [];
    for (const pr of swept.mergedHotfixes) {
      const target = `#${pr.number}`;
      try {
        const { state } = await timelineOfMergedHotfix(swept, pr);
        const claimed = swept.claims.has(pr.number);
        if (state?.pipelines[String(pr.number)]?.done) {
          if (claimed) {
            await releasePipeline(ctx, pr.number);
            results.push({ task: this.name, target, outcome: "finished", detail: "stale claim deleted" });
          }
          continue;
        }
        const age = swept.now.getTime() - Date.parse(pr.mergedAt);
        if (claimed && age < swept.staleAfterMs) {
          ctx.log.info(`sweep: the pipeline of ${target} is claimed by a run in progress; left to it`);
          continue;
        }
        ctx.log.info(`sweep: finishing the after-merge pipeline of ${target}`);
        await runAfterMerge(ctx, swept.config, pr, afterMergeSteps, { takeOver: claimed });
        results.push({
          task: this.name,
          target,
          outcome: "finished",
          detail: "after-merge pipeline finished"
        });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/sweep/tasks/finish-draft-pr.ts
var finishDraftPr = {
  name: "draft-pr",
  async run(ctx, swept) {
    const results = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const target = `#${issue.number}`;
      try {
        const { state } = await swept.timeline(issue.number);
        const intake2 = state?.intake;
        if (!intake2?.checklist || intake2.pr) continue;
        let tip;
        try {
          const { data } = await ctx.octokit.rest.git.getRef({ ...ctx.repo, ref: `heads/${intake2.branch}` });
          tip = data.object.sha;
        } catch (error) {
          if (httpStatus(error) === 404) continue;
          throw error;
        }
        if (tip === intake2.baseSha || tip === intake2.report?.commit) continue;
        const opened = await withIncidentLock(
          ctx,
          issue.number,
          () => openDraftPr(ctx, swept.config, {
            branch: intake2.branch,
            incident: issue.number,
            after: tip,
            pusher: ""
          })
        );
        if (opened) await notifyDraftPr(ctx, swept.config, issue.number);
        if (opened)
          results.push({
            task: this.name,
            target,
            outcome: "finished",
            detail: opened.created ? `draft PR #${opened.pr} opened` : `PR #${opened.pr} recorded`
          });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/sweep/tasks/finish-intake.ts
function intakeUnfinished(state, incidentReport2) {
  if (state.detectedAt === void 0 || state.commander === void 0) return false;
  const intake2 = state.intake;
  return !intake2?.checklist || incidentReport2 && !intake2.report;
}
function recordedIntakeRequest(issue, state, defaultSeverity) {
  const declared = state.entries.find((entry2) => entry2.key === "declared");
  const severity2 = state.severity;
  return {
    issue: {
      number: issue.number,
      title: issue.title,
      state: issue.state,
      labels: issue.labels,
      url: issue.url
    },
    trigger: state.intake?.trigger ?? (declared?.text.includes("(/hotfix)") ? "command" : "label"),
    severity: severity2 === "P0" || severity2 === "P1" || severity2 === "P2" ? severity2 : defaultSeverity,
    actor: state.commander ?? "",
    at: state.detectedAt ?? "",
    // The line intake accepted (`/hotfix release/1.x`), re-checked against the configuration when it cuts.
    line: state.intake?.line ?? null
  };
}
var finishIntake = {
  name: "intake",
  async run(ctx, swept) {
    const results = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const target = `#${issue.number}`;
      try {
        const { state } = await swept.timeline(issue.number);
        if (!state || !intakeUnfinished(state, swept.config.intake.incidentReport)) continue;
        ctx.log.info(`sweep: finishing the intake of incident ${target}`);
        const request = recordedIntakeRequest(issue, state, swept.config.severity.default);
        await withIncidentLock(ctx, issue.number, () => runIntake(ctx, swept.config, request));
        await notifyDeclared(ctx, swept.config, issue.number);
        results.push({ task: this.name, target, outcome: "finished", detail: "intake finished" });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/sweep/tasks/fire-fast-track.ts
function pendingFastTracks(state) {
  return Object.entries(state?.fastTrack ?? {}).flatMap(([key, record]) => {
    const pr = Number(key);
    const since = Date.parse(record.since);
    if (!Number.isSafeInteger(pr) || record.firedAt !== void 0 || Number.isNaN(since)) return [];
    const dueAt = new Date(since + record.minutes * 6e4).toISOString();
    return [{ key: `fast-track-${pr}`, dueAt, pr, head: record.head }];
  });
}
var fireFastTrack = {
  name: "fast-track",
  async run(ctx, swept) {
    const results = [];
    for (const issue of swept.found) {
      if (issue.isPull || issue.state !== "open") continue;
      const { state } = await swept.timeline(issue.number);
      for (const due of dueNow(pendingFastTracks(state), swept.now)) {
        const target = `#${due.pr}`;
        try {
          const outcome = await reevaluatePull({ ...ctx, clock: () => swept.now }, swept.config, due.pr);
          if (outcome?.gate)
            results.push({
              task: this.name,
              target,
              outcome: "finished",
              detail: `gate re-evaluated after the fast-track timeout: ${outcome.gate.summary}`
            });
        } catch (error) {
          results.push(failedResult(this.name, target, error));
        }
      }
    }
    return results;
  }
};

// src/follow-ups/overdue-notice.ts
function overdueMarker(issue) {
  return `<!-- hotfix-bot:follow-up-overdue ${JSON.stringify({ issue })} -->`;
}
var LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/;
function overdueMentions(assignees, commander) {
  const people2 = (logins) => logins.filter((l) => LOGIN.test(l) && !l.endsWith("[bot]"));
  const assigned = people2(assignees);
  if (assigned.length > 0) return [...new Set(assigned)];
  return people2(commander ? [commander] : []);
}
function overdueNoticeText(input) {
  const who2 = input.mentions.length > 0 ? `${input.mentions.map((m) => `@${m}`).join(" ")}: ` : "";
  const of = input.incident === null ? `hotfix #${input.pr}` : `incident #${input.incident} (hotfix #${input.pr})`;
  const nobody = input.mentions.length === 0 ? " Nobody is assigned, and the incident records no commander to ask." : "";
  return `${overdueMarker(input.issue)}
${who2}this ${input.kind} follow-up of ${of} was due ${formatDueTime(input.dueAt)} and is still open. Finish it and close this issue, or say here what holds it up.${nobody}`;
}

// src/sweep/tasks/notice-overdue-follow-ups.ts
function dueFollowUps(pipeline2, now) {
  if (!pipeline2) return [];
  const items = Object.entries(pipeline2.followUps).flatMap(
    ([kind, f]) => f?.dueAt && !f.overdueNoticeAt && !f.closedAt ? [{ key: `follow-up-overdue-${f.issue}`, dueAt: f.dueAt, kind, issue: f.issue }] : []
  );
  return dueNow(items, now);
}
async function readIssue(ctx, issue) {
  try {
    const { data } = await ctx.octokit.rest.issues.get({ ...ctx.repo, issue_number: issue });
    return {
      open: data.state === "open",
      closedAt: data.closed_at ?? null,
      assignees: (data.assignees ?? []).map((a) => a.login)
    };
  } catch (error) {
    if (httpStatus(error) === 404 || httpStatus(error) === 410) return null;
    throw error;
  }
}
async function settleDue(ctx, state, pipeline2, due, now) {
  const record = pipeline2.followUps[due.kind];
  if (!record) return null;
  const issue = await readIssue(ctx, due.issue);
  if (!issue) return null;
  if (!issue.open) {
    const closedAt = issue.closedAt ?? now.toISOString();
    const late = Date.parse(closedAt) > Date.parse(due.dueAt);
    pipeline2.followUps[due.kind] = { ...record, closedAt };
    const text2 = `Follow-up #${due.issue} (${due.kind}) closed ${late ? `late, after its due time ${formatDueTime(due.dueAt)}` : "on time"}`;
    return {
      state: addEntry(state, { key: `follow-up-closed-${due.issue}`, at: closedAt, text: text2, url: record.url }),
      detail: late ? "closed late" : "closed on time"
    };
  }
  const mentions = overdueMentions(issue.assignees, state.commander);
  await ensureBotComment(
    ctx,
    due.issue,
    overdueMarker(due.issue),
    overdueNoticeText({
      issue: due.issue,
      kind: due.kind,
      pr: pipeline2.pr,
      incident: state.incident,
      dueAt: due.dueAt,
      mentions
    })
  );
  pipeline2.followUps[due.kind] = { ...record, overdueNoticeAt: now.toISOString() };
  const who2 = mentions.length > 0 ? mentions.map((m) => `@${m}`).join(" ") : "nobody to mention";
  return {
    state: addEntry(state, {
      key: due.key,
      at: now.toISOString(),
      text: `Follow-up #${due.issue} (${due.kind}) overdue since ${formatDueTime(due.dueAt)}: reminded ${who2}`,
      url: record.url
    }),
    detail: `overdue, reminded ${who2}`
  };
}
var noticeOverdueFollowUps = {
  name: "follow-up-deadlines",
  async run(ctx, swept) {
    const results = [];
    for (const pr of swept.mergedHotfixes) {
      try {
        const { issue, state } = await timelineOfMergedHotfix(swept, pr);
        if (dueFollowUps(state?.pipelines[String(pr.number)], swept.now).length === 0) continue;
        await withPipelineLock(
          ctx,
          pr.number,
          () => withIncidentLock(ctx, issue, async () => {
            const timeline = await readTimeline(ctx, issue);
            let next = timeline.state;
            const pipeline2 = next?.pipelines[String(pr.number)];
            if (!next || !pipeline2) return;
            let changed = false;
            for (const due of dueFollowUps(pipeline2, swept.now)) {
              const target = `#${due.issue}`;
              try {
                const settled2 = await settleDue(ctx, next, pipeline2, due, swept.now);
                if (!settled2) continue;
                next = settled2.state;
                changed = true;
                results.push({ task: this.name, target, outcome: "finished", detail: settled2.detail });
              } catch (error) {
                results.push(failedResult(this.name, target, error));
              }
            }
            if (!changed) return;
            next = { ...next, pipelines: { ...next.pipelines, [String(pr.number)]: pipeline2 } };
            await writeTimeline(ctx, issue, timeline.commentId, next);
          })
        );
      } catch (error) {
        results.push(failedResult(this.name, `#${pr.number}`, error));
      }
    }
    return results;
  }
};

// src/sweep/tasks/record-deploy-outcome.ts
function deployOutcomePending(pipeline2) {
  const deploy2 = pipeline2?.deploy;
  if (!pipeline2?.tag || !deploy2 || !deploy2.workflow && !deploy2.environment) return false;
  if (deploy2.deployedAt !== void 0) return false;
  if (deploy2.failedAt === void 0) return true;
  return deploy2.rollback === void 0 || deploy2.rollback.status === "failed" || !deploy2.escalated;
}
var FINAL = /* @__PURE__ */ new Set(["success", "failure", "error"]);
var recordDeployOutcome = {
  name: "deploy",
  async run(ctx, swept) {
    const results = [];
    const { octokit, repo } = ctx;
    for (const pr of swept.mergedHotfixes) {
      const target = `#${pr.number}`;
      try {
        const { state, incident } = await timelineOfMergedHotfix(swept, pr);
        const pipeline2 = state?.pipelines[String(pr.number)];
        if (!pipeline2?.tag || !state) continue;
        const retryResolution = resolutionRetryDue(state, pipeline2);
        if (!deployOutcomePending(pipeline2) && !retryResolution) continue;
        const environment = pipeline2.deploy?.environment;
        const deployment = environment ? (await octokit.rest.repos.getDeployment({ ...repo, deployment_id: environment.deployment })).data : (await octokit.rest.repos.listDeployments({ ...repo, ref: pipeline2.tag, per_page: 1 })).data[0];
        if (!deployment) continue;
        const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
          ...repo,
          deployment_id: deployment.id,
          per_page: 30
        });
        const final = statuses.find((status2) => FINAL.has(status2.state));
        if (!final) continue;
        const status = {
          deployment: deployment.id,
          state: final.state,
          ref: pipeline2.tag,
          sha: deployment.sha,
          environment: final.environment ?? deployment.environment,
          at: final.created_at,
          description: final.description ?? "",
          url: final.log_url || final.target_url || null,
          marker: { incident, pr: pr.number, tag: pipeline2.tag }
        };
        ctx.log.info(
          `sweep: deployment ${deployment.id} of ${pipeline2.tag} ended ${final.state}; recording it`
        );
        const { handled } = await handleDeploymentStatus(ctx, swept.config, status);
        if (retryResolution && handled === "done") {
          results.push({ task: this.name, target, outcome: "finished", detail: "resolution record retried" });
        } else if (handled === "deployed" || handled === "rolled-back")
          results.push({
            task: this.name,
            target,
            outcome: "finished",
            detail: `${pipeline2.tag} ${handled}`
          });
      } catch (error) {
        results.push(failedResult(this.name, target, error));
      }
    }
    return results;
  }
};

// src/sweep/sweep-tasks.ts
var sweepTasks = [
  finishIntake,
  finishDraftPr,
  finishAfterMerge,
  recordDeployOutcome,
  endMonitoringWindows,
  fireFastTrack,
  deleteLeftoverPickBranches,
  noticeOverdueFollowUps,
  everySweep("stale-backports", async (ctx, repo, now) => {
    const reminded = await remindStaleBackports(ctx, repo, now);
    return reminded > 0 ? [
      {
        task: "stale-backports",
        target: `${reminded} backport PR(s)`,
        outcome: "finished",
        detail: "reminded"
      }
    ] : [];
  })
];

// src/sweep/sweep-repository.ts
var prNumber = (target) => Number(target.replace(/^#/, ""));
async function sweepRepository(ctx, found, options = {}) {
  const name = `${ctx.repo.owner}/${ctx.repo.repo}`;
  const read = await readSweptRepository(ctx, found, options);
  if (!read.ok)
    return { repo: name, checked: 0, finished: [], failed: [], skipped: read.skipped, results: [] };
  const results = [];
  for (const task of options.tasks ?? sweepTasks) {
    try {
      results.push(...await task.run(ctx, read.swept));
    } catch (error) {
      results.push({
        task: task.name,
        target: name,
        outcome: "failed",
        detail: errorMessage(error)
      });
    }
  }
  const afterMerge = results.filter((r) => r.task === "after-merge" && r.target.startsWith("#"));
  return {
    repo: name,
    checked: read.swept.mergedHotfixes.length,
    finished: afterMerge.filter((r) => r.outcome === "finished" && r.detail !== "stale claim deleted").map((r) => prNumber(r.target)),
    failed: afterMerge.filter((r) => r.outcome === "failed").map((r) => ({ pr: prNumber(r.target), error: r.detail })),
    results
  };
}

// src/sweep/sweep-installations.ts
async function sweepInstallations(app, contextFor, options = {}) {
  const installations = await activeInstallations(app);
  const defaults2 = Object.values(configSchema.parse({}).severity.labels);
  const labels = [.../* @__PURE__ */ new Set([...defaults2, ...options.extraSeverityLabels ?? []])];
  const since = new Date((options.now ?? /* @__PURE__ */ new Date()).getTime() - SWEEP_LOOKBACK_DAYS * 864e5);
  const reports = [];
  for (const installation of installations.active) {
    const account2 = installation.account;
    const login = account2 && "login" in account2 ? account2.login : null;
    if (!login) continue;
    const octokit = await app.auth(installation.id);
    const active = await discoverActiveRepositories(octokit, {
      scope: { kind: "account", login, organization: installation.target_type === "Organization" },
      since,
      severityLabels: labels,
      appSlug: installation.app_slug
    });
    for (const { repo, found } of active.values()) {
      const options_ = options.staleAfterMs === void 0 ? {} : { staleAfterMs: options.staleAfterMs };
      reports.push(await sweepRepository(contextFor(octokit, repo), found, options_));
    }
  }
  return { installations: installations.listed, reports };
}
function sweepSummary(sweep) {
  const results = sweep.reports.flatMap((report) => report.results);
  const finished = results.filter((r) => r.outcome === "finished");
  const failed = results.filter((r) => r.outcome === "failed");
  const what = [...finished, ...failed].map(
    (r) => `${r.task} ${r.target}: ${r.outcome === "failed" ? `failed (${r.detail})` : r.detail}`
  );
  return `sweep: ${sweep.installations} installation(s), ${sweep.reports.length} active repositor${sweep.reports.length === 1 ? "y" : "ies"}, ${finished.length} finished, ${failed.length} failed${what.length ? `: ${what.join("; ")}` : ""}`;
}

// src/util/background-work.ts
var NO_RETRY = { attempts: 1, delayMs: () => 0 };
var STEP_RETRY = {
  attempts: 3,
  delayMs: (attempt) => attempt === 1 ? 2e4 : 6e4
};
var BackgroundWork = class {
  constructor(log, retry = NO_RETRY) {
    this.log = log;
    this.retry = retry;
  }
  log;
  retry;
  running = /* @__PURE__ */ new Set();
  failures = 0;
  retried = 0;
  run(name, task) {
    const promise = this.attempt(name, task, 1);
    this.running.add(promise);
    void promise.finally(() => this.running.delete(promise));
  }
  async attempt(name, task, attempt) {
    try {
      await task();
    } catch (error) {
      const message = errorMessage(error);
      if (attempt >= this.retry.attempts) {
        this.failures += 1;
        this.log.error(`${name} failed: ${message}`);
        return;
      }
      this.retried += 1;
      this.log.error(`${name} failed (run ${attempt} of ${this.retry.attempts}, runs again): ${message}`);
      await new Promise((resolve) => setTimeout(resolve, this.retry.delayMs(attempt)));
      await this.attempt(name, task, attempt + 1);
    }
  }
  /** Counts work that runs elsewhere (a queue worker's job) as running, so that idle() waits for it too. */
  track(promise) {
    const settled2 = promise.then(
      () => void 0,
      () => void 0
    );
    this.running.add(settled2);
    void settled2.finally(() => this.running.delete(settled2));
    return promise;
  }
  /** Resolves once nothing is running, including work started while waiting. */
  async idle() {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
  get busy() {
    return this.running.size > 0;
  }
  /** Tasks running now (a task waiting to run again counts). */
  get runningCount() {
    return this.running.size;
  }
  /** Tasks that failed for good (every run failed). */
  get failureCount() {
    return this.failures;
  }
  /** Failed runs that were followed by another run. */
  get retryCount() {
    return this.retried;
  }
};

// src/util/redis-mutex-lock.ts
import { Mutex, TimeoutError } from "redis-semaphore";

// src/util/keyed-lock.ts
var LockTimeoutError = class extends HotfixBotError {
  constructor(key) {
    super(`the lock on ${key} stayed held by another App instance; the next event for it evaluates again`);
    this.key = key;
  }
  key;
  kind = "contention";
  name = "LockTimeoutError";
};

// src/util/redis-mutex-lock.ts
var RedisMutexLock = class {
  constructor(redis, options = {}, prefix = "hotfix-bot:lock:") {
    this.redis = redis;
    this.prefix = prefix;
    this.ttlMs = options.ttlMs ?? 6e4;
    this.pollMs = options.pollMs ?? 50;
    this.waitMs = options.waitMs ?? 12e4;
  }
  redis;
  prefix;
  ttlMs;
  pollMs;
  waitMs;
  async run(key, task) {
    const mutex = new Mutex(this.redis, `${this.prefix}${key}`, {
      lockTimeout: this.ttlMs,
      acquireTimeout: this.waitMs,
      retryInterval: this.pollMs,
      refreshInterval: Math.floor(this.ttlMs * 0.8),
      // A refresh that failed (Redis unreachable for longer than the expiry): the task finishes anyway; every
      // step is idempotent, the lock only spares duplicate work.
      onLockLost: () => void 0
    });
    try {
      await mutex.acquire();
    } catch (error) {
      if (error instanceof TimeoutError) throw new LockTimeoutError(key);
      throw error;
    }
    try {
      return await task();
    } finally {
      await mutex.release().catch(() => void 0);
    }
  }
};

// src/util/secondary-rate-limit.ts
function isSecondaryRateLimit(error) {
  if (typeof error !== "object" || error === null) return false;
  const { status, message, response } = error;
  if (status !== 403 && status !== 429) return false;
  if (typeof message === "string" && /\bsecondary rate\b/i.test(message)) return true;
  return response?.headers?.["retry-after"] !== void 0;
}
function retryAfterSeconds(error, fallback) {
  const header2 = error.response?.headers?.["retry-after"];
  const seconds = Number(header2);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : fallback;
}
var wrapped = /* @__PURE__ */ new WeakSet();
function retrySecondaryRateLimits(octokit, options = {}) {
  if (wrapped.has(octokit)) return octokit;
  wrapped.add(octokit);
  const resend = octokit.request;
  const retries = options.retries ?? 3;
  const base = options.retryAfterBaseValue ?? 1e3;
  const fallback = options.fallbackSeconds ?? 60;
  const maxWait = options.maxWaitSeconds ?? 120;
  octokit.hook.error("request", async (error, request) => {
    if (!isSecondaryRateLimit(error)) throw error;
    const bag = request.request ?? {};
    const attempt = (bag.secondaryLimitAttempt ?? 0) + 1;
    if (attempt > retries) throw error;
    const seconds = Math.min(retryAfterSeconds(error, fallback), maxWait);
    options.onWait?.(seconds);
    const wait = seconds * base;
    await new Promise((resolve) => setTimeout(resolve, wait));
    return resend({ ...request, request: { ...bag, secondaryLimitAttempt: attempt } });
  });
  return octokit;
}

// src/metrics/backport-landing.ts
function backportLanding(state) {
  const landing = { total: 0, landed: 0, waived: 0, landMs: [] };
  for (const pipeline2 of Object.values(state?.pipelines ?? {})) {
    const merged = Date.parse(pipeline2.mergedAt);
    for (const backport2 of Object.values(pipeline2.backports)) {
      const end = backport2.end;
      if (end?.state === "merged") {
        landing.total += 1;
        landing.landed += 1;
        const at = Date.parse(end.at);
        if (!Number.isNaN(at) && !Number.isNaN(merged) && at >= merged) landing.landMs.push(at - merged);
      } else if (backport2.status === "already") {
        landing.total += 1;
        landing.landed += 1;
      } else if (backport2.waived) {
        landing.waived += 1;
      } else {
        landing.total += 1;
      }
    }
  }
  return landing;
}

// src/metrics/compute-metrics.ts
var POLICY = {
  /** Every incident resolved (its fix deployed, or merged where no deploy is recorded) within an hour. */
  resolutionMs: 36e5,
  /** Fewer than 5 % of shipped hotfixes rolled back. */
  rollbackRate: 0.05,
  /** Every follow-up issue closed. */
  followUpCompletion: 1,
  /**
   * A follow-up is due at the time its timeline records (followUps.due after the merge); one recorded before
   * deadlines existed is due a week after its fix merged.
   */
  followUpDueMs: 7 * 864e5,
  /** Every backport landed (merged, or already there); a waived one is left out. */
  backportsLanded: 1
};
function stats(values) {
  const known = values.filter((v) => v !== null).sort((a, b) => a - b);
  if (known.length === 0) return { count: 0, medianMs: null, maxMs: null };
  const mid = Math.floor(known.length / 2);
  const median = known.length % 2 === 1 ? known[mid] : (known[mid - 1] + known[mid]) / 2;
  return { count: known.length, medianMs: median, maxMs: known[known.length - 1] };
}
function detectedAt(record) {
  const t = Date.parse(record.timeline?.detectedAt ?? "");
  return Number.isNaN(t) ? Date.parse(record.createdAt) : t;
}
function computeMetrics(records, followUpStates, options) {
  const since = options.since ?? null;
  const now = options.now.getTime();
  const kept = records.filter((r) => since === null || detectedAt(r) >= since.getTime()).sort((a, b) => a.number - b.number);
  const landings = kept.map((record) => backportLanding(record.timeline));
  const rows = kept.map((record, i) => {
    const landing = landings[i];
    const d = record.timeline ? incidentDurations(record.timeline) : incidentDurations({ v: 1, incident: record.number, entries: [], pipelines: {} });
    const states = record.followUpStates ?? followUpStates;
    const closed2 = d.followUps.filter((n2) => states.get(n2) === "closed").length;
    const deadlines = followUpDeadlines(
      record.timeline,
      states,
      record.followUpClosedAt ?? options.followUpClosedAt,
      now
    );
    return {
      number: record.number,
      title: record.title,
      url: record.url,
      severity: record.severity,
      state: record.state,
      ...d,
      // An incident without a timeline (intake never ran) was detected when its issue was opened.
      detectedAt: d.detectedAt ?? new Date(detectedAt(record)).toISOString(),
      resolutionMs: d.detectionToDeploy ?? d.detectionToMerge,
      followUpsOpened: d.followUps.length,
      followUpsClosed: closed2,
      followUpsOverdue: deadlines.overdue,
      followUpsOverdueSince: deadlines.overdueSince,
      followUpsOnTime: deadlines.onTime,
      followUpsLate: deadlines.late,
      backportsTotal: landing.total,
      backportsLanded: landing.landed,
      backportsWaived: landing.waived
    };
  });
  const resolution = stats(rows.map((r) => r.resolutionMs));
  const within = rows.filter((r) => r.resolutionMs !== null && r.resolutionMs < POLICY.resolutionMs).length;
  const overdue = kept.filter((record, i) => {
    const row = rows[i];
    return row.resolutionMs === null && record.state === "open" && now - detectedAt(record) >= POLICY.resolutionMs;
  }).length;
  const shipped = rows.filter((r) => r.mergedAt !== null).length;
  const rolledBack = rows.filter((r) => r.rolledBack).length;
  const rate = shipped === 0 ? null : rolledBack / shipped;
  const opened = rows.reduce((sum, r) => sum + r.followUpsOpened, 0);
  const closed = rows.reduce((sum, r) => sum + r.followUpsClosed, 0);
  const completion = opened === 0 ? null : closed / opened;
  return {
    since: since?.toISOString() ?? null,
    generatedAt: options.now.toISOString(),
    incidents: rows.length,
    detectionToPr: stats(rows.map((r) => r.detectionToPr)),
    detectionToMerge: stats(rows.map((r) => r.detectionToMerge)),
    mergeToDeploy: stats(rows.map((r) => r.mergeToDeploy)),
    detectionToDeploy: stats(rows.map((r) => r.detectionToDeploy)),
    resolution: {
      ...resolution,
      targetMs: POLICY.resolutionMs,
      within,
      unresolvedOverdue: overdue,
      met: within === resolution.count && overdue === 0
    },
    rollback: {
      shipped,
      rolledBack,
      rate,
      target: POLICY.rollbackRate,
      met: rate === null || rate < POLICY.rollbackRate
    },
    followUps: {
      opened,
      closed,
      completion,
      target: POLICY.followUpCompletion,
      met: completion === null || completion >= POLICY.followUpCompletion,
      overdue: rows.reduce((sum, r) => sum + r.followUpsOverdue.length, 0),
      onTime: rows.reduce((sum, r) => sum + r.followUpsOnTime, 0),
      late: rows.reduce((sum, r) => sum + r.followUpsLate, 0)
    },
    backports: backportFigures(landings),
    perIncident: rows
  };
}
function followUpDeadlines(timeline, states, closedAtOf, now) {
  const overdueSince = {};
  let onTime = 0;
  let late = 0;
  const seen = /* @__PURE__ */ new Set();
  for (const pipeline2 of Object.values(timeline?.pipelines ?? {})) {
    for (const followUp2 of Object.values(pipeline2.followUps)) {
      if (!followUp2 || seen.has(followUp2.issue)) continue;
      seen.add(followUp2.issue);
      const due = followUp2.dueAt ? Date.parse(followUp2.dueAt) : Date.parse(pipeline2.mergedAt) + POLICY.followUpDueMs;
      if (Number.isNaN(due)) continue;
      if (states.get(followUp2.issue) !== "closed") {
        if (now > due) overdueSince[followUp2.issue] = new Date(due).toISOString();
        continue;
      }
      const closedAt = Date.parse(closedAtOf?.get(followUp2.issue) ?? followUp2.closedAt ?? "");
      if (Number.isNaN(closedAt)) continue;
      if (closedAt <= due) onTime += 1;
      else late += 1;
    }
  }
  const overdue = Object.keys(overdueSince).map(Number).sort((a, b) => a - b);
  return { overdue, overdueSince, onTime, late };
}
function backportFigures(landings) {
  const total = landings.reduce((sum, l) => sum + l.total, 0);
  const landed = landings.reduce((sum, l) => sum + l.landed, 0);
  const rate = total === 0 ? null : landed / total;
  return {
    total,
    landed,
    waived: landings.reduce((sum, l) => sum + l.waived, 0),
    rate,
    target: POLICY.backportsLanded,
    met: rate === null || rate >= POLICY.backportsLanded,
    timeToLand: stats(landings.flatMap((l) => l.landMs))
  };
}

// src/metrics/read-incidents.ts
var labelName = (label) => typeof label === "string" ? label : label.name ?? "";
async function readIncidents(ctx, config, options = {}) {
  const { octokit, repo } = ctx;
  let reads = 0;
  const counted = (value) => {
    reads += 1;
    return value;
  };
  const issues = /* @__PURE__ */ new Map();
  for (const label of Object.values(config.severity.labels)) {
    const found = await octokit.paginate(
      octokit.rest.issues.listForRepo,
      {
        ...repo,
        labels: label,
        state: "all",
        per_page: 100,
        ...options.since ? { since: options.since.toISOString() } : {}
      },
      (response) => counted(response.data)
    );
    for (const issue of found) {
      if (issue.pull_request || issues.has(issue.number)) continue;
      const labels = issue.labels.map(labelName);
      issues.set(issue.number, {
        number: issue.number,
        title: issue.title,
        url: issue.html_url,
        severity: severityFromLabels(labels, config),
        state: issue.state === "closed" ? "closed" : "open",
        createdAt: issue.created_at,
        timeline: null
      });
    }
  }
  for (const record of issues.values()) {
    const { state } = await readTimeline(ctx, record.number);
    reads += 1;
    record.timeline = state;
    if (state?.severity && !record.severity) record.severity = state.severity;
  }
  const followUps2 = /* @__PURE__ */ new Map();
  const followUpClosedAt = /* @__PURE__ */ new Map();
  const wanted = new Set(
    [...issues.values()].flatMap(
      (r) => Object.values(r.timeline?.pipelines ?? {}).flatMap(
        (p) => Object.values(p.followUps).map((f) => f?.issue)
      )
    )
  );
  for (const number of wanted) {
    if (number === void 0) continue;
    try {
      const { data } = await octokit.rest.issues.get({ ...repo, issue_number: number });
      reads += 1;
      followUps2.set(number, data.state === "closed" ? "closed" : "open");
      if (data.state === "closed" && data.closed_at) followUpClosedAt.set(number, data.closed_at);
    } catch (error) {
      if (httpStatus(error) !== 404 && httpStatus(error) !== 410) throw error;
    }
  }
  return { incidents: [...issues.values()], followUps: followUps2, followUpClosedAt, reads };
}

// src/metrics/dashboard/incident-step.ts
function incidentStep(state) {
  if (!state?.intake) return { step: "intake: waiting for the hotfix branch", stepUrl: null };
  const pipelines = Object.values(state.pipelines);
  const rollback2 = pipelines.find((p) => p.deploy?.rollback || p.deploy?.failedAt);
  if (rollback2)
    return {
      step: `rollback: deploy of #${rollback2.pr} failed${rollback2.deploy?.rollback?.pr ? `, revert PR #${rollback2.deploy.rollback.pr}` : ""}`,
      stepUrl: rollback2.deploy?.rollback?.url ?? null
    };
  const deployed = pipelines.find((p) => p.deploy?.deployedAt);
  if (deployed)
    return {
      step: `deployed (${deployed.tag ?? `#${deployed.pr}`}); follow-ups open`,
      stepUrl: deployed.deploy?.url ?? null
    };
  const running = pipelines.find((p) => !p.done);
  if (running) return { step: `after merge of #${running.pr}: tag, backports, follow-ups`, stepUrl: null };
  const merged = pipelines[0];
  if (merged)
    return { step: `merged (#${merged.pr}); waiting for the deploy`, stepUrl: merged.release?.url ?? null };
  const pr = state.intake.pr;
  if (pr) return { step: `gate: hotfix PR #${pr.number} under review`, stepUrl: pr.url };
  return { step: `fixing: branch ${state.intake.branch} cut, no PR yet`, stepUrl: null };
}

// src/metrics/dashboard/incident-snapshot.ts
var SEVERITY_ORDER = (severity2) => severity2 === null ? "~" : severity2;
async function takeSnapshot(repositories, now) {
  const records = [];
  const open = [];
  const problems = [];
  let count2 = 0;
  for await (const reader of repositories) {
    count2 += 1;
    const name = `${reader.repo.owner}/${reader.repo.repo}`;
    try {
      const read = await readIncidents(reader, reader.config);
      for (const record of read.incidents) {
        records.push({ ...record, followUpStates: read.followUps, followUpClosedAt: read.followUpClosedAt });
        if (record.state !== "open") continue;
        open.push({
          repo: name,
          number: record.number,
          title: record.title,
          url: record.url,
          severity: record.severity,
          commander: record.timeline?.commander ?? null,
          detectedAt: record.timeline?.detectedAt ?? record.createdAt,
          ...incidentStep(record.timeline)
        });
      }
    } catch (error) {
      problems.push({ repo: name, error: errorMessage(error) });
    }
  }
  open.sort(
    (a, b) => SEVERITY_ORDER(a.severity).localeCompare(SEVERITY_ORDER(b.severity)) || Date.parse(a.detectedAt) - Date.parse(b.detectedAt)
  );
  return {
    takenAt: now.toISOString(),
    repositories: count2,
    open,
    metrics: computeMetrics(records, /* @__PURE__ */ new Map(), { now }),
    problems
  };
}
var SnapshotCache = class {
  constructor(take, maxAgeMs, clock = Date.now) {
    this.take = take;
    this.maxAgeMs = maxAgeMs;
    this.clock = clock;
  }
  take;
  maxAgeMs;
  clock;
  latest = null;
  refreshing = null;
  async get() {
    if (this.latest && this.clock() - this.latest.at < this.maxAgeMs) return this.latest.snapshot;
    this.refreshing ??= this.take().then((snapshot) => {
      this.latest = { at: this.clock(), snapshot };
      return snapshot;
    }).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
};

// src/metrics/dashboard/dashboard-access.ts
import { createHash, timingSafeEqual as timingSafeEqual2 } from "node:crypto";
var MIN_DASHBOARD_TOKEN_LENGTH = 32;
function presentedToken(authorization) {
  if (!authorization) return null;
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (bearer?.[1]) return bearer[1];
  const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(authorization.trim());
  if (!basic?.[1]) return null;
  const decoded = Buffer.from(basic[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? null : decoded.slice(colon + 1);
}
function tokenMatches(presented, expected) {
  if (presented === null) return false;
  const digest = (text2) => createHash("sha256").update(text2, "utf8").digest();
  return timingSafeEqual2(digest(presented), digest(expected));
}

// src/text/escape-html.ts
var HTML_SPECIALS = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;"
};
function escapeHtml(text2) {
  return text2.replace(/[&<>"']/g, (c) => HTML_SPECIALS[c]);
}
function safeHref(url2) {
  if (!url2) return "#";
  try {
    const parsed = new URL(url2);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? escapeHtml(parsed.href) : "#";
  } catch {
    return "#";
  }
}

// src/metrics/html/html-page.ts
import { createHash as createHash2 } from "node:crypto";
var STYLE = `
:root { color: #1f2328; background: #ffffff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { margin: 0 auto; max-width: 980px; padding: 24px; }
h1 { font-size: 1.6em; margin: 0 0 4px; } h2 { font-size: 1.2em; margin: 32px 0 8px; }
a { color: #0b57d0; } a:focus { outline: 3px solid #1f2328; outline-offset: 2px; }
.meta { color: #4d5560; margin: 0 0 16px; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 12px; margin: 16px 0; padding: 0; }
.figures div { border: 1px solid #c8ccd1; border-radius: 6px; padding: 10px 12px; }
.figures dt { color: #4d5560; font-size: 0.85em; } .figures dd { margin: 2px 0 0; font-size: 1.35em; font-weight: 600; }
.verdict { font-size: 0.7em; font-weight: 600; margin-left: 6px; }
.missed { color: #b3261e; } .met { color: #146c2e; }
table { border-collapse: collapse; width: 100%; font-size: 0.92em; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #d8dee4; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
svg.chart { max-width: 100%; height: auto; display: block; margin: 8px 0; }
svg.chart text { font: 12px system-ui, sans-serif; fill: #1f2328; }
svg.chart .axis { stroke: #4d5560; stroke-width: 1; }
svg.chart .target { stroke: #1f2328; stroke-width: 2; stroke-dasharray: 6 4; }
.empty { color: #4d5560; font-style: italic; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 24px; top: 8px; background: #fff; }
`;
var STYLE_HASH = `sha256-${createHash2("sha256").update(STYLE).digest("base64")}`;
var CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'"
].join("; ");
function htmlPage(input) {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${escapeHtml(CONTENT_SECURITY_POLICY.replace(/; frame-ancestors 'none'/, ""))}"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(input.title)}</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">Skip to the figures</a><main id="main">${input.body}</main></body></html>
`;
}

// src/metrics/render-report.ts
function onTimeRate(m) {
  const closed = m.followUps.onTime + m.followUps.late;
  return closed === 0 ? null : m.followUps.onTime / closed;
}

// src/metrics/html/svg.ts
function n(value) {
  return Number.isFinite(value) ? String(Math.round(value * 100) / 100) : "0";
}
function svgChart(input) {
  const { id, width, height } = input;
  return `<svg class="chart" id="${escapeHtml(id)}" viewBox="0 0 ${n(width)} ${n(height)}" width="${n(width)}" height="${n(height)}" role="img" aria-labelledby="${escapeHtml(id)}-title ${escapeHtml(id)}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${escapeHtml(id)}-title">${escapeHtml(input.title)}</title><desc id="${escapeHtml(id)}-desc">${escapeHtml(input.description)}</desc>` + PATTERNS + input.body + "</svg>";
}
var PATTERNS = '<defs><pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#f6c8b8"/><line x1="0" y1="0" x2="0" y2="6" stroke="#b3261e" stroke-width="3"/></pattern><pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="#d6e4f5"/><circle cx="2.5" cy="2.5" r="1.3" fill="#174ea6"/></pattern></defs>';
var FILL = {
  primary: "#174ea6",
  over: "url(#hatch)",
  second: "url(#dots)",
  third: "#7a8794",
  track: "#e8eaed"
};
function rect(x, y, width, height, fill, title) {
  const tip = title ? `<title>${escapeHtml(title)}</title>` : "";
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(Math.max(0, width))}" height="${n(Math.max(0, height))}" fill="${fill}">${tip}</rect>`;
}
function text(x, y, content, anchor = "start") {
  return `<text x="${n(x)}" y="${n(y)}" text-anchor="${anchor}">${escapeHtml(content)}</text>`;
}
function line(x1, y1, x2, y2, className) {
  return `<line class="${escapeHtml(className)}" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"/>`;
}
function legendItem(x, y, fill, label) {
  return rect(x, y - 10, 14, 12, fill) + text(x + 20, y, label);
}

// src/metrics/html/report-charts.ts
var WIDTH = 720;
var LEFT = 84;
var RIGHT = 16;
var PLOT = WIDTH - LEFT - RIGHT;
var HOUR = 36e5;
var STAGES_SHOWN = 30;
var WEEKS_SHOWN = 26;
var percent = (ratio) => `${Math.round(ratio * 1e3) / 10} %`;
function detected(row) {
  return row.detectedAt === null ? Number.NaN : Date.parse(row.detectedAt);
}
function byDetection(rows) {
  return rows.filter((row) => !Number.isNaN(detected(row))).sort((a, b) => detected(a) - detected(b));
}
function recoveryTimeChart(m) {
  const rows = byDetection(m.perIncident).filter((row) => row.resolutionMs !== null);
  const height = 260;
  const top = 30;
  const bottom = height - 40;
  if (rows.length === 0)
    return svgChart({
      id: "chart-recovery",
      width: WIDTH,
      height: 80,
      title: "Recovery time per incident",
      description: "No incident has been resolved yet.",
      body: text(LEFT, 45, "No incident resolved yet.")
    });
  const maxMs = Math.max(1.5 * HOUR, ...rows.map((row) => row.resolutionMs));
  const y = (ms) => bottom - (bottom - top) * ms / maxMs;
  const slot = PLOT / rows.length;
  const barWidth = Math.max(2, Math.min(40, slot * 0.7));
  const over = rows.filter((row) => row.resolutionMs >= m.resolution.targetMs).length;
  let body = line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis") + line(LEFT, top, LEFT, bottom, "axis");
  for (const tick of [0, maxMs / 2, maxMs]) body += text(LEFT - 6, y(tick) + 4, formatDuration(tick), "end");
  rows.forEach((row, i) => {
    const ms = row.resolutionMs;
    const late = ms >= m.resolution.targetMs;
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    body += rect(
      x,
      y(ms),
      barWidth,
      bottom - y(ms),
      late ? FILL.over : FILL.primary,
      `#${row.number}: ${formatDuration(ms)} (${late ? "over" : "within"} 1 h), detected ${row.detectedAt?.slice(0, 10)}`
    );
  });
  body += line(LEFT, y(m.resolution.targetMs), WIDTH - RIGHT, y(m.resolution.targetMs), "target");
  body += text(WIDTH - RIGHT, y(m.resolution.targetMs) - 5, "target: 1 h", "end");
  const first = rows[0];
  const last = rows[rows.length - 1];
  body += text(LEFT, bottom + 16, first.detectedAt?.slice(0, 10) ?? "");
  if (rows.length > 1) body += text(WIDTH - RIGHT, bottom + 16, last.detectedAt?.slice(0, 10) ?? "", "end");
  body += legendItem(LEFT, height - 6, FILL.primary, "within 1 h (solid)");
  body += legendItem(LEFT + 200, height - 6, FILL.over, "over 1 h (hatched)");
  return svgChart({
    id: "chart-recovery",
    width: WIDTH,
    height,
    title: "Recovery time per incident, against the 1 h target",
    description: `${rows.length} resolved incidents in order of detection; ${rows.length - over} within 1 h, ${over} over.`,
    body
  });
}
function stagesChart(m) {
  const rows = byDetection(m.perIncident).filter((row) => row.detectionToMerge !== null || row.detectionToPr !== null).slice(-STAGES_SHOWN);
  if (rows.length === 0)
    return svgChart({
      id: "chart-stages",
      width: WIDTH,
      height: 80,
      title: "Detection \u2192 PR \u2192 merge \u2192 deploy",
      description: "No incident has reached a pull request yet.",
      body: text(LEFT, 45, "No incident has reached a pull request yet.")
    });
  const barHeight = 14;
  const gap = 6;
  const top = 10;
  const height = top + rows.length * (barHeight + gap) + 40;
  const stages = (row) => {
    const pr = row.detectionToPr ?? 0;
    const merge = row.detectionToMerge === null ? 0 : Math.max(0, row.detectionToMerge - pr);
    const deploy2 = row.mergeToDeploy ?? 0;
    return { pr, merge, deploy: deploy2 };
  };
  const maxMs = Math.max(HOUR, ...rows.map((row) => Object.values(stages(row)).reduce((a, b) => a + b, 0)));
  const scale = (ms) => PLOT * ms / maxMs;
  let body = "";
  rows.forEach((row, i) => {
    const y = top + i * (barHeight + gap);
    const s = stages(row);
    body += text(LEFT - 6, y + barHeight - 3, `#${row.number}`, "end");
    let x = LEFT;
    const parts = [
      [s.pr, FILL.primary, "detection \u2192 PR"],
      [s.merge, FILL.second, "PR \u2192 merge"],
      [s.deploy, FILL.third, "merge \u2192 deploy"]
    ];
    for (const [ms, fill, name] of parts) {
      if (ms <= 0) continue;
      body += rect(x, y, scale(ms), barHeight, fill, `#${row.number} ${name}: ${formatDuration(ms)}`);
      x += scale(ms);
    }
  });
  const axisY = top + rows.length * (barHeight + gap);
  body += line(LEFT, axisY, WIDTH - RIGHT, axisY, "axis");
  body += text(LEFT, axisY + 14, "0");
  body += text(WIDTH - RIGHT, axisY + 14, formatDuration(maxMs), "end");
  body += legendItem(LEFT, height - 6, FILL.primary, "detection \u2192 PR (solid)");
  body += legendItem(LEFT + 210, height - 6, FILL.second, "PR \u2192 merge (dotted)");
  body += legendItem(LEFT + 410, height - 6, FILL.third, "merge \u2192 deploy (grey)");
  return svgChart({
    id: "chart-stages",
    width: WIDTH,
    height,
    title: "Detection \u2192 PR \u2192 merge \u2192 deploy, per incident",
    description: `Stacked bars for the ${rows.length} most recent incidents with a pull request; the table below gives each duration.`,
    body
  });
}
function bullet(y, label, value, target, scaleMax, note) {
  const x = (ratio) => LEFT + 150 + (PLOT - 330) * Math.min(ratio, scaleMax) / scaleMax;
  let body = text(LEFT, y + 12, label);
  body += rect(x(0), y, x(scaleMax) - x(0), 16, FILL.track);
  if (value !== null)
    body += rect(x(0), y + 3, x(value) - x(0), 10, FILL.primary, `${label}: ${percent(value)}`);
  body += line(x(target), y - 4, x(target), y + 20, "target");
  body += text(x(scaleMax) + 10, y + 12, `${value === null ? "\u2013" : percent(value)} ${note}`);
  return body;
}
function targetsChart(m) {
  const rate = m.rollback.rate;
  const rollbackMax = Math.max(0.2, rate ?? 0);
  const verdict2 = (met, known) => known ? met ? "met" : "missed" : "no data";
  const body = bullet(
    20,
    "Rollback rate",
    rate,
    m.rollback.target,
    rollbackMax,
    `(target < ${percent(m.rollback.target)}, ${verdict2(m.rollback.met, rate !== null)})`
  ) + bullet(
    60,
    "Follow-ups closed",
    m.followUps.completion,
    m.followUps.target,
    1,
    `(target ${percent(m.followUps.target)}, ${verdict2(m.followUps.met, m.followUps.completion !== null)})`
  );
  return svgChart({
    id: "chart-targets",
    width: WIDTH,
    height: 100,
    title: "Rollback rate and follow-up completion against their targets",
    description: `Rollback rate ${rate === null ? "unknown (nothing shipped)" : percent(rate)}, target under ${percent(m.rollback.target)}; follow-up completion ${m.followUps.completion === null ? "unknown (none opened)" : percent(m.followUps.completion)}, target ${percent(m.followUps.target)}. The vertical line on each bar marks the target.`,
    body
  });
}
function weekStart(t) {
  const day = new Date(t);
  const monday = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()) - (day.getUTCDay() + 6) % 7 * 864e5;
  return monday;
}
function incidentsPerWeek(m) {
  const now = Date.parse(m.generatedAt);
  const times = m.perIncident.map(detected).filter((t) => !Number.isNaN(t) && t <= now);
  if (times.length === 0) return [];
  const week = 7 * 864e5;
  const last = weekStart(now);
  const first = Math.max(weekStart(Math.min(...times)), last - (WEEKS_SHOWN - 1) * week);
  const weeks = [];
  for (let start = first; start <= last; start += week) {
    weeks.push({
      week: new Date(start).toISOString().slice(0, 10),
      count: times.filter((t) => t >= start && t < start + week).length
    });
  }
  return weeks;
}
function weeklyChart(m) {
  const weeks = incidentsPerWeek(m);
  const height = 200;
  const top = 20;
  const bottom = height - 30;
  if (weeks.length === 0)
    return svgChart({
      id: "chart-weekly",
      width: WIDTH,
      height: 80,
      title: "Incidents per week",
      description: "No incident recorded.",
      body: text(LEFT, 45, "No incident recorded.")
    });
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const slot = PLOT / weeks.length;
  const barWidth = Math.min(36, slot * 0.7);
  let body = line(LEFT, bottom, WIDTH - RIGHT, bottom, "axis");
  weeks.forEach((w, i) => {
    const h = (bottom - top) * w.count / max;
    const x = LEFT + i * slot + (slot - barWidth) / 2;
    body += rect(
      x,
      bottom - h,
      barWidth,
      h,
      FILL.primary,
      `week of ${w.week}: ${w.count} incident${w.count === 1 ? "" : "s"}`
    );
    if (w.count > 0) body += text(x + barWidth / 2, bottom - h - 4, String(w.count), "middle");
  });
  body += text(LEFT, bottom + 16, `week of ${weeks[0].week}`);
  if (weeks.length > 1)
    body += text(
      WIDTH - RIGHT,
      bottom + 16,
      `week of ${weeks[weeks.length - 1].week}`,
      "end"
    );
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  return svgChart({
    id: "chart-weekly",
    width: WIDTH,
    height,
    title: "Incidents per week",
    description: `${total} incidents over ${weeks.length} weeks (weeks start on Monday, UTC); the most in one week: ${max}. Each bar is labelled with its count.`,
    body
  });
}

// src/metrics/html/render-html-report.ts
var dash = "\u2013";
var duration2 = (ms) => ms === null ? dash : formatDuration(ms);
var percent2 = (ratio) => ratio === null ? dash : `${Math.round(ratio * 1e3) / 10} %`;
function figure(name, label, shown, value, verdict2) {
  const mark = verdict2 === void 0 || verdict2 === null ? "" : `<span class="verdict ${verdict2 ? "met" : "missed"}">${verdict2 ? "\u2713 met" : "\u2717 missed"}</span>`;
  return `<div><dt>${escapeHtml(label)}</dt><dd data-figure="${escapeHtml(name)}" data-value="${value === null ? "" : escapeHtml(String(value))}">${escapeHtml(shown)}${mark}</dd></div>`;
}
function headlineFigures(m) {
  const r = m.resolution;
  return '<dl class="figures">' + figure("incidents", "Incidents", String(m.incidents), m.incidents) + figure("resolution-median", "Median resolution", duration2(r.medianMs), r.medianMs) + figure(
    "resolution-within",
    "Resolved within 1 h",
    `${r.within} of ${r.count}`,
    r.within,
    r.count === 0 && r.unresolvedOverdue === 0 ? null : r.met
  ) + figure(
    "unresolved-overdue",
    "Open past 1 h, unresolved",
    String(r.unresolvedOverdue),
    r.unresolvedOverdue
  ) + figure(
    "rollback-rate",
    "Rollback rate (target < 5 %)",
    percent2(m.rollback.rate),
    m.rollback.rate,
    m.rollback.rate === null ? null : m.rollback.met
  ) + figure(
    "follow-up-completion",
    "Follow-ups closed (target 100 %)",
    percent2(m.followUps.completion),
    m.followUps.completion,
    m.followUps.completion === null ? null : m.followUps.met
  ) + figure("follow-ups-overdue", "Follow-ups overdue", String(m.followUps.overdue), m.followUps.overdue) + figure(
    "follow-ups-on-time",
    "Follow-ups closed on time",
    `${m.followUps.onTime} of ${m.followUps.onTime + m.followUps.late}`,
    m.followUps.onTime,
    onTimeRate(m) === null ? null : m.followUps.late === 0
  ) + figure("follow-ups-late", "Follow-ups closed late", String(m.followUps.late), m.followUps.late) + "</dl>";
}
var dueText = (iso2) => iso2 ? `${iso2.slice(0, 16).replace("T", " ")} UTC` : dash;
function issueUrl(incidentUrl, issue) {
  return incidentUrl.replace(/\/issues\/\d+$/, `/issues/${issue}`);
}
function overdueList(m) {
  const rows = m.perIncident.filter((row) => row.followUpsOverdue.length > 0);
  const closed = m.followUps.onTime + m.followUps.late;
  const kept = closed === 0 ? "" : `<p class="meta" data-follow-ups-closed="${closed}">Of ${closed} follow-up${closed === 1 ? "" : "s"} closed, ${m.followUps.onTime} on time and ${m.followUps.late} late.</p>`;
  if (rows.length === 0) return `<p class="empty">No follow-up is overdue.</p>${kept}`;
  const items = rows.flatMap(
    (row) => row.followUpsOverdue.map(
      (issue) => `<li data-overdue="${issue}"><a href="${safeHref(issueUrl(row.url, issue))}">#${issue}</a>, a follow-up of incident <a href="${safeHref(row.url)}">#${row.number}</a> ${escapeHtml(row.title)} (due ${escapeHtml(dueText(row.followUpsOverdueSince[issue]))})</li>`
    )
  );
  return `<ul>${items.join("")}</ul>${kept}`;
}
function incidentRow(row) {
  const cell = (text2, numeric = false) => `<td${numeric ? ' class="num"' : ""}>${escapeHtml(text2)}</td>`;
  return `<tr data-incident="${row.number}"><td><a href="${safeHref(row.url)}">#${row.number}</a></td><td>${escapeHtml(row.title)}</td>` + cell(row.severity ?? dash) + cell(row.state) + cell(row.detectedAt?.slice(0, 16).replace("T", " ") ?? dash) + cell(duration2(row.detectionToPr), true) + cell(duration2(row.detectionToMerge), true) + cell(duration2(row.detectionToDeploy), true) + cell(row.rolledBack ? "yes" : "no") + cell(`${row.followUpsClosed}/${row.followUpsOpened}`, true) + "</tr>";
}
function incidentTable(rows) {
  if (rows.length === 0) return '<p class="empty">No incident recorded.</p>';
  return '<table id="incidents"><caption class="skip">Every incident, with its durations from detection</caption><thead><tr>' + [
    "Incident",
    "Title",
    "Severity",
    "State",
    "Detected (UTC)",
    "\u2192 PR",
    "\u2192 merge",
    "\u2192 deploy",
    "Rolled back",
    "Follow-ups closed"
  ].map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join("") + `</tr></thead><tbody>${rows.map(incidentRow).join("")}</tbody></table>`;
}
function recoverySections(m) {
  return headlineFigures(m) + `<p class="meta">Resolution is detection \u2192 deploy, or detection \u2192 merge where no deploy is recorded. Policy: resolution under 1 h, rollback rate under 5 %, every follow-up closed by its due time (24 h or a week after the merge, by kind).</p><section aria-labelledby="h-recovery"><h2 id="h-recovery">Recovery time per incident</h2>${recoveryTimeChart(m)}</section><section aria-labelledby="h-stages"><h2 id="h-stages">Detection \u2192 PR \u2192 merge \u2192 deploy</h2>${stagesChart(m)}</section><section aria-labelledby="h-targets"><h2 id="h-targets">Rollback rate and follow-up completion</h2>${targetsChart(m)}</section><section aria-labelledby="h-weekly"><h2 id="h-weekly">Incidents per week</h2>${weeklyChart(m)}</section><section aria-labelledby="h-overdue"><h2 id="h-overdue">Overdue follow-ups</h2>${overdueList(m)}</section><section aria-labelledby="h-incidents"><h2 id="h-incidents">Incidents</h2>${incidentTable(m.perIncident)}</section>`;
}

// src/metrics/dashboard/render-dashboard.ts
function openRow(incident, now) {
  const age = now - Date.parse(incident.detectedAt);
  const step = escapeHtml(incident.step);
  return `<tr data-open-incident="${escapeHtml(incident.repo)}#${incident.number}"><td>${escapeHtml(incident.repo)}</td><td><a href="${safeHref(incident.url)}">#${incident.number}</a> ${escapeHtml(incident.title)}</td><td>${escapeHtml(incident.severity ?? "\u2013")}</td><td>${incident.commander ? `@${escapeHtml(incident.commander)}` : "\u2013"}</td><td class="num" data-age-ms="${Number.isFinite(age) ? age : ""}">${Number.isFinite(age) ? escapeHtml(formatDuration(Math.max(0, age))) : "\u2013"}</td><td>${incident.stepUrl ? `<a href="${safeHref(incident.stepUrl)}">${step}</a>` : step}</td></tr>`;
}
function renderDashboard(snapshot) {
  const now = Date.parse(snapshot.takenAt);
  const open = snapshot.open.length === 0 ? '<p class="empty">No open incident.</p>' : '<table id="open-incidents"><thead><tr>' + ["Repository", "Incident", "Severity", "Commander", "Age", "Current step"].map((h) => `<th scope="col">${h}</th>`).join("") + `</tr></thead><tbody>${snapshot.open.map((incident) => openRow(incident, now)).join("")}</tbody></table>`;
  const problems = snapshot.problems.length === 0 ? "" : `<section aria-labelledby="h-problems"><h2 id="h-problems">Repositories that could not be read</h2><ul>${snapshot.problems.map((p) => `<li>${escapeHtml(p.repo)}: ${escapeHtml(p.error)}</li>`).join("")}</ul></section>`;
  return htmlPage({
    title: `hotfix-bot: ${snapshot.open.length} open incident${snapshot.open.length === 1 ? "" : "s"}`,
    body: `<h1>hotfix-bot dashboard</h1><p class="meta"><span data-figure="open-incidents" data-value="${snapshot.open.length}">${snapshot.open.length} open incident${snapshot.open.length === 1 ? "" : "s"}</span> in ${snapshot.repositories} repositor${snapshot.repositories === 1 ? "y" : "ies"}; read ${escapeHtml(snapshot.takenAt.slice(0, 19).replace("T", " "))} UTC (refreshed at most once a minute).</p><section aria-labelledby="h-open"><h2 id="h-open">Open incidents</h2>${open}</section>` + problems + `<h2>Recovery across all incidents</h2>${recoverySections(snapshot.metrics)}`
  });
}

// src/server/web-routes.ts
var DASHBOARD_PATH = "/hotfix-bot";
var METRICS_PATH = "/metrics";
var PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY"
};
function pathOf(req) {
  return (req.url ?? "/").split("?")[0] ?? "/";
}
function plain(res, status, text2, headers = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers }).end(`${text2}
`);
  return true;
}
function webRoutes(options) {
  return async (req, res) => {
    const path = pathOf(req);
    if (path === METRICS_PATH && options.metrics) {
      if (req.method !== "GET") return plain(res, 405, "Method not allowed", { allow: "GET" });
      if (options.metricsToken && !tokenMatches(presentedToken(req.headers.authorization), options.metricsToken))
        return plain(res, 401, "Unauthorized: send METRICS_TOKEN as a bearer token");
      try {
        const snapshot = await options.snapshot.get();
        const bySeverity = {};
        for (const incident of snapshot.open)
          bySeverity[incident.severity ?? "unknown"] = (bySeverity[incident.severity ?? "unknown"] ?? 0) + 1;
        options.metrics.setOpenIncidents(bySeverity);
      } catch (error) {
        options.log.warn(`metrics: open incidents not refreshed: ${error.message}`);
      }
      const { contentType, body } = await options.metrics.exposition();
      res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" }).end(body);
      return true;
    }
    if (path !== DASHBOARD_PATH && path !== `${DASHBOARD_PATH}/`) return false;
    if (!options.dashboardToken)
      return plain(res, 404, "Not found: the dashboard is off (set DASHBOARD_TOKEN)");
    if (req.method !== "GET" && req.method !== "HEAD")
      return plain(res, 405, "Method not allowed", { allow: "GET, HEAD" });
    if (!tokenMatches(presentedToken(req.headers.authorization), options.dashboardToken))
      return plain(
        res,
        401,
        "Sign in with the dashboard token as the password (or send it as a bearer token).",
        {
          "www-authenticate": 'Basic realm="hotfix-bot dashboard", charset="UTF-8"',
          "cache-control": "no-store"
        }
      );
    try {
      const page = renderDashboard(await options.snapshot.get());
      res.writeHead(200, PAGE_HEADERS).end(req.method === "HEAD" ? void 0 : page);
    } catch (error) {
      options.log.warn(`dashboard: ${error.message}`);
      plain(res, 502, "The dashboard could not read the incidents from GitHub; see the App's log.");
    }
    return true;
  };
}

// src/web-add-on.ts
function defaults() {
  const result = validateConfig({});
  if (!result.ok) throw result.error;
  return result.config;
}
function webAddOn(options, parts) {
  const { metrics } = options;
  async function* readers() {
    for await (const { octokit, repo } of installedRepositories(parts.app)) {
      const loaded = await parts.configFor(octokit, repo)();
      yield { octokit, repo, config: loaded.ok ? loaded.config : defaults(), identity: parts.identity };
    }
  }
  const snapshot = new SnapshotCache(
    () => takeSnapshot(readers(), parts.clock()),
    options.snapshotMaxAgeMs ?? 6e4
  );
  parts.addHandler?.(
    webRoutes({
      metrics,
      metricsToken: options.metricsToken ?? null,
      dashboardToken: options.dashboardToken ?? null,
      snapshot,
      log: parts.app.log
    })
  );
  const observeStep = (step, seconds, outcome) => metrics.step(step, seconds, outcome);
  return {
    metrics,
    observeStep,
    /** Runs one delivery's steps and counts it: handled (a step ran), ignored (none matched) or failed. */
    async delivery(event, run2) {
      try {
        const outcome = await run2();
        metrics.delivery(event, outcome.steps.length > 0 ? "handled" : "ignored");
      } catch (error) {
        metrics.delivery(event, "failed");
        throw error;
      }
    },
    secondaryRateLimit(retry) {
      return {
        ...retry,
        onWait: (seconds) => {
          metrics.rateLimitWait("secondary", seconds);
          retry?.onWait?.(seconds);
        }
      };
    }
  };
}

// src/app.ts
function repoOf(payload) {
  const repository = payload?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? { owner, repo: name } : null;
}
function installationOf(payload) {
  const id = payload?.installation?.id;
  return typeof id === "number" && Number.isSafeInteger(id) ? id : null;
}
function createHotfixBot(options = {}) {
  return (app, probotOptions) => installHandlers(app, options, probotOptions?.addHandler);
}
function installHandlers(app, options, addHandler) {
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const configCache = options.configCache ?? new ConfigCache();
  const background = options.background ?? new BackgroundWork(app.log, STEP_RETRY);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  const instancesLock = redisUrl ? new RedisMutexLock(new Redis3(redisUrl, { lazyConnect: true })) : void 0;
  const notifyChannels = options.notifyChannels ?? channelsFromEnvironment(process.env);
  const identity = memoAsync(async () => appIdentity(await app.auth()));
  const configFor = (octokit, repo) => () => configCache.get(`${repo.owner}/${repo.repo}`, clock().getTime(), () => loadConfig(octokit, repo));
  const web = options.web ? webAddOn(options.web, { app, clock, configFor, identity, addHandler }) : null;
  const secondaryRateLimit = web ? web.secondaryRateLimit(options.secondaryRateLimit) : options.secondaryRateLimit;
  const locks = createEngineLocks();
  const contextFor = (raw, repo, log) => {
    const octokit = retrySecondaryRateLimits(raw, secondaryRateLimit);
    return createEngineContext({
      octokit,
      repo,
      log: logWith(log, { repo: `${repo.owner}/${repo.repo}` }),
      locks,
      identity,
      clock,
      readConfig: configFor(octokit, repo),
      ...instancesLock ? { instancesLock } : {},
      notifyChannels
    });
  };
  const durable = redisUrl ? new DurableSteps(
    redisUrl,
    (data, resumed) => background.track(
      (async () => {
        const octokit = await app.auth(data.installationId);
        const log = logWith(app.log, { delivery: data.event.id, event: data.event.name });
        await runLongStep(data, { ...contextFor(octokit, data.repo, log), resumedRun: resumed });
      })()
    ),
    app.log,
    options.durableSteps
  ) : null;
  if (durable) options.onDurableSteps?.(durable);
  const enqueue = async (job) => {
    await durable?.enqueue(job);
    if (durable && web) web.metrics.setQueueDepth(STEP_QUEUE, await durable.depth());
  };
  if (options.reconcileOnStart ?? false)
    startSweeps(app, options, {
      background,
      redisUrl,
      contextFor,
      clock,
      ...web ? { onSweep: (result) => web.metrics.sweepResult(result) } : {}
    });
  app.onAny(async (event) => {
    const context = event;
    const repo = repoOf(context.payload);
    if (!repo) {
      web?.metrics.delivery(context.name, "ignored");
      return;
    }
    if (context.name === "push") configCache.invalidate(`${repo.owner}/${repo.repo}`);
    const log = logWith(context.log, { delivery: context.id, event: context.name });
    const ctx = contextFor(context.octokit, repo, log);
    const installationId = installationOf(context.payload);
    const runner = durable && installationId !== null ? {
      run: (name, _task, job) => background.run(`queue ${name}`, () => enqueue({ ...job, installationId, repo }))
    } : background;
    const delivery = { name: context.name, id: context.id, payload: context.payload };
    if (!web) await handleEvent(delivery, ctx, runner);
    else await web.delivery(delivery.name, () => handleEvent(delivery, ctx, runner, web.observeStep));
  });
}
function startSweeps(app, options, deps) {
  const sweep = async (staleAfterMs) => {
    const result = await sweepInstallations(app, (octokit, repo) => deps.contextFor(octokit, repo, app.log), {
      now: deps.clock(),
      ...staleAfterMs === void 0 ? {} : { staleAfterMs }
    });
    app.log.info(sweepSummary(result));
    if (deps.onSweep) {
      const results = result.reports.flatMap((report) => report.results);
      deps.onSweep({
        checked: result.reports.length,
        finished: results.filter((r) => r.outcome === "finished").length,
        failed: results.filter((r) => r.outcome === "failed").length
      });
    }
  };
  if (!deps.redisUrl) deps.background.run("sweep at start", () => sweep(0));
  const interval = options.sweepIntervalMs ?? sweepIntervalMs(process.env);
  if (interval <= 0) return;
  const periodic = () => deps.background.track(sweep(options.sweepStaleAfterMs));
  if (deps.redisUrl) scheduleSweepOnQueue(deps.redisUrl, interval, periodic, app.log);
  else scheduleSweepInProcess(interval, periodic, app.log);
}
var app_default = createHotfixBot({ reconcileOnStart: true });

// src/server/server-config.ts
var LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal"];
var SERVER_DEFAULTS = {
  host: "localhost",
  port: 3e3,
  webhookPath: "/api/github/webhooks",
  shutdownTimeoutSeconds: 25,
  logFormat: "json",
  logLevel: "info"
};
var ServerConfigError = class extends HotfixBotError {
  constructor(variable, expected, value) {
    super(`${variable}: expected ${expected}, got "${value}"`);
    this.variable = variable;
    this.name = "ServerConfigError";
  }
  variable;
  kind = "usage";
};
function setting(env, name) {
  const value = env[name]?.trim();
  return value ? value : void 0;
}
function integerIn(env, name, min, max, fallback, expected) {
  const raw = setting(env, name);
  if (raw === void 0) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max)
    throw new ServerConfigError(name, expected, raw);
  return Number(raw);
}
function oneOf2(env, name, allowed, fallback) {
  const raw = setting(env, name);
  if (raw === void 0) return fallback;
  if (!allowed.includes(raw))
    throw new ServerConfigError(name, `one of ${allowed.join(", ")}`, raw);
  return raw;
}
function readServerConfig(env) {
  if (setting(env, "WEBHOOK_SECRET") === void 0)
    throw new ServerConfigError(
      "WEBHOOK_SECRET",
      "the secret GitHub signs deliveries with (App settings)",
      ""
    );
  const webhookPath = setting(env, "WEBHOOK_PATH") ?? SERVER_DEFAULTS.webhookPath;
  if (!webhookPath.startsWith("/"))
    throw new ServerConfigError("WEBHOOK_PATH", "a path starting with /", webhookPath);
  const webhookProxyUrl = setting(env, "WEBHOOK_PROXY_URL") ?? null;
  if (webhookProxyUrl !== null && !/^https?:\/\/[^\s/]+\/\S*$/.test(webhookProxyUrl))
    throw new ServerConfigError(
      "WEBHOOK_PROXY_URL",
      "an http(s) URL such as https://smee.io/abc123",
      webhookProxyUrl
    );
  const tokenSetting = (name) => {
    const token = setting(env, name) ?? null;
    if (token !== null && token.length < MIN_DASHBOARD_TOKEN_LENGTH)
      throw new ServerConfigError(
        name,
        `at least ${MIN_DASHBOARD_TOKEN_LENGTH} characters (openssl rand -hex 32)`,
        `${token.length} characters`
      );
    return token;
  };
  return {
    dashboardToken: tokenSetting("DASHBOARD_TOKEN"),
    metricsToken: tokenSetting("METRICS_TOKEN"),
    host: setting(env, "HOST") ?? SERVER_DEFAULTS.host,
    port: integerIn(env, "PORT", 0, 65535, SERVER_DEFAULTS.port, "a TCP port number (0-65535)"),
    webhookPath,
    webhookProxyUrl,
    shutdownTimeoutMs: integerIn(
      env,
      "SHUTDOWN_TIMEOUT_SECONDS",
      0,
      3600,
      SERVER_DEFAULTS.shutdownTimeoutSeconds,
      "a whole number of seconds (0-3600)"
    ) * 1e3,
    logFormat: oneOf2(env, "LOG_FORMAT", ["json", "pretty"], SERVER_DEFAULTS.logFormat),
    logLevel: oneOf2(env, "LOG_LEVEL", LOG_LEVELS, SERVER_DEFAULTS.logLevel)
  };
}
function hasAppCredentials(env) {
  return setting(env, "APP_ID") !== void 0 && (setting(env, "PRIVATE_KEY") !== void 0 || setting(env, "PRIVATE_KEY_PATH") !== void 0);
}

// src/server/start-server.ts
import { createServer } from "node:http";
import { createNodeMiddleware, createProbot, ProbotOctokit } from "probot";
import { SmeeClient } from "smee-client";

// src/observability/app-metrics.ts
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
var AppMetrics = class {
  registry = new Registry();
  deliveries;
  steps;
  requests;
  rateLimitWaits;
  rateLimitWaitSeconds;
  sweeps;
  queueDepth;
  openIncidents;
  constructor(options = {}) {
    const registers = [this.registry];
    this.deliveries = new Counter({
      name: "hotfix_bot_webhook_deliveries_total",
      help: "Webhook deliveries by event and outcome (handled: a step ran; ignored: not ours; failed: a step threw).",
      labelNames: ["event", "outcome"],
      registers
    });
    this.steps = new Histogram({
      name: "hotfix_bot_step_duration_seconds",
      help: "Duration of each workflow step (gate, intake, after-merge, \u2026), background steps included.",
      labelNames: ["step", "outcome"],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
      registers
    });
    this.requests = new Counter({
      name: "hotfix_bot_github_requests_total",
      help: "Requests the App sent to the GitHub API, by method, kind (read or write) and status class.",
      labelNames: ["method", "kind", "status"],
      registers
    });
    this.rateLimitWaits = new Counter({
      name: "hotfix_bot_rate_limit_waits_total",
      help: "Times a request waited for a rate limit before it was sent again.",
      labelNames: ["kind"],
      registers
    });
    this.rateLimitWaitSeconds = new Counter({
      name: "hotfix_bot_rate_limit_wait_seconds_total",
      help: "Seconds spent waiting for rate limits.",
      labelNames: ["kind"],
      registers
    });
    this.sweeps = new Counter({
      name: "hotfix_bot_sweep_results_total",
      help: "What sweeps (reconcile) found: pipelines checked, finished and failed.",
      labelNames: ["result"],
      registers
    });
    this.queueDepth = new Gauge({
      name: "hotfix_bot_queue_depth",
      help: "Jobs in the step queue, by queue and state (waiting, active, delayed, failed).",
      labelNames: ["queue", "state"],
      registers
    });
    this.openIncidents = new Gauge({
      name: "hotfix_bot_open_incidents",
      help: "Open incidents across installations by severity (refreshed at most once a minute, when scraped).",
      labelNames: ["severity"],
      registers
    });
    if (options.processMetrics ?? true)
      collectDefaultMetrics({ register: this.registry, prefix: "hotfix_bot_" });
  }
  delivery(event, outcome) {
    this.deliveries.inc({ event: boundedName(event), outcome });
  }
  step(step, seconds, outcome) {
    this.steps.observe({ step: boundedName(step), outcome }, seconds);
  }
  githubRequest(method, status) {
    const upper2 = method.toUpperCase();
    const known = ["GET", "HEAD", "POST", "PATCH", "PUT", "DELETE"].includes(upper2) ? upper2 : "OTHER";
    this.requests.inc({
      method: known,
      kind: known === "GET" || known === "HEAD" ? "read" : "write",
      status: status === null || status < 100 || status > 599 ? "error" : `${Math.floor(status / 100)}xx`
    });
  }
  rateLimitWait(kind, seconds) {
    this.rateLimitWaits.inc({ kind });
    this.rateLimitWaitSeconds.inc({ kind }, Math.max(0, seconds));
  }
  /** For the sweep: one call per sweep of a repository (or of everything) with what it found. */
  sweepResult(result) {
    this.sweeps.inc({ result: "checked" }, result.checked);
    this.sweeps.inc({ result: "finished" }, result.finished);
    this.sweeps.inc({ result: "failed" }, result.failed);
  }
  /** For the step queue: its current depth, per state, whenever it is read (e.g. from BullMQ's getJobCounts). */
  setQueueDepth(queue, counts2) {
    for (const [state, count2] of Object.entries(counts2))
      this.queueDepth.set({ queue: boundedName(queue), state: boundedName(state) }, count2);
  }
  setOpenIncidents(bySeverity) {
    this.openIncidents.reset();
    for (const [severity2, count2] of Object.entries(bySeverity))
      this.openIncidents.set({ severity: boundedName(severity2) }, count2);
  }
  /** The text exposition format, as Prometheus scrapes it. */
  async exposition() {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
};
function boundedName(name) {
  return /^[A-Za-z0-9_.-]{1,40}$/.test(name) ? name : "other";
}

// src/observability/count-github-requests.ts
function countGitHubRequests(metrics) {
  return (octokit) => {
    octokit.hook.wrap("request", async (request, options) => {
      const method = options.method ?? "GET";
      try {
        const response = await request(options);
        metrics.githubRequest(method, response.status);
        return response;
      } catch (error) {
        const status = error.status;
        metrics.githubRequest(method, typeof status === "number" ? status : null);
        throw error;
      }
    });
  };
}

// src/server/body-limit.ts
var GITHUB_PAYLOAD_CAP_BYTES = 25 * 1024 * 1024;
function declaredLengthExceeds(contentLength, maxBytes) {
  if (contentLength === void 0 || !/^\d+$/.test(contentLength)) return false;
  return Number(contentLength) > maxBytes;
}
function pathnameOf(url2) {
  const path = (url2 ?? "/").split("?")[0] ?? "/";
  return path.length > 1 ? path.replace(/\/+$/, "") : path;
}
function readBodyWithin(req, maxBytes) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size > maxBytes) {
        stop();
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = (error) => {
      stop();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}
function refuseTooLarge(req, res, maxBytes) {
  res.writeHead(413, { "content-type": "application/json" });
  res.end(
    JSON.stringify({
      error: `Payload Too Large: webhook bodies are limited to ${maxBytes} bytes (GitHub's payload cap)`
    })
  );
  res.once("finish", () => {
    req.resume();
    const linger = setTimeout(() => req.socket.destroy(), LINGER_MS);
    linger.unref();
    req.socket.once("close", () => clearTimeout(linger));
  });
}
var LINGER_MS = 2e3;
var utf82 = new TextDecoder("utf-8", { fatal: false });
function limitRequestBodies(handler, options) {
  const maxBytes = options.maxBytes ?? GITHUB_PAYLOAD_CAP_BYTES;
  const webhookPath = pathnameOf(options.webhookPath);
  return async (req, res) => {
    if (declaredLengthExceeds(req.headers["content-length"], maxBytes)) {
      refuseTooLarge(req, res, maxBytes);
      return;
    }
    if (req.method === "POST" && pathnameOf(req.url) === webhookPath) {
      let body;
      try {
        body = await readBodyWithin(req, maxBytes);
      } catch {
        res.destroy();
        return;
      }
      if (body === null) {
        refuseTooLarge(req, res, maxBytes);
        return;
      }
      req.body = utf82.decode(body);
    }
    return handler(req, res);
  };
}

// src/server/health.ts
function healthAnswer(state) {
  return {
    status: state.draining ? 503 : 200,
    body: {
      status: state.draining ? "draining" : "ok",
      backgroundSteps: state.backgroundSteps,
      uptimeSeconds: Math.max(0, Math.floor((state.now - state.startedAt) / 1e3))
    }
  };
}

// src/server/in-flight-requests.ts
var InFlightRequests = class {
  open = /* @__PURE__ */ new Set();
  track(res) {
    const done = new Promise((resolve) => res.once("close", () => resolve()));
    this.open.add(done);
    void done.then(() => this.open.delete(done));
  }
  get count() {
    return this.open.size;
  }
  /** Resolves once no request is open, including requests that arrive while waiting. */
  async idle() {
    while (this.open.size > 0) await Promise.all([...this.open]);
  }
};

// src/server/settle-within.ts
async function settleWithin(work, timeoutMs) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve("timed-out"), timeoutMs);
  });
  try {
    return await Promise.race([
      work.then(
        () => "settled",
        () => "settled"
      ),
      timeout
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// src/server/start-server.ts
function pathOf2(req) {
  return (req.url ?? "/").split("?")[0] ?? "/";
}
function answerJson(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
async function startServer(env) {
  const config = readServerConfig(env);
  const metrics = new AppMetrics();
  const Octokit = ProbotOctokit.plugin(countGitHubRequests(metrics));
  const probot = createProbot({
    env,
    overrides: { logFormat: config.logFormat, logLevel: config.logLevel, Octokit }
  });
  const background = new BackgroundWork({ error: (message) => probot.log.error(message) }, STEP_RETRY);
  const web = { metrics, dashboardToken: config.dashboardToken, metricsToken: config.metricsToken };
  const middleware = await createNodeMiddleware(
    createHotfixBot({ reconcileOnStart: true, background, web }),
    {
      probot,
      webhooksPath: config.webhookPath
    }
  );
  const log = probot.log.child({ name: "http" });
  const startedAt = Date.now();
  const inFlight = new InFlightRequests();
  let draining = false;
  const webhooks = limitRequestBodies(
    (req, res) => middleware(req, res, () => {
      answerJson(res, 404, { error: `Not found: ${req.method} ${pathOf2(req)}` });
    }),
    { webhookPath: config.webhookPath }
  );
  const server = createServer((req, res) => {
    const started = performance.now();
    inFlight.track(res);
    res.once("finish", () => {
      const ms = Math.round(performance.now() - started);
      const delivery = req.headers["x-github-delivery"];
      log.info(
        { ...typeof delivery === "string" ? { delivery } : {}, status: res.statusCode, ms },
        `${req.method} ${pathOf2(req)} ${res.statusCode} - ${ms}ms`
      );
    });
    if (req.method === "GET" && pathOf2(req) === "/health") {
      const answer = healthAnswer({
        draining,
        backgroundSteps: background.runningCount,
        startedAt,
        now: Date.now()
      });
      answerJson(res, answer.status, answer.body);
      return;
    }
    if (draining) {
      answerJson(res, 503, { error: "Shutting down: not taking deliveries" }, { connection: "close" });
      return;
    }
    void webhooks(req, res);
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url2 = `http://${host}:${address.port}`;
  probot.log.info(
    `hotfix-bot listening on ${url2} (webhooks at ${config.webhookPath}, metrics at /metrics, dashboard ${config.dashboardToken ? "at /hotfix-bot" : "off: DASHBOARD_TOKEN not set"})`
  );
  let proxy = null;
  if (config.webhookProxyUrl) {
    const proxyLog = probot.log.child({ name: "webhook-proxy" });
    const source = config.webhookProxyUrl;
    proxy = new SmeeClient({ source, target: `${url2}${config.webhookPath}`, logger: proxyLog });
    proxy.start().catch((error) => {
      proxyLog.error(`WEBHOOK_PROXY_URL: cannot connect to ${source}: ${errorMessage(error)}`);
    });
  }
  return {
    url: url2,
    async drain() {
      draining = true;
      probot.log.info(
        `shutting down: not taking deliveries; waiting up to ${config.shutdownTimeoutMs / 1e3} s for ${inFlight.count} open requests and ${background.runningCount} background steps`
      );
      server.close();
      server.closeIdleConnections();
      if (proxy) await proxy.stop();
      const outcome = await settleWithin(
        Promise.all([inFlight.idle(), background.idle()]),
        config.shutdownTimeoutMs
      );
      if (outcome === "settled")
        probot.log.info("stopped: every delivery answered, every background step finished");
      else
        probot.log.warn(
          `stopped with ${background.runningCount} background steps still running after ${config.shutdownTimeoutMs / 1e3} s; reconcile (at the next start, or hotfix-bot reconcile) finishes them`
        );
      return outcome;
    }
  };
}

// src/main.ts
loadDotEnv();
function loadDotEnv() {
  try {
    process.loadEnvFile(".env");
  } catch (error) {
    if (error.code !== "ENOENT") throw error;
  }
}
if (!hasAppCredentials(process.env)) {
  await run(app_default);
} else {
  try {
    const server = await startServer(process.env);
    const stop = async () => {
      await server.drain();
      process.exit(0);
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  } catch (error) {
    if (!(error instanceof ServerConfigError)) throw error;
    process.stderr.write(`hotfix-bot: ${error.message}
`);
    process.exit(2);
  }
}
