import {
  isDeliberateStop,
  partialOutcomeOf,
  type StepOutcome,
  stoppedWith,
  writtenBefore,
} from "../src/route.js";

describe("stoppedWith", () => {
  const stop = () => ({ deliberateStop: true as const, partial: undefined as StepOutcome | undefined });

  it("keeps what the step had rendered on a deliberate stop, the innermost writer's word first", () => {
    const error = stop();
    expect(stoppedWith(error, { timeline: "inner" })).toBe(error);
    stoppedWith(error, { timeline: "outer", tag: "v1" });
    expect(error.partial).toEqual({ timeline: "inner", tag: "v1" });
  });

  it("tells a deliberate stop by its mark, not by its class", () => {
    expect(isDeliberateStop(stop())).toBe(true);
    expect(isDeliberateStop(new Error("dry run: refused POST /x"))).toBe(false);
    expect(isDeliberateStop({ deliberateStop: "yes" })).toBe(false);
    expect(isDeliberateStop(null)).toBe(false);
  });

  it("leaves any other error as it is: a failed write rendered nothing that was written", () => {
    const failure = new Error("500");
    expect(stoppedWith(failure, { timeline: "x" })).toBe(failure);
    expect(failure).not.toHaveProperty("partial");
  });
});

describe("writtenBefore", () => {
  it("keeps what the step wrote before any error, and the error stays the one thrown", () => {
    const failure = new Error("502 on git/refs");
    expect(writtenBefore(failure, { timeline: "declared" })).toBe(failure);
    expect(partialOutcomeOf(failure)).toEqual({ timeline: "declared" });
  });

  it("lets a stopped writer's own rendering win over what the step had written before", () => {
    const stop = {
      deliberateStop: true as const,
      partial: { timeline: "would write" } as StepOutcome | undefined,
    };
    writtenBefore(stop, { timeline: "written", tag: "v1" });
    expect(stop.partial).toEqual({ timeline: "would write", tag: "v1" });
  });

  it("passes through what cannot carry it", () => {
    expect(writtenBefore("text", { timeline: "x" })).toBe("text");
    const frozen = Object.freeze(new Error("frozen"));
    expect(writtenBefore(frozen, { timeline: "x" })).toBe(frozen);
    expect(partialOutcomeOf(frozen)).toBeUndefined();
  });
});
