// src/main.ts
import { run } from "probot";

// src/app.ts
import { Redis } from "ioredis";

// src/util/http-status.ts
function httpStatus(error) {
  if (typeof error !== "object" || error === null) return void 0;
  const status = error.status;
  return typeof status === "number" ? status : void 0;
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

// src/rules/nfa.ts
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
function matchesPattern(compiled2, input) {
  return matchPattern(compiled2, input) !== null;
}

// src/rules/branch-pattern.ts
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

// src/rules/glob.ts
var SLASH = "/".charCodeAt(0);
var notSlash = (code) => code !== SLASH;
var GlobSyntaxError = class extends Error {
  constructor(pattern, reason) {
    super(`glob ${JSON.stringify(pattern)}: ${reason}`);
    this.pattern = pattern;
  }
  pattern;
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
    const run2 = end - this.at;
    const before = this.at === sequenceStart ? "" : text[this.at - 1];
    const after = text[end];
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
  const compiled2 = compilePattern(new Parser(pattern).parse());
  if (cache2.size > 200) cache2.clear();
  cache2.set(pattern, compiled2);
  return compiled2;
}
function globMatcher(patterns) {
  const compiled2 = (typeof patterns === "string" ? [patterns] : patterns).map(compileGlob);
  return (path) => compiled2.some((program) => matchesPattern(program, path));
}

// src/rules/title.ts
var TITLE_PLACEHOLDERS = ["key", "summary"];
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
function unknownTitlePlaceholders(format) {
  const names = [...format.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1] ?? "");
  return names.filter((name) => !TITLE_PLACEHOLDERS.includes(name));
}
function titleFormatProblems(format) {
  return TITLE_PLACEHOLDERS.flatMap((name) => {
    const count2 = format.split(`{${name}}`).length - 1;
    return count2 > 1 ? [`at most one {${name}} may appear (found ${count2})`] : [];
  });
}
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
  const text = title.trim();
  const slots = matchPattern(pattern, text);
  if (slots === null) return null;
  if (keyGroup === 0) return { key: null };
  const start = slots[keyGroup * 2] ?? -1;
  const end = slots[keyGroup * 2 + 1] ?? -1;
  return { key: start < 0 ? null : text.slice(start, end) };
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

// src/config/schema.ts
var branchName = z.string().min(1).max(255).regex(/^(?!\/|.*\/\/|.*\.\.|.*\.lock$|.*[/.]$)[A-Za-z0-9._/-]+$/, "a plain git branch name");
var checkNamePattern = z.string().min(1).max(200).describe("a check run name, or a glob with * wildcards");
var list = (item, max) => z.array(item).max(max, `at most ${max} entries`);
var glob = z.string().min(1).max(200).superRefine((pattern, ctx) => {
  const problem = globProblem(pattern);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});
var appReference = z.union([
  z.number().int().positive().describe("the App's id"),
  z.string().max(100).regex(/^[a-z0-9][a-z0-9-]*$/i, "an App slug (github-actions) or an App id").describe("the App's slug")
]).describe("the GitHub App that must report the check (its id survives a rename of the App)");
var requiredCheck = z.union([checkNamePattern, z.strictObject({ name: checkNamePattern, app: appReference })]).transform((entry2) => typeof entry2 === "string" ? { name: entry2, app: null } : entry2);
var severity = z.enum(["P0", "P1", "P2"]);
var approvalRule = (required) => z.strictObject({
  required: z.number().int().min(0).max(20).default(required).describe("approving reviews required before the gate passes"),
  from: list(z.string().min(1).max(100), 100).default([]).describe("logins or org/team slugs whose approval counts; empty = anyone with write access")
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
  labels: list(z.string().min(1).max(50), 20).default(defaults.labels)
}).prefault({});
var configSchema = z.strictObject({
  productionBranch: branchName.default("main").describe("the branch that is deployed to production"),
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
    format: z.string().min(1).max(200).superRefine((format, ctx) => {
      for (const message of titleFormatProblems(format)) ctx.addIssue({ code: "custom", message });
      const unknown = unknownTitlePlaceholders(format);
      if (unknown.length === 0) return;
      const names = unknown.map((n) => `{${n}}`).join(", ");
      ctx.addIssue({
        code: "custom",
        message: `unknown placeholder ${names}; allowed: {key} {summary}`
      });
    }).default("[{key}] {summary}").describe("the expected PR title; {key} is the Jira key, {summary} free text (each at most once)"),
    projects: list(
      z.string().max(50).regex(/^[A-Z][A-Z0-9_]+$/, "an upper-case Jira project key such as SPF"),
      100
    ).default([]).describe("allowed Jira project keys; empty = any")
  }).prefault({}),
  checks: z.strictObject({
    criticalTests: list(requiredCheck, 50).default([]).describe("check runs that must succeed"),
    securityScan: list(requiredCheck, 50).default([]).describe("security scan check runs that must succeed"),
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
    targets: list(glob, 50).default(["{develop}"]).describe("branches or globs (release/*) to backport to; {develop} is the develop branch"),
    labels: list(z.string().min(1).max(50), 20).default(["backport"]),
    deleteHotfixBranch: z.boolean().default(true)
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
    })
  }).prefault({}),
  deploy: z.strictObject({
    workflow: z.strictObject({
      id: z.string().min(1).max(255).describe("workflow file name (deploy.yml) or id"),
      ref: z.string().min(1).max(255).optional().describe("ref to run on; default the production branch"),
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
      ).refine((inputs) => Object.keys(inputs).length <= 25, "at most 25 inputs").default({}).describe(
        `workflow_dispatch inputs with placeholders ${DEPLOY_PLACEHOLDERS.map((n) => `{${n}}`).join(" ")}; empty = { tag: "{tag}", incident: "{incident}" }`
      )
    }).optional(),
    environment: z.string().min(1).max(255).optional().describe("create a GitHub deployment to this environment"),
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
    const message = error instanceof Error ? error.message.replace(/^\[@probot\/octokit-plugin-config\] /, "") : String(error);
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

// src/after-merge/merged-pull-request.ts
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

// src/backport/backport-branch.ts
var UnsafeBranchNameError = class extends Error {
  constructor(value, reason) {
    super(`unsafe backport branch input ${JSON.stringify(value)}: ${reason}`);
    this.value = value;
  }
  value;
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
function expandTargets(patterns, branches, developBranch, productionBranch) {
  const existing = new Set(branches);
  const eligible = (name) => name !== productionBranch && !name.startsWith(PREFIX) && branchNameProblem(name) === null;
  const targets = [];
  const add = (name) => {
    if (eligible(name) && !targets.includes(name)) targets.push(name);
  };
  for (const raw of patterns) {
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

// src/backport/pick-list.ts
var PickListError = class extends Error {
  constructor(mergeCommitSha, reason) {
    super(`cannot work out what to pick for ${mergeCommitSha}: ${reason}`);
    this.mergeCommitSha = mergeCommitSha;
  }
  mergeCommitSha;
  name = "PickListError";
};
function commitsToPick(input) {
  const { mergeCommitSha, mergeCommitParents, prCommits, firstParentChain } = input;
  const [firstParent] = mergeCommitParents;
  if (firstParent === void 0) throw new PickListError(mergeCommitSha, "it has no parent (a root commit)");
  if (mergeCommitParents.length >= 2) {
    return { method: "merge", picks: [{ sha: mergeCommitSha, parent: firstParent, mainline: 1 }] };
  }
  const n = prCommits.length;
  const total = input.prCommitTotal ?? n;
  if (total > n) {
    throw new PickListError(
      mergeCommitSha,
      `the pull request has ${total} commits and GitHub lists only ${n} of them, so whether it was rebased (pick every commit) or squashed (pick one) cannot be verified; backport it by hand with the manual steps`
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
  if (n > firstParentChain.length && (!last || last.parents.length > 0)) {
    throw new PickListError(
      mergeCommitSha,
      `the first-parent chain has ${firstParentChain.length} commits, the pull request ${n}`
    );
  }
  if (n > 0 && n <= firstParentChain.length) {
    const newestFirst = firstParentChain.slice(0, n);
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

// src/backport/read-pick-plan.ts
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

// src/text/escape-markdown.ts
var MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!|~>]/g;
function escapeMarkdown(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(MARKDOWN_SPECIALS, "\\$&").replace(/@(?=[A-Za-z0-9])/g, "@&#8203;");
}
function escapeTableCell(text) {
  return escapeMarkdown(text.replace(/\r\n|\r|\n/g, " "));
}
function truncate(text, max, marker = "\u2026") {
  if (text.length <= max) return text;
  let end = Math.max(0, max - marker.length);
  const code = text.charCodeAt(end - 1);
  if (code >= 55296 && code <= 56319) end -= 1;
  return text.slice(0, end) + marker;
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

// src/metrics/incident-durations.ts
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
  const detected = time(state.detectedAt);
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
    detectedAt: iso(detected),
    prOpenedAt: iso(prOpened),
    mergedAt: iso(merged),
    deployedAt: iso(first?.deployed ?? null),
    detectionToPr: span(detected, prOpened),
    detectionToMerge: span(detected, merged),
    mergeToDeploy: span(first?.merged ?? null, first?.deployed ?? null),
    detectionToDeploy: span(detected, first?.deployed ?? null),
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

// src/release/release-notes.ts
var RELEASE_NOTES_MAX = 1e5;
var MAX_LISTED_COMMITS = 250;
function linkTarget(url2) {
  return url2.replace(/[\s()<>[\]`]/g, (c) => c === "(" ? "%28" : c === ")" ? "%29" : encodeURIComponent(c));
}
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
  const firstSection = lines.findIndex((line) => /^##\s/.test(line));
  if (firstSection === -1) {
    const body = existing.endsWith(eol) ? existing : existing + eol;
    return `${body}${eol}${normalised}`;
  }
  const before = lines.slice(0, firstSection).join(eol);
  const after = lines.slice(firstSection).join(eol);
  return `${before}${before === "" ? "" : eol}${normalised}${eol}${after}`;
}

// src/incident/timeline-schema.ts
import { z as z4 } from "zod";

// src/follow-ups/plan-follow-ups.ts
var FOLLOW_UP_KINDS = [
  "post-mortem",
  "proper-fix",
  "regression-tests",
  "post-deploy-review"
];
var TEMPORARY_FIX_LABEL = "temporary-fix";
var TEMPLATE_KEY = {
  "post-mortem": "postMortem",
  "proper-fix": "properFix",
  "regression-tests": "regressionTests",
  "post-deploy-review": "postDeployReview"
};
var TITLE_MAX = 256;
var BODY_MAX = 65e3;
var MARKER_PREFIX = "<!-- hotfix-bot:follow-up ";
var MARKER = /<!-- hotfix-bot:follow-up (\{[^<>]*\}) -->/g;
function followUpMarker(pr, kind) {
  return `${MARKER_PREFIX}${JSON.stringify({ pr, kind })} -->`;
}
function parseFollowUpMarkers(body) {
  if (!body) return [];
  const found = [];
  for (const match of body.matchAll(MARKER)) {
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
var oneLine = (text) => text.replace(/\s*[\r\n]+\s*/g, " ").trim();
function planFollowUps(input) {
  const kinds = followUpKindsFor({
    pr: input.pr,
    changedFiles: input.changedFiles,
    testGlobs: input.config.followUps.testGlobs,
    severity: input.severity,
    approved: input.approved
  });
  const titleValues = templateValues(input, oneLine);
  const bodyValues = templateValues(input, escapeMarkdown);
  const assignee = input.pr.author.endsWith("[bot]") ? "" : input.pr.author;
  return kinds.flatMap((kind) => {
    const template = input.config.followUps[TEMPLATE_KEY[kind]];
    if (!template.enabled) return [];
    const title = truncate(oneLine(renderTemplate(template.title, titleValues)), TITLE_MAX);
    const marker = followUpMarker(input.pr.number, kind);
    const text = `${renderTemplate(template.body, bodyValues).replace(/\s+$/, "")}${kind === "regression-tests" ? unlistedFilesNote(input) : ""}`;
    const body = `${truncate(text, BODY_MAX - marker.length - 2)}

${marker}`;
    return [{ kind, title, body, labels: [...template.labels], assignee }];
  });
}

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
  refused: refused.optional()
});
var followUp = z4.object({ issue: count, url });
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
  heartbeatAt: isoTime
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
  collapsed: z4.number().int().nonnegative().optional()
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
var TimelineTooLargeError = class extends Error {
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
};
function encodeState(state) {
  return JSON.stringify(state).replace(/</g, "\\u003c").replace(/>/g, "\\u003e");
}
function formatTime(iso2) {
  const t = Date.parse(iso2);
  if (Number.isNaN(t)) return escapeTableCell(iso2);
  return `${new Date(t).toISOString().slice(0, 16).replace("T", " ")}`;
}
function link(text, url2) {
  return url2 ? `[${text}](${linkTarget(url2)})` : text;
}
var FOLLOW_UP_LABEL = {
  "post-mortem": "post-mortem",
  "proper-fix": "proper fix",
  "regression-tests": "regression tests",
  "post-deploy-review": "post-deploy review"
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
    ([kind, f]) => f ? [`${FOLLOW_UP_LABEL[kind] ?? escapeMarkdown(kind)} ${link(`#${f.issue}`, f.url)}`] : []
  );
  if (followUps2.length > 0) parts.push(`follow-ups ${followUps2.join(", ")}`);
  if (p.branchDeleted) parts.push("branch deleted");
  parts.push(p.done ? "**done**" : `in progress (last seen ${formatTime(p.heartbeatAt)} UTC)`);
  return `- ${parts.join(" \xB7 ")}`;
}
function header(state) {
  const facts = [
    ...state.incident === null ? [] : [`Incident #${state.incident}`],
    ...state.severity ? [`severity ${escapeMarkdown(state.severity)}`] : [],
    ...state.commander ? [`commander ${escapeMarkdown(`@${state.commander}`)}`] : [],
    ...state.detectedAt ? [`detected ${formatTime(state.detectedAt)} UTC`] : []
  ];
  const recovery = recoveryLine(incidentDurations(state));
  return [
    "### Hotfix timeline",
    ...facts.length > 0 ? ["", facts.join(" \xB7 ")] : [],
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
  const n = state.entries.length;
  const dropped = smallest(n, (d) => {
    const kept2 = dropOldest(state, d);
    return fits(layout(kept2, kept2.entries.length));
  });
  if (dropped > n) throw new TimelineTooLargeError(state.incident, layout(dropOldest(state, n), 0).length);
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
  const { octokit, repo } = ctx;
  const body = await sealState(ctx, renderTimeline(state), { repo, issue: issueNumber });
  if (commentId !== null) {
    try {
      await octokit.rest.issues.updateComment({ ...repo, comment_id: commentId, body });
      return { commentId };
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
  if (!first || first.id === createdId) return { commentId: createdId };
  try {
    await octokit.rest.issues.deleteComment({ ...repo, comment_id: createdId });
  } catch (error) {
    if (httpStatus(error) !== 404) throw error;
  }
  await octokit.rest.issues.updateComment({ ...repo, comment_id: first.id, body });
  return { commentId: first.id };
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
function errorText(error) {
  return error instanceof Error ? error.message : String(error);
}
function dispatchProblem(error, workflow) {
  const status = httpStatus(error);
  if (status === 403)
    return `hotfix-bot may not run workflows: the App needs the "actions: write" permission for deploy.workflow`;
  if (status === 404) return `there is no workflow ${workflow} (or it has no workflow_dispatch trigger)`;
  return errorText(error);
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
  const { workflow, environment } = config.deploy;
  if (!workflow && !environment) return null;
  const { octokit, repo } = ctx;
  const now = () => ctx.clock().toISOString();
  const deploy2 = {};
  const entries = [];
  let mustRecord = false;
  if (workflow) {
    const ref = workflow.ref ?? config.productionBranch;
    const inputs = renderDeployInputs(workflow.inputs, {
      tag: request.tag,
      incident: request.incident === null ? "" : String(request.incident),
      pr: String(request.pr),
      sha: request.mergeSha,
      severity: request.severity
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
        const problem = errorText(error);
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
async function deployAfterTag(ctx, config, input) {
  const { pipeline: pipeline2, pr } = input;
  let { state, commentId } = input;
  if (pipeline2.deploy || !pipeline2.tag) return { state, commentId };
  const triggered = await triggerDeploy(ctx, config, {
    tag: pipeline2.tag,
    mergeSha: pr.mergeSha,
    pr: pr.number,
    incident: input.incident,
    severity: input.severity
  });
  if (!triggered) return { state, commentId };
  pipeline2.deploy = triggered.deploy;
  for (const entry2 of triggered.entries) state = addEntry(state, entry2);
  if (triggered.mustRecord) {
    const snapshot = { ...state, pipelines: { ...state.pipelines, [String(pr.number)]: { ...pipeline2 } } };
    ({ commentId } = await writeTimeline(ctx, input.timelineIssue, commentId, snapshot));
  }
  return { state, commentId };
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
  if (plan.assignee) {
    const assignee = plan.assignee;
    try {
      return { ...await createOnce(() => send([assignee]), find), writes };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
    }
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

// src/rules/incident-link.ts
var MAX_ISSUE_NUMBER = 2147483647;
var EXPLICIT = /(?<![\w/#-])incident\s*:\s*#([1-9][0-9]{0,9})(?![\w-])/i;
var CLOSING = /(?<![\w/#-])(?:close|closes|closed|fix|fixes|fixed|resolve|resolves|resolved)(?:\s*:\s*|\s+)#([1-9][0-9]{0,9})(?![\w-])/i;
var BRANCH = /^hotfix\/incident-([1-9][0-9]{0,9})$/;
function toNumber(digits) {
  if (digits === void 0) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) && n <= MAX_ISSUE_NUMBER ? n : null;
}
function linkedIncidentNumber({
  body,
  headRef
}) {
  const text = body ?? "";
  return toNumber(EXPLICIT.exec(text)?.[1]) ?? toNumber(CLOSING.exec(text)?.[1]) ?? toNumber(BRANCH.exec(headRef ?? "")?.[1]);
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

// src/incident/refused-branch-entries.ts
function refusedBranchEntries(refused2, used, at) {
  return (refused2 ?? []).map(({ branch, tip }) => ({
    key: `refused-branch-${branch}`,
    at,
    text: `Refused the existing branch ${branch}: its tip ${tip.slice(0, 7)} is not the commit hotfix-bot computed` + (used ? `; used ${used} instead` : "")
  }));
}

// src/release/tag-name.ts
var pad = (n, width = 2) => String(n).padStart(width, "0");
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

// src/release/update-changelog.ts
var CHANGELOG_PATH = "CHANGELOG.md";
var MAX_ATTEMPTS = 3;
var ChangelogConflictError = class extends Error {
  constructor(repo, branch) {
    super(`${CHANGELOG_PATH} on ${repo.owner}/${repo.repo}@${branch} kept changing under us; not updated`);
    this.repo = repo;
    this.branch = branch;
    this.name = "ChangelogConflictError";
  }
  repo;
  branch;
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
var TagNameExhaustedError = class extends Error {
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
};
var TAG_PREFIX = "refs/tags/";
async function listTagRefs(octokit, repo, prefix, n) {
  n.reads++;
  const refs = await octokit.paginate(octokit.rest.git.listMatchingRefs, {
    ...repo,
    ref: `tags/${prefix}`,
    per_page: 100
  });
  return refs.filter((r) => r.ref.startsWith(TAG_PREFIX)).map((r) => ({ name: r.ref.slice(TAG_PREFIX.length), sha: r.object.sha, type: r.object.type }));
}
async function peel(octokit, repo, ref, n) {
  let { sha, type } = ref;
  for (let depth = 0; type === "tag" && depth < 5; depth++) {
    n.reads++;
    const { data } = await octokit.rest.git.getTag({ ...repo, tag_sha: sha });
    sha = data.object.sha;
    type = data.object.type;
  }
  return type === "commit" ? sha : null;
}
async function getTagRef(octokit, repo, name, n) {
  n.reads++;
  try {
    const { data } = await octokit.rest.git.getRef({ ...repo, ref: `tags/${name}` });
    return { name, sha: data.object.sha, type: data.object.type };
  } catch (error) {
    if (httpStatus(error) === 404) return null;
    throw error;
  }
}
async function findHotfixDateTag(octokit, repo, input, n) {
  const base = hotfixTagBase(input.mergedAt);
  const ours = new RegExp(`^${base}(?:-[1-9]\\d*)?$`);
  const refs = (await listTagRefs(octokit, repo, base, n)).filter((r) => ours.test(r.name));
  for (const ref of refs) {
    if (await peel(octokit, repo, ref, n) === input.mergeSha)
      return { existing: ref, existingTags: [], taken: /* @__PURE__ */ new Set() };
  }
  const names = refs.map((r) => r.name);
  return { existingTags: names, taken: new Set(names) };
}
async function findSemverTag(octokit, repo, input, n) {
  const refs = await listTagRefs(octokit, repo, "v", n);
  const byName = new Map(refs.map((r) => [r.name, r]));
  const taken = new Set(refs.map((r) => r.name));
  for (const tag of semverTagsDescending([...byName.keys()])) {
    n.reads++;
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
async function ensureTag(octokit, repo, input, n) {
  const scheme = input.config.release.tagScheme;
  const found = scheme === "semver-patch" ? await findSemverTag(octokit, repo, input, n) : await findHotfixDateTag(octokit, repo, input, n);
  if (found.existing) return { tag: found.existing.name, tagSha: found.existing.sha, created: false };
  const existingTags = [...found.existingTags];
  const tried = [];
  while (tried.length < MAX_NAME_ATTEMPTS) {
    const name = nextTagName({ scheme, mergedAt: input.mergedAt, existingTags });
    tried.push(name);
    existingTags.push(name);
    if (found.taken.has(name)) continue;
    n.writes++;
    const { data: tagObject } = await octokit.rest.git.createTag({
      ...repo,
      tag: name,
      message: tagMessage(input, name),
      object: input.mergeSha,
      type: "commit"
    });
    try {
      n.writes++;
      await octokit.rest.git.createRef({ ...repo, ref: `${TAG_PREFIX}${name}`, sha: tagObject.sha });
      return { tag: name, tagSha: tagObject.sha, created: true };
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      const winner = await getTagRef(octokit, repo, name, n);
      if (!winner) throw error;
      if (await peel(octokit, repo, winner, n) === input.mergeSha) {
        return { tag: name, tagSha: winner.sha, created: false };
      }
    }
  }
  throw new TagNameExhaustedError(repo, input.mergeSha, tried);
}
async function ensureRelease(octokit, repo, input, tag, n) {
  const get = async () => {
    n.reads++;
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
    n.writes++;
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
  const n = { reads: 0, writes: 0 };
  const tag = await ensureTag(octokit, repo, input, n);
  const result = { ...tag, writes: 0, reads: 0 };
  if (input.config.release.createRelease)
    result.release = await ensureRelease(octokit, repo, input, tag.tag, n);
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
        branch: input.config.productionBranch,
        entry: entry2,
        message: `Add ${tag.tag} to the changelog`
      });
      n.reads += outcome.reads;
      n.writes += outcome.writes;
      result.changelog = {
        updated: outcome.updated,
        ...outcome.commitSha ? { commitSha: outcome.commitSha } : {}
      };
    } catch (error) {
      result.changelog = { updated: false, error: error instanceof Error ? error.message : String(error) };
    }
  }
  result.writes = n.writes;
  result.reads = n.reads;
  return result;
}

// src/intake/bot-comment.ts
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

// src/after-merge/backport-notice.ts
var MARKER2 = "<!-- hotfix-bot:backport-notice";
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
    `${MARKER2} ${JSON.stringify({ pr, targets: keys })} -->`,
    `**Backports of #${pr}**`,
    "",
    ...lines
  ].join("\n");
}
async function noticeBackportsWithoutPr(ctx, pr, targets, backports) {
  const body = backportNotice(pr, backports, targets);
  if (!body) return;
  const marker = body.split("\n", 1)[0] ?? MARKER2;
  await ensureBotComment(ctx, pr, marker, body);
}

// src/backport/backport-errors.ts
var WorkflowPermissionError = class extends Error {
  constructor(files, cause) {
    super(
      `GitHub refused to write ${files.join(", ")}: changing workflow files needs the App's "workflows" permission`
    );
    this.files = files;
    this.cause = cause;
  }
  files;
  cause;
  name = "WorkflowPermissionError";
};
var CherryPickError = class extends Error {
  constructor(pick, reason, cause) {
    super(`cannot cherry-pick ${pick}: ${reason}`);
    this.pick = pick;
    this.cause = cause;
  }
  pick;
  cause;
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
  const message = error instanceof Error ? error.message : String(error);
  if (!/workflow|permission|not accessible/i.test(message)) return null;
  const named = /`([^`]*\.github\/workflows\/[^`]*)`/.exec(message)?.[1];
  return new WorkflowPermissionError(named ? [named] : workflows, error);
}

// src/backport/cherry-pick-message.ts
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
    const line = raw.replace(/\s+$/, "");
    if (line === "") {
      blank = out.length > 0;
      continue;
    }
    if (blank) out.push("");
    blank = false;
    out.push(line);
  }
  return out.map((line) => `${line}
`).join("");
}
var GIT_GENERATED = ["Signed-off-by: ", "(cherry picked from commit "];
var TRAILER = /^[A-Za-z0-9-]+[ \t]*:/;
function endsWithTrailers(message) {
  const lines = message.split("\n");
  while (lines.length > 0 && lines.at(-1).trim() === "") lines.pop();
  let start = lines.length;
  while (start > 0 && lines[start - 1].trim() !== "") start--;
  const hasTitleBefore = lines.slice(0, start).some((line) => line.trim() !== "");
  if (start === lines.length || !hasTitleBefore) return false;
  let trailers = 0;
  let others = 0;
  let recognized = false;
  let inTrailer = false;
  for (const line of lines.slice(start)) {
    if (line.startsWith("#")) continue;
    if (GIT_GENERATED.some((prefix) => line.startsWith(prefix))) {
      trailers++;
      recognized = true;
      inTrailer = true;
    } else if (/^[ \t]/.test(line)) {
      if (!inTrailer) others++;
    } else if (TRAILER.test(line)) {
      trailers++;
      inTrailer = true;
    } else {
      others++;
      inTrailer = false;
    }
  }
  return trailers > 0 && others === 0 || recognized && trailers * 3 >= others;
}

// src/backport/git-writer.ts
var strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
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
   * UTF-8); other bytes need a blob of their own first.
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
        const text = utf8OrNull(item.content);
        if (text !== null) {
          items.push({
            path: item.path,
            mode: item.mode,
            type: "blob",
            content: text
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

// src/backport/github-tree-source.ts
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

// src/backport/git-tree.ts
var REGULAR_MODES = /* @__PURE__ */ new Set(["100644", "100755"]);
function sameEntry(x, y) {
  if (x === null || y === null) return x === y;
  return x.sha === y.sha && x.mode === y.mode;
}
function parentDirs(path) {
  const parts = path.split("/");
  return parts.slice(0, -1).map((_, k) => parts.slice(0, k + 1).join("/"));
}

// src/backport/three-way-merge.ts
import { diffComm } from "node-diff3";

// src/backport/line-matching.ts
import { diffIndices } from "node-diff3";
var MAX_ANCHOR_OCCURRENCES = 64;
function trimmedMatching(a, b) {
  const m = new Int32Array(a.length).fill(-1);
  let lo = 0;
  while (lo < a.length && lo < b.length && a[lo] === b[lo]) {
    m[lo] = lo;
    lo++;
  }
  let aHi = a.length;
  let bHi = b.length;
  while (aHi > lo && bHi > lo && a[aHi - 1] === b[bHi - 1]) {
    aHi--;
    bHi--;
    m[aHi] = bHi;
  }
  return { m, lo, aHi, bHi };
}
function lcsRegion(a, b, m, region, backwards) {
  const { a0, a1, b0, b1 } = region;
  if (a0 >= a1 || b0 >= b1) return;
  let sa = a.slice(a0, a1);
  let sb = b.slice(b0, b1);
  if (backwards) {
    sa = sa.reverse();
    sb = sb.reverse();
  }
  let i = 0;
  let j = 0;
  const matchUpTo = (iEnd) => {
    while (i < iEnd) {
      const ai = backwards ? a1 - 1 - i : a0 + i;
      const bj = backwards ? b1 - 1 - j : b0 + j;
      m[ai] = bj;
      i++;
      j++;
    }
  };
  for (const chunk of diffIndices(sa, sb)) {
    matchUpTo(chunk.buffer1[0]);
    i += chunk.buffer1[1];
    j += chunk.buffer2[1];
  }
  matchUpTo(sa.length);
}
var HISTOGRAM_BUDGET = 5e7;
function histogramRegion(a, b, m, region) {
  let maxId = -1;
  for (const id of a) if (id > maxId) maxId = id;
  const first = new Int32Array(maxId + 1).fill(-1);
  const count2 = new Int32Array(maxId + 1);
  const next = new Int32Array(a.length).fill(-1);
  const occurrences = (id) => id <= maxId ? count2[id] : 0;
  let work = 0;
  const stack = [region];
  for (let r = stack.pop(); r !== void 0; r = stack.pop()) {
    const { a0, a1, b0, b1 } = r;
    if (a0 >= a1 || b0 >= b1) continue;
    for (let i = a1 - 1; i >= a0; i--) {
      const id = a[i];
      next[i] = first[id];
      first[id] = i;
      count2[id] = count2[id] + 1;
    }
    let best = { ai: 0, bj: 0, len: 0, count: MAX_ANCHOR_OCCURRENCES + 1 };
    let common = false;
    for (let j = b0; j < b1; ) {
      let after = j + 1;
      const id = b[j];
      const seen = occurrences(id);
      if (seen > 0) common = true;
      if (seen > 0 && seen <= best.count) {
        let runEnd = -1;
        for (let i = first[id]; i >= 0; i = next[i]) {
          if (i < runEnd) continue;
          let start = 0;
          while (i - start > a0 && j - start > b0 && a[i - start - 1] === b[j - start - 1]) start++;
          let len = start + 1;
          while (i - start + len < a1 && j - start + len < b1 && a[i - start + len] === b[j - start + len])
            len++;
          let rarest = seen;
          for (let t = i - start; t < i - start + len; t++)
            rarest = Math.min(rarest, occurrences(a[t]));
          work += 2 * len;
          after = Math.max(after, j - start + len);
          runEnd = i - start + len;
          if (len > best.len || rarest < best.count)
            best = { ai: i - start, bj: j - start, len, count: rarest };
        }
      }
      j = after;
    }
    for (let i = a0; i < a1; i++) {
      first[a[i]] = -1;
      count2[a[i]] = 0;
    }
    work += a1 - a0 + (b1 - b0);
    if (work > HISTOGRAM_BUDGET) return false;
    if (best.len === 0) {
      if (common) return false;
      continue;
    }
    for (let t = 0; t < best.len; t++) m[best.ai + t] = best.bj + t;
    stack.push({ a0, a1: best.ai, b0, b1: best.bj });
    stack.push({ a0: best.ai + best.len, a1, b0: best.bj + best.len, b1 });
  }
  return true;
}
function invert(m, bLength) {
  const inverse = new Int32Array(bLength).fill(-1);
  m.forEach((j, i) => {
    if (j >= 0) inverse[j] = i;
  });
  return inverse;
}
function slideAll(a, b, m, down) {
  const out = Int32Array.from(m);
  const inverse = invert(out, b.length);
  let moved = true;
  while (moved) {
    moved = slideSide(a, out, inverse, down) || slideSide(b, inverse, out, down);
  }
  return out;
}
function slideSide(lines, m, back, down) {
  let moved = false;
  const n = lines.length;
  if (down) {
    for (let s = 0; s < n; s++) {
      if (m[s] !== -1) continue;
      let e = s;
      while (e < n && m[e] === -1) e++;
      while (e < n && m[e] >= 0 && lines[s] === lines[e]) {
        const partner = m[e];
        m[s] = partner;
        back[partner] = s;
        m[e] = -1;
        s++;
        e++;
        while (e < n && m[e] === -1) e++;
        moved = true;
      }
      s = e;
    }
  } else {
    for (let e = n; e > 0; e--) {
      if (m[e - 1] !== -1) continue;
      let s = e - 1;
      while (s > 0 && m[s - 1] === -1) s--;
      while (s > 0 && m[s - 1] >= 0 && lines[s - 1] === lines[e - 1]) {
        const partner = m[s - 1];
        m[e - 1] = partner;
        back[partner] = e - 1;
        m[s - 1] = -1;
        s--;
        e--;
        while (s > 0 && m[s - 1] === -1) s--;
        moved = true;
      }
      e = s;
    }
  }
  return moved;
}

// src/backport/stable-matching.ts
function plausibleMatchings(a, b) {
  const whole = { a0: 0, a1: a.length, b0: 0, b1: b.length };
  const histogram = new Int32Array(a.length).fill(-1);
  if (!histogramRegion(a, b, histogram, whole)) return null;
  const bases = [histogram];
  const { m: trimmed, lo, aHi, bHi } = trimmedMatching(a, b);
  const region = { a0: lo, a1: aHi, b0: lo, b1: bHi };
  if (equalPairs(a, b, region) <= MAX_LCS_PAIRS) {
    for (const backwards of [false, true]) {
      const lcs = Int32Array.from(trimmed);
      lcsRegion(a, b, lcs, region, backwards);
      bases.push(lcs);
    }
  }
  return bases.flatMap((m) => [m, slideAll(a, b, m, false), slideAll(a, b, m, true)]);
}
var MAX_LCS_PAIRS = 5e4;
function equalPairs(a, b, r) {
  const counts = /* @__PURE__ */ new Map();
  for (let j = r.b0; j < r.b1; j++) counts.set(b[j], (counts.get(b[j]) ?? 0) + 1);
  let pairs = 0;
  for (let i = r.a0; i < r.a1; i++) pairs += counts.get(a[i]) ?? 0;
  return pairs;
}
function robustChanges(a, b) {
  const matchings = plausibleMatchings(a, b);
  if (!matchings) return [{ a0: 0, a1: a.length, b0: 0, b1: b.length }];
  const changes = [];
  let prevA = -1;
  let prevB = -1;
  const close = (i, j) => {
    if (i !== prevA + 1 || j !== prevB + 1) changes.push({ a0: prevA + 1, a1: i, b0: prevB + 1, b1: j });
    prevA = i;
    prevB = j;
  };
  const [first, ...others] = matchings;
  for (let i = 0; i < a.length; i++) {
    const j = first?.[i] ?? -1;
    if (j < 0 || others.some((m) => m[i] !== j)) continue;
    close(i, j);
  }
  close(a.length, b.length);
  return changes;
}

// src/backport/text-lines.ts
function splitLines(text) {
  if (text === "") return [];
  const lines = [];
  let start = 0;
  for (; ; ) {
    const end = text.indexOf("\n", start);
    if (end < 0) {
      if (start < text.length) lines.push(text.slice(start));
      return lines;
    }
    lines.push(text.slice(start, end + 1));
    start = end + 1;
  }
}
var LineTable = class {
  ids = /* @__PURE__ */ new Map();
  lines = [];
  intern(lines) {
    return lines.map((line) => {
      let id = this.ids.get(line);
      if (id === void 0) {
        id = this.lines.length;
        this.ids.set(line, id);
        this.lines.push(line);
      }
      return id;
    });
  }
};

// src/backport/three-way-merge.ts
function mergeFile(input) {
  const { base, ours, theirs } = input;
  if (ours === theirs || base === theirs) return { clean: true, text: ours };
  if (base === ours) return { clean: true, text: theirs };
  const table = new LineTable();
  const b = table.intern(splitLines(base));
  const o = table.intern(splitLines(ours));
  const t = table.intern(splitLines(theirs));
  const oursChanges = robustChanges(b, o);
  const theirsChanges = robustChanges(b, t);
  const eol = detectEol(splitLines(ours));
  const text = (ids) => ids.map((id) => table.lines[id]);
  const out = [];
  let conflicts = 0;
  let position = 0;
  for (const cluster of clusters(oursChanges, theirsChanges)) {
    out.push(...text(b.slice(position, cluster.a0)));
    position = cluster.a1;
    const oursPart = o.slice(...cluster.ours);
    const theirsPart = t.slice(...cluster.theirs);
    if (!cluster.touchedByTheirs || sameLines(oursPart, theirsPart)) {
      out.push(...text(oursPart));
    } else if (!cluster.touchedByOurs) {
      out.push(...text(theirsPart));
    } else {
      conflicts += renderConflict(text(oursPart), text(theirsPart), eol, input, out);
    }
  }
  out.push(...text(b.slice(position)));
  const merged = out.join("");
  return conflicts === 0 ? { clean: true, text: merged } : { clean: false, text: merged, conflicts };
}
function clusters(oursChanges, theirsChanges) {
  const tagged = [
    ...oursChanges.map((change) => ({ change, ours: true })),
    ...theirsChanges.map((change) => ({ change, ours: false }))
  ].sort((x, y) => x.change.a0 - y.change.a0 || x.change.a1 - y.change.a1);
  const result = [];
  let oursShift = 0;
  let theirsShift = 0;
  let current;
  const finish = () => {
    if (!current) return;
    current.ours = [current.a0 + oursShift, current.a1 + current.oursShiftEnd];
    current.theirs = [current.a0 + theirsShift, current.a1 + current.theirsShiftEnd];
    oursShift = current.oursShiftEnd;
    theirsShift = current.theirsShiftEnd;
    result.push(current);
    current = void 0;
  };
  for (const { change, ours } of tagged) {
    if (current && change.a0 > current.a1) finish();
    if (!current) {
      current = {
        a0: change.a0,
        a1: change.a1,
        ours: [0, 0],
        theirs: [0, 0],
        touchedByOurs: false,
        touchedByTheirs: false,
        oursShiftEnd: oursShift,
        theirsShiftEnd: theirsShift
      };
    }
    current.a1 = Math.max(current.a1, change.a1);
    const growth = change.b1 - change.b0 - (change.a1 - change.a0);
    if (ours) {
      current.touchedByOurs = true;
      current.oursShiftEnd += growth;
    } else {
      current.touchedByTheirs = true;
      current.theirsShiftEnd += growth;
    }
  }
  finish();
  return result;
}
function sameLines(x, y) {
  return x.length === y.length && x.every((id, k) => id === y[k]);
}
function detectEol(lines) {
  const first = lines.find((line) => line.endsWith("\n"));
  return first?.endsWith("\r\n") ? "\r\n" : "\n";
}
function renderConflict(oursLines, theirsLines, eol, labels, out) {
  const terminated = (lines) => lines.map((line, k) => k === lines.length - 1 && !line.endsWith("\n") ? line + eol : line);
  const oneLine3 = (label) => label.replace(/[\r\n]+/g, " ");
  let blocks = 0;
  let head = 0;
  while (head < oursLines.length && head < theirsLines.length && oursLines[head] === theirsLines[head])
    head++;
  let tail = 0;
  while (tail < oursLines.length - head && tail < theirsLines.length - head && oursLines[oursLines.length - 1 - tail] === theirsLines[theirsLines.length - 1 - tail]) {
    tail++;
  }
  const oursMiddle = oursLines.slice(head, oursLines.length - tail);
  const theirsMiddle = theirsLines.slice(head, theirsLines.length - tail);
  const table = new LineTable();
  const cheap = equalPairs(table.intern(oursMiddle), table.intern(theirsMiddle), {
    a0: 0,
    a1: oursMiddle.length,
    b0: 0,
    b1: theirsMiddle.length
  }) <= MAX_LCS_PAIRS;
  const parts = cheap ? diffComm(oursMiddle, theirsMiddle) : [{ buffer1: oursMiddle, buffer2: theirsMiddle }];
  out.push(...oursLines.slice(0, head));
  for (const part of parts) {
    if (part.common) {
      out.push(...part.common);
      continue;
    }
    blocks++;
    out.push(
      `<<<<<<< ${oneLine3(labels.oursLabel)}${eol}`,
      ...terminated(part.buffer1),
      `=======${eol}`,
      ...terminated(part.buffer2),
      `>>>>>>> ${oneLine3(labels.theirsLabel)}${eol}`
    );
  }
  out.push(...oursLines.slice(oursLines.length - tail));
  return blocks;
}

// src/backport/tree-changes.ts
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

// src/backport/local-pick.ts
var MAX_LOCAL_MERGE_BYTES = 1e6;
var BINARY_PROBE_BYTES = 8e3;
var MERGE_ATTRIBUTES = /(^|[\s!-])(merge|binary|conflict-marker-size)\b/m;
async function planPick(source, trees, labels) {
  const changes = await diffTrees(source, trees.base, trees.theirs);
  const changedPaths = [...changes.files.map((c) => c.path), ...changes.clashes];
  const plan = { entries: [], uncertain: [], changedPaths, mergedFiles: 0 };
  if (changes.incomplete || changes.clashes.length > 0) {
    plan.uncertain.push({
      reason: changes.incomplete ? "a changed directory is too large to list" : "a file and a directory swap places",
      paths: changes.clashes.length > 0 ? changes.clashes : changedPaths,
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false
    });
    return plan;
  }
  const ours = (path) => entryAt(source, trees.ours, path);
  const isDir = (entry2) => entry2 !== null && entry2 !== "blocked" && entry2.type === "tree";
  const adds = changes.files.some((c) => c.before === null);
  for (const dir of changes.removedDirs) {
    const there = await ours(dir.path);
    if (!adds || !isDir(there) || there.sha === dir.sha) continue;
    const before = new Set(changes.files.filter((c) => c.path.startsWith(`${dir.path}/`)).map((c) => c.path));
    const added = (await source.files(there.sha) ?? []).map((file) => `${dir.path}/${file.path}`).filter((path) => !before.has(path));
    if (added.length === 0) continue;
    plan.uncertain.push({
      reason: `the target added files under ${dir.path}/, which the picked commit empties`,
      paths: added,
      theirs: changes.files,
      onConflict: [],
      conflictLikely: false
    });
  }
  const merges = [];
  for (const change of changes.files) {
    const { path, before: base, after: theirs } = change;
    const o = await ours(path);
    const uncertain = (reason, onConflict = [], conflictLikely = false) => plan.uncertain.push({ reason, paths: [path], theirs: [change], onConflict, conflictLikely });
    if (o === "blocked" || o !== null && o.type === "tree") {
      uncertain(`${path} is a directory path on the target`);
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
          const onConflict = theirs ? [{ path, entry: theirs }] : [];
          uncertain(`the directory of the new file ${path} is gone on the target`, onConflict);
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
      uncertain(`${path} is ${kind}`, onConflict, true);
      continue;
    }
    if (!regular(base) || !regular(o) || !regular(theirs)) {
      uncertain(`${path} is a symlink or submodule changed on both sides`, [], true);
      continue;
    }
    const mode = mergeMode(base.mode, o.mode, theirs.mode);
    if (mode === null) {
      uncertain(`${path} has its mode changed on both sides`, [], true);
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
      const tooLarge = (path) => plan.uncertain.push({
        reason: `${path} is too large to merge here`,
        paths: [path],
        theirs: [change],
        onConflict: [],
        conflictLikely: false,
        undrafted: `over ${MAX_LOCAL_MERGE_BYTES / 1e6} MB, too large for the bot to write git's conflict blocks: it keeps the target's version, without the fix's change to it`
      });
      if (attributesChanged || await mergeAttributesApply(source, trees.ours, change.path)) {
        uncertain(`${change.path} may have merge attributes`);
        continue;
      }
      const theirs = change.after;
      if ([change.before, o, theirs].some((entry2) => (entry2?.size ?? 0) > MAX_LOCAL_MERGE_BYTES)) {
        tooLarge(change.path);
        continue;
      }
      const [b, x, y] = await Promise.all([
        change.before ? source.blob(change.before.sha) : Promise.resolve(new Uint8Array()),
        source.blob(o.sha),
        source.blob(theirs.sha)
      ]);
      if ([b, x, y].some((bytes) => bytes.length > MAX_LOCAL_MERGE_BYTES)) {
        tooLarge(change.path);
        continue;
      }
      if ([b, x, y].some(looksBinary)) {
        uncertain(`${change.path} is binary`, [], true);
        continue;
      }
      const merged = mergeFile({
        base: bytesToText(b),
        ours: bytesToText(x),
        theirs: bytesToText(y),
        oursLabel: bytesToText(utf8(labels.ours)),
        theirsLabel: bytesToText(utf8(labels.theirs))
      });
      const content = textToBytes(merged.text);
      if (merged.clean && !addedTwice) {
        plan.mergedFiles++;
        if (mode === o.mode && sameBytes(content, x)) continue;
        plan.entries.push({ path: change.path, mode, content });
      } else {
        const reason = addedTwice ? `${change.path} is added on both sides` : `${change.path} may conflict`;
        uncertain(reason, [{ path: change.path, mode, content }], true);
      }
    }
  }
  return plan;
}
function regular(entry2) {
  return entry2.type === "blob" && REGULAR_MODES.has(entry2.mode);
}
function mergeMode(base, ours, theirs) {
  if (ours === theirs || base === theirs) return ours;
  if (base === ours) return theirs;
  return null;
}
async function mergeAttributesApply(source, oursTree, path) {
  for (const dir of ["", ...parentDirs(path)]) {
    const file = await entryAt(source, oursTree, dir === "" ? ".gitattributes" : `${dir}/.gitattributes`);
    if (file === null || file === "blocked" || file.type !== "blob") continue;
    if (MERGE_ATTRIBUTES.test(bytesToText(await source.blob(file.sha)))) return true;
  }
  return false;
}
function looksBinary(bytes) {
  return bytes.subarray(0, BINARY_PROBE_BYTES).includes(0);
}
function bytesToText(bytes) {
  return Buffer.from(bytes).toString("latin1");
}
function textToBytes(text) {
  return new Uint8Array(Buffer.from(text, "latin1"));
}
function utf8(text) {
  return new Uint8Array(Buffer.from(text, "utf8"));
}
function sameBytes(x, y) {
  return Buffer.from(x).equals(Buffer.from(y));
}

// src/backport/server-merge.ts
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
      (item) => item.undrafted === void 0 ? [] : item.paths.map((path) => ({ path, reason: item.undrafted }))
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

// src/backport/cherry-pick.ts
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
    if (plan.uncertain.length === 0) {
      tree = plan.entries.length > 0 ? await writer.tree(headTree, plan.entries) : headTree;
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

// src/backport/manual-steps.ts
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

// src/backport/branch-adoption.ts
var BRANCH_NAME_ATTEMPTS = 5;
function branchNameCandidates(name, attempts = BRANCH_NAME_ATTEMPTS) {
  return Array.from({ length: attempts }, (_, index) => index === 0 ? name : `${name}-${index + 1}`);
}
function sameChange(found, computed) {
  return found.tree === computed.tree && found.message === computed.message && found.parents.length === 1 && computed.parents.length === 1 && (computed.verified !== true || found.verified === true);
}

// src/backport/place-bot-branch.ts
var NoFreeBranchNameError = class extends Error {
  constructor(refused2) {
    super(
      `every branch name hotfix-bot may use is taken by commits it did not write (${refused2.map((r) => `${r.branch} at ${r.tip.slice(0, 7)}`).join(", ")}); delete them and retry`
    );
    this.refused = refused2;
  }
  refused;
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

// src/after-merge/backport-pr-text.ts
var TITLE_MAX2 = 256;
function backportTitle(pr, target) {
  const suffix = ` (backport #${pr.number} to ${target})`;
  const room = TITLE_MAX2 - suffix.length;
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
    lines.push(
      "",
      "> [!WARNING]",
      "> The cherry-pick conflicted. The commit on this branch contains the conflict markers; resolve them and push.",
      "> The PR stays a draft until a person marks it ready: check that no conflict marker is left before you do.",
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
        "> Files marked **no conflict markers** above do not carry the fix's change, and no marker shows it: apply",
        "> the change to each by hand (`git cherry-pick -x` writes git's conflict blocks for them) before merging."
      );
    }
  }
  lines.push("", `Original author: @${input.pr.author}`);
  return lines.join("\n");
}

// src/after-merge/backport-to-target.ts
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
  const opened = {
    number: created.number,
    url: created.html_url,
    labels: [],
    reviewers: [],
    draft: conflict
  };
  const state = await completeBackportPr(ctx, request, where, opened, true, picked.conflictPick, conflict);
  ctx.log.info(
    `backport of #${pr.number} to ${target}: PR #${created.number}${conflict ? " (conflict)" : ""}`
  );
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
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base: target,
    state: "all",
    per_page: 10
  });
  const pr = data.find(isOpenedByAnApp);
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
function countedApprovals(facts, severity2, config) {
  const rule = config.approvals[severity2];
  const from = rule.from.map((entry2) => entry2.toLowerCase());
  const fromLogins = new Set(from.filter((entry2) => !entry2.includes("/")));
  const fromTeams = from.filter((entry2) => entry2.includes("/"));
  const teamMembers = new Set(fromTeams.flatMap((team) => facts.teams[team] ?? []));
  const allowed = (account) => from.length === 0 || fromLogins.has(account.login.toLowerCase()) || teamMembers.has(account.id);
  const notes = [];
  const contributors = facts.contributors;
  let closed = null;
  if (contributors?.incomplete) closed = contributors.incomplete;
  else if (contributors && contributors.unattributable.length > 0) {
    const listed = contributors.unattributable.slice(0, 5).map(short).join(", ");
    const more = contributors.unattributable.length > 5 ? ` and ${contributors.unattributable.length - 5} more` : "";
    closed = `commit ${listed}${more} has no GitHub author or committer, so no approval can be checked against who wrote it; push it again from an account GitHub knows`;
  } else if (!facts.reviewsComplete) {
    closed = "too many reviews to read them all, so a change request may be missing";
  }
  const approvedBy = [];
  const blockers = [];
  for (const review of standingReviews(facts.reviews).values()) {
    const { reviewer } = review;
    const roles = contributors?.roles.get(reviewer.id);
    if (roles && roles.length > 0) {
      if (review.state === "APPROVED")
        notes.push(
          `approval by ${reviewer.login} does not count (${roles.map((r) => ROLE_TEXT[r]).join("; ")})`
        );
      continue;
    }
    const writer = facts.writers.get(reviewer.id) === true;
    if (review.state === "CHANGES_REQUESTED") {
      if (writer) blockers.push(reviewer);
      continue;
    }
    if (review.commitId !== facts.headSha) {
      notes.push(
        `approval by ${reviewer.login} was for ${short(review.commitId)}, not the head ${short(facts.headSha)}: it must be given again`
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
function checkApprovals(facts, severity2, config) {
  const rule = config.approvals[severity2];
  const counted = countedApprovals(facts, severity2, config);
  const approvedBy = counted.approvedBy.map((account) => account.login);
  const details = [...counted.notes];
  const unreadable = approvalTeams(severity2, config).filter((team) => !facts.teams[team]);
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
  hasWrite(account) {
    let answer = this.answers.get(account.id);
    if (!answer) {
      answer = readWriteAccess(this.ctx, account.login, account.id);
      this.answers.set(account.id, answer);
      answer.catch(() => this.answers.delete(account.id));
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
  const add = (account, role) => {
    if (!account) return;
    const list2 = roles.get(account.id) ?? [];
    if (!list2.includes(role)) list2.push(role);
    roles.set(account.id, list2);
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
    accountsToCheck(reviews, subject.headSha, contributors).map(async (account) => {
      writers.set(account.id, await access.hasWrite(account));
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
function resolveSeverity(facts, config) {
  const own = severityFromLabels(facts.prLabels, config);
  if (own) return { severity: own, source: { kind: "pull-request" } };
  const incident = facts.incident;
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
  const facts = await readApprovalFacts(
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
  return countedApprovals(facts, severity2, config).approvedBy.length > 0;
}

// src/after-merge/pipeline-claim.ts
function claimRefName(pr) {
  return `refs/hotfix-bot/claims/pr-${pr}`;
}
var CLAIM_WAIT = { timeoutMs: 18e4, pollMs: 2e3 };
var PipelineClaimedError = class extends Error {
  constructor(repo, pr) {
    super(
      `the after-merge pipeline of ${repo.owner}/${repo.repo}#${pr} is claimed by another run (${claimRefName(pr)}); if that run died, reconcile finishes the pipeline`
    );
    this.repo = repo;
    this.pr = pr;
  }
  repo;
  pr;
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
  const deadline = Date.now() + wait.timeoutMs;
  while (Date.now() < deadline) {
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

// src/after-merge/pipeline-lock.ts
var pipelineLock = new KeyedMutex();

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
function isMergedHotfix(pr, config) {
  return !pr.fromFork && pr.baseRef === config.productionBranch && isHotfixFamilyBranch(pr.headRef, config.branches.patterns);
}
function runAfterMerge(ctx, config, pr, options = {}) {
  return pipelineLock.run(
    `${ctx.repo.owner}/${ctx.repo.repo}#${pr.number}`,
    () => claimAndRun(ctx, config, pr, options)
  );
}
async function claimAndRun(ctx, config, pr, options) {
  for (let attempt = 1; ; attempt++) {
    const complete = await completeOutcome(ctx, config, pr, options);
    if (complete) return complete;
    const claimed = await claimPipeline(ctx, pr.number, pr.mergeSha);
    if (claimed || options.takeOver) {
      try {
        return await runPipeline(ctx, config, pr, options);
      } finally {
        await releasePipeline(ctx, pr.number);
      }
    }
    if (attempt >= 3) throw new PipelineClaimedError(ctx.repo, pr.number);
    ctx.log.info(`after-merge pipeline of #${pr.number} is claimed by another run; waiting for it`);
    if (await waitForRelease(ctx, pr.number, options.claimWait) === "timeout") {
      ctx.log.warn(`after-merge pipeline of #${pr.number}: taking over a claim that outlived the wait`);
      await releasePipeline(ctx, pr.number);
    }
  }
}
async function completeOutcome(ctx, config, pr, options) {
  const { state } = await pipelineTimeline(ctx, pr);
  const previous = state?.pipelines[String(pr.number)];
  if (!previous?.done) return null;
  const wanted = await backportTargets(ctx, config, options.extraTargets ?? []);
  if (!wanted.every((target) => settled(previous, target))) return null;
  ctx.log.info(`after-merge pipeline of #${pr.number} is already complete`);
  return outcomeOf(previous);
}
async function pipelineTimeline(ctx, pr) {
  const linked = await incidentOfPull(ctx, pr);
  const timelineIssue = linked.incident ?? pr.number;
  const timeline = linked.timeline ?? await readTimeline(ctx, timelineIssue);
  return { incident: linked.incident, timelineIssue, ...timeline };
}
async function runPipeline(ctx, config, pr, options) {
  const { octokit, repo, clock } = ctx;
  const timeline = await pipelineTimeline(ctx, pr);
  const { incident, timelineIssue } = timeline;
  let state = timeline.state ?? emptyTimeline(incident);
  let commentId = timeline.commentId;
  const previous = state.pipelines[String(pr.number)];
  const wanted = await backportTargets(ctx, config, options.extraTargets ?? []);
  if (previous?.done && wanted.every((target) => settled(previous, target))) {
    ctx.log.info(`after-merge pipeline of #${pr.number} is already complete`);
    return outcomeOf(previous);
  }
  const pipeline2 = previous ?? {
    pr: pr.number,
    mergeSha: pr.mergeSha,
    mergedAt: pr.mergedAt,
    backports: {},
    followUps: {},
    done: false,
    heartbeatAt: clock().toISOString()
  };
  const now = () => clock().toISOString();
  state = addEntry(state, {
    key: `merged-${pr.number}`,
    at: pr.mergedAt,
    text: `#${pr.number} merged into ${pr.baseRef} by the hotfix pipeline`,
    url: pr.url
  });
  const pulled = await readPullCommits(ctx, pr.number);
  const { commits } = pulled;
  const jiraKey2 = jiraKeyOf(pr.title, config);
  const released = await tagAndRelease(octokit, repo, {
    config,
    mergeSha: pr.mergeSha,
    mergedAt: new Date(pr.mergedAt),
    pr: { number: pr.number, title: pr.title, url: pr.url, author: pr.author },
    incident,
    jiraKey: jiraKey2,
    commits
  });
  pipeline2.tag = released.tag;
  if (released.release) pipeline2.release = released.release;
  state = addEntry(state, { key: `tag-${pr.number}`, at: now(), text: `Tagged ${released.tag}` });
  if (released.release) {
    state = addEntry(state, {
      key: `release-${pr.number}`,
      at: now(),
      text: `Release ${released.tag} published`,
      url: released.release.url
    });
  }
  ({ state, commentId } = await deployAfterTag(ctx, config, {
    state,
    pipeline: pipeline2,
    pr,
    incident,
    severity: severityOfLabels(pr.labels, state.severity, config),
    timelineIssue,
    commentId
  }));
  const todo = wanted.filter((target) => !settled(pipeline2, target));
  if (todo.length > 0) {
    const plan = await readPickPlan(ctx, pr.mergeSha, pulled).catch((error) => {
      if (!(error instanceof PickListError)) throw error;
      return error;
    });
    for (const target of todo) {
      try {
        if (plan instanceof PickListError) throw plan;
        pipeline2.backports[target] = await backportToTarget(ctx, {
          pr,
          target,
          picks: plan.picks,
          method: plan.method,
          labels: config.backport.labels,
          incident,
          verified: config.commits.verified
        });
      } catch (error) {
        ctx.log.error(`backport of #${pr.number} to ${target} failed: ${String(error)}`);
        pipeline2.backports[target] = {
          status: "failed",
          error: error instanceof Error ? error.message : String(error)
        };
      }
      const backport2 = pipeline2.backports[target];
      for (const entry2 of refusedBranchEntries(backport2?.refused, backport2?.branch, now())) {
        state = addEntry(state, entry2);
      }
      state = addEntry(state, backportEntry(pr.number, target, backport2, now()));
    }
    if (timelineIssue !== pr.number) {
      await noticeBackportsWithoutPr(ctx, pr.number, todo, pipeline2.backports);
    }
  }
  const changed = await readChangedFiles(ctx, pr.number);
  if (changed.total > changed.files.length) {
    ctx.log.warn(
      `#${pr.number} changed ${changed.total} files; GitHub listed ${changed.files.length} of them`
    );
  }
  const severity2 = severityOfLabels(pr.labels, state.severity, config);
  const plans = planFollowUps({
    config,
    pr: { number: pr.number, title: pr.title, author: pr.author, labels: pr.labels, url: pr.url },
    changedFiles: changed.files,
    changedFilesTotal: changed.total,
    severity: severity2,
    approved: await wasApproved(ctx, pr, severity2, config),
    incident,
    jiraKey: jiraKey2,
    tag: released.tag
  });
  const opened = await openFollowUps(ctx, { plans, since: new Date(pr.mergedAt), pr: pr.number });
  for (const followUp2 of opened) {
    pipeline2.followUps[followUp2.kind] = { issue: followUp2.issue, url: followUp2.url };
    state = addEntry(state, {
      key: `follow-up-${pr.number}-${followUp2.kind}`,
      at: now(),
      text: `Follow-up #${followUp2.issue} opened (${followUp2.kind})`,
      url: followUp2.url
    });
  }
  const allBackportsOpen = wanted.every(
    (t) => ["open", "conflict", "already"].includes(pipeline2.backports[t]?.status ?? "")
  );
  if (config.backport.deleteHotfixBranch && allBackportsOpen && !pipeline2.branchDeleted) {
    const cleanup = await deleteBranch(ctx, pr);
    pipeline2.branchDeleted = cleanup !== "failed";
    if (cleanup === "deleted") {
      state = addEntry(state, {
        key: `branch-deleted-${pr.number}`,
        at: now(),
        text: `Deleted branch ${pr.headRef}`
      });
    } else if (cleanup === "moved") {
      state = addEntry(state, {
        key: `branch-kept-${pr.number}`,
        at: now(),
        text: `Kept branch ${pr.headRef}: it moved past the merged head ${pr.headSha.slice(0, 7)}`
      });
    }
  }
  pipeline2.done = allBackportsOpen && (pipeline2.branchDeleted === true || !config.backport.deleteHotfixBranch);
  pipeline2.heartbeatAt = now();
  state = { ...state, pipelines: { ...state.pipelines, [String(pr.number)]: pipeline2 } };
  await writeTimeline(ctx, timelineIssue, commentId, state);
  return outcomeOf(pipeline2);
}
function settled(pipeline2, target) {
  const status = pipeline2.backports[target]?.status;
  return status === "open" || status === "conflict" || status === "already";
}
async function backportTargets(ctx, config, extra) {
  const patterns = [...config.backport.targets, ...extra];
  const needsBranchList = patterns.some((p) => /[*?[\]{}]/.test(p.replace("{develop}", "")));
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
  return expandTargets(patterns, branches, config.developBranch, config.productionBranch);
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
function backportEntry(pr, target, state, at) {
  const key = `backport-${pr}-${target}`;
  switch (state?.status) {
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
      return { key, at, text: `Backport to ${target} failed: ${state?.error ?? "unknown error"}` };
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
var afterMergeRoute = {
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
      ctx.log.error(`after-merge of #${pr.number} skipped: ${loaded.error.message}`);
      return void 0;
    }
    if (!isMergedHotfix(pr, loaded.config)) return void 0;
    return runAfterMerge(ctx, loaded.config, pr);
  }
};

// src/after-merge/backport-command.ts
import { z as z5 } from "zod";

// src/incident/refusal-marker.ts
function refusalMarker(userId) {
  return `<!-- hotfix-bot:command-refused ${JSON.stringify({ user: userId })} -->`;
}

// src/after-merge/backport-command.ts
var commentShape = z5.object({
  action: z5.literal("created"),
  issue: z5.object({ number: z5.number().int().positive(), pull_request: z5.object({}).passthrough() }),
  comment: z5.object({
    id: z5.number().int().positive(),
    body: z5.string().max(65536),
    user: z5.object({ id: z5.number().int().positive(), login: z5.string(), type: z5.string() })
  })
});
function backportReplyMarker(commentId) {
  return `<!-- hotfix-bot:backport-reply ${JSON.stringify({ comment: commentId })} -->`;
}
function parseBackportCommand(payload) {
  const parsed = commentShape.safeParse(payload);
  if (!parsed.success || parsed.data.comment.user.type === "Bot") return null;
  const match = /^\/backport[ \t]+(\S+)[ \t]*$/.exec(parsed.data.comment.body.split(/\r?\n/, 1)[0] ?? "");
  if (!match?.[1]) return null;
  return {
    pull: parsed.data.issue.number,
    target: match[1],
    commenter: parsed.data.comment.user.login,
    commenterId: parsed.data.comment.user.id,
    commentId: parsed.data.comment.id
  };
}
var backportCommandRoute = {
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
        "`/backport` works on merged hotfix pull requests into the production branch; nothing was done."
      );
      return void 0;
    }
    if (target === loaded.config.productionBranch) {
      await reply("`/backport`: the fix is already on the production branch; nothing was done.");
      return void 0;
    }
    try {
      await octokit.rest.repos.getBranch({ ...repo, branch: target });
    } catch (error) {
      if (httpStatus(error) !== 404) throw error;
      await reply(`\`/backport\`: there is no branch \`${escapeMarkdown(target)}\`; nothing was done.`);
      return void 0;
    }
    return runAfterMerge(ctx, loaded.config, pr, { extraTargets: [target] });
  }
};

// src/deploy/deployment-status-event.ts
import { z as z6 } from "zod";
var shape = z6.object({
  deployment_status: z6.object({
    state: z6.string(),
    created_at: z6.string().nullable().optional(),
    description: z6.string().nullable().optional(),
    target_url: z6.string().nullable().optional(),
    log_url: z6.string().nullable().optional(),
    environment: z6.string().nullable().optional()
  }),
  deployment: z6.object({
    id: z6.number().int().positive(),
    ref: z6.string(),
    sha: z6.string(),
    environment: z6.string(),
    payload: z6.unknown().optional()
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

// src/intake/incident-lock.ts
function withIncidentLock(ctx, incident, task) {
  return pipelineLock.run(`${ctx.repo.owner}/${ctx.repo.repo}#incident-${incident}`, task);
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

// src/deploy/deploy-log-link.ts
function deployLogLink(url2) {
  if (url2 === null || !/^https?:\/\/[^\s]+$/i.test(url2)) return null;
  return `[Deploy log](${linkTarget(url2)})`;
}

// src/deploy/escalation.ts
function escalationMarker(pr) {
  return `<!-- hotfix-bot:escalation ${JSON.stringify({ pr })} -->`;
}
function mention(login) {
  return /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\[bot\])?$/.test(login) ? `@${login}` : escapeMarkdown(login);
}
function escalationComment(input) {
  const who = input.commander ? `${mention(input.commander)} ` : "";
  const why = input.description ? `: ${escapeMarkdown(input.description)}` : "";
  const lines = [
    escalationMarker(input.pr),
    `${who}**The deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed** (${input.state}${why}).`,
    ""
  ];
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

// src/deploy/revert-pr-text.ts
var TITLE_MAX3 = 256;
function revertBranchName(pr) {
  if (!Number.isSafeInteger(pr) || pr < 1) throw new RangeError(`not a pull request number: ${pr}`);
  return `hotfix-bot/revert-${pr}`;
}
function revertTitle(title) {
  const room = TITLE_MAX3 - 'Revert ""'.length;
  const oneLine3 = title.replace(/\s+/g, " ").trim();
  const cut = oneLine3.length > room ? `${oneLine3.slice(0, room - 1)}\u2026` : oneLine3;
  return `Revert "${cut}"`;
}
function revertMessage(input) {
  return [
    revertTitle(input.title),
    "",
    `This reverts commit ${input.mergeSha} (#${input.pr}): the deployment of ${input.tag} failed.`,
    ""
  ].join("\n");
}
function revertBody(input) {
  const why = input.description ? ` (${input.state}: ${escapeMarkdown(input.description)})` : ` (${input.state})`;
  const lines = [
    `Reverts #${input.pr} (\`${input.mergeSha.slice(0, 7)}\`): the deployment of \`${input.tag}\` to \`${escapeMarkdown(input.environment)}\` failed${why}.`,
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
  if (!pr) return "not-ours";
  const { incident } = await incidentOfPull(ctx, pr);
  const issue = incident ?? pr.number;
  const key = `${ctx.repo.owner}/${ctx.repo.repo}#${pr.number}`;
  return pipelineLock.run(
    key,
    () => withIncidentLock(ctx, issue, () => act(ctx, config, status, { pr, incident, issue }))
  );
}
async function act(ctx, config, status, origin) {
  const { octokit, repo } = ctx;
  const timeline = await readTimeline(ctx, origin.issue);
  const decision = decideDeploy(pipelineForTag(timeline.state, origin.pr.number, status.ref), status);
  if (decision.kind === "not-ours" || decision.kind === "done") return decision.kind;
  if (!timeline.state) return "not-ours";
  const at = validTime(status.at) ?? ctx.clock().toISOString();
  let state = timeline.state;
  const deploy2 = { ...decision.pipeline.deploy ?? {} };
  const pipeline2 = { ...decision.pipeline, deploy: deploy2 };
  const n = origin.pr.number;
  if (decision.kind === "deployed") {
    deploy2.deployedAt = at;
    deploy2.deployment = status.deployment;
    if (status.url) deploy2.url = status.url;
    state = withPipeline(state, pipeline2);
    const figures = recoveryLine(incidentDurations(state));
    state = addEntry(state, {
      key: `deployed-${n}`,
      at,
      text: `Deployed ${status.ref} to ${status.environment}${figures ? ` \u2014 ${figures}` : ""}`,
      ...status.url ? { url: status.url } : {}
    });
    if (config.deploy.closeIncidentOnSuccess && origin.incident !== null && !hasEntry(state, `closed-by-deploy-${n}`)) {
      await octokit.rest.issues.update({
        ...repo,
        issue_number: origin.incident,
        state: "closed",
        state_reason: "completed"
      });
      state = addEntry(state, {
        key: `closed-by-deploy-${n}`,
        at: ctx.clock().toISOString(),
        text: "Incident closed: the fix is deployed"
      });
    }
    await writeTimeline(ctx, origin.issue, timeline.commentId, state);
    return "deployed";
  }
  if (deploy2.failedAt === void 0) {
    deploy2.failedAt = at;
    deploy2.failedDeployment = status.deployment;
  }
  state = addEntry(state, {
    key: `deploy-failed-${n}`,
    at: deploy2.failedAt,
    text: `Deployment of ${status.ref} to ${status.environment} failed (${status.state})`,
    ...status.url ? { url: status.url } : {}
  });
  if (!deploy2.rollback || deploy2.rollback.status === "failed") {
    deploy2.rollback = await openRevertPr(ctx, config, status, origin, state);
    const at2 = ctx.clock().toISOString();
    for (const entry2 of refusedBranchEntries(deploy2.rollback.refused, deploy2.rollback.branch, at2)) {
      state = addEntry(state, entry2);
    }
    state = addEntry(state, revertEntry(n, deploy2.rollback, at2));
  }
  if (!deploy2.escalated) {
    await octokit.rest.issues.addLabels({
      ...repo,
      issue_number: origin.issue,
      labels: [config.deploy.rollbackLabel]
    });
    const commander = state.commander ?? origin.pr.author;
    await ensureBotComment(
      ctx,
      origin.issue,
      escalationMarker(n),
      escalationComment({
        pr: n,
        tag: status.ref,
        environment: status.environment,
        state: status.state,
        description: status.description,
        logUrl: status.url,
        commander,
        rollback: deploy2.rollback,
        label: config.deploy.rollbackLabel
      })
    );
    deploy2.escalated = true;
    state = addEntry(state, {
      key: `escalated-${n}`,
      at: ctx.clock().toISOString(),
      text: `Labelled ${config.deploy.rollbackLabel}; escalated to @${commander}`
    });
  }
  state = withPipeline(state, pipeline2);
  await writeTimeline(ctx, origin.issue, timeline.commentId, state);
  return "rolled-back";
}
function withPipeline(state, pipeline2) {
  return { ...state, pipelines: { ...state.pipelines, [String(pipeline2.pr)]: pipeline2 } };
}
function hasEntry(state, key) {
  return state.entries.some((e) => e.key === key);
}
function validTime(value) {
  const t = Date.parse(value ?? "");
  return Number.isNaN(t) ? null : new Date(t).toISOString();
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
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base,
    state: "all",
    per_page: 10
  });
  const pr = data.find(isOpenedByAnApp);
  if (!pr) return null;
  return { status: pr.draft ? "conflict" : "open", pr: pr.number, url: pr.html_url };
}
async function openRevertPr(ctx, config, status, origin, state) {
  const { octokit, repo } = ctx;
  const { pr } = origin;
  const branch = revertBranchName(pr.number);
  const production = config.productionBranch;
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
      message: revertMessage({ title: pr.title, pr: pr.number, mergeSha: pr.mergeSha, tag: status.ref })
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
        tag: status.ref,
        environment: status.environment,
        state: status.state,
        description: status.description,
        logUrl: status.url,
        incident: origin.incident,
        previousTag: state.intake?.previousTag?.name ?? null,
        conflictFiles: revert.conflictFiles
      }),
      draft: conflict
    });
    ctx.log.info(`revert of #${pr.number}: PR #${created.number}${conflict ? " (conflict)" : ""}`);
    return { status: conflict ? "conflict" : "open", pr: created.number, url: created.html_url, ...record };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.error(`revert of #${pr.number} failed: ${message}`);
    return { status: "failed", error: message };
  }
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
    const handled = await handleDeploymentStatus(ctx, loaded.config, status);
    ctx.log.info(`deployment ${status.deployment} of ${status.ref} (${status.state}): ${handled}`);
    return void 0;
  }
};

// src/rules/check-name-glob.ts
function matchesCheckName(pattern, name) {
  if (pattern === name) return true;
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    const c = pattern[p];
    if (c === "?" || c !== void 0 && c !== "*" && c === name[n]) {
      p += 1;
      n += 1;
    } else if (c === "*") {
      star = p;
      resume = n;
      p += 1;
    } else if (star >= 0) {
      p = star + 1;
      resume += 1;
      n = resume;
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
var time2 = (iso2) => {
  if (iso2 === null) return Number.POSITIVE_INFINITY;
  const t = Date.parse(iso2);
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
};
function newer(a, b) {
  const started = time2(a.startedAt) - time2(b.startedAt);
  if (started !== 0 && !Number.isNaN(started)) return started > 0;
  const completed = time2(a.completedAt) - time2(b.completedAt);
  if (completed !== 0 && !Number.isNaN(completed)) return completed > 0;
  return a.id > b.id;
}
function latestRunPerName(runs) {
  const latest = /* @__PURE__ */ new Map();
  for (const run2 of runs) {
    const key = `${run2.app?.id ?? "?"}\0${run2.name}`;
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
var appName = (run2) => run2.app?.slug ?? "an unknown app";
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
  const pin = check.app;
  const counted = pin === null ? runs : runs.filter((run2) => reportedBy(run2, pin));
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
function isRequiredCheckName(name, config) {
  return [...config.checks.criticalTests, ...config.checks.securityScan].some(
    (check) => matchesCheckName(check.name, name)
  );
}

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
function checkBranch(facts, config) {
  const { headRef, baseRef, lineage } = facts;
  const production = config.productionBranch;
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
  if (baseRef !== production) problems.push(`targets ${baseRef}, not the production branch ${production}`);
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
  let line = 0;
  for (const raw of file.patch.split("\n")) {
    const hunk = HUNK.exec(raw);
    if (hunk) {
      line = Number(hunk[1]);
      continue;
    }
    const sign = raw[0];
    if (sign === "+") {
      const text = raw.slice(1).replace(/\r$/, "");
      if (OPENING.test(text) || CLOSING2.test(text) || separatorCounts && SEPARATOR.test(text)) {
        found.push({ file: file.filename, line, marker: text.slice(0, 7) });
      }
      line += 1;
    } else if (sign === " " || sign === void 0) {
      line += 1;
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
      const named = unchecked.slice(0, 3).join(", ");
      const more = unchecked.length > 3 ? `, \u2026 (${unchecked.length})` : "";
      parts.push(`not checked: ${named}${more} (no patch: too large to show)`);
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
function evaluateGate(facts, config) {
  const { pr } = facts;
  const resolved = resolveSeverity({ prLabels: pr.labels, incident: facts.incident }, config);
  const approvals = checkApprovals(facts.approvals, resolved.severity, config);
  const [critical, security] = checkRequiredChecks(facts.checkRuns, config, GATE_CHECK_NAME);
  const listed = facts.files.list;
  const size = pr.size ?? {
    files: listed.length,
    additions: listed.reduce((sum, f) => sum + f.additions, 0),
    deletions: listed.reduce((sum, f) => sum + f.deletions, 0)
  };
  const { approvedBy, ...approvalRow } = approvals;
  const rows = [
    checkTitle(pr.title, config),
    checkBranch({ headRef: pr.headRef, baseRef: pr.baseRef, lineage: facts.lineage }, config),
    severityRow(resolved, config),
    approvalRow,
    critical,
    security,
    checkDiffBudget(size, config),
    checkConflictMarkers(listed, facts.files.complete)
  ];
  return {
    ...verdict(rows),
    rows,
    severity: resolved.severity,
    jiraKey: jiraKeyOf(pr.title, config),
    approvedBy
  };
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

// src/gate/pull-request-data.ts
var isObject = (value) => typeof value === "object" && value !== null;
var str = (value) => typeof value === "string" ? value : null;
var num = (value) => typeof value === "number" && Number.isFinite(value) ? value : null;
function pullRequestFrom(raw) {
  if (!isObject(raw) || !isObject(raw.head) || !isObject(raw.base)) return null;
  const number = num(raw.number);
  const headRef = str(raw.head.ref);
  const headSha = str(raw.head.sha);
  const baseRef = str(raw.base.ref);
  if (number === null || headRef === null || headSha === null || baseRef === null) return null;
  const labels = Array.isArray(raw.labels) ? raw.labels.flatMap((label) => {
    const name = isObject(label) ? str(label.name) : null;
    return name === null ? [] : [name];
  }) : [];
  const files = num(raw.changed_files);
  const additions = num(raw.additions);
  const deletions = num(raw.deletions);
  const headRepo = isObject(raw.head.repo) ? num(raw.head.repo.id) : null;
  const baseRepo = isObject(raw.base.repo) ? num(raw.base.repo.id) : null;
  return {
    number,
    title: str(raw.title) ?? "",
    body: str(raw.body),
    author: isObject(raw.user) ? str(raw.user.login) : null,
    authorId: isObject(raw.user) ? num(raw.user.id) : null,
    headRef,
    headSha,
    baseRef,
    labels,
    state: str(raw.state) ?? "open",
    draft: raw.draft === true,
    size: files !== null && additions !== null && deletions !== null ? { files, additions, deletions } : null,
    commitCount: num(raw.commits),
    // A deleted fork leaves `head.repo` null: that is still not this repository.
    fromFork: baseRepo === null ? null : headRepo !== baseRepo,
    headRepoName: isObject(raw.head.repo) ? str(raw.head.repo.full_name) : null
  };
}

// src/gate/gather-facts.ts
var MAX_CHECK_RUN_PAGES = 10;
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
    MAX_CHECK_RUN_PAGES
  );
  const runs = items.map((run2) => ({
    id: Number(run2.id),
    name: run2.name,
    status: run2.status,
    conclusion: run2.conclusion ?? null,
    startedAt: run2.started_at ?? null,
    completedAt: run2.completed_at ?? null,
    app: run2.app ? { id: run2.app.id, slug: run2.app.slug ?? String(run2.app.id) } : null
  }));
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
    commitsNotIn(ctx, config.productionBranch, pr.headSha),
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
  const [files, lineage, headRuns, incident, runShaListing] = await Promise.all([
    filesOf(ctx, pr.number),
    lineageOf(ctx, pr, config),
    listCheckRuns(ctx, pr.headSha),
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
    facts: { pr, incident, approvals, files: { ...files, complete }, lineage, checkRuns: headRuns.runs },
    gateRun: runShaListing ? runShaListing.gateRun : headRuns.gateRun
  };
}

// src/gate/merge-queue-ref.ts
var QUEUE_REF = /^(?:refs\/heads\/)?gh-readonly-queue\/.+\/pr-([1-9][0-9]{0,9})-[0-9a-f]{40}$/;
function mergeQueuePullNumber(headRef) {
  const digits = QUEUE_REF.exec(headRef)?.[1];
  if (digits === void 0) return null;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : null;
}
function branchOfRef(ref) {
  return ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
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
  push(line) {
    if (this.full) return;
    const marker = "\n_\u2026 cut to fit GitHub's output limit._";
    if (this.length + line.length + 1 + marker.length > this.limit) {
      this.lines.push(marker.trimStart());
      this.full = true;
      return;
    }
    this.lines.push(line);
    this.length += line.length + 1;
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
  const text = new BoundedLines(OUTPUT_LIMIT);
  for (const row of evaluation.rows) {
    const details = row.details ?? [];
    if (details.length === 0) continue;
    text.push(`**${escapeMarkdown(row.label)}**`);
    text.push("");
    for (const line of details.slice(0, DETAILS_PER_ROW)) {
      text.push(`- ${escapeTableCell(truncate(line, DETAIL_LIMIT))}`);
    }
    if (details.length > DETAILS_PER_ROW) text.push(`- \u2026 and ${details.length - DETAILS_PER_ROW} more`);
    text.push("");
  }
  return {
    title: truncate(evaluation.title.replace(/\s+/g, " "), TITLE_LIMIT),
    summary: summary2.toString(),
    text: text.toString().trimEnd()
  };
}

// src/gate/upsert-gate-check.ts
function planGateWrite(existing, evaluation, output) {
  if (!existing) return { kind: "create" };
  const same = existing.status === evaluation.status && (existing.conclusion ?? null) === (evaluation.conclusion ?? null) && (existing.title ?? "") === output.title && (existing.summary ?? "") === output.summary && (existing.text ?? "") === output.text;
  if (same) return { kind: "none", id: existing.id };
  if (existing.status === "in_progress" && evaluation.status === "in_progress" && existing.title === output.title) {
    return { kind: "none", id: existing.id };
  }
  if (existing.status === "completed" && evaluation.status !== "completed") return { kind: "create" };
  return { kind: "update", id: existing.id };
}
async function upsertGateCheck(ctx, input) {
  const { sha, existing, evaluation, output } = input;
  const plan = planGateWrite(existing, evaluation, output);
  if (plan.kind === "none") return { action: "unchanged", id: plan.id, url: existing?.url ?? null };
  const now = ctx.clock().toISOString();
  const state = evaluation.status === "completed" ? { status: "completed", conclusion: evaluation.conclusion ?? "neutral", completed_at: now } : { status: "in_progress" };
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
  { event: "merge_group", actions: ["checks_requested"] }
];
var actionsOf = (event) => new Set(GATE_TRIGGERS.find((trigger) => trigger.event === event)?.actions);
var PR_ACTIONS = actionsOf("pull_request");
var REVIEW_ACTIONS = actionsOf("pull_request_review");
var isObject2 = (value) => typeof value === "object" && value !== null;
var str2 = (value) => typeof value === "string" ? value : null;
function defaultBranchOf(payload) {
  return isObject2(payload.repository) ? str2(payload.repository.default_branch) : null;
}
function associatedPulls(raw, sha) {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((pr) => {
    if (!isObject2(pr) || !isObject2(pr.head) || !isObject2(pr.base)) return [];
    const baseRef = str2(pr.base.ref);
    if (typeof pr.number !== "number" || baseRef === null || pr.head.sha !== sha) return [];
    return [{ number: pr.number, baseRef }];
  });
}
function matchGate(event) {
  const payload = event.payload;
  if (!isObject2(payload)) return null;
  const action = str2(payload.action);
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
      if (!isObject2(run2)) return null;
      const name = str2(run2.name);
      const sha = str2(run2.head_sha);
      if (name === null || sha === null) return null;
      const ours = name === GATE_CHECK_NAME;
      if (!(action === "completed" && !ours || action === "rerequested" && ours)) return null;
      const prs = associatedPulls(run2.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: ours ? null : name, defaultBranch };
    }
    case "check_suite": {
      const suite = payload.check_suite;
      if (!isObject2(suite) || action !== "completed" && action !== "rerequested") return null;
      const sha = str2(suite.head_sha);
      if (sha === null) return null;
      const prs = associatedPulls(suite.pull_requests, sha);
      if (prs.length === 0) return null;
      return { kind: "checks", sha, prs, checkName: null, defaultBranch };
    }
    case "merge_group": {
      const group = payload.merge_group;
      if (action !== "checks_requested" || !isObject2(group)) return null;
      const sha = str2(group.head_sha);
      const baseRef = str2(group.base_ref);
      const headRef = str2(group.head_ref);
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
var gateLock = new KeyedMutex();
async function publish(ctx, sha, evaluate) {
  const key = `${ctx.repo.owner}/${ctx.repo.repo}@${sha}`;
  const locked = (task) => ctx.instancesLock ? ctx.instancesLock.run(`gate:${key}`, task) : task();
  return gateLock.run(
    key,
    () => locked(async () => {
      const { evaluation, gateRun } = await evaluate();
      const output = renderGate(evaluation);
      const written = await upsertGateCheck(ctx, { sha, existing: gateRun, evaluation, output });
      ctx.log.info(`${GATE_CHECK_NAME} ${written.action} on ${sha.slice(0, 7)}: ${output.title}`);
      return {
        gate: {
          conclusion: evaluation.conclusion ?? "pending",
          summary: output.title,
          ...written.url ? { url: written.url } : {}
        }
      };
    })
  );
}
function publishPull(ctx, config, pr, sha) {
  return publish(ctx, sha, async () => {
    if (isHotfixPullRequest(pr, config) && pr.fromFork !== false) {
      const { gateRun: gateRun2 } = await listCheckRuns(ctx, sha, { onlyGate: true });
      return { evaluation: forkEvaluation(pr), gateRun: gateRun2 };
    }
    if (!isHotfixPullRequest(pr, config)) {
      const { gateRun: gateRun2 } = await listCheckRuns(ctx, sha, { onlyGate: true });
      return { evaluation: notHotfixEvaluation(pr, config), gateRun: gateRun2 };
    }
    const { facts, gateRun } = await gatherFacts(ctx, pr, config, sha);
    return { evaluation: evaluateGate(facts, config), gateRun };
  });
}
function publishFixed(ctx, sha, evaluation) {
  return publish(ctx, sha, async () => {
    const { gateRun } = await listCheckRuns(ctx, sha, { onlyGate: true });
    return { evaluation, gateRun };
  });
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
  }
}
async function runGate(input, ctx) {
  const loaded = await ctx.config();
  if (!loaded.ok) return reportConfigError(ctx, input, loaded.error);
  const config = loaded.config;
  const production = config.productionBranch;
  if (input.kind === "pull-request") {
    if (input.pr.baseRef !== production) return void 0;
    const pr2 = await fetchPullRequest(ctx, input.pr.number);
    if (pr2?.state !== "open" || pr2.headSha !== input.pr.headSha || pr2.baseRef !== production)
      return void 0;
    return publishPull(ctx, config, pr2, pr2.headSha);
  }
  if (input.kind === "checks") {
    const pulls = input.prs.filter((pr2) => pr2.baseRef === production);
    if (pulls.length === 0) return void 0;
    if (input.checkName !== null && !isRequiredCheckName(input.checkName, config)) return void 0;
    let outcome;
    for (const { number } of pulls) {
      const pr2 = await fetchPullRequest(ctx, number);
      if (pr2?.state !== "open" || pr2.headSha !== input.sha || pr2.baseRef !== production) continue;
      outcome = await publishPull(ctx, config, pr2, input.sha);
    }
    return outcome;
  }
  if (input.baseRef !== production) return void 0;
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
import { z as z7 } from "zod";

// src/intake/incident-branch.ts
function incidentBranchName(incident) {
  if (!Number.isSafeInteger(incident) || incident < 1)
    throw new RangeError(`not an issue number: ${incident}`);
  return `hotfix/incident-${incident}`;
}
function incidentOfBranch(branch) {
  const match = /^hotfix\/incident-([1-9][0-9]{0,9})$/.exec(branch);
  if (!match) return null;
  const n = Number(match[1]);
  return n <= 2147483647 ? n : null;
}

// src/intake/hotfix-push.ts
var pushShape = z7.object({
  ref: z7.string(),
  after: z7.string().regex(/^[0-9a-f]{40}$/),
  deleted: z7.boolean().optional(),
  commits: z7.array(z7.unknown()).default([]),
  sender: z7.object({ login: z7.string() })
});
function hotfixPushFrom(event) {
  if (event.name !== "push") return null;
  const parsed = pushShape.safeParse(event.payload);
  if (!parsed.success) return null;
  const { ref, after, deleted, commits, sender } = parsed.data;
  if (deleted || /^0+$/.test(after) || commits.length === 0 || !ref.startsWith("refs/heads/")) return null;
  const branch = ref.slice("refs/heads/".length);
  const incident = incidentOfBranch(branch);
  return incident === null ? null : { branch, incident, after, pusher: sender.login };
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

// src/intake/open-draft-pr.ts
async function openPullFrom(ctx, config, branch) {
  const { data } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    head: `${ctx.repo.owner}:${branch}`,
    base: config.productionBranch,
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
  let pr = await openPullFrom(ctx, config, push.branch);
  let created = false;
  if (!pr) {
    const { data: issue } = await octokit.rest.issues.get({ ...repo, issue_number: push.incident });
    if (issue.state !== "open") {
      ctx.log.info(`incident #${push.incident} is closed: no draft PR for ${push.branch}`);
      return null;
    }
    try {
      const { data } = await octokit.rest.pulls.create({
        ...repo,
        head: push.branch,
        base: config.productionBranch,
        title: draftTitle(issue.title, config),
        body: draftBody({
          incident: push.incident,
          branch: push.branch,
          productionBranch: config.productionBranch,
          config
        }),
        draft: true
      });
      pr = { number: data.number, url: data.html_url, openedAt: data.created_at, byBot: true };
      created = true;
    } catch (error) {
      if (httpStatus(error) !== 422) throw error;
      pr = await openPullFrom(ctx, config, push.branch);
      if (!pr) {
        ctx.log.info(
          `no draft PR for ${push.branch}: ${error instanceof Error ? error.message : String(error)}`
        );
        return null;
      }
    }
  }
  if (intake2.pr?.number === pr.number) return { pr: pr.number, created };
  let next = { ...state, intake: { ...intake2, pr } };
  next = addEntry(next, {
    key: `pr-${pr.number}`,
    at: pr.openedAt,
    text: pr.byBot ? `Draft PR #${pr.number} opened on the first push` : `PR #${pr.number} opened`,
    url: pr.url
  });
  await writeTimeline(ctx, push.incident, timeline.commentId, next);
  return { pr: pr.number, created };
}

// src/intake/draft-pr-route.ts
var draftPrRoute = {
  step: "draft-pr",
  long: true,
  // Only the incident branches that intake cuts (see incidentOfBranch).
  triggers: [{ event: "push", branches: ["hotfix/incident-*"] }],
  match: hotfixPushFrom,
  async run(push, ctx) {
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`draft PR for ${push.branch} skipped: ${loaded.error.message}`);
      return void 0;
    }
    if (!isHotfixFamilyBranch(push.branch, loaded.config.branches.patterns)) return void 0;
    await withIncidentLock(ctx, push.incident, () => openDraftPr(ctx, loaded.config, push));
    return void 0;
  }
};

// src/intake/incident-change.ts
import { z as z9 } from "zod";

// src/intake/intake-trigger.ts
import { z as z8 } from "zod";
var issueShape = z8.object({
  number: z8.number().int().positive(),
  title: z8.string(),
  state: z8.enum(["open", "closed"]),
  labels: z8.array(z8.object({ name: z8.string() })).default([]),
  html_url: z8.string(),
  updated_at: z8.string().nullable().optional(),
  pull_request: z8.unknown().optional()
});
var userShape = z8.object({ login: z8.string(), type: z8.string().optional() });
var senderShape = userShape.extend({ id: z8.number().int().positive() });
var labeledShape = z8.object({
  action: z8.literal("labeled"),
  issue: issueShape,
  label: z8.object({ name: z8.string() }),
  sender: senderShape
});
var commentShape2 = z8.object({
  action: z8.literal("created"),
  issue: issueShape,
  comment: z8.object({
    id: z8.number().int().positive(),
    body: z8.string().max(65536),
    created_at: z8.string().nullable().optional(),
    user: userShape.extend({ id: z8.number().int().positive() })
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
function parseHotfixCommand(body) {
  const first = body.split(/\r?\n/, 1)[0] ?? "";
  const match = /^\/hotfix(?:[ \t]+(P[012]))?[ \t]*$/i.exec(first.trim());
  if (!match) return null;
  const severity2 = match[1]?.toUpperCase();
  return { severity: severity2 === "P0" || severity2 === "P1" || severity2 === "P2" ? severity2 : null };
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
    const parsed = commentShape2.safeParse(event.payload);
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
      severity: command.severity
    };
  }
  return null;
}

// src/intake/incident-change.ts
var changeShape = z9.object({
  action: z9.enum(["unlabeled", "closed", "reopened"]),
  issue: issueShape.extend({
    closed_at: z9.string().nullable().optional(),
    state_reason: z9.string().nullable().optional()
  }),
  label: z9.object({ name: z9.string() }).optional(),
  sender: userShape
});
function incidentChangeFrom(event) {
  if (event.name !== "issues") return null;
  const parsed = changeShape.safeParse(event.payload);
  if (!parsed.success || parsed.data.issue.pull_request !== void 0) return null;
  const { action, issue, label, sender } = parsed.data;
  const facts = incidentIssueFrom(issue);
  switch (action) {
    case "unlabeled":
      return label ? {
        kind: "unlabeled",
        issue: facts,
        label: label.name,
        actor: sender.login,
        at: issue.updated_at ?? null
      } : null;
    case "closed":
      return {
        kind: "closed",
        issue: facts,
        actor: sender.login,
        at: issue.closed_at ?? issue.updated_at ?? null,
        reason: issue.state_reason ?? null
      };
    case "reopened":
      return { kind: "reopened", issue: facts, actor: sender.login, at: issue.updated_at ?? null };
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
    const n = change.issue.number;
    const loaded = await ctx.config();
    if (!loaded.ok) return void 0;
    const labels = change.kind === "unlabeled" ? [change.label] : change.issue.labels;
    if (severityFromLabels(labels, loaded.config) === null) return void 0;
    await withIncidentLock(ctx, n, async () => {
      const timeline = await readTimeline(ctx, n);
      const state = timeline.state;
      if (!state?.detectedAt) return;
      const t = Date.parse(change.at ?? "");
      const at = Number.isNaN(t) ? ctx.clock().toISOString() : new Date(t).toISOString();
      const closedByDeploy = state.entries.some((e) => e.key.startsWith("closed-by-deploy-"));
      if (change.kind === "closed" && closedByDeploy && change.actor.endsWith("[bot]")) return;
      const merged = Object.keys(state.pipelines).length > 0;
      const next = addEntry(state, changeEntry(change, merged, at));
      if (JSON.stringify(next) === JSON.stringify(state)) return;
      await writeTimeline(ctx, n, timeline.commentId, next);
    });
    return void 0;
  }
};

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
      severity: ""
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
    for (const command of redeploy) lines.push(...command.split("\n").map((line) => `   ${line}`));
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
  const named = names.length > 0 ? `: ${names.map(codeSpan).join(", ")}` : "";
  return `- [ ] **Critical tests only**: run the critical tests and the security scan${named}; the ${codeSpan("hotfix-gate")} check waits for them, the full suite can follow the merge.`;
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
async function findProductionTag(ctx, productionBranch, scheme) {
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
  const shaOf = new Map(tags.map((tag) => [tag.name, tag.commit.sha]));
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
async function cutIncidentBranch(ctx, config, incident) {
  const { octokit, repo } = ctx;
  const branch = incidentBranchName(incident);
  const { data: head } = await octokit.rest.git.getRef({ ...repo, ref: `heads/${config.productionBranch}` });
  const productionSha = head.object.sha;
  const previousTag = await findProductionTag(ctx, config.productionBranch, config.release.tagScheme);
  const fromTag = config.intake.cutFromLatestTag && previousTag !== null;
  const cutFrom = fromTag ? previousTag.name : config.productionBranch;
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
var oneLine2 = (text) => text.replace(/[\r\n]+/g, " ").trim();
function incidentReport(input) {
  const detected = input.detectedAt.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC");
  return [
    `# Incident #${input.incident}: ${oneLine2(input.title)}`,
    "",
    `- Incident: [#${input.incident}](${input.url})`,
    `- Severity: ${input.severity}`,
    `- Detected: ${detected}`,
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
  const { octokit, repo } = ctx;
  const n = request.issue.number;
  const timeline = await readTimeline(ctx, n);
  const before = timeline.state ?? emptyTimeline(n);
  let state = { ...before, incident: n };
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
  }
  const severity2 = asSeverity(state.severity) ?? request.severity;
  const now = () => ctx.clock().toISOString();
  const label = config.severity.labels[severity2];
  const labelled = state.entries.some((e) => e.key === "severity-label");
  if (!labelled && !hasLabel(request.issue.labels, label)) {
    await octokit.rest.issues.addLabels({ ...repo, issue_number: n, labels: [label] });
    state = addEntry(state, { key: "severity-label", at: now(), text: `Label ${label} added` });
  }
  let intake2 = state.intake;
  if (!intake2) {
    const cut = await cutIncidentBranch(ctx, config, n);
    intake2 = {
      trigger: request.trigger,
      branch: cut.branch,
      cutFrom: cut.cutFrom,
      baseSha: cut.baseSha,
      productionSha: cut.productionSha,
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
      incident: n,
      severity: severity2,
      branch: intake2.branch,
      cutFrom: intake2.cutFrom,
      baseSha: intake2.baseSha,
      previousTag: intake2.previousTag ?? null,
      productionSha: intake2.productionSha,
      config
    });
    await ensureBotComment(ctx, n, checklistMarker(n), body);
    intake2 = { ...intake2, checklist: true };
    state = addEntry(state, { key: "checklist", at: now(), text: "Checklist and rollback plan posted" });
  }
  state = { ...state, intake: intake2 };
  const changed = JSON.stringify(state) !== JSON.stringify(timeline.state);
  if (changed) await writeTimeline(ctx, n, timeline.commentId, state);
  else ctx.log.info(`incident #${n}: intake already done`);
  return { incident: n, branch: intake2.branch, changed };
}
async function commitIncidentReport(ctx, state, request, intake2) {
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
  async run(trigger, ctx) {
    const n = trigger.issue.number;
    const reply = (body) => ensureBotComment(ctx, n, body.split("\n", 1)[0] ?? body, body);
    if (trigger.kind === "command" && !await hasWritePermission(ctx, trigger.actor)) {
      await reply(refusalReply(trigger.actorId, trigger.actor));
      return void 0;
    }
    const loaded = await ctx.config();
    if (!loaded.ok) {
      ctx.log.error(`intake of #${n} skipped: ${loaded.error.message}`);
      if (trigger.kind === "command") await reply(configErrorReply(trigger.commentId, loaded.error.message));
      return void 0;
    }
    const config = loaded.config;
    let severity2;
    if (trigger.kind === "label") {
      const named = severityFromLabels([trigger.label], config);
      if (named === null || trigger.issue.state !== "open") return void 0;
      if (!await hasWritePermission(ctx, trigger.actor)) {
        await withIncidentLock(ctx, n, () => refuseLabel(ctx, trigger, config.severity.labels[named]));
        return void 0;
      }
      severity2 = named;
    } else {
      if (trigger.issue.state !== "open") {
        await reply(closedIssueReply(trigger.commentId));
        return void 0;
      }
      severity2 = trigger.severity ?? severityFromLabels(trigger.issue.labels, config) ?? config.severity.default;
    }
    const at = validTime2(trigger.at) ?? ctx.clock().toISOString();
    await withIncidentLock(
      ctx,
      n,
      () => runIntake(ctx, config, {
        issue: trigger.issue,
        trigger: trigger.kind,
        severity: severity2,
        actor: trigger.actor,
        at
      })
    );
    return void 0;
  }
};
async function refuseLabel(ctx, trigger, label) {
  const n = trigger.issue.number;
  const { state } = await readTimeline(ctx, n);
  if (state?.intake) return;
  ctx.log.info(`severity label on #${n} by ${trigger.actor}, who has no write access: refused`);
  await ensureBotComment(
    ctx,
    n,
    labelRefusalMarker(trigger.actorId),
    labelRefusalReply(trigger.actorId, trigger.actor, label)
  );
}
function validTime2(value) {
  if (value === null) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

// src/engine.ts
var routes = [
  gateRoute,
  afterMergeRoute,
  backportCommandRoute,
  intakeRoute,
  incidentChangeRoute,
  draftPrRoute,
  deploymentStatusRoute
];
function isDeliberateStop(error) {
  return typeof error === "object" && error !== null && error.deliberateStop === true;
}
async function handleEvent(event, ctx, background) {
  const matched = routes.flatMap((route) => {
    const input = route.match(event);
    return input === null ? [] : [{ route, input }];
  });
  const outcome = { steps: [] };
  const failures = [];
  for (const { route, input } of matched) {
    if (route.long && background) {
      background.run(`${route.step} for ${event.name} ${event.id}`, () => route.run(input, ctx, event));
      outcome.steps.push(route.step);
      continue;
    }
    try {
      const result = await route.run(input, ctx, event);
      outcome.steps.push(route.step);
      if (result) Object.assign(outcome, result);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isDeliberateStop(error))
        ctx.log.info(`${route.step} stopped on ${event.name} ${event.id}: ${message}`);
      else ctx.log.error(`${route.step} failed on ${event.name} ${event.id}: ${message}`);
      failures.push(error);
    }
  }
  if (failures.length === 1) throw failures[0];
  if (failures.length > 1)
    throw new AggregateError(failures, `${failures.length} steps failed on ${event.name} ${event.id}`);
  return outcome;
}

// src/identity/app-identity.ts
async function appIdentity(jwtOctokit) {
  const { data } = await jwtOctokit.request("GET /app");
  if (!data || typeof data.id !== "number") throw new Error("GET /app did not say which App this is");
  return { appId: data.id, stateSecret: null };
}

// src/reconcile.ts
var RECONCILE_LOOKBACK_DAYS = 14;
async function reconcileRepo(ctx) {
  const report = {
    repo: `${ctx.repo.owner}/${ctx.repo.repo}`,
    checked: 0,
    finished: [],
    failed: []
  };
  const loaded = await ctx.config();
  if (!loaded.ok) return { ...report, skipped: loaded.error.message };
  const config = loaded.config;
  const cutoff = ctx.clock().getTime() - RECONCILE_LOOKBACK_DAYS * 864e5;
  const { data: closed } = await ctx.octokit.rest.pulls.list({
    ...ctx.repo,
    state: "closed",
    base: config.productionBranch,
    sort: "updated",
    direction: "desc",
    per_page: 50
  });
  const claims = await listClaims(ctx);
  for (const raw of closed) {
    const pr = mergedPullRequestFrom(raw);
    if (!pr || !isMergedHotfix(pr, config) || Date.parse(pr.mergedAt) < cutoff) continue;
    report.checked += 1;
    const linked = await incidentOfPull(ctx, pr);
    const { state } = linked.timeline ?? await readTimeline(ctx, pr.number);
    if (state?.pipelines[String(pr.number)]?.done) {
      if (claims.has(pr.number)) await releasePipeline(ctx, pr.number);
      continue;
    }
    try {
      ctx.log.info(`reconcile: finishing the after-merge pipeline of #${pr.number}`);
      await runAfterMerge(ctx, config, pr, { takeOver: true });
      report.finished.push(pr.number);
    } catch (error) {
      report.failed.push({ pr: pr.number, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
async function reconcileInstallations(app, contextFor) {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  const reports = [];
  for (const installation of installations) {
    const octokit = await app.auth(installation.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100
    });
    for (const repository of repos) {
      const report = await reconcileRepo(
        contextFor(octokit, { owner: repository.owner.login, repo: repository.name })
      );
      if (report.finished.length || report.failed.length) app.log.info(`reconcile ${JSON.stringify(report)}`);
      reports.push(report);
    }
  }
  return reports;
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
      const message = error instanceof Error ? error.message : String(error);
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

// src/util/redis-keyed-lock.ts
import { randomUUID } from "node:crypto";
var LockTimeoutError = class extends Error {
  constructor(key) {
    super(`the lock on ${key} stayed held by another App instance; the next event for it evaluates again`);
    this.key = key;
  }
  key;
  name = "LockTimeoutError";
};
var RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
var RedisKeyedLock = class {
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
    const name = `${this.prefix}${key}`;
    const token = randomUUID();
    const deadline = Date.now() + this.waitMs;
    while (await this.redis.set(name, token, "PX", this.ttlMs, "NX") !== "OK") {
      if (Date.now() > deadline) throw new LockTimeoutError(key);
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
    }
    try {
      return await task();
    } finally {
      await this.redis.eval(RELEASE, 1, name, token).catch(() => void 0);
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
    const wait = Math.min(retryAfterSeconds(error, fallback), maxWait) * base;
    await new Promise((resolve) => setTimeout(resolve, wait));
    return resend({ ...request, request: { ...bag, secondaryLimitAttempt: attempt } });
  });
  return octokit;
}

// src/app.ts
function repoOf(payload) {
  const repository = payload?.repository;
  const owner = repository?.owner?.login;
  const name = repository?.name;
  return typeof owner === "string" && typeof name === "string" ? { owner, repo: name } : null;
}
function createHotfixBot(options = {}) {
  return (app) => installHandlers(app, options);
}
function installHandlers(app, options) {
  const clock = options.clock ?? (() => /* @__PURE__ */ new Date());
  const configCache = options.configCache ?? new ConfigCache();
  const background = options.background ?? new BackgroundWork(app.log, STEP_RETRY);
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL;
  const instancesLock = redisUrl ? new RedisKeyedLock(new Redis(redisUrl, { lazyConnect: true })) : void 0;
  const configFor = (octokit, repo) => () => configCache.get(`${repo.owner}/${repo.repo}`, clock().getTime(), () => loadConfig(octokit, repo));
  const identity = memoAsync(async () => appIdentity(await app.auth()));
  if (options.reconcileOnStart ?? false) {
    background.run("reconcile at start", async () => {
      const reports = await reconcileInstallations(app, (octokit, repo) => ({
        octokit: retrySecondaryRateLimits(octokit, options.secondaryRateLimit),
        repo,
        config: configFor(octokit, repo),
        log: app.log,
        clock,
        identity,
        ...instancesLock ? { instancesLock } : {}
      }));
      const finished = reports.reduce((sum, report) => sum + report.finished.length, 0);
      const failed = reports.reduce((sum, report) => sum + report.failed.length, 0);
      app.log.info(
        `reconcile at start: ${reports.length} repositories checked, ${finished} pipelines finished, ${failed} failed`
      );
    });
  }
  app.onAny(async (event) => {
    const context = event;
    const repo = repoOf(context.payload);
    if (!repo) return;
    const key = `${repo.owner}/${repo.repo}`;
    if (context.name === "push") configCache.invalidate(key);
    const octokit = retrySecondaryRateLimits(context.octokit, options.secondaryRateLimit);
    const ctx = {
      octokit,
      repo,
      config: configFor(octokit, repo),
      log: context.log,
      clock,
      identity,
      ...instancesLock ? { instancesLock } : {}
    };
    await handleEvent({ name: context.name, id: context.id, payload: context.payload }, ctx, background);
  });
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
var ServerConfigError = class extends Error {
  constructor(variable, expected, value) {
    super(`${variable}: expected ${expected}, got "${value}"`);
    this.variable = variable;
    this.name = "ServerConfigError";
  }
  variable;
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
  return {
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
import { createNodeMiddleware, createProbot } from "probot";
import { SmeeClient } from "smee-client";

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
function pathOf(req) {
  return (req.url ?? "/").split("?")[0] ?? "/";
}
function answerJson(res, status, body, headers = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
async function startServer(env) {
  const config = readServerConfig(env);
  const probot = createProbot({
    env,
    overrides: { logFormat: config.logFormat, logLevel: config.logLevel }
  });
  const background = new BackgroundWork({ error: (message) => probot.log.error(message) }, STEP_RETRY);
  const middleware = await createNodeMiddleware(createHotfixBot({ reconcileOnStart: true, background }), {
    probot,
    webhooksPath: config.webhookPath
  });
  const log = probot.log.child({ name: "http" });
  const startedAt = Date.now();
  const inFlight = new InFlightRequests();
  let draining = false;
  const webhooks = limitRequestBodies(
    (req, res) => middleware(req, res, () => {
      answerJson(res, 404, { error: `Not found: ${req.method} ${pathOf(req)}` });
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
        `${req.method} ${pathOf(req)} ${res.statusCode} - ${ms}ms`
      );
    });
    if (req.method === "GET" && pathOf(req) === "/health") {
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
  probot.log.info(`hotfix-bot listening on ${url2} (webhooks at ${config.webhookPath})`);
  let proxy = null;
  if (config.webhookProxyUrl) {
    const proxyLog = probot.log.child({ name: "webhook-proxy" });
    const source = config.webhookProxyUrl;
    proxy = new SmeeClient({ source, target: `${url2}${config.webhookPath}`, logger: proxyLog });
    proxy.start().catch((error) => {
      proxyLog.error(
        `WEBHOOK_PROXY_URL: cannot connect to ${source}: ${error instanceof Error ? error.message : String(error)}`
      );
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
