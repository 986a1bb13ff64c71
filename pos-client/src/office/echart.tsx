import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption, HeatmapSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([BarChart, LineChart, PieChart, HeatmapChart, GridComponent, TooltipComponent, LegendComponent, VisualMapComponent, AriaComponent, SVGRenderer]);

/** The chart kinds and parts the office draws; only these are bundled, and only into the office. */
export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | HeatmapSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | VisualMapComponentOption
>;

/** A tooltip that a tap opens too, kept inside the chart's box. */
export const tapTooltip = (trigger: 'axis' | 'item'): TooltipComponentOption => ({ trigger, triggerOn: 'mousemove|click', confine: true });

/**
 * An Apache ECharts chart drawn as SVG that follows its box's width. The chart is a picture of
 * figures the screen also shows as text (a table beside it), so it is one labelled image to a
 * screen reader. `tapTooltip` opens a tooltip on a tap as well as on hover.
 */
export function EChart({ option, label, height }: { option: ChartOption; label: string; height: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof init> | null>(null);
  useEffect(() => {
    const element = box.current!;
    const drawn = init(element, undefined, { renderer: 'svg' });
    chart.current = drawn;
    const resize = new ResizeObserver(() => drawn.resize());
    resize.observe(element);
    return () => {
      resize.disconnect();
      drawn.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
  }, [option]);
  return <div ref={box} role="img" aria-label={label} className="office-echart" style={{ height }} />;
}
