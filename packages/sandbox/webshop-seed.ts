import type { RepositorySpec } from "./seed-repository.js";

/** `acme/webshop`: the repository `npm run sandbox` and the demo start from — main, develop, a little history. */
export const WEBSHOP: RepositorySpec = {
  owner: "acme",
  name: "webshop",
  description: "A small web shop",
  collaborators: { alice: "write", bob: "write", carol: "read" },
  labels: [
    { name: "P0-hotfix", color: "b60205" },
    { name: "P1-hotfix", color: "d93f0b" },
    { name: "P2-hotfix", color: "fbca04" },
    { name: "backport", color: "0e8a16" },
  ],
  history: [
    {
      message: "Initial commit",
      files: {
        "README.md": "# webshop\n\nA small web shop.\n",
        "package.json": '{\n  "name": "webshop",\n  "version": "1.0.0",\n  "private": true\n}\n',
        "src/auth.js":
          "export function checkPassword(user, password) {\n  if (!user) return false;\n  return user.password === password;\n}\n",
        "src/cart.js":
          "export function total(items) {\n  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);\n}\n",
      },
    },
    {
      message: "Add tests",
      files: {
        "test/auth.test.js":
          'import { checkPassword } from "../src/auth.js";\n\ntest("rejects a missing user", () => {\n  expect(checkPassword(null, "x")).toBe(false);\n});\n',
      },
    },
    {
      message: "Configure hotfix-bot",
      files: {
        ".github/hotfix.yml":
          "productionBranch: main\ndevelopBranch: develop\nchecks:\n  criticalTests: [critical-tests]\n  securityScan: [security-scan]\n",
        "CHANGELOG.md": "# Changelog\n\n## 1.0.0\n\n- First release\n",
      },
    },
  ],
  branches: {
    develop: {
      commits: [
        {
          message: "Add discounts",
          author: "bob",
          files: {
            "src/discount.js":
              "export function applyDiscount(total, percent) {\n  return total * (1 - percent / 100);\n}\n",
          },
        },
        {
          message: "Round cart totals",
          author: "alice",
          files: {
            "src/cart.js":
              "export function total(items) {\n  const sum = items.reduce((acc, item) => acc + item.price * item.quantity, 0);\n  return Math.round(sum * 100) / 100;\n}\n",
          },
        },
      ],
    },
  },
};
