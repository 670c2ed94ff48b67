/**
 * Until `release` is called, SIGINT and SIGTERM end the process with the shell's code for the signal (130, 143)
 * through process.exit, so that `exit` handlers run: the sandbox's removes its temporary directory. Without a
 * handler Node dies on the signal and runs none.
 */
export function exitOnSignal(onSignal: (signal: NodeJS.Signals) => void): { release(): void } {
  const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143 };
  const handler = (signal: NodeJS.Signals) => {
    onSignal(signal);
    process.exit(codes[signal] ?? 1);
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
  return {
    release() {
      process.off("SIGINT", handler);
      process.off("SIGTERM", handler);
    },
  };
}
