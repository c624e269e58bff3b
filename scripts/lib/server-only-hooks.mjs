// Module hooks for scripts run outside Next.js (benches): the "server-only" marker of lib/ modules resolves
// to an empty module, as it does on the server. Register with `node --import ./scripts/lib/server-only.mjs`.
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") return { url: "data:text/javascript,", shortCircuit: true };
  return next(specifier, context);
}
