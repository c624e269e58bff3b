// A stored call as the editor's fields show it: strings, times in the call's own zone, options one per line.
import type { ModerationMode, QuestionType } from "@/lib/generated/prisma/enums";
import type { CallFormValues } from "./schemas";
import { toLocalDateTime } from "./time";

type StoredCall = {
  forumId: string;
  slug: string;
  title: string;
  introduction: string;
  thematicTrack: string;
  timeZone: string;
  opensAt: Date;
  closesAt: Date;
  referencePrefix: string;
  moderationMode: ModerationMode;
  reportThreshold: number;
  questions: {
    id: string;
    prompt: string;
    helpText: string;
    type: QuestionType;
    required: boolean;
    minLength: number | null;
    maxLength: number | null;
    options: string[];
    maxChoices: number | null;
  }[];
  glossary: { term: string; definition: string }[];
};

const numberText = (value: number | null) => (value === null ? "" : String(value));

export function callFormValues(call: StoredCall): CallFormValues {
  return {
    forumId: call.forumId,
    title: call.title,
    slug: call.slug,
    referencePrefix: call.referencePrefix,
    thematicTrack: call.thematicTrack,
    introduction: call.introduction,
    timeZone: call.timeZone,
    opensAt: toLocalDateTime(call.opensAt, call.timeZone),
    closesAt: toLocalDateTime(call.closesAt, call.timeZone),
    moderationMode: call.moderationMode,
    reportThreshold: String(call.reportThreshold),
    questions: call.questions.map((q) => ({
      questionId: q.id,
      prompt: q.prompt,
      helpText: q.helpText,
      type: q.type,
      required: q.required,
      minLength: numberText(q.minLength),
      maxLength: numberText(q.maxLength),
      options: q.options.join("\n"),
      maxChoices: numberText(q.maxChoices),
    })),
    glossary: call.glossary.map(({ term, definition }) => ({ term, definition })),
  };
}
