// Links that stay in the reader's language: <Link href="/calls/x"> is /fr/calls/x on a French page (use it
// instead of next/link), and the current path without its locale.
import { createNavigation } from "next-intl/navigation";
import { routing } from "./routing";

export const { Link, usePathname } = createNavigation(routing);
