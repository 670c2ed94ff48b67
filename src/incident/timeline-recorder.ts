import { addEntry, type PipelineState, type TimelineEntry, type TimelineState } from "./timeline-state.js";
import { type TimelineContext, writeTimeline } from "./upsert-timeline.js";

/**
 * The timeline of one run, kept in memory between its writes: steps add their entries and state changes here,
 * and `flush()` writes it (one comment write) when the run decides the record must be in GitHub. It remembers the
 * timeline comment (a first flush may create it) and the markdown a person reads in it, for the step's outcome.
 */
export class TimelineRecorder {
  private current: TimelineState;
  private commentId: number | null;
  private lastMarkdown: string | undefined;

  constructor(
    private readonly ctx: TimelineContext,
    /** The issue or pull request whose timeline comment this is. */
    readonly issue: number,
    read: { state: TimelineState; commentId: number | null },
  ) {
    this.current = read.state;
    this.commentId = read.commentId;
  }

  /** The state as it will be written by the next flush. */
  get state(): TimelineState {
    return this.current;
  }

  /** The markdown of the last flush, without its hidden state line; undefined before the first. */
  get markdown(): string | undefined {
    return this.lastMarkdown;
  }

  /** Adds an entry (or replaces the one with its key: a re-run adds no second line). */
  add(entry: TimelineEntry): void {
    this.current = addEntry(this.current, entry);
  }

  addAll(entries: readonly TimelineEntry[]): void {
    for (const entry of entries) this.add(entry);
  }

  /** Any other change of the state, as a pure function of it. */
  update(change: (state: TimelineState) => TimelineState): void {
    this.current = change(this.current);
  }

  /** Records the pipeline of a merged PR (keyed by its number), replacing what was there. */
  setPipeline(pipeline: PipelineState): void {
    this.update((state) => ({
      ...state,
      pipelines: { ...state.pipelines, [String(pipeline.pr)]: pipeline },
    }));
  }

  /** Writes the timeline as it stands and returns its markdown. */
  async flush(): Promise<string> {
    const written = await writeTimeline(this.ctx, this.issue, this.commentId, this.current);
    this.commentId = written.commentId;
    this.lastMarkdown = written.markdown;
    return written.markdown;
  }
}
