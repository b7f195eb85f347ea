/**
 * A web source's steunpunten (MIND-atlas, NVZH) from one of its snapshots into the year's
 * records: each record resolved to a current municipality, with the snapshot file it came from
 * (`herkomst`); the snapshot replaces the source's earlier batch of the year, unless the guard
 * refuses it (no usable row, or fewer than half the rows it replaces: replacement-guard.ts).
 */
import type { KindParseResult } from '../../sources/adapter.ts';
import type { Reject } from '../../sources/schema.ts';
import type { IntakeTarget } from './intake-target.ts';
import { replaceBatchGuarded } from './replacement-guard.ts';
import type { ImportSummary } from './store-list.ts';
import { resolveRecord } from './store-records.ts';

export async function storeWebSnapshot(parsed: KindParseResult<'web-snapshot'>, target: IntakeTarget): Promise<ImportSummary> {
  const { context, year, source, file, sha256 } = target;
  const rowsRead = parsed.records.length;
  const { imported, rejects, rejectedRows, previous, refusal } = await replaceBatchGuarded(
    target,
    {
      format: 'momentopname',
      rowsRead,
      produce: (add) => {
        const rejects: Reject[] = [...parsed.rejects];
        parsed.records.forEach(({ record, origin }, index) => {
          const resolution = resolveRecord(context, record);
          if (resolution.kind === 'unresolved') {
            rejects.push({ source, file: origin, row: index + 1, field: resolution.field, reason: resolution.reason });
            return;
          }
          add({ row: index + 1, record: { ...record, extra: { ...record.extra, herkomst: origin } }, resolution });
        });
        return rejects;
      },
    },
    "draai dan 'lsp-monitor run --replace'",
  );
  return {
    source, year, file, sha256, rowsRead, imported, rejectedRows, rejects, skippedColumns: [], notes: [], titleRows: [],
    ...(previous ? { replaced: previous } : {}),
    ...(refusal ? { refusal } : {}),
  };
}
