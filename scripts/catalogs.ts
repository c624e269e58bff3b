// `npm run catalogs [-- fr ar …]`: what each language's catalog lacks or says differently from the English
// one (lib/i18n/catalog-parity.ts). Without arguments, every catalog beside en/. Exits 1 on any problem.
import { readdirSync } from "node:fs";
import { compareCatalogs, MESSAGES_DIR, readCatalog } from "@/lib/i18n/catalog-parity";

const english = readCatalog("en");
const locales = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(MESSAGES_DIR).filter((name) => name !== "en" && !name.includes("."));
let failed = false;
for (const locale of locales) {
  const problems = compareCatalogs(english, readCatalog(locale), locale);
  console.log(`${locale}: ${problems.length ? `${problems.length} problems` : `complete (${english.size} messages)`}`);
  for (const problem of problems) console.log(`  ${problem}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
