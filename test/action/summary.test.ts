import { APP_TOKEN_HINT, renderSummary, type SummaryInput } from "../../src/action/summary.js";
import { unsealedStateWarning } from "../../src/action/token-app.js";
import { renderTimeline, visibleTimeline } from "../../src/incident/timeline-markdown.js";
import { addEntry, emptyTimeline } from "../../src/incident/timeline-state.js";

const base: SummaryInput = {
  repo: "acme/webshop",
  event: "pull_request",
  outcome: { steps: [], stopped: [] },
  gate: "",
  writes: [],
  tokenKind: "other",
  dryRun: false,
};

describe("renderSummary", () => {
  it("says when no step handles the event", () => {
    const md = renderSummary(base);
    expect(md).toContain("## hotfix-bot: pull\\_request on acme/webshop");
    expect(md).toContain("Nothing to do");
  });

  it("shows the gate's own markdown as written to the check run", () => {
    const md = renderSummary({
      ...base,
      outcome: {
        steps: ["gate"],
        stopped: [],
        gate: {
          conclusion: "failure",
          summary: "Failed: title",
          url: "https://x/runs/1",
          rendered: {
            status: "completed",
            conclusion: "failure",
            title: "Failed: title",
            markdown: "| ❌ | Title | bad |",
          },
        },
      },
      gate: "failure",
    });
    expect(md).toContain("### [hotfix-gate](https://x/runs/1): failure");
    expect(md).toContain("| ❌ | Title | bad |");
    expect(md).not.toContain("Nothing to do");
  });

  it("says the run was unchanged when the gate did not need to write", () => {
    const md = renderSummary({
      ...base,
      outcome: {
        steps: ["gate"],
        stopped: [],
        gate: { conclusion: "success", summary: "Passed: all 8 criteria met" },
      },
      gate: "success",
    });
    expect(md).toContain("Passed: all 8 criteria met (unchanged");
  });

  it("tabulates release, backports and follow-ups, escaping user text", () => {
    const md = renderSummary({
      ...base,
      event: "pull_request",
      outcome: {
        steps: ["after-merge"],
        stopped: [],
        tag: "hotfix-1",
        releaseUrl: "https://x/releases/1",
        backports: [
          { target: "release/*|@team", pr: 5, url: "https://x/pull/5", conflict: true, status: "open" },
        ],
        followUps: [{ kind: "post-mortem", issue: 6, url: "https://x/issues/6" }],
        timeline: "<!-- hotfix-bot:timeline {} -->\nTIMELINE",
      },
    });
    expect(md).toContain("| hotfix\\-1 | [release](https://x/releases/1) |");
    expect(md).toContain("| release/\\*\\|@&#8203;team | open (conflict) | [#5](https://x/pull/5) |");
    expect(md).toContain("| post\\-mortem | [#6](https://x/issues/6) |");
    expect(md).toContain("<!-- hotfix-bot:timeline {} -->\nTIMELINE");
  });

  it("shows the incident timeline under its own heading, once", () => {
    const timeline = renderTimeline(
      addEntry(emptyTimeline(7), { key: "k", at: "2026-01-01T00:00:00Z", text: "x" }),
    );
    const md = renderSummary({
      ...base,
      outcome: { steps: ["intake"], stopped: [], timeline: visibleTimeline(timeline) },
    });
    expect(md.match(/^#+ .*timeline/gim)).toEqual(["### Hotfix timeline"]);
    expect(md).not.toContain("<!-- hotfix-bot:timeline");
  });

  it("shows configuration errors and failures in a fence that user text cannot close", () => {
    const md = renderSummary({ ...base, configError: "hotfix.yml is invalid: ```x", failure: "boom" });
    expect(md).toContain("### Configuration error\n\n```text\nhotfix.yml is invalid: '''x\n```");
    expect(md).toContain("### Failed\n\n```text\nboom\n```");
  });

  it("in a dry run, shows the check run the stopped gate would have written", () => {
    const md = renderSummary({
      ...base,
      dryRun: true,
      outcome: {
        steps: ["gate"],
        stopped: [{ step: "gate", reason: "dry run: refused POST /repos/acme/webshop/check-runs" }],
        gate: {
          conclusion: "failure",
          summary: "Failed: title",
          rendered: {
            status: "completed",
            conclusion: "failure",
            title: "Failed: title",
            markdown: "| ❌ | x |",
          },
        },
      },
      gate: "failure",
      writes: [{ method: "POST", path: "/repos/acme/webshop/check-runs", body: {}, result: "refused" }],
    });
    expect(md).toContain("### hotfix-gate: failure\n\n| ❌ | x |");
    expect(md).not.toContain("unchanged");
    expect(md).not.toContain("Nothing to do");
  });

  it("lists the writes a dry run refused", () => {
    const md = renderSummary({
      ...base,
      dryRun: true,
      writes: [
        { method: "POST", path: "/repos/acme/webshop/check-runs", body: {}, result: "refused" },
        { method: "POST", path: "/repos/acme/webshop/git/refs", body: {}, result: "sent" },
      ],
    });
    expect(md).toContain("Dry run");
    expect(md).toContain("- `POST /repos/acme/webshop/check-runs`");
    expect(md).not.toContain("git/refs");
  });

  it("warns about the workflow token, with the App token recipe, and only then", () => {
    expect(renderSummary({ ...base, tokenKind: "workflow" })).toContain(APP_TOKEN_HINT);
    expect(renderSummary({ ...base, tokenKind: "workflow" })).toContain("actions/create-github-app-token");
    expect(renderSummary({ ...base, tokenKind: "other" })).not.toContain("create-github-app-token");
    expect(renderSummary({ ...base, tokenKind: "unknown" })).not.toContain("create-github-app-token");
  });

  it("warns when the hidden state is not sealed, naming the input to set", () => {
    const warning = unsealedStateWarning("github-actions");
    const md = renderSummary({ ...base, stateWarning: warning });
    expect(md).toContain(`> [!WARNING]\n> ${warning}`);
    expect(warning).toMatch(
      /state-secret is not set: any workflow of this repository that writes as github-actions/,
    );
    expect(renderSummary(base)).not.toContain("state-secret");
  });
});

describe("the commits' signatures", () => {
  const commit = (body: Record<string, unknown>, path = "/repos/acme/webshop/git/commits") => ({
    method: path.includes("/contents/") ? "PUT" : "POST",
    path,
    body,
    result: "sent" as const,
  });

  it("says Verified when every commit went without author or committer (backport and CHANGELOG)", () => {
    const md = renderSummary({
      ...base,
      writes: [
        commit({ message: "m", tree: "t", parents: ["p"] }),
        commit({ message: "Changelog", content: "eA==" }, "/repos/acme/webshop/contents/CHANGELOG.md"),
        { method: "POST", path: "/repos/acme/webshop/git/refs", body: {}, result: "sent" },
      ],
    });
    expect(md).toContain("### Commits: Verified");
    expect(md).toContain("The 2 commits this run created went without author or committer");
  });

  it("says not verified, and why, when commits.verified is false (a custom author)", () => {
    const author = { name: "Alice", email: "alice@example.com", date: "2026-01-01T00:00:00Z" };
    const md = renderSummary({
      ...base,
      writes: [commit({ message: "m", tree: "t", parents: ["p"], author })],
    });
    expect(md).toContain("### Commits: not verified");
    expect(md).toContain(
      "1 of the 1 commit this run created carries a custom author (`commits.verified: false`)",
    );
  });

  it("says nothing of commits when the run made none, or only refused ones", () => {
    expect(renderSummary(base)).not.toContain("### Commits");
    const refused = { ...commit({ message: "m" }), result: "refused" as const };
    expect(renderSummary({ ...base, writes: [refused] })).not.toContain("### Commits");
  });
});
