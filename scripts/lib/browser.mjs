// Which Chromium the browser tests use: CHROMIUM_PATH, Debian's headless shell (package
// chromium-headless-shell: the browser without its window machinery, what Playwright itself runs headless),
// Debian's full Chromium, or Playwright's own download when one was installed (`npx playwright install
// chromium`, where the network allows it).
import { existsSync } from "node:fs";

export const DEBIAN_BROWSERS = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"];

export const hasHeadlessShell = () => existsSync(DEBIAN_BROWSERS[0]);

export async function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, ...DEBIAN_BROWSERS]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    const { chromium } = await import("playwright-core");
    const own = chromium.executablePath();
    return own && existsSync(own) ? own : null;
  } catch {
    return null;
  }
}
