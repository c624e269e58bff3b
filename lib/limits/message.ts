// The sentence for a request refused by a limit (RateLimitedError), with the wait in seconds under a
// minute and in whole minutes above, from the "Errors" catalog namespace.
type Translate = (key: string, values?: Record<string, number>) => string;

export function rateLimitedMessage(t: Translate, retryAfterSeconds: number) {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return seconds < 60 ? t("rateLimitedSeconds", { seconds }) : t("rateLimited", { minutes: Math.ceil(seconds / 60) });
}
