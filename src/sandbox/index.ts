// The sandbox's public surface, for tests, the demo and benchmarks.
export { type FileSpec, OtherApp, Person, type PushOptions } from "./actor.js";
export type { GitHttpLog, GitHttpRecord } from "./http/git-http-backend.js";
export { ImportRepositoryError, type ImportSpec } from "./import-repository.js";
export { DEFAULT_FAULT_KINDS, type FaultKind, type FaultOptions } from "./instruments/faults.js";
export type { LatencyOptions } from "./instruments/latency.js";
export type { Count, RequestRecord } from "./instruments/request-log.js";
export { SandboxRequestError } from "./sandbox-client.js";
export type { CommitSpec, RepositorySpec } from "./seed-repository.js";
export { type AppOnSandbox, type AppOnSandboxOptions, startAppOnSandbox } from "./start-app-on-sandbox.js";
export {
  type BackgroundTracker,
  type RepositoryHandle,
  Sandbox,
  type SandboxOptions,
  startSandbox,
} from "./start-sandbox.js";
export type { Delivery, WebhookTarget } from "./webhooks/webhook-dispatcher.js";
export { WEBSHOP } from "./webshop-seed.js";
