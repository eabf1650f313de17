import { loadDeploymentConfig } from '../../shared/deployment/load-config.ts';
import { loadQuestionnaires } from '../../shared/questionnaires/load-questionnaires.ts';
import type { DigestReport } from '../../shared/digest/digest-report.ts';
import { lastCompletePeriod, periodLabel } from '../../shared/digest/period.ts';
import { choiceOption, periodOption } from '../arguments.ts';
import { defineCommand, EXIT, UsageError, type LineWriter } from '../frame.ts';
import { buildReport, reportRows, resolveScope, toCsv } from '../report.ts';

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'print a period’s figures for a scope, or export them',
  usage: 'feedback report [--period 2026-W47] [--scope company|dept:ID|staff:EMAIL] [--questionnaire ID] [--format table|json|csv] [--stack NAME] [--region REGION]',
  details:
    'Reads the period’s rollups (aggregating it first if it never was), and builds the figures exactly as the digest does. The period defaults to the last whole week. A period without responses prints null as JSON, and only the header row as CSV.',
  options: {
    period: { type: 'string', description: 'the ISO week, e.g. 2026-W47' },
    scope: { type: 'string', description: 'company (default), dept:<id> or staff:<email>' },
    questionnaire: { type: 'string', description: 'questionnaire id (default: the first customer questionnaire)' },
    format: { type: 'string', description: 'table (default), json or csv' },
  },
  runsOnStack: true,
  async run({ options, out, table }) {
    const config = loadDeploymentConfig();
    const period = periodOption(options.period ?? lastCompletePeriod(new Date(), config.timeZone));
    const format = choiceOption('--format', options.format ?? 'table', ['table', 'json', 'csv']);
    const questionnaires = loadQuestionnaires().filter((q) => q.audience === 'customers');
    const questionnaire = options.questionnaire === undefined ? questionnaires[0] : questionnaires.find((q) => q.id === options.questionnaire);
    if (!questionnaire) throw new UsageError(`--questionnaire: no customer questionnaire "${String(options.questionnaire)}"`);
    const reportTable = await table();
    const scope = await resolveScope(reportTable, options.scope ?? 'company', config.businessName);
    if (typeof scope === 'string') throw new UsageError(scope);
    const report = await buildReport(reportTable, config, questionnaire, period, scope);
    if (!report) {
      // An empty period is an empty result in the format asked for: a script reads it as such.
      if (format === 'json') out('null');
      else if (format === 'csv') out(toCsv([]));
      else out(`No responses for ${scope.name} in ${periodLabel(period)}.`);
      return EXIT.done;
    }
    printReport(report, format, out);
    return EXIT.done;
  },
});

function printReport(report: DigestReport, format: 'table' | 'json' | 'csv', out: LineWriter): void {
  if (format === 'json') out(JSON.stringify(report, null, 2));
  else if (format === 'csv') out(toCsv(reportRows(report)));
  else {
    out(report.headline);
    for (const [section = '', item = '', measure = '', value = ''] of reportRows(report)) out(`  ${section.padEnd(11)} ${item.padEnd(44).slice(0, 44)} ${measure.padEnd(28)} ${value}`);
  }
}
