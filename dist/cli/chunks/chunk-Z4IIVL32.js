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

// src/rules/title.ts
var TITLE_PLACEHOLDERS = ["key", "summary"];
var EXAMPLE_SUMMARY = "Fix critical auth failure";
var digit = inRange("0", "9");
var upper = inRange("A", "Z");
var jiraKey = () => seq(
  char(upper),
  oneOrMore(char(oneOf(upper, digit, (c) => c === 95))),
  literal("-"),
  char(inRange("1", "9")),
  ...Array.from({ length: 8 }, () => optional(char(digit)))
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
    const count = format.split(`{${name}}`).length - 1;
    return count > 1 ? [`at most one {${name}} may appear (found ${count})`] : [];
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
var DEPLOY_PLACEHOLDERS = ["tag", "incident", "pr", "sha", "severity", "line"];
var KNOWN = new Set(DEPLOY_PLACEHOLDERS);
var PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g;
var DEFAULT_DEPLOY_INPUTS = {
  tag: "{tag}",
  incident: "{incident}"
};
var ENVIRONMENT_PLACEHOLDERS = ["line"];
function unknownEnvironmentPlaceholders(text) {
  const known = new Set(ENVIRONMENT_PLACEHOLDERS);
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).filter((name) => !known.has(name));
}
function renderEnvironment(template, line) {
  return template.replace(PLACEHOLDER, (whole, key) => key === "line" ? line : whole);
}
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
var digit2 = char(inRange("0", "9"));
var slugChar = () => char(oneOf(inRange("a", "z"), inRange("0", "9")));
function datePattern() {
  const d = (from, to) => char(inRange(from, to));
  const month = alt(seq(literal("0"), d("1", "9")), seq(literal("1"), d("0", "2")));
  const day = alt(
    seq(literal("0"), d("1", "9")),
    seq(d("1", "2"), d("0", "9")),
    seq(literal("3"), d("0", "1"))
  );
  return seq(digit2, digit2, digit2, digit2, month, day);
}
var TOKENS = {
  "{date}": datePattern,
  // Lower-case words joined by single dashes: what a slugify of an incident title produces.
  "{slug}": () => seq(oneOrMore(slugChar()), zeroOrMore(seq(literal("-"), oneOrMore(slugChar())))),
  "{n}": () => oneOrMore(digit2),
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
  const compiled2 = compilePattern(new Parser(pattern).parse());
  if (cache2.size > 200) cache2.clear();
  cache2.set(pattern, compiled2);
  return compiled2;
}
function globMatcher(patterns) {
  const compiled2 = (typeof patterns === "string" ? [patterns] : patterns).map(compileGlob);
  return (path) => compiled2.some((program) => matchesPattern(program, path));
}

// src/rules/production-lines.ts
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
var severity = z.enum(["P0", "P1", "P2"]);
var duration = z.string().max(10).regex(/^[1-9][0-9]{0,5}[mhd]$/, "a duration such as 30m, 12h or 2d").refine((text) => durationMs(text) <= 366 * 864e5, "at most a year (366d)");
function durationMs(text) {
  const unit = { m: 6e4, h: 36e5, d: 864e5 }[text.slice(-1)] ?? Number.NaN;
  return Number(text.slice(0, -1)) * unit;
}
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
    environment: z.string().min(1).max(255).superRefine((text, ctx) => {
      const unknown = unknownEnvironmentPlaceholders(text);
      if (unknown.length > 0)
        ctx.addIssue({
          code: "custom",
          message: `unknown placeholder {${unknown[0]}}; allowed: {line}`
        });
    }).optional().describe(
      "create a GitHub deployment to this environment; {line} is the production line merged into"
    ),
    closeIncidentOnSuccess: z.boolean().default(false).describe("close the incident once the tag is deployed successfully"),
    rollbackLabel: z.string().min(1).max(50).default("rollback").describe("label put on the incident when a deployment of the fix fails")
  }).prefault({}),
  intake: z.strictObject({
    cutFromLatestTag: z.boolean().default(false).describe("cut hotfix/incident-<n> from the latest production tag instead of the production head"),
    incidentReport: z.boolean().default(false).describe("commit docs/incidents/HOTFIX-<date>-<slug>.md from a template to the hotfix branch")
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
  renderEnvironment,
  renderDeployInputs,
  renderTemplate,
  matchingBranchPattern,
  isHotfixFamilyBranch,
  branchPatternProblems,
  globMatcher,
  isProductionLine,
  isMaintenanceLine,
  newerLines,
  lineTagPrefix,
  jiraKeyOf,
  checkTitle,
  durationMs,
  configSchema,
  DEFAULT_CONFIG_PATH,
  NOT_A_MAPPING,
  validateConfig,
  parseConfigText
};
