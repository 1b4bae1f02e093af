// Labels of the shared vocabularies (db/schema/enums.ts), translated.
import { t, type TextKey } from '../i18n';

export const kindLabel = (kind: string) => t(`kind.${kind}` as TextKey);
export const roleLabel = (role: string) => t(`role.${role}` as TextKey);
export const caseStatusLabel = (status: string) => t(`case.status.${status}` as TextKey);
export const originLabel = (origin: string) => t(`case.origin.${origin}` as TextKey);
export const categoryLabel = (category: string) => t(`item.category.${category}` as TextKey);
export const taskStatusLabel = (status: string) => t(`task.status.${status}` as TextKey);
export const agreementStatusLabel = (status: string) => t(`agreement.status.${status}` as TextKey);

export function address(c: { street: string; houseNumber: number; houseNumberAddition?: string | null; postcode?: string; city: string }) {
  return `${c.street} ${c.houseNumber}${c.houseNumberAddition ? ` ${c.houseNumberAddition}` : ''}, ${c.postcode ? `${c.postcode} ` : ''}${c.city}`;
}
