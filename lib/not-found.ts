// For pages: a domain function's NotFound becomes the 404 page, and so does an address whose text PostgreSQL
// refuses (a NUL that got past proxy.ts); its Forbidden (e.g. an observer of the forum opening an editor)
// becomes the 403 page; every other error goes on as it was.
import "server-only";
import { forbidden, notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";
import { isInvalidTextError } from "@/lib/validation/text";

export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isAppError(error, "not_found") || isInvalidTextError(error)) notFound();
    if (isAppError(error, "forbidden")) forbidden();
    throw error;
  }
}
