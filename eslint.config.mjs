import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "lib/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // The app never depends on the seed and test factories (prisma/): types it shares with them live in lib/.
    files: ["lib/**", "app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["@/prisma/*"], message: "lib/, app/ and components/ must not import from prisma/." }],
        },
      ],
    },
  },
  {
    // Messages are precompiled as the app is built (next.config.js): a translator's `.raw()` would hand out the
    // compiled form, not the message, so messages are only ever formatted.
    files: ["lib/**", "app/**", "components/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='raw'][callee.object.name=/^t([A-Z]\\w*)?$/]",
          message: "Messages are precompiled (next.config.js): format them with t(), t.rich() or t.markup(), not t.raw().",
        },
      ],
    },
  },
];

export default config;
