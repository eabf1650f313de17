/**
 * Our own small chart builder: inline SVG made on the server, so a page needs no script and
 * no chart library. Every chart has a title and a description (its text alternative, named by
 * `aria-labelledby`) and scales to its container through its viewBox.
 */

const SIZES = { wide: { width: 640, height: 240 }, small: { width: 360, height: 200 } } as const;
const MARGIN = { left: 48, right: 16, top: 14, bottom: 34 };
const COLOURS = ['#0b5cad', '#a34e00', '#2e7d32', '#6a1b9a', '#00796b', '#c2185b'];

export interface LineSeries {
  label: string;
  values: ReadonlyArray<number | null>;
  /** A band around the line (a 95 % interval), drawn behind it. */
  band?: ReadonlyArray<{ low: number | null; high: number | null }>;
}

export interface LineChartProps {
  id: string;
  title: string;
  description: string;
  xLabels: readonly string[];
  series: readonly LineSeries[];
  yMin: number;
  yMax: number;
  /** A horizontal reference line (the benchmark). */
  reference?: { value: number; label: string } | undefined;
  format?: (value: number) => string;
  /** `small` for one of several charts side by side. @default 'wide' */
  size?: keyof typeof SIZES;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** x and y of the plot for a point index and a value. */
export function linePlot(count: number, yMin: number, yMax: number, size: keyof typeof SIZES = 'wide') {
  const plotWidth = SIZES[size].width - MARGIN.left - MARGIN.right;
  const plotHeight = SIZES[size].height - MARGIN.top - MARGIN.bottom;
  return {
    x: (i: number) => round(MARGIN.left + (count <= 1 ? plotWidth / 2 : (i * plotWidth) / (count - 1))),
    y: (v: number) => round(MARGIN.top + plotHeight - ((Math.min(yMax, Math.max(yMin, v)) - yMin) * plotHeight) / (yMax - yMin || 1)),
  };
}

/** Path commands through the non-null values, broken where a value is missing. */
function linePath(values: ReadonlyArray<number | null>, x: (i: number) => number, y: (v: number) => number): string {
  let path = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null) return void (drawing = false);
    path += `${drawing ? 'L' : 'M'}${x(i)} ${y(v)}`;
    drawing = true;
  });
  return path;
}

/** Closed shapes for each run of points that have a band. */
function bandPaths(band: LineSeries['band'], x: (i: number) => number, y: (v: number) => number): string[] {
  const runs: Array<Array<{ i: number; low: number; high: number }>> = [];
  let run: Array<{ i: number; low: number; high: number }> = [];
  (band ?? []).forEach((b, i) => {
    if (b.low === null || b.high === null) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push({ i, low: b.low, high: b.high });
  });
  if (run.length) runs.push(run);
  return runs.map((r) => {
    const upper = r.map((p) => `${x(p.i)} ${y(p.high)}`);
    const lower = [...r].reverse().map((p) => `${x(p.i)} ${y(p.low)}`);
    // A single point's band is a short bar, wide enough to see.
    if (r.length === 1) return `M${x(r[0]!.i) - 4} ${y(r[0]!.high)}H${x(r[0]!.i) + 4}V${y(r[0]!.low)}H${x(r[0]!.i) - 4}Z`;
    return `M${upper.join('L')}L${lower.join('L')}Z`;
  });
}

function ticks(min: number, max: number, count = 4): number[] {
  return Array.from({ length: count + 1 }, (_, k) => min + ((max - min) * k) / count);
}

export function LineChart(props: LineChartProps) {
  const size = props.size ?? 'wide';
  const { width: WIDTH, height: HEIGHT } = SIZES[size];
  const { x, y } = linePlot(props.xLabels.length, props.yMin, props.yMax, size);
  const format = props.format ?? ((v: number) => String(Math.round(v)));
  const every = Math.ceil(props.xLabels.length / (size === 'small' ? 4 : 6));
  return (
    <svg class={`chart ${size}`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} data-chart={props.id}>
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {ticks(props.yMin, props.yMax).map((t) => (
        <g>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke="#d5d9de" />
          <text x={MARGIN.left - 6} y={y(t) + 4} text-anchor="end" font-size="12" fill="#444">
            {format(t)}
          </text>
        </g>
      ))}
      {props.xLabels.map((label, i) =>
        i % every === (props.xLabels.length - 1) % every ? (
          <text x={x(i)} y={HEIGHT - 12} text-anchor="middle" font-size="12" fill="#444">
            {label}
          </text>
        ) : null,
      )}
      {props.series.map((s, k) => bandPaths(s.band, x, y).map((d) => <path d={d} fill={COLOURS[k % COLOURS.length]} fill-opacity="0.15" stroke="none" data-band={s.label} />))}
      {props.reference && (
        <g data-reference={props.reference.value}>
          <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(props.reference.value)} y2={y(props.reference.value)} stroke="#a30000" stroke-dasharray="6 4" stroke-width="1.5" />
          <text x={WIDTH - MARGIN.right} y={y(props.reference.value) - 5} text-anchor="end" font-size="12" fill="#a30000">
            {props.reference.label}
          </text>
        </g>
      )}
      {props.series.map((s, k) => (
        <g data-series={s.label}>
          <path d={linePath(s.values, x, y)} fill="none" stroke={COLOURS[k % COLOURS.length]} stroke-width="2.5" />
          {s.values.map((v, i) =>
            v === null ? null : (
              <circle cx={x(i)} cy={y(v)} r="4" fill={COLOURS[k % COLOURS.length]} data-value={v}>
                <title>{`${s.label}, ${props.xLabels[i]}: ${format(v)}`}</title>
              </circle>
            ),
          )}
        </g>
      ))}
      <line x1={MARGIN.left} x2={MARGIN.left} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} stroke="#6b7280" />
      <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={HEIGHT - MARGIN.bottom} y2={HEIGHT - MARGIN.bottom} stroke="#6b7280" />
    </svg>
  );
}

export interface QuadrantPoint {
  /** Drawn beside the point: a short key (a number) that the chart's table explains. */
  key: string;
  label: string;
  importance: number;
  performance: number;
  competitor: number | null;
  /** Too few ratings to judge: drawn hollow, and left out of the means the quadrant lines sit at. */
  tentative: boolean;
}

/**
 * Importance–performance: each value a labelled point (importance across, performance up),
 * the quadrant lines at the grand means, and the competitor's performance as a hollow mark
 * joined to ours where it was rated.
 */
export function QuadrantChart(props: { id: string; title: string; description: string; points: readonly QuadrantPoint[]; meanImportance: number; meanPerformance: number }) {
  const size = 400;
  const pad = { left: 44, right: 16, top: 16, bottom: 40 };
  // The scale runs a little past 1 and 5, so points at the ends stay clear of the edges and the quadrant names.
  const [low, high] = [0.6, 5.4];
  const sx = (v: number) => round(pad.left + ((v - low) * (size - pad.left - pad.right)) / (high - low));
  const sy = (v: number) => round(size - pad.bottom - ((v - low) * (size - pad.top - pad.bottom)) / (high - low));
  return (
    <svg class="chart quadrant" viewBox={`0 0 ${size} ${size}`} role="img" aria-labelledby={`${props.id}-title ${props.id}-desc`} data-chart={props.id}>
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      {[1, 2, 3, 4, 5].map((t) => (
        <g>
          <text x={sx(t)} y={size - pad.bottom + 16} text-anchor="middle" font-size="12" fill="#444">{t}</text>
          <text x={pad.left - 8} y={sy(t) + 4} text-anchor="end" font-size="12" fill="#444">{t}</text>
        </g>
      ))}
      <text x={(pad.left + size - pad.right) / 2} y={size - 6} text-anchor="middle" font-size="12" fill="#1b1f24">Importance</text>
      <text x={12} y={(pad.top + size - pad.bottom) / 2} text-anchor="middle" font-size="12" fill="#1b1f24" transform={`rotate(-90 12 ${(pad.top + size - pad.bottom) / 2})`}>
        Performance
      </text>
      <line x1={sx(props.meanImportance)} x2={sx(props.meanImportance)} y1={pad.top} y2={size - pad.bottom} stroke="#6b7280" stroke-dasharray="4 4" data-mean-importance={props.meanImportance} />
      <line x1={pad.left} x2={size - pad.right} y1={sy(props.meanPerformance)} y2={sy(props.meanPerformance)} stroke="#6b7280" stroke-dasharray="4 4" data-mean-performance={props.meanPerformance} />
      <text x={pad.left + 4} y={pad.top + 12} font-size="11" fill="#444">Possible overkill</text>
      <text x={size - pad.right - 4} y={pad.top + 12} font-size="11" fill="#444" text-anchor="end">Keep up the good work</text>
      <text x={pad.left + 4} y={size - pad.bottom - 6} font-size="11" fill="#444">Low priority</text>
      <text x={size - pad.right - 4} y={size - pad.bottom - 6} font-size="11" fill="#a30000" text-anchor="end">Concentrate here</text>
      {props.points.map((p) => (
        <g data-point={p.label}>
          {p.competitor !== null && (
            <>
              <line x1={sx(p.importance)} y1={sy(p.performance)} x2={sx(p.importance)} y2={sy(p.competitor)} stroke="#a34e00" stroke-width="1" />
              <rect x={sx(p.importance) - 4} y={sy(p.competitor) - 4} width="8" height="8" fill="#fff" stroke="#a34e00" stroke-width="1.5" data-competitor={p.competitor}>
                <title>{`${p.label}, competitor: performance ${p.competitor.toFixed(1)}`}</title>
              </rect>
            </>
          )}
          <circle cx={sx(p.importance)} cy={sy(p.performance)} r="5" fill={p.tentative ? '#fff' : '#0b5cad'} stroke="#0b5cad" stroke-width="2" data-importance={p.importance} data-performance={p.performance} data-tentative={p.tentative ? 'yes' : undefined}>
            <title>{`${p.label}: importance ${p.importance.toFixed(1)}, performance ${p.performance.toFixed(1)}${p.tentative ? ' (too few ratings to judge)' : ''}`}</title>
          </circle>
          <text x={sx(p.importance) + 7} y={sy(p.performance) - 6} font-size="13" font-weight="700" fill="#1b1f24">{p.key}</text>
        </g>
      ))}
    </svg>
  );
}
