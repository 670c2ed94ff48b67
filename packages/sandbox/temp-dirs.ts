import { rmSync } from "node:fs";

/**
 * The temporary directories of sandboxes still open in this process. A process that exits without closing them
 * (an interrupted demo: its signal handler calls process.exit) removes them on the way out, so nothing is left
 * in the temp directory. `exit` handlers must be synchronous, hence rmSync.
 */
const open = new Set<string>();
let hooked = false;

export function trackTempDir(dir: string): void {
  open.add(dir);
  if (hooked) return;
  hooked = true;
  process.once("exit", () => {
    for (const path of open) rmSync(path, { recursive: true, force: true });
  });
}

export function untrackTempDir(dir: string): void {
  open.delete(dir);
}
