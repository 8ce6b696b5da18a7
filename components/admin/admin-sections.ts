import type { NavItem } from '../types';

/** The admin console's sections; a section lists here once its page exists. */
export const adminSections: (NavItem & { description: string })[] = [
  {
    href: '/admin/requests',
    label: 'Requests',
    description: 'Upgrade requests waiting for a decision.',
  },
  {
    href: '/admin/usage',
    label: 'Usage',
    description: 'Usage per plan, top consumers and customers near their quota.',
  },
];
