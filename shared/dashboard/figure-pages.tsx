import { localized } from '../questionnaires/questionnaire-schema.ts';
import { headlineScore, MIN_RATINGS_PER_VALUE, scoreRange } from '../digest/measures.ts';
import { changeText, count, fmt, headlineLabel, pct } from '../digest/digest-format.ts';
import { periodLabel } from '../digest/period.ts';
import type { DashboardFacts } from './dashboard-data.ts';
import { headlineTrend, pooledValueTable, standardTrends, valueTrends } from './dashboard-series.ts';
import { DashboardFrame, DataTable, type DashboardLinks, type ViewChoice } from './dashboard-frame.tsx';
import { LineChart, QuadrantChart } from './svg-charts.tsx';

export interface FigurePageProps {
  facts: DashboardFacts;
  links: DashboardLinks;
  views: readonly ViewChoice[];
}

/** "W47": a period short enough for a chart's axis. */
const short = (period: string) => period.slice(5);

export function periodText(facts: Pick<DashboardFacts, 'questionnaire' | 'periods'>): string {
  return `${localized(facts.questionnaire, facts.questionnaire.title, facts.questionnaire.languages[0]!)}, ${periodLabel(facts.periods.at(-1)!)}`;
}

/**
 * The overview: the headline score over the trend's periods with its 95 % interval band and
 * the benchmark as a reference line, the response rate beneath, this period's figures with
 * their change and sample sizes, and the open and overdue complaints.
 */
export function OverviewPage(props: FigurePageProps & { complaints: { open: number; overdue: number } }) {
  const { facts, links } = props;
  const kind = facts.questionnaire.headline.kind;
  const label = headlineLabel(kind);
  const trend = headlineTrend(facts.periods, facts.trend);
  const range = scoreRange(kind);
  const benchmark = facts.benchmark?.rollup ? headlineScore(facts.benchmark.rollup) : null;
  const report = facts.report;
  const rated = trend.filter((p) => p.score !== null);
  return (
    <DashboardFrame title="Overview" view={facts.view} page="overview" links={links} views={props.views} periodText={periodText(facts)}>
      <div class="figures">
        <div class="figure">
          {label} this period<b>{fmt(report?.score ?? null)}</b>
          {count(report?.responses ?? 0, 'response')}
        </div>
        <div class="figure">
          Response rate<b>{pct(report?.responseRate ?? null)}</b>
          of {count(report?.delivered ?? 0, 'customer')} asked
        </div>
        <div class="figure">
          Open complaints<b>{props.complaints.open}</b>
          <span class={props.complaints.overdue ? 'overdue' : undefined}>{props.complaints.overdue} overdue</span>
        </div>
      </div>
      {report ? (
        <ul>
          <li>{changeText(report.vsPrevious, 'Against the previous period')}</li>
          <li>{report.vsBenchmark ? changeText(report.vsBenchmark, 'Against the benchmark') : 'Against the benchmark: no comparison yet'}</li>
        </ul>
      ) : (
        <p>No responses this period yet.</p>
      )}
      <h2>{label} over the last {trend.length} periods</h2>
      <LineChart
        id="headline"
        title={`${label} per period, ${facts.view.name}`}
        description={`${label} for each of the last ${trend.length} weekly periods with its 95 % interval as a band${benchmark !== null ? `, and the benchmark (${facts.benchmark!.period}: ${fmt(benchmark)}) as a dashed line` : ''}. ${rated.length} periods have responses; the latest is ${fmt(trend.at(-1)!.score)}. The table below gives every figure.`}
        xLabels={trend.map((p) => short(p.period))}
        series={[{ label, values: trend.map((p) => p.score), band: trend.map((p) => ({ low: p.low, high: p.high })) }]}
        yMin={range.min}
        yMax={range.max}
        reference={benchmark !== null ? { value: benchmark, label: `Benchmark ${fmt(benchmark)}` } : undefined}
      />
      <h2>Response rate</h2>
      <LineChart
        id="response-rate"
        title={`Response rate per period, ${facts.view.name}`}
        description={`Share of customers asked who answered, for each of the last ${trend.length} periods. The table below gives every figure.`}
        xLabels={trend.map((p) => short(p.period))}
        series={[{ label: 'Response rate', values: trend.map((p) => (p.responseRate === null ? null : p.responseRate * 100)) }]}
        yMin={0}
        yMax={100}
        format={(v) => `${Math.round(v)} %`}
      />
      <details>
        <summary>The figures as a table</summary>
        <DataTable
          caption={`${label} and response rate per period`}
          head={['Period', label, '95 % interval', 'Responses', 'Asked', 'Response rate']}
          rows={trend.map((p) => [periodLabel(p.period), fmt(p.score), p.low === null ? '–' : `${fmt(p.low)} to ${fmt(p.high)}`, p.responses, p.delivered, pct(p.responseRate)])}
          numeric={[1, 3, 4, 5]}
        />
      </details>
      <p>
        <a href={links.href('figures.csv')}>Download this period’s figures (CSV)</a> · <a href={links.href('responses.csv')}>Download this period’s responses (CSV)</a>
      </p>
    </DashboardFrame>
  );
}

/** Values: the importance–performance quadrant of the latest periods pooled, and each value's performance over the periods. */
export function ValuesPage(props: FigurePageProps) {
  const { facts, links } = props;
  const q = facts.questionnaire;
  const language = q.languages[0]!;
  const labelOf = (id: string) => localized(q, q.values.find((v) => v.id === id)?.label ?? { en: id }, language);
  const pooled = pooledValueTable(q.values.map((v) => v.id), facts.trend);
  const rows = pooled.rows.map((row) => ({ ...row, label: labelOf(row.id) }));
  const span = pooled.periods <= 1 ? 'this period' : `the last ${pooled.periods} periods (${short(facts.periods.at(-pooled.periods)!)}–${short(facts.periods.at(-1)!)})`;
  const points = rows
    .map((r, k) => ({ ...r, key: String(k + 1) }))
    .filter((r) => r.importance !== null && r.performance !== null)
    .map((r) => ({ key: r.key, label: r.label, importance: r.importance!, performance: r.performance!, competitor: r.competitor, tentative: r.tooFew }));
  // The quadrant lines rest on the values with enough ratings, as the report's quadrants do; with none, on all of them.
  const judged = points.some((p) => !p.tentative) ? points.filter((p) => !p.tentative) : points;
  const mean = (pick: (p: (typeof points)[number]) => number) => judged.reduce((sum, p) => sum + pick(p), 0) / (judged.length || 1);
  const trends = valueTrends(q.values.map((v) => v.id), facts.trend);
  return (
    <DashboardFrame title="Values" view={facts.view} page="values" links={links} views={props.views} periodText={periodText(facts)}>
      <h2>Importance and performance, {span}</h2>
      {points.length === 0 ? (
        <p>No value was rated in {span}.</p>
      ) : (
        <QuadrantChart
          id="quadrant"
          title={`Importance against performance per value, ${facts.view.name}`}
          description={`Each value is a point numbered as in the table below: importance across, performance up, on a 1 to 5 scale; dashed lines at the means (importance ${mean((p) => p.importance).toFixed(2)}, performance ${mean((p) => p.performance).toFixed(2)}). Values in the lower right matter most and score below the mean: concentrate there.${points.some((p) => p.tentative) ? ` Hollow circles have fewer than ${MIN_RATINGS_PER_VALUE} ratings in ${span}: too few to judge, so they get no quadrant.` : ''}${q.mainCompetitor ? ` Hollow squares are ${q.mainCompetitor.name}’s performance where rated.` : ''} The table below gives every figure.`}
          points={points}
          meanImportance={mean((p) => p.importance)}
          meanPerformance={mean((p) => p.performance)}
        />
      )}
      {points.some((p) => p.tentative) && (
        <p>
          Hollow points have fewer than {MIN_RATINGS_PER_VALUE} ratings in {span}: each response rates a few of the values in turn, so
          each value gets a share of the responses. They are shown, not judged.
        </p>
      )}
      <DataTable
        caption={`Values, ${span}`}
        head={['#', 'Value', 'Importance', 'Performance', q.mainCompetitor ? q.mainCompetitor.name : 'Competitor', 'Rated by', 'Quadrant']}
        rows={rows.map((r, k) => [k + 1, r.label, fmt(r.importance, 2), fmt(r.performance, 2), fmt(r.competitor, 2), r.n.performance, r.tooFew ? 'too few ratings to judge' : (r.quadrant ?? '–')])}
        numeric={[0, 2, 3, 4, 5]}
      />
      <h2>Performance per value over the periods</h2>
      <div class="small-multiples">
        {trends.map((t) => (
          <figure>
            <figcaption>{labelOf(t.id)}</figcaption>
            <LineChart
              id={`value-${t.id}`}
              size="small"
              title={`${labelOf(t.id)}: performance per period, ${facts.view.name}`}
              description={`Mean performance (1 to 5) in each period; missing where nobody rated it. Latest: ${fmt(t.performance.at(-1)!.value, 2)}. The table below gives every figure.`}
              xLabels={facts.periods.map(short)}
              series={[{ label: labelOf(t.id), values: t.performance.map((p) => p.value) }]}
              yMin={1}
              yMax={5}
              format={(v) => v.toFixed(1)}
            />
          </figure>
        ))}
      </div>
      <details>
        <summary>Performance per value as a table</summary>
        <DataTable caption="Mean performance (responses)" head={['Value', ...facts.periods.map(short)]} rows={trends.map((t) => [labelOf(t.id), ...t.performance.map((p) => (p.value === null ? '–' : `${p.value.toFixed(2)} (${p.n})`))])} />
      </details>
    </DashboardFrame>
  );
}

/** Standards: each service standard's compliance over the periods. */
export function StandardsPage(props: FigurePageProps) {
  const { facts, links } = props;
  const q = facts.questionnaire;
  const textOf = (id: string) => localized(q, q.standards.find((s) => s.id === id)?.text ?? { en: id }, q.languages[0]!);
  const trends = standardTrends(q.standards.map((s) => s.id), facts.trend);
  return (
    <DashboardFrame title="Standards" view={facts.view} page="standards" links={links} views={props.views} periodText={periodText(facts)}>
      {trends.length === 0 ? (
        <p>This questionnaire asks about no service standard.</p>
      ) : (
        <>
          <div class="small-multiples">
            {trends.map((t) => (
              <figure>
                <figcaption>{textOf(t.id)}</figcaption>
                <LineChart
                  id={`standard-${t.id}`}
                  size="small"
                  title={`${textOf(t.id)}: compliance per period, ${facts.view.name}`}
                  description={`Share of customers who said this standard was met, per period; missing where nobody answered. Latest: ${pct(t.compliance.at(-1)!.value)}. The table below gives every figure.`}
                  xLabels={facts.periods.map(short)}
                  series={[{ label: textOf(t.id), values: t.compliance.map((c) => (c.value === null ? null : c.value * 100)) }]}
                  yMin={0}
                  yMax={100}
                  format={(v) => `${Math.round(v)} %`}
                />
              </figure>
            ))}
          </div>
          <DataTable caption="Compliance (answers)" head={['Standard', ...facts.periods.map(short)]} rows={trends.map((t) => [textOf(t.id), ...t.compliance.map((c) => (c.value === null ? '–' : `${pct(c.value)} (${c.n})`))])} />
        </>
      )}
    </DashboardFrame>
  );
}
