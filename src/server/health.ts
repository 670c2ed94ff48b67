/** What a load balancer's health check sees. */
export interface HealthState {
  draining: boolean;
  /** Long steps (after-merge pipeline, reconcile) running in the background. */
  backgroundSteps: number;
  startedAt: number;
  now: number;
}

export interface HealthAnswer {
  status: 200 | 503;
  body: { status: "ok" | "draining"; backgroundSteps: number; uptimeSeconds: number };
}

/**
 * `GET /health`: 200 while the server takes deliveries; 503 once SIGTERM made it drain, so that a load balancer
 * stops routing to it before it exits.
 */
export function healthAnswer(state: HealthState): HealthAnswer {
  return {
    status: state.draining ? 503 : 200,
    body: {
      status: state.draining ? "draining" : "ok",
      backgroundSteps: state.backgroundSteps,
      uptimeSeconds: Math.max(0, Math.floor((state.now - state.startedAt) / 1000)),
    },
  };
}
