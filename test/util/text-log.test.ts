import { textLog } from "../../src/util/text-log.js";

describe("textLog", () => {
  test("writes each level to its sink, the bound fields after the message, a child adding to its parent's", () => {
    const lines: string[] = [];
    const sink = {
      debug: (line: string) => lines.push(`debug ${line}`),
      info: (line: string) => lines.push(`info ${line}`),
      warn: (line: string) => lines.push(`warn ${line}`),
      error: (line: string) => lines.push(`error ${line}`),
    };
    const log = textLog(sink);
    log.info("sweep started");
    const step = log.child?.({ step: "after-merge" });
    const pr = step?.child?.({ pr: 12, branch: "hotfix/incident 7" });
    step?.warn("claimed by another run");
    pr?.error("backport to develop failed");
    pr?.debug("read 3 files");
    expect(lines).toEqual([
      "info sweep started",
      "warn claimed by another run [step=after-merge]",
      'error backport to develop failed [step=after-merge pr=12 branch="hotfix/incident 7"]',
      'debug read 3 files [step=after-merge pr=12 branch="hotfix/incident 7"]',
    ]);
  });
});
