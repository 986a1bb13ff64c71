import { SNAPSHOT_ENTITIES, type SnapshotEntity } from '@pos/shared';
import type { SnapshotProgress } from './load-snapshot';

export type SnapshotPartName = 'setup' | 'product' | 'barcode' | 'price' | 'rest';

/** The parts a catalog load is shown in: the large tables alone, the small ones together. */
const partOf = (entity: SnapshotEntity): SnapshotPartName =>
  entity === 'product' || entity === 'barcode' || entity === 'price'
    ? entity
    : SNAPSHOT_ENTITIES.indexOf(entity) < SNAPSHOT_ENTITIES.indexOf('product') ? 'setup' : 'rest';

export interface SnapshotPart {
  name: SnapshotPartName;
  loaded: number;
  total: number;
}

/** Rows loaded and in all, per part in the order they load, and overall. */
export function snapshotParts(progress: SnapshotProgress): { parts: SnapshotPart[]; loaded: number; total: number } {
  const parts: SnapshotPart[] = (['setup', 'product', 'barcode', 'price', 'rest'] as const).map((name) => ({ name, loaded: 0, total: 0 }));
  for (const entity of SNAPSHOT_ENTITIES) {
    const part = parts.find((p) => p.name === partOf(entity))!;
    part.loaded += progress.loaded[entity];
    part.total += progress.totals[entity];
  }
  return { parts, loaded: parts.reduce((n, p) => n + p.loaded, 0), total: parts.reduce((n, p) => n + p.total, 0) };
}
