// src/cli/usage-error.ts
var UsageError = class extends Error {
  constructor(command, message) {
    super(message);
    this.command = command;
  }
  command;
  name = "UsageError";
};
var EXIT = { ok: 0, failed: 1, usage: 2 };

export {
  UsageError,
  EXIT
};
