import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { type ChartOption, echarts, THEME } from './echarts.ts';

/** A click on a category of the chart: its bar or point, its band, or its axis label. */
export interface CategoryClick {
  dataIndex: number;
  name: string;
}

interface Props {
  option: ChartOption;
  /** Called for a click anywhere in a category's band (a bar, the track beside it, its label): a large touch target. */
  onClick?: (c: CategoryClick) => void;
  height: number;
  /** The name of the “save as image” file and the chart's accessible label. */
  title: string;
  testId?: string;
  style?: CSSProperties;
}

type AxisOption = { type?: string; data?: unknown[] };
const firstAxis = (a: unknown): AxisOption | undefined => (Array.isArray(a) ? a[0] : a) as AxisOption | undefined;
const label = (v: unknown) => (typeof v === 'object' && v !== null && 'value' in v ? String(v.value) : String(v));

/**
 * One ECharts chart on a canvas: created on mount and when the language changes (its own
 * texts, such as the toolbox's, follow the app), resized with its box, disposed on unmount.
 * Every chart gets the app's theme, a tooltip kept inside the chart (a phone's screen), and
 * “save as image”.
 */
export function EChart({ option, onClick, height, title, testId, style }: Props) {
  const { lang } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = box.current as HTMLDivElement;
    const c = echarts.init(el, THEME, { renderer: 'canvas', locale: lang === 'zh-CN' ? 'ZH' : 'EN' });
    setChart(c);
    // The category axis (the one with data) turns a click position into the category clicked.
    const categories = () => {
      const o = c.getOption() as { xAxis?: unknown; yAxis?: unknown };
      const y = firstAxis(o.yAxis);
      return y?.type === 'category'
        ? { axis: 1, data: y.data ?? [] }
        : { axis: 0, data: firstAxis(o.xAxis)?.data ?? [] };
    };
    const fire = (dataIndex: number) => {
      const { data } = categories();
      if (dataIndex >= 0 && dataIndex < data.length) clickRef.current?.({ dataIndex, name: label(data[dataIndex]) });
    };
    c.getZr().on('click', (e) => {
      const point = [e.offsetX, e.offsetY];
      if (!clickRef.current || !c.containPixel({ gridIndex: 0 }, point)) return;
      const value = c.convertFromPixel({ gridIndex: 0 }, point) as number[];
      fire(Math.round(value[categories().axis] as number));
    });
    c.on('click', (p) => {
      // A category axis label (triggerEvent): outside the grid, so not seen above.
      if (p.componentType === 'xAxis' || p.componentType === 'yAxis') {
        fire(categories().data.findIndex((d) => label(d) === String((p as { value?: unknown }).value)));
      }
    });
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      c.dispose();
      setChart(null);
    };
  }, [lang]);

  useEffect(() => {
    const tooltip = Array.isArray(option.tooltip) ? option.tooltip[0] : option.tooltip;
    chart?.setOption(
      {
        ...option,
        tooltip: { confine: true, className: 'echart-tooltip', ...tooltip },
        toolbox: {
          right: 8,
          top: 0,
          itemSize: 14,
          feature: { saveAsImage: { name: title, pixelRatio: 2, backgroundColor: '#fff' } },
          ...(option.toolbox as object | undefined),
        },
      },
      { notMerge: true },
    );
  }, [chart, option, title]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={title}
      data-testid={testId}
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
}
