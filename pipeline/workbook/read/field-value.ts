/**
 * Validating one value typed into an editable Locaties column: dropdown columns take only their
 * list, a gemeentecode must be a current municipality, every other field is checked with the
 * shared inventory schema (the same rules as an import).
 */
import { LISTS, type EditableColumn, type ListName } from '../layout.ts';
import { InventoryRecord } from '../../../sources/schema.ts';
import type { CorrectionValue } from '../../corrections/types.ts';

export type FieldResult = { ok: true; value: CorrectionValue } | { ok: false; reason: string };

export interface FieldRules {
  /** GM codes of the current municipalities. */
  municipalities: ReadonlySet<string>;
  /** Existing rows: an empty dropdown means its default (grootte onbekend) or is refused (status). New rows: empty stays empty. */
  row: 'existing' | 'new';
}

const GM_CODE = /^GM\d{4}$/;

export function validateField(column: EditableColumn, raw: string | number | null, rules: FieldRules): FieldResult {
  if (column.list !== undefined) return listValue(column.list, raw, rules);
  if (column.field === 'gmCode') return gmCode(raw, rules);
  const result = InventoryRecord.shape[column.field].safeParse(raw ?? undefined);
  if (!result.success) return { ok: false, reason: result.error.issues[0]?.message ?? 'ongeldige waarde' };
  const value = result.data;
  return { ok: true, value: typeof value === 'string' || typeof value === 'number' ? value : null };
}

function listValue(list: ListName, raw: string | number | null, rules: FieldRules): FieldResult {
  const allowed: readonly string[] = LISTS[list];
  if (raw === null) {
    if (rules.row === 'new') return { ok: true, value: null };
    if (list === 'grootte') return { ok: true, value: 'onbekend' };
    return { ok: false, reason: `leeg; kies een waarde uit de keuzelijst (${allowed.join(', ')})` };
  }
  const wanted = String(raw).trim().toLowerCase();
  const value = allowed.find((option) => option === wanted);
  if (value === undefined) return { ok: false, reason: `'${raw}' staat niet in de keuzelijst (toegestaan: ${allowed.join(', ')})` };
  return { ok: true, value };
}

/** Names are carried as typed (the lead's resolver reads them); a code must exist now. */
function gmCode(raw: string | number | null, rules: FieldRules): FieldResult {
  if (raw === null) return { ok: true, value: null };
  const code = String(raw).trim().toUpperCase();
  if (!GM_CODE.test(code)) return { ok: false, reason: `'${raw}' is geen CBS-gemeentecode (verwacht: GM gevolgd door vier cijfers)` };
  if (!rules.municipalities.has(code)) return { ok: false, reason: `'${code}' is geen huidige gemeente` };
  return { ok: true, value: code };
}
