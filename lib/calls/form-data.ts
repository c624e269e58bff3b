// The call editor posts nested fields as dotted names ("questions.2.prompt"), as react-hook-form names
// them, with or without JavaScript. nestValues turns such a post into the object the schema reads; the
// schema's issues go back under the same dotted names (defineAction's and useActionForm's `nested`).

type Nested = { [key: string]: Nested | string };

/** { "questions.0.prompt": "…" } → { questions: [{ prompt: "…" }] }. Indexes become dense arrays. */
export function nestValues(flat: Record<string, string>): Record<string, unknown> {
  const root: Nested = {};
  for (const [name, value] of Object.entries(flat)) {
    const parts = name.split(".");
    if (parts.some((part) => part === "" || part === "__proto__" || part === "constructor" || part === "prototype")) continue;
    let node = root;
    parts.forEach((part, index) => {
      if (index === parts.length - 1) node[part] = value;
      else {
        const next = node[part];
        node = typeof next === "object" ? next : (node[part] = {});
      }
    });
  }
  return toArrays(root) as Record<string, unknown>;
}

function toArrays(node: Nested | string): unknown {
  if (typeof node === "string") return node;
  const keys = Object.keys(node);
  if (keys.length && keys.every((key) => /^\d{1,3}$/.test(key))) {
    return keys
      .map(Number)
      .sort((a, b) => a - b)
      .map((key) => toArrays(node[String(key)]!));
  }
  return Object.fromEntries(keys.map((key) => [key, toArrays(node[key]!)]));
}

/** The inverse of nestValues: { questions: [{ prompt: "…" }] } → { "questions.0.prompt": "…" }. */
export function flattenValues(value: unknown, prefix = "", out: Record<string, string> = {}): Record<string, string> {
  if (Array.isArray(value)) value.forEach((item, index) => flattenValues(item, `${prefix}${index}.`, out));
  else if (value !== null && typeof value === "object")
    for (const [key, item] of Object.entries(value)) flattenValues(item, `${prefix}${key}.`, out);
  else if (prefix) out[prefix.slice(0, -1)] = value === undefined || value === null ? "" : String(value);
  return out;
}
