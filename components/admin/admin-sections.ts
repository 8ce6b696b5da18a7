import type { NavItem } from '../types';

/** The admin console's sections; a section lists here once its page exists. */
export const adminSections: (NavItem & { description: string })[] = [
  {
    href: '/admin/customers',
    label: 'Customers',
    description: 'Find a customer; disable a key, change a tier, manage their account.',
  },
  {
    href: '/admin/apis',
    label: 'APIs',
    description: 'What the catalog shows: publish, rename, describe; upload generic specs.',
  },
  {
    href: '/admin/keys',
    label: 'Keys',
    description: 'Unused, old and ownerless keys, bulk disable, and key import.',
  },
  {
    href: '/admin/plans',
    label: 'Plans',
    description: 'Usage plans: limits, visibility, approval; create and delete plans.',
  },
  {
    href: '/admin/guides',
    label: 'Guides',
    description: 'Markdown pages beside the API references: drafts, preview, history.',
  },
  {
    href: '/admin/audiences',
    label: 'Audiences',
    description: 'Named groups of customers who see APIs and plans limited to them.',
  },
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
  {
    href: '/admin/webhooks',
    label: 'Webhooks',
    description: 'Endpoints that receive portal events, their deliveries and resends.',
  },
  {
    href: '/admin/audit',
    label: 'Audit',
    description: 'Who did what and when, filtered and downloadable as CSV.',
  },
];
