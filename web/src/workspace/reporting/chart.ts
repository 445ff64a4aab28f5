/**
 * Bar and line charts as a few SVG shapes (no library: two shapes do not justify one), each with a
 * text summary beside it and its data table under "Show the table", so nobody needs to read the
 * picture. Bars take the council's accent colour, which is only ever set when it contrasts with white.
 */
import { table } from "../../components";
import { h } from "../../dom";

const SVG = "http://www.w3.org/2000/svg";
const W = 600;
const H = 220;
const PAD = { left: 40, right: 10, top: 10, bottom: 40 };

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
  ...children: (SVGElement | string)[]
) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(c);
  return el;
}

export interface Series {
  label: string;
  value: number;
}

let counter = 0;

/** A chart of one series: bars for counts in a period, a line for a level over time. */
export function chart(options: {
  id: string;
  title: string;
  kind: "bar" | "line";
  series: readonly Series[];
  valueName: string;
  summary: string;
}): HTMLElement {
  const { series } = options;
  const max = Math.max(1, ...series.map((s) => s.value));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / Math.max(1, series.length);
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const x = (i: number) => PAD.left + step * i + step / 2;
  const titleId = `chart-${++counter}-title`;
  const descId = `${titleId}-desc`;
  const shapes: SVGElement[] =
    options.kind === "bar"
      ? series.map((s, i) =>
          svg("rect", {
            class: "tandem-chart__bar",
            x: x(i) - step * 0.35,
            y: y(s.value),
            width: step * 0.7,
            height: PAD.top + innerH - y(s.value),
          }),
        )
      : [
          svg("polyline", {
            class: "tandem-chart__line",
            points: series.map((s, i) => `${x(i)},${y(s.value)}`).join(" "),
          }),
          ...series.map((s, i) => svg("circle", { class: "tandem-chart__point", cx: x(i), cy: y(s.value), r: 4 })),
        ];
  const labels = series.map((s, i) =>
    svg("text", { class: "tandem-chart__label", x: x(i), y: H - PAD.bottom + 18, "text-anchor": "middle" }, s.label),
  );
  const axis = [
    svg("line", {
      class: "tandem-chart__axis",
      x1: PAD.left,
      y1: PAD.top + innerH,
      x2: W - PAD.right,
      y2: PAD.top + innerH,
    }),
    svg("text", { class: "tandem-chart__label", x: PAD.left - 6, y: PAD.top + 10, "text-anchor": "end" }, String(max)),
    svg("text", { class: "tandem-chart__label", x: PAD.left - 6, y: PAD.top + innerH, "text-anchor": "end" }, "0"),
  ];
  const picture = svg(
    "svg",
    { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-labelledby": `${titleId} ${descId}`, class: "tandem-chart__svg" },
    svg("title", { id: titleId }, options.title),
    svg("desc", { id: descId }, options.summary),
    ...axis,
    ...shapes,
    ...labels,
  );
  return h(
    "figure",
    { class: "tandem-chart", id: options.id },
    h("figcaption", { class: "govuk-heading-s" }, options.title),
    h("p", { class: "govuk-body" }, options.summary),
    picture,
    h(
      "details",
      { class: "govuk-details tandem-chart__table" },
      h(
        "summary",
        { class: "govuk-details__summary" },
        h("span", { class: "govuk-details__summary-text" }, "Show the table"),
      ),
      h(
        "div",
        { class: "govuk-details__text" },
        table({
          caption: options.title,
          captionClass: "govuk-table__caption--s",
          head: ["Month", options.valueName],
          rows: series.map((s) => [s.label, String(s.value)]),
          numericColumns: [1],
        }),
      ),
    ),
  );
}
