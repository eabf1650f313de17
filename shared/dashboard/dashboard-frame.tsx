import type { Child } from 'hono/jsx';
import { Layout } from '../platform/web/layout.tsx';
import { segmentKey, type Segment } from '../platform/table/keys.ts';
import type { DigestScope } from '../digest/digest-report.ts';

/** The dashboard's pages, in the order its navigation lists them. */
export const DASHBOARD_PAGES = [
  { page: 'overview', label: 'Overview' },
  { page: 'values', label: 'Values' },
  { page: 'standards', label: 'Standards' },
  { page: 'staff', label: 'Staff' },
  { page: 'complaints', label: 'Complaints' },
  { page: 'comments', label: 'Comments' },
] as const;
export type DashboardPage = (typeof DASHBOARD_PAGES)[number]['page'];

const CSS = `
main,.brand div{max-width:64rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.5rem 0 1rem;list-style:none}
nav a[aria-current=page]{font-weight:700;color:#1b1f24}
.views{font-size:.95rem}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9.5rem,1fr));gap:.75rem;margin:1rem 0}
.figure{background:#fff;border:1px solid #d5d9de;border-radius:.4rem;padding:.6rem .8rem}
.figure b{display:block;font-size:1.6rem}
.chart{width:100%;height:auto;background:#fff;border:1px solid #d5d9de;border-radius:.4rem}
.quadrant{max-width:28rem}
.small-multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem}
figure{margin:0}figcaption{font-weight:600;margin-bottom:.25rem}
.table-wrap{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;background:#fff;font-size:.95rem}
th,td{border:1px solid #d5d9de;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums}
details{margin:.5rem 0 1.5rem}
blockquote{margin:.5rem 0;padding:.5rem .75rem;border-left:4px solid #6b7280;background:#fff;white-space:pre-wrap;overflow-wrap:anywhere}
dd{overflow-wrap:anywhere}
.overdue{color:#a30000;font-weight:600}
.filters{display:flex;flex-wrap:wrap;gap:.25rem 1rem}
`;

/** Where each dashboard link points: the token's base path, the page, and the view and questionnaire kept across pages. */
export interface DashboardLinks {
  readonly base: string;
  readonly view: Segment;
  readonly scope: Segment;
  readonly questionnaireId: string;
  /** The query every link keeps (the view and the questionnaire), for a form's hidden fields. */
  readonly kept: Readonly<Record<string, string>>;
  /** The questionnaires the link may switch between, by id and title. */
  readonly questionnaires: ReadonlyArray<{ id: string; title: string }>;
  href(page: string, extra?: Record<string, string>, view?: Segment): string;
}

export function dashboardLinks(
  base: string,
  scope: Segment,
  view: Segment,
  questionnaire: { id: string; defaultId: string; choices: ReadonlyArray<{ id: string; title: string }> },
): DashboardLinks {
  const { id: questionnaireId, defaultId: defaultQuestionnaireId } = questionnaire;
  const kept = (target: Segment) => ({
    ...(segmentKey(target) !== segmentKey(scope) ? { segment: segmentKey(target) } : {}),
    ...(questionnaireId !== defaultQuestionnaireId ? { q: questionnaireId } : {}),
  });
  return {
    base,
    view,
    scope,
    questionnaireId,
    kept: kept(view),
    questionnaires: questionnaire.choices,
    href(page, extra = {}, target = view) {
      const query = new URLSearchParams({ ...kept(target), ...extra });
      const search = query.toString();
      return `${base}${page === 'overview' ? '' : `/${page}`}${search ? `?${search}` : ''}`;
    },
  };
}

/** The views a link may switch to: the scope itself and what it contains (departments, or a department's staff). */
export interface ViewChoice {
  segment: Segment;
  name: string;
}

export function DashboardFrame(props: { title: string; view: DigestScope; page: DashboardPage; links: DashboardLinks; views: readonly ViewChoice[]; periodText: string; children?: Child }) {
  const current = segmentKey(props.view);
  return (
    <Layout title={props.view.kind === 'company' ? props.title : `${props.title} · ${props.view.name}`} css={CSS}>
      <p>
        Dashboard · <strong>{props.view.name}</strong> · {props.periodText}
      </p>
      <nav aria-label="Dashboard pages">
        <ul>
          {DASHBOARD_PAGES.map((p) => (
            <li>
              <a href={props.links.href(p.page)} aria-current={p.page === props.page ? 'page' : undefined}>
                {p.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {props.views.length > 1 && (
        <nav aria-label="Whose figures" class="views">
          <ul>
            {props.views.map((v) => (
              <li>
                <a href={props.links.href(props.page, {}, v.segment)} aria-current={segmentKey(v.segment) === current ? 'page' : undefined}>
                  {v.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {props.links.questionnaires.length > 1 && (
        <nav aria-label="Questionnaire" class="views">
          <ul>
            {props.links.questionnaires.map((q) => (
              <li>
                <a href={props.links.href(props.page, { q: q.id })} aria-current={q.id === props.links.questionnaireId ? 'page' : undefined}>
                  {q.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

/** A table that scrolls inside itself on a narrow screen instead of widening the page. */
export function DataTable(props: { caption: string; head: readonly string[]; rows: ReadonlyArray<ReadonlyArray<string | number>>; numeric?: readonly number[] }) {
  return (
    <div class="table-wrap" tabindex={0} role="region" aria-label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            {props.head.map((h) => (
              <th scope="col">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((row) => (
            <tr>
              {row.map((cell, i) => (
                <td class={props.numeric?.includes(i) ? 'n' : undefined}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
