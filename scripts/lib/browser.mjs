// Which Chromium the browser tests use: CHROMIUM_PATH, Debian's /usr/bin/chromium, or Playwright's own
// download when one was installed (`npx playwright install chromium`, where the network allows it).
import { existsSync } from "node:fs";

export async function chromiumPath() {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
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
