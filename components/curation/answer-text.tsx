"use client";
// One answer, rendered as one element holding its text as-is (white-space: pre-wrap), with <mark> around
// excerpts. It takes keyboard focus: Shift with the arrow keys (Ctrl to move by word, Home/End) selects a
// passage, and arrows alone move the caret, so a passage can be chosen without a mouse.
import { highlightSegments } from "@/lib/curation/highlight";
import { directionOf } from "@/lib/i18n/config";
import styles from "./coding.module.css";
import { caretIn, nextFocus, selectOffsets } from "./text-selection";

type Props = {
  questionId: string;
  text: string;
  /** The language of the response (a locale). */
  language: string;
  ranges: { start: number; end: number }[];
  labelledBy: string;
};

const KEYS = new Set(["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"]);

export function AnswerText({ questionId, text, language, ranges, labelledBy }: Props) {
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (!KEYS.has(event.key)) return;
    const element = event.currentTarget;
    const caret = caretIn(element) ?? { anchor: 0, focus: 0 };
    const focus = nextFocus(text, caret.focus, event.key, event.ctrlKey || event.altKey);
    if (focus === null) return;
    event.preventDefault();
    selectOffsets(element, event.shiftKey ? caret.anchor : focus, focus);
  };
  return (
    <div
      className={styles.answerText}
      lang={language}
      dir={directionOf(language)}
      data-answer={questionId}
      role="textbox"
      aria-readonly="true"
      aria-multiline="true"
      aria-labelledby={labelledBy}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      {highlightSegments(text, ranges).map((segment) =>
        segment.marked ? <mark key={segment.start}>{segment.text}</mark> : segment.text,
      )}
    </div>
  );
}
