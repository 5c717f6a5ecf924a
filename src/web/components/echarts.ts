// ECharts, tree-shaken: the core plus only the charts and components the app draws with,
// on the canvas renderer. A new kind of chart (a map, a pie) is registered here, once, so the
// bundle carries what is used and nothing else (ENGINEERING.md: echarts/core, not 'echarts').
import { BarChart, type BarSeriesOption, LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  type DataZoomComponentOption,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  ToolboxComponent,
  type ToolboxComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  ToolboxComponent,
  DataZoomInsideComponent,
  DataZoomSliderComponent,
  CanvasRenderer,
]);

/** The options of the charts registered above, typed: an unregistered chart does not compile. */
export type ChartOption = echarts.ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | ToolboxComponentOption
  | DataZoomComponentOption
>;

/** The app's chart colours: the party red of the antd theme first, then distinct companions. */
export const CHART_COLORS = ['#c41d1d', '#d48806', '#1677ff', '#389e0d', '#722ed1'];

export const THEME = 'dangjian';
echarts.registerTheme(THEME, { color: CHART_COLORS });

export { echarts };
