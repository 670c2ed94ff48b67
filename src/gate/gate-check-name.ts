/** The one check run the repository makes required on the production branch. */
export const GATE_CHECK_NAME = "hotfix-gate";
