import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';
import { useEffect, useRef, type ReactElement } from 'react';
import type { ChartSpec } from './chartData';

// Only what the report's and the trends' charts use, so the bundle stays small.
Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Title,
  Tooltip,
);

/** Excel's default series colours (Office theme accents 1–6), so the workbench looks like Excel's chart. */
const OFFICE_COLORS = ['#4472C4', '#ED7D31', '#A5A5A5', '#FFC000', '#5B9BD5', '#70AD47'];

/**
 * A chart of the embedded workbook drawn over the grid where Excel shows it, with Chart.js (canvas):
 * clustered columns or lines, the title, a legend below, a percent axis for percent data.
 */
export function ChartOverlay(props: { spec: ChartSpec; style: React.CSSProperties; version: number }): ReactElement {
  const { spec } = props;
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return undefined;
    const chart = new Chart(canvas.current, {
      type: spec.kind,
      data: {
        labels: spec.labels,
        datasets: spec.series.map((s, i) => ({
          label: s.name,
          data: s.values,
          backgroundColor: OFFICE_COLORS[i % OFFICE_COLORS.length],
          borderColor: OFFICE_COLORS[i % OFFICE_COLORS.length],
          spanGaps: false,
        })),
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: {
          title: { display: spec.title !== '', text: spec.title },
          legend: { position: 'bottom', display: spec.series.length > 1 || spec.kind === 'line' },
        },
        scales: {
          y: {
            beginAtZero: true,
            ticks: spec.percent ? { callback: (v) => `${Math.round(Number(v) * 100)}%` } : { precision: 0 },
          },
        },
      },
    });
    return () => chart.destroy();
  }, [spec, props.version]);
  const shown = (v: number | null) => (v === null ? '–' : spec.percent ? `${(v * 100).toFixed(1)}%` : v);
  const seriesText = spec.series.map((s) => `${s.name} (${s.values.map(shown).join(', ')})`);
  const summary = `${spec.title}: ${seriesText.join('; ')}`;
  return (
    <div
      style={{
        ...props.style,
        position: 'absolute',
        zIndex: 2,
        background: '#fff',
        border: '1px solid #d0d0d0',
        boxSizing: 'border-box',
        padding: 4,
      }}
      data-chart={spec.name}
      data-kind={spec.kind}
      data-series={spec.series.length}
    >
      <canvas ref={canvas} role="img" aria-label={summary} />
    </div>
  );
}
