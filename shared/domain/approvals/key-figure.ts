import { z } from 'zod';
import { LocalizedText, type TemplateField } from './template.ts';

/** The number a decision turns on (a leave's days, an expense's amount), shown on the inbox card. */
export const KeyFigure = z.object({ label: LocalizedText, value: z.number().finite(), unit: LocalizedText.nullable() });
export type KeyFigure = z.infer<typeof KeyFigure>;

/** The first number field the form filled in, or null for a form without one. */
export function keyFigure(fields: readonly TemplateField[], values: Readonly<Record<string, unknown>>): KeyFigure | null {
  for (const field of fields) {
    const value = values[field.key];
    if (field.type === 'number' && typeof value === 'number' && Number.isFinite(value)) {
      return { label: field.label, value, unit: field.unit ?? null };
    }
  }
  return null;
}
