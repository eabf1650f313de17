/** A colour given as hue (degrees), saturation and lightness (0–1), as #rrggbb. */
function hslHex(hue: number, saturation: number, lightness: number): string {
  const a = saturation * Math.min(lightness, 1 - lightness);
  const channel = (n: number) => {
    const k = (n + hue / 30) % 12;
    const value = lightness - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(value * 255).toString(16).padStart(2, '0');
  };
  return `#${channel(0)}${channel(8)}${channel(4)}`;
}

/**
 * The fill and edge of each score's button, red for the lowest through amber to green for the
 * highest. Light fills under dark text: every step keeps far more than AA contrast, which a
 * saturated amber under white text could not.
 */
export function scoreColours(count: number): Array<{ fill: string; edge: string }> {
  return Array.from({ length: count }, (_, i) => {
    const hue = count === 1 ? 120 : (i / (count - 1)) * 120;
    return { fill: hslHex(hue, 0.85, 0.78), edge: hslHex(hue, 0.7, 0.3) };
  });
}

/**
 * The headline scores as one row of equal cells across the full width (no cell has a minimum
 * width, so eleven fit in 280 px and the row never wraps), with the scale's end labels under
 * its two ends.
 */
export function ScoreRow(props: { scores: number[]; url: (score: number) => string; low: string; high: string; labelOf: (score: number) => string }) {
  const { scores } = props;
  const colours = scoreColours(scores.length);
  const cellWidth = `${Math.floor(100 / scores.length)}%`;
  const half = Math.floor(scores.length / 2);
  return (
    <table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="width:100%;table-layout:fixed;border-collapse:separate;border-spacing:0">
      <tr>
        {scores.map((score, i) => (
          <td width={cellWidth} style="padding:0 1px">
            <a
              href={props.url(score)}
              aria-label={props.labelOf(score)}
              style={`display:block;padding:10px 0;border:1px solid ${colours[i]!.edge};border-radius:4px;background:${colours[i]!.fill};color:#1b1f24;text-decoration:none;font:bold 15px/1 Arial,sans-serif;text-align:center`}
            >
              {score}
            </a>
          </td>
        ))}
      </tr>
      <tr>
        <td colspan={half} style="padding-top:4px;font-size:12px;line-height:1.3;color:#4a5059;text-align:left;vertical-align:top">
          {props.low}
        </td>
        {scores.length % 2 === 1 && <td></td>}
        <td colspan={half} style="padding-top:4px;font-size:12px;line-height:1.3;color:#4a5059;text-align:right;vertical-align:top">
          {props.high}
        </td>
      </tr>
    </table>
  );
}
