// Links and redirects that stay in the reader's language: <Link href="/calls/x"> is /fr/calls/x on a French
// page. Use these instead of next/link and next/navigation's redirect for addresses of pages.
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link, usePathname, useRouter, getPathname } = createNavigation(routing);
