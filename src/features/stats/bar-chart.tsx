/**
 * A bar chart drawn by uPlot on a canvas, with the same numbers in a visually hidden table so
 * that screen readers get them as data rather than a picture. uPlot is imported only here, and
 * only the statistics screen imports this file: the chart library loads with that screen.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface BarChartProps {
  /** What the chart shows; the hidden table's caption. */
  caption: string;
  labels: readonly string[];
  values: readonly number[];
  /** Column headers of the hidden table, e.g. "Day" and "Cards due". */
  labelHeader: string;
  valueHeader: string;
  /** A CSS colour variable of styles.css, e.g. '--accent'. */
  color?: string;
  height?: number;
}

const cssVar = (name: string, fallback: string): string =>
  getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;

interface ChartLook {
  labels: readonly string[];
  valueHeader: string;
  color: string;
  height: number;
}

function options({ labels, valueHeader, color, height }: ChartLook, width: number): uPlot.Options {
  const fill = cssVar(color, '#1d4ed8');
  const bars = uPlot.paths.bars?.({ size: [0.8, 48] });
  const axis = { stroke: cssVar('--muted', '#5b5b66'), grid: { stroke: cssVar('--border', '#d9d9de'), width: 1 }, ticks: { show: false } };
  return {
    width,
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [-0.5, labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max)] } },
    axes: [
      { ...axis, values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? (labels[i] ?? '') : '')) },
      { ...axis, size: 44, values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? v.toLocaleString() : '')) },
    ],
    // No outline: a zero-height bar would still draw a line along the axis.
    series: [{}, { label: valueHeader, fill, stroke: fill, width: 0, points: { show: false }, ...(bars ? { paths: bars } : {}) }],
  };
}

export function BarChart(props: BarChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const { caption, labels, values, labelHeader, valueHeader, color = '--accent', height = 180 } = props;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const data: uPlot.AlignedData = [labels.map((_, i) => i), [...values]];
    const chart = new uPlot(options({ labels, valueHeader, color, height }, element.clientWidth || 320), data, element);
    const resize = new ResizeObserver(([entry]) => {
      const width = Math.floor(entry?.contentRect.width ?? 0);
      if (width > 0 && width !== chart.width) chart.setSize({ width, height: chart.height });
    });
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [labels, values, valueHeader, color, height]);

  return (
    <figure className="bar-chart">
      <div ref={box} className="bar-chart-canvas" aria-hidden="true" />
      <table className="visually-hidden">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{labelHeader}</th>
            <th scope="col">{valueHeader}</th>
          </tr>
        </thead>
        <tbody>
          {labels.map((label, i) => (
            <tr key={`${i}-${label}`}>
              <th scope="row">{label}</th>
              <td>{(values[i] ?? 0).toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
