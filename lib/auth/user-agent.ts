// A session remembers which kind of browser it was made in, so "your sessions" can tell them apart, but
// only coarsely ("Firefox/Linux"): the raw User-Agent says more about a person than that list needs.
const BROWSERS: [RegExp, string][] = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera)\//, "Opera"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|Chromium|CriOS)\//, "Chrome"],
  [/\bSafari\//, "Safari"],
];
const SYSTEMS: [RegExp, string][] = [
  [/\bAndroid\b/, "Android"],
  [/\b(iPhone|iPad|iPod)\b/, "iOS"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bWindows\b/, "Windows"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

/** "Browser/System" from a User-Agent header, each part "" when not recognised; null without a header. */
export function describeUserAgent(header: string | null | undefined): string | null {
  if (!header) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(header))?.[1] ?? "";
  const system = SYSTEMS.find(([pattern]) => pattern.test(header))?.[1] ?? "";
  return `${browser}/${system}`;
}
