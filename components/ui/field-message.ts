// Validation messages are catalog keys ("Validation.*"); "tooLong|120" carries the limit.
type Translate = ((key: string, values?: Record<string, number>) => string) & { has: (key: string) => boolean };

export function fieldMessage(t: Translate, code: string | undefined) {
  if (!code) return undefined;
  const [key = "", limit] = code.split("|");
  if (!t.has(key)) return code;
  return limit ? t(key, { max: Number(limit) }) : t(key);
}
