import 'server-only';
import { config } from '../config';
import { portalDeps } from '../portal/server-deps';
import type { AdminDeps } from './deps';

export function adminDeps(): AdminDeps {
  return { ...portalDeps(), adminGroup: config().adminGroup };
}
