// Small text helpers. User text is data: React escapes it in pages; in hand-built HTML (emails) use this.
const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string) {
  return value.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}
