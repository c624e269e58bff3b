// Text people typed (names, organisations, file names, …) shown inline beside other text. `<bdi>` isolates
// it for the bidi algorithm: a right-to-left name or a stray override (U+202E) inside it cannot reorder
// the words around it, and its own direction is taken from its first strong character. Blocks of user
// text (answers, comments, quotes) get `dir="auto"` on their container instead, which isolates the same way.
export function UserText({ children }: { children: string | null | undefined }) {
  return <bdi>{children}</bdi>;
}
