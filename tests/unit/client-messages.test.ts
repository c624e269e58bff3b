// Each page sends the browser the catalog namespaces its client components use, and only those
// (components/i18n/client-messages.tsx). This follows the imports from every page, layout and not-found page
// under app/ to the client components it renders ("use client" modules and what they import), collects the
// namespaces they read (useTranslations("X"), and `texts="X"` props naming a namespace), and compares them
// with the page's `withClientMessages([…], Page)` (or <ClientMessages namespaces={[…]}>). An error.tsx (a client component itself) is served
// inside the nearest layout, whose list must include its namespaces.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();
const read = (file: string) => readFileSync(file, "utf8");

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? join(ROOT, spec.slice(2)) : spec.startsWith(".") ? join(dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")])
    if (existsSync(candidate) && statSync(candidate).isFile() && /\.tsx?$/.test(candidate)) return candidate;
  return null;
}

/** The modules a file loads at run time (type-only imports left out). */
function importsOf(file: string): string[] {
  const source = read(file);
  const specs = [
    ...[...source.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[\s\S]*?)\s+from\s+["']([^"']+)["']/gm)]
      .filter((match) => !match[1])
      .map((match) => match[2]!),
    ...[...source.matchAll(/^\s*import\s+["']([^"']+)["']/gm)].map((match) => match[1]!),
    ...[...source.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]!),
  ];
  return specs.flatMap((spec) => resolveImport(file, spec) ?? []);
}

const isClient = (file: string) => /^\s*["']use client["']/.test(read(file));
/** Server actions: the browser holds a reference to them, never their code (nor what they import). */
const isServerActions = (file: string) => /^\s*["']use server["']/.test(read(file));

/** What the client components reachable from `entry` read from the catalog. */
export function clientNamespaces(entry: string): { namespaces: Set<string>; unknown: string[] } {
  const namespaces = new Set<string>();
  const unknown: string[] = [];
  const seen = new Map<string, boolean>();
  const visit = (file: string, client: boolean) => {
    if (seen.get(file) === true || seen.get(file) === client) return;
    seen.set(file, client || (seen.get(file) ?? false));
    const inClient =
      client || (file !== entry && isClient(file)) || (file === entry && isClient(file) && entry.endsWith("error.tsx"));
    const source = read(file);
    if (inClient) {
      for (const match of source.matchAll(/useTranslations\(\s*([^)]*)\)/g)) {
        const literal = /^["']([A-Za-z]\w*)(?:\.[\w.]+)?["']$/.exec(match[1]!.trim());
        if (literal) namespaces.add(literal[1]!);
        else if (!/^\w+$/.test(match[1]!.trim())) unknown.push(`${relative(ROOT, file)}: useTranslations(${match[1]})`);
      }
    }
    for (const match of source.matchAll(/\btexts=["']([A-Za-z]\w*)["']/g)) namespaces.add(match[1]!);
    for (const next of importsOf(file)) if (!(inClient && isServerActions(next))) visit(next, inClient);
  };
  visit(entry, false);
  return { namespaces, unknown };
}

function declared(entry: string): string[] | null {
  const match = /(?:<ClientMessages\s+namespaces=\{|withClientMessages\(\s*)\[([^\]]*)\]/.exec(read(entry));
  return match ? [...match[1]!.matchAll(/["']([^"']+)["']/g)].map((m) => m[1]!) : null;
}

function filesUnder(dir: string, names: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path, names) : names.test(entry.name) ? [path] : [];
  });
}

const APP = join(ROOT, "app");
const entries = filesUnder(APP, /^(page|layout|not-found|forbidden)\.tsx$/);
const errorPages = filesUnder(APP, /^(error|global-error)\.tsx$/);

/** The nearest layout.tsx at or above `file`'s folder. */
function layoutOf(file: string) {
  for (let dir = dirname(file); dir.startsWith(APP); dir = dirname(dir))
    if (existsSync(join(dir, "layout.tsx"))) return join(dir, "layout.tsx");
  return join(APP, "layout.tsx");
}

describe("the messages each page sends to the browser", () => {
  it("covers every page, layout and not-found page", () => {
    expect(entries.length).toBeGreaterThan(30);
  });

  it.each(entries.map((file) => [relative(ROOT, file), file]))(
    "%s names exactly the namespaces its client components use",
    (_, file) => {
      const { namespaces, unknown } = clientNamespaces(file);
      for (const error of errorPages)
        if (layoutOf(error) === file) for (const name of clientNamespaces(error).namespaces) namespaces.add(name);
      expect(unknown, "namespaces this check cannot read (name them with a string literal)").toEqual([]);
      const wanted = [...namespaces].sort();
      const listed = declared(file);
      if (!wanted.length) expect(listed ?? [], "no client component reads the catalog: no ClientMessages").toEqual([]);
      else expect(listed && [...listed].sort(), `<ClientMessages namespaces={${JSON.stringify(wanted)}}>`).toEqual(wanted);
    },
  );

  it("finds the namespaces of a page's client components through server components and hooks", () => {
    // The response form page: its form (client) reads ResponseForm, and the form hook reads Errors.
    const respond = entries.find((file) => file.endsWith(join("calls", "[slug]", "respond", "page.tsx")))!;
    const { namespaces } = clientNamespaces(respond);
    expect([...namespaces]).toEqual(expect.arrayContaining(["ResponseForm", "Errors"]));
  });
});
