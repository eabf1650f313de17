import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import type { TContact } from '../../shared/people/contact-store.ts';
import type { TQuestionnaire } from '../../shared/questionnaires/questionnaire-schema.ts';

/** The shipped demo questionnaires and config: tests run against what users get. */
export const demoQuestionnaires: TQuestionnaire[] = loadQuestionnaires();
export const customerQuestionnaire: TQuestionnaire = demoQuestionnaires.find((q) => q.audience === 'customers')!;
export const demoConfig = loadDeploymentConfig();

let counter = 0;
export function aContact(overrides: Partial<TContact> = {}): TContact {
  counter++;
  return { email: `customer${counter}@customer.example`, name: `Customer ${counter}`, language: 'en', ...overrides };
}

/** A raw questionnaire object (before validation), for tests that break one field. */
export function rawQuestionnaire(): Record<string, unknown> {
  return structuredClone(customerQuestionnaire) as unknown as Record<string, unknown>;
}
