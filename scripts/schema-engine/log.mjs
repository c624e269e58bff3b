// Log lines on stderr, in the native engine's format: one JSON object per line with `level`,
// `fields.message` and `target`. The CLI reads them: on a failed exit it shows the last ERROR line's
// message; `cli can-connect-to-database` failures are read from the `schema_engine::logger` ERROR line.
// (Node writes stderr synchronously to files, and to pipes on Linux/macOS, so nothing is lost when the
// process exits right after.)

/** @param {string | { level: string, fields: object }} entry a ready JSON line (from the wasm engine) or an object */
export function logLine(entry) {
  const line =
    typeof entry === "string"
      ? entry
      : JSON.stringify({ timestamp: new Date().toISOString(), ...entry, target: "schema_engine::logger" });
  process.stderr.write(line.trimEnd() + "\n"); // JSON.stringify never emits a raw newline: one entry, one line
}
