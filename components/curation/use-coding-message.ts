"use client";
// Curation messages are catalog keys: the server's refusals ("CodingErrors") and the schema's field codes
// ("CodingValidation", then the shared "Validation"; "tooLong|60" carries its limit).
import { useTranslations } from "next-intl";
import { fieldMessage } from "@/components/ui/field-message";

export function useCodingMessage() {
  const tErrors = useTranslations("CodingErrors");
  const tCoding = useTranslations("CodingValidation");
  const tShared = useTranslations("Validation");
  return (code: string | undefined) => {
    if (!code) return undefined;
    if (tErrors.has(code)) return tErrors(code);
    const key = code.split("|")[0] ?? "";
    return tCoding.has(key) ? fieldMessage(tCoding, code) : fieldMessage(tShared, code);
  };
}
