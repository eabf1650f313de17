import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { partitionItems } from '../platform/table/list-index.ts';
import { keys } from '../platform/table/keys.ts';
import { writeIf, type Table } from '../platform/table/table-client.ts';

export interface TWave {
  questionnaireId: string;
  waveId: string;
  /** The first wave of a questionnaire is its benchmark; later waves measure progress against it. */
  benchmark: boolean;
  startedAt: string;
}

/**
 * Opens the wave if it is not open yet and returns it. The benchmark flag is claimed with
 * a conditional write on the questionnaire's benchmark marker, so two concurrent first runs
 * cannot both mark themselves as the benchmark.
 */
export async function openWave(table: Table, questionnaireId: string, waveId: string, at: string): Promise<TWave> {
  const key = keys.wave(questionnaireId, waveId);
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }));
  if (Item) return Item as unknown as TWave;

  const markerKey = keys.benchmarkMarker(questionnaireId);
  const claimed = await putIfAbsent(table, { ...markerKey, kind: 'benchmark-marker', waveId });
  // A run that crashed after claiming the marker but before writing its wave is still the benchmark.
  const benchmark =
    claimed ||
    (await table.db.send(new GetCommand({ TableName: table.name, Key: markerKey, ConsistentRead: true }))).Item?.['waveId'] === waveId;
  const wave: TWave = { questionnaireId, waveId, benchmark, startedAt: at };
  const created = await putIfAbsent(table, { ...key, kind: 'wave', ...wave });
  if (created) return wave;
  const { Item: existing } = await table.db.send(new GetCommand({ TableName: table.name, Key: key, ConsistentRead: true }));
  return existing as unknown as TWave;
}

function putIfAbsent(table: Table, item: Record<string, unknown>): Promise<boolean> {
  return writeIf(table, { TableName: table.name, Item: item, ConditionExpression: 'attribute_not_exists(pk)' });
}

/** The questionnaire's waves started at or after `since` (ISO time), oldest first. */
export async function listOpenWaves(table: Table, questionnaireId: string, since: string): Promise<TWave[]> {
  const waves: TWave[] = [];
  for await (const item of partitionItems(table, keys.wavesOf(questionnaireId))) {
    if (item['kind'] === 'wave' && String(item['startedAt']) >= since) waves.push(item as unknown as TWave);
  }
  return waves.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
}

/** The questionnaire's benchmark wave (its first), if it has one yet. */
export async function benchmarkWaveOf(table: Table, questionnaireId: string): Promise<string | undefined> {
  const { Item } = await table.db.send(new GetCommand({ TableName: table.name, Key: keys.benchmarkMarker(questionnaireId) }));
  return Item ? String(Item['waveId']) : undefined;
}
