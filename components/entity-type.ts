import type { EntityType } from '../lib/engine/types';
import { type MessageKey, t } from '../lib/i18n';

const KEYS: Record<EntityType, MessageKey> = { person: 'typePerson', organization: 'typeOrganization', media: 'typeMedia', place: 'typePlace' };

export function entityTypeLabel(type: EntityType): string {
  return t(KEYS[type]);
}
