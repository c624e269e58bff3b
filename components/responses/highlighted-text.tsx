import { Fragment } from "react";
import { MARK_END, MARK_START } from "@/lib/responses/public-marks";

/** A search excerpt whose matched words the database wrapped in private-use marks: shown with <mark>. */
export function HighlightedText({ text }: { text: string }) {
  const parts = text.split(MARK_START);
  return (
    <>
      {parts.map((part, index) => {
        if (index === 0) return <Fragment key={index}>{part}</Fragment>;
        const [marked = "", rest = ""] = part.split(MARK_END);
        return (
          <Fragment key={index}>
            <mark>{marked}</mark>
            {rest}
          </Fragment>
        );
      })}
    </>
  );
}
