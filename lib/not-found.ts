// For pages: a domain function's NotFound becomes the 404 page, and so does an address whose text PostgreSQL
// refuses (a NUL that got past proxy.ts); every other error goes on as it was.
import "server-only";
import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { isInvalidTextError } from "@/lib/validation/text";

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error, "not_found") || isInvalidTextError(error)) notFound();
    throw error;
  }
}
