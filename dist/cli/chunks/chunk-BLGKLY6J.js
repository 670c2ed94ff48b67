// src/util/errors.ts
var HotfixBotError = class extends Error {
};
function isErrorOfKind(error, kind) {
  return error instanceof HotfixBotError && error.kind === kind;
}
function errorMessage(error) {
  return error instanceof Error ? error.message : String(error);
}

// src/cli/usage-error.ts
var UsageError = class extends HotfixBotError {
  constructor(command, message) {
    super(message);
    this.command = command;
  }
  command;
  kind = "usage";
  name = "UsageError";
};
var EXIT = { ok: 0, failed: 1, usage: 2 };

export {
  HotfixBotError,
  isErrorOfKind,
  errorMessage,
  UsageError,
  EXIT
};
