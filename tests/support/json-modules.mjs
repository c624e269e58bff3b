// A module hook for the browser tests' own process (registered in playwright.config.ts): a JSON file imported
// without `with { type: "json" }` is loaded as JSON. The app imports its catalogs that way (lib/mail/locale.ts):
// Next.js compiles them as it builds (next.config.js, next-intl's precompiled messages), which an import attribute
// would turn off; tsx (the worker, the scripts) and Vitest load them as they are, and Node alone asks for the
// attribute.
/** @type {import("node:module").LoadHook} */
export async function load(url, context, nextLoad) {
  if (new URL(url).pathname.endsWith(".json") && !context.importAttributes?.type)
    return nextLoad(url, { ...context, importAttributes: { ...context.importAttributes, type: "json" } });
  return nextLoad(url, context);
}
