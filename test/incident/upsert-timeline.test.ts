import { renderTimeline, TIMELINE_MARKER } from "../../src/incident/timeline-markdown.js";
import { addEntry, emptyTimeline, type TimelineState } from "../../src/incident/timeline-state.js";
import { readTimeline, writeTimeline } from "../../src/incident/upsert-timeline.js";
import { BOT, FakeGitHub, fakeIdentity, HUMAN } from "../release/fake-github.js";

function setup() {
  const gh = new FakeGitHub();
  const incident = gh.addIssue({ title: "Checkout down", body: "help" });
  return { gh, repo: { owner: gh.owner, repo: gh.repo }, n: incident.number };
}

const state = (text = "Incident opened"): TimelineState =>
  addEntry(emptyTimeline(1), { key: "detected", at: "2026-11-21T13:50:00Z", text });

const timelineComments = (gh: FakeGitHub) => gh.comments.filter((c) => c.body.startsWith(TIMELINE_MARKER));

describe("readTimeline / writeTimeline", () => {
  it("creates the comment once, then edits it in place", async () => {
    const { gh, repo, n } = setup();
    const octokit = gh.octokit();
    expect(await readTimeline({ octokit, repo, identity: fakeIdentity }, n)).toEqual({
      commentId: null,
      state: null,
    });
    const { commentId } = await writeTimeline({ octokit, repo, identity: fakeIdentity }, n, null, state());
    const read = await readTimeline({ octokit, repo, identity: fakeIdentity }, n);
    expect(read).toEqual({ commentId, state: state() });
    const next = addEntry(state(), { key: "merged-12", at: "2026-11-21T14:05:00Z", text: "merged" });
    expect(await writeTimeline({ octokit, repo, identity: fakeIdentity }, n, commentId, next)).toEqual({
      commentId,
    });
    expect(timelineComments(gh)).toHaveLength(1);
    expect((await readTimeline({ octokit, repo, identity: fakeIdentity }, n)).state).toEqual(next);
  });

  it("finds the bot's comment behind a hundred others, stopping at it", async () => {
    const { gh, repo, n } = setup();
    for (let i = 0; i < 150; i++) gh.addComment(n, `comment ${i}`);
    const { commentId } = await writeTimeline(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      n,
      null,
      state(),
    );
    for (let i = 0; i < 150; i++) gh.addComment(n, `later ${i}`);
    const before = gh.reads;
    expect((await readTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n)).commentId).toBe(
      commentId,
    );
    expect(gh.reads - before).toBe(2);
  });

  it("ignores a forged timeline comment by a person, even with valid state", async () => {
    const { gh, repo, n } = setup();
    gh.addComment(n, renderTimeline({ ...state("forged"), incident: 666 }), HUMAN);
    expect(await readTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n)).toEqual({
      commentId: null,
      state: null,
    });
    const { commentId } = await writeTimeline(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      n,
      null,
      state(),
    );
    expect(gh.comments.find((c) => c.id === commentId)?.user).toEqual(BOT);
    expect(
      (await readTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n)).state?.incident,
    ).toBe(1);
  });

  it("reads a damaged comment of ours as no state, and repairs that comment instead of adding one", async () => {
    const { gh, repo, n } = setup();
    const damaged = gh.addComment(n, `${TIMELINE_MARKER}{"v":1,"inc -->\nsomeone edited this`, BOT);
    const read = await readTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n);
    expect(read).toEqual({ commentId: damaged.id, state: null });
    await writeTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n, read.commentId, state());
    expect(timelineComments(gh)).toHaveLength(1);
    expect((await readTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n)).state).toEqual(
      state(),
    );
  });

  it("re-creates the comment when ours was deleted by hand", async () => {
    const { gh, repo, n } = setup();
    const { commentId } = await writeTimeline(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      n,
      null,
      state(),
    );
    gh.comments.splice(
      gh.comments.findIndex((c) => c.id === commentId),
      1,
    );
    const again = await writeTimeline(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      n,
      commentId,
      state("again"),
    );
    expect(again.commentId).not.toBe(commentId);
    expect(timelineComments(gh)).toHaveLength(1);
  });

  it("never leaves a second comment: a writer that did not read first is folded into the existing one", async () => {
    const { gh, repo, n } = setup();
    const { commentId } = await writeTimeline(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      n,
      null,
      state("first"),
    );
    const second = await writeTimeline(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      n,
      null,
      state("second"),
    );
    expect(second.commentId).toBe(commentId);
    expect(timelineComments(gh)).toHaveLength(1);
    expect(
      (await readTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n)).state?.entries[0]
        ?.text,
    ).toBe("second");
  });

  it("two concurrent first writes end with one comment", async () => {
    const { gh, repo, n } = setup();
    const [a, b] = await Promise.all([
      writeTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n, null, state("a")),
      writeTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n, null, state("b")),
    ]);
    expect(a.commentId).toBe(b.commentId);
    expect(timelineComments(gh)).toHaveLength(1);
    expect(timelineComments(gh)[0]?.id).toBe(a.commentId);
  });

  it("writes a timeline too large to post in full within GitHub's limit", async () => {
    const { gh, repo, n } = setup();
    let big = state();
    for (let i = 0; i < 400; i++) {
      big = addEntry(big, {
        key: `k${i}`,
        at: new Date(Date.UTC(2026, 10, 22, 0, i)).toISOString(),
        text: "x".repeat(300),
      });
    }
    // The fake refuses bodies over 65,536 characters, as GitHub does.
    const { commentId } = await writeTimeline(
      { octokit: gh.octokit(), repo, identity: fakeIdentity },
      n,
      null,
      big,
    );
    await writeTimeline({ octokit: gh.octokit(), repo, identity: fakeIdentity }, n, commentId, big);
    expect(timelineComments(gh)[0]?.body.length).toBeLessThanOrEqual(65_536);
  });
});
