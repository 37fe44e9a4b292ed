import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartSeries, Marker } from '../view/chart-series';
import { padRange } from '../view/chart-series';
import { formatAxisCompact, formatPrice } from '../view/format';

/**
 * uPlot charts of one symbol. Colours are the Okabe–Ito palette (readable with colour-vision
 * deficiencies); calls and puts also differ by side of the zero line, markers by dash pattern.
 */
const COLOURS = { call: '#0072B2', put: '#E69F00', net: '#222222', spot: '#009E73' };
const MARKER_STYLE: Record<Marker['key'], { colour: string; dash: number[] }> = {
  spot: { colour: '#333333', dash: [] },
  zero_gamma: { colour: '#CC79A7', dash: [6, 4] },
  call_wall: { colour: '#0072B2', dash: [2, 3] },
  put_wall: { colour: '#D55E00', dash: [2, 3] },
};

/** The three charts of a symbol: GEX by strike, the re-priced curve, today's history. */
export type ChartKind = 'strikes' | 'curve' | 'history';

const moneyAxis: uPlot.Axis = {
  size: 56,
  values: (_u, splits) => splits.map((v) => formatAxisCompact(v)),
};

/** A strike or spot tick without trailing zeros: `580`, `577.5`. */
function strikeTick(value: number): string {
  return String(Number(value.toFixed(2)));
}

/** uPlot's usual 10% padding, or `pad` either side of a single value. */
function yRange(min: number, max: number, pad: number): uPlot.Range.MinMax {
  return min === max ? padRange(min, max, pad) : uPlot.rangeNum(min, max, 0.1, true);
}

function drawMarkers(u: uPlot, markers: Marker[]): void {
  const { ctx } = u;
  const dpr = devicePixelRatio || 1;
  markers.forEach((marker, i) => {
    const x = Math.round(u.valToPos(marker.x, 'x', true));
    if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) return;
    const style = MARKER_STYLE[marker.key];
    ctx.save();
    ctx.strokeStyle = style.colour;
    ctx.fillStyle = style.colour;
    ctx.lineWidth = 1.5 * dpr;
    ctx.setLineDash(style.dash.map((d) => d * dpr));
    ctx.beginPath();
    ctx.moveTo(x, u.bbox.top);
    ctx.lineTo(x, u.bbox.top + u.bbox.height);
    ctx.stroke();
    ctx.font = `${11 * dpr}px system-ui, sans-serif`;
    ctx.textAlign = x > u.bbox.left + u.bbox.width / 2 ? 'right' : 'left';
    ctx.fillText(
      marker.label,
      x + (ctx.textAlign === 'left' ? 3 : -3) * dpr,
      u.bbox.top + (12 + i * 12) * dpr,
    );
    ctx.restore();
  });
}

function options(kind: ChartKind, width: number, markers: { current: Marker[] }): uPlot.Options {
  const base = {
    width,
    height: 220,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    hooks: { draw: [(u: uPlot) => drawMarkers(u, markers.current)] },
  };
  if (kind === 'strikes') {
    const bars = uPlot.paths.bars?.({ size: [0.7, 24] });
    return {
      ...base,
      scales: { x: { time: false } },
      axes: [{ values: (_u, s) => s.map((v) => strikeTick(v)) }, moneyAxis],
      series: [
        { label: 'Strike' },
        { label: 'Call GEX', stroke: COLOURS.call, fill: COLOURS.call, paths: bars, points: { show: false } },
        { label: 'Put GEX', stroke: COLOURS.put, fill: COLOURS.put, paths: bars, points: { show: false } },
        { label: 'Net GEX', stroke: COLOURS.net, width: 2 },
      ],
    };
  }
  if (kind === 'curve') {
    return {
      ...base,
      scales: { x: { time: false } },
      axes: [{ values: (_u, s) => s.map((v) => strikeTick(v)) }, moneyAxis],
      series: [{ label: 'Spot level' }, { label: 'Net GEX per 1%', stroke: COLOURS.net, width: 2 }],
    };
  }
  return {
    ...base,
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'America/New_York'),
    // One pulse so far is one point: see update() for x; y gets a window around the value.
    scales: {
      gex: { range: (_u, min, max) => yRange(min, max, Math.max(Math.abs(min) * 0.1, 1)) },
      spot: { range: (_u, min, max) => yRange(min, max, Math.max(Math.abs(min) * 0.001, 0.01)) },
    },
    axes: [{}, { ...moneyAxis, scale: 'gex' }, { scale: 'spot', side: 1, size: 56, grid: { show: false } }],
    series: [
      { label: 'Time (ET)' },
      { label: 'Net GEX per $1', stroke: COLOURS.net, width: 2, scale: 'gex' },
      { label: 'Spot', stroke: COLOURS.spot, width: 2, dash: [6, 3], scale: 'spot' },
    ],
  };
}

/** One live chart: created on its first data, then updated in place with `setData`. */
export class LiveChart {
  private plot: uPlot | null = null;
  private readonly markers = { current: [] as Marker[] };
  private readonly resize = new ResizeObserver(() => {
    const width = this.width();
    if (this.plot && width > 0 && width !== this.plot.width) this.plot.setSize({ width, height: 220 });
  });

  /** `key` lists the markers under the chart (label, level, line style) as text. */
  constructor(
    private readonly kind: ChartKind,
    private readonly container: HTMLElement,
    private readonly key: HTMLElement | null = null,
  ) {
    this.resize.observe(container);
  }

  private width(): number {
    return Math.floor(this.container.clientWidth);
  }

  /** Shows `series` (an empty one shows the `emptyText` instead of a chart). */
  update(series: ChartSeries, emptyText: string): void {
    this.markers.current = series.markers;
    this.key?.replaceChildren(
      ...series.markers.map((m) =>
        Object.assign(document.createElement('span'), {
          className: `marker-key marker-${m.key}`,
          textContent: `${m.label} ${formatPrice(m.x)}`,
        }),
      ),
    );
    if (series.data[0].length === 0) {
      this.plot?.destroy();
      this.plot = null;
      this.container.replaceChildren(emptyText);
      this.container.classList.add('chart-empty');
      return;
    }
    this.container.classList.remove('chart-empty');
    if (!this.plot) {
      this.container.replaceChildren();
      this.plot = new uPlot(
        options(this.kind, Math.max(this.width(), 200), this.markers),
        series.data,
        this.container,
      );
    } else {
      this.plot.setData(series.data);
    }
    const [x0] = series.data[0];
    // uPlot spans a day (or years of ticks) around a single time point: show ±5 minutes instead.
    if (series.data[0].length === 1 && x0 !== undefined && this.kind === 'history') {
      const [min, max] = padRange(x0, x0, 300);
      this.plot.setScale('x', { min, max });
    }
  }
}
