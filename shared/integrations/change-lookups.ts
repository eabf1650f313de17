import { getResponse } from '../answering/response-store.ts';
import type { Table } from '../platform/table/table-client.ts';
import type { ChangeLookups } from './events-from-change.ts';

/** The lookups a change needs, from the table: a complaint's response is read through the answering feature's store. */
export function storedChangeLookups(table: Table): ChangeLookups {
  return { responseOf: (complaint) => getResponse(table, { questionnaireId: complaint.questionnaireId, waveId: complaint.waveId, linkId: complaint.id }) };
}
