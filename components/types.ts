/** Who is looking at the page, as far as the layout cares; `null` when signed out. */
export type Viewer = { email: string; isAdmin: boolean; unread?: number } | null;

export type NavItem = { href: string; label: string };
