// After the browser tests: the pages axe scanned (each state once), in the output.
import { scanSummary } from "./axe-scans";

export default async function globalTeardown() {
  for (const line of scanSummary()) console.info(line);
}
