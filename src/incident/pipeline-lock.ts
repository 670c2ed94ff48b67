import { KeyedMutex } from "../util/keyed-mutex.js";

/** One after-merge pipeline at a time per merged PR in this process (deliveries, `/backport`, reconcile). */
export const pipelineLock = new KeyedMutex();
