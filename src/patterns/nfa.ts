/**
 * A tiny linear-time matcher for the patterns that come from configuration (globs, title formats, branch
 * patterns). JavaScript's RegExp backtracks, so a pattern such as `{summary}{summary}…` or `*a*a*a…b` can take
 * exponential time on a short input; one repository's config would then stall the process that serves every
 * installation. Here a pattern is built as a small syntax tree, compiled to a Thompson NFA and run as a Pike VM:
 * every position of the input advances each of the program's states at most once, so a match costs
 * O(input length × program length), whatever the pattern. Among matches the VM keeps the one a backtracking engine
 * would have found first (threads are kept in priority order), so captures agree with the old regexes.
 *
 * Matching is always anchored at both ends: the whole input must match.
 */

/** A test on one UTF-16 code unit, like one character of a non-unicode RegExp. */
export type CharTest = (code: number) => boolean;

export type Pattern =
  | { kind: "char"; test: CharTest }
  | { kind: "seq"; items: Pattern[] }
  | { kind: "alt"; options: Pattern[] }
  | { kind: "repeat"; item: Pattern; min: 0 | 1 }
  | { kind: "optional"; item: Pattern }
  | { kind: "capture"; index: number; item: Pattern };

export const char = (test: CharTest): Pattern => ({ kind: "char", test });
export const seq = (...items: Pattern[]): Pattern => ({ kind: "seq", items });
export const alt = (...options: Pattern[]): Pattern => ({ kind: "alt", options });
/** Greedy `item*`. */
export const zeroOrMore = (item: Pattern): Pattern => ({ kind: "repeat", item, min: 0 });
/** Greedy `item+`. */
export const oneOrMore = (item: Pattern): Pattern => ({ kind: "repeat", item, min: 1 });
/** Greedy `item?`. */
export const optional = (item: Pattern): Pattern => ({ kind: "optional", item });
/** Records where `item` matched as capture `index` (1-based, like a RegExp group). */
export const capture = (index: number, item: Pattern): Pattern => ({ kind: "capture", index, item });

/** The literal text, one code unit at a time. */
export function literal(text: string): Pattern {
  const items: Pattern[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    items.push(char((c) => c === code));
  }
  return seq(...items);
}

const SPACE = /\s/;
/** `\s` of a JavaScript RegExp. */
export const isSpace: CharTest = (code) => SPACE.test(String.fromCharCode(code));
/** `.` of a JavaScript RegExp without the `s` flag: anything but a line terminator. */
export const isNotLineTerminator: CharTest = (code) =>
  code !== 0x0a && code !== 0x0d && code !== 0x2028 && code !== 0x2029;
export const isAny: CharTest = () => true;
export const inRange =
  (from: string, to: string): CharTest =>
  (code) =>
    code >= from.charCodeAt(0) && code <= to.charCodeAt(0);
export const oneOf =
  (...tests: CharTest[]): CharTest =>
  (code) =>
    tests.some((test) => test(code));

type Instruction =
  | { op: "char"; test: CharTest; next: number }
  | { op: "split"; first: number; second: number }
  | { op: "jump"; to: number }
  | { op: "save"; slot: number; next: number }
  | { op: "match" };

/** A compiled pattern: match it with `matchPattern`. */
export interface CompiledPattern {
  readonly program: readonly Instruction[];
  /** Number of capture groups (the highest `capture` index). */
  readonly groups: number;
}

export function compilePattern(pattern: Pattern): CompiledPattern {
  const program: Instruction[] = [];
  let groups = 0;
  // Each emitter appends its instructions; `next` fields are patched to program.length when the piece ends.
  const emit = (node: Pattern): void => {
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
        (program[split] as { second: number }).second = program.length;
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
        (program[split] as { second: number }).second = program.length;
        return;
      }
      case "alt": {
        const jumps: number[] = [];
        node.options.forEach((option, i) => {
          const last = i === node.options.length - 1;
          const split = program.length;
          if (!last) program.push({ op: "split", first: split + 1, second: -1 });
          emit(option);
          if (!last) {
            jumps.push(program.length);
            program.push({ op: "jump", to: -1 });
            (program[split] as { second: number }).second = program.length;
          }
        });
        for (const at of jumps) (program[at] as { to: number }).to = program.length;
        return;
      }
    }
  };
  emit(pattern);
  program.push({ op: "match" });
  return { program, groups };
}

interface Thread {
  pc: number;
  slots: readonly number[];
}

/**
 * Runs the compiled pattern over the whole input. Returns null when the input does not match, else the capture
 * slots: `[start, end]` of group i at indexes `2i` and `2i + 1` (-1 when the group did not take part).
 */
export function matchPattern(compiled: CompiledPattern, input: string): number[] | null {
  const { program } = compiled;
  const seen = new Int32Array(program.length).fill(-1);
  let generation = 0;
  // Follows jumps, splits and saves from `pc`, in priority order, adding each char/match state once.
  const add = (list: Thread[], pc: number, slots: readonly number[], position: number): void => {
    const stack: { pc: number; slots: readonly number[] }[] = [{ pc, slots }];
    while (stack.length > 0) {
      const top = stack.pop() as { pc: number; slots: readonly number[] };
      if (seen[top.pc] === generation) continue;
      seen[top.pc] = generation;
      const instruction = program[top.pc] as Instruction;
      switch (instruction.op) {
        case "jump":
          stack.push({ pc: instruction.to, slots: top.slots });
          break;
        case "split":
          // Pushed in reverse so that the preferred branch is explored first.
          stack.push({ pc: instruction.second, slots: top.slots });
          stack.push({ pc: instruction.first, slots: top.slots });
          break;
        case "save": {
          const slots = [...top.slots];
          slots[instruction.slot] = position;
          stack.push({ pc: instruction.next, slots });
          break;
        }
        default:
          list.push({ pc: top.pc, slots: top.slots });
      }
    }
  };
  const noCaptures: number[] = new Array((compiled.groups + 1) * 2).fill(-1);
  let current: Thread[] = [];
  add(current, 0, noCaptures, 0);
  for (let position = 0; position < input.length && current.length > 0; position++) {
    const code = input.charCodeAt(position);
    generation += 1;
    const next: Thread[] = [];
    for (const thread of current) {
      const instruction = program[thread.pc] as Instruction;
      if (instruction.op === "char" && instruction.test(code))
        add(next, instruction.next, thread.slots, position + 1);
    }
    current = next;
  }
  const winner = current.find((thread) => (program[thread.pc] as Instruction).op === "match");
  if (!winner) return null;
  const slots = [...winner.slots];
  slots[0] = 0;
  slots[1] = input.length;
  return slots;
}

/** Whether the whole input matches. */
export function matchesPattern(compiled: CompiledPattern, input: string): boolean {
  return matchPattern(compiled, input) !== null;
}
