// Loads Prisma's schema engine compiled to WebAssembly (@prisma/schema-engine-wasm).
//
// The package's entry point does `import * as wasm from "./schema_engine_bg.wasm"`, which plain Node
// cannot import (it would need --experimental-wasm-modules). Like Prisma's own loader in
// @prisma/internals, we instantiate the .wasm file ourselves against the generated JS glue
// (`schema_engine_bg.js`, an exported subpath) and hand the instance back to the glue.
import { readFileSync } from "node:fs";

/** The last panic message the engine reported, if any. */
let lastPanicMessage = null;

// Pitfall: the engine reports the reason of a Rust panic through
// `globalThis.PRISMA_WASM_PANIC_REGISTRY.set_message(...)` right before it traps. If that object does
// not exist, the panic hook itself throws and all we ever see is
// "Cannot read properties of undefined (reading 'set_message')" instead of the real reason.
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanicMessage = String(message);
  },
};

/** Returns (and forgets) the message of the last engine panic. */
export function takePanicMessage() {
  const message = lastPanicMessage;
  lastPanicMessage = null;
  return message;
}

/** A panic surfaces in JS as a WebAssembly trap ("unreachable") once the panic hook has run. */
export function isWasmPanic(error) {
  return error instanceof WebAssembly.RuntimeError || lastPanicMessage !== null;
}

let runtime = null;

/**
 * Instantiates the wasm module once per process (wasm-bindgen keeps global state in the glue module:
 * instantiating twice breaks it) and returns the glue module: `{ SchemaEngine, version }`.
 */
export async function loadSchemaEngineWasm() {
  if (runtime) return runtime;
  const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(glueUrl);
  // The .wasm file is not an exported subpath, so resolve it next to the glue file.
  const bytes = readFileSync(new URL("./schema_engine_bg.wasm", glueUrl));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": glue,
  });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  runtime = glue;
  return runtime;
}
