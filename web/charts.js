// Chart.js, imported by its package name (a bundler resolves it; the demo
// page maps it with an import map), with every chart type registered once.
// (Chart.js's registry is the library's own; registering again is a no-op.)
import { Chart, registerables } from 'chart.js';

Chart.register(...registerables);

export { Chart };

// The font and colours of a theme (theme.js) on a chart's options: Chart.js
// draws on a canvas, which the page's CSS does not reach.
export function themed(options, theme) {
  const font = { family: theme.font };
  options.color = theme.muted;
  options.font = font;
  for (const scale of Object.values(options.scales ?? {})) {
    scale.ticks = { color: theme.muted, ...scale.ticks, font };
    if (scale.title) scale.title.font = font;
  }
  const tooltip = options.plugins?.tooltip;
  if (tooltip) Object.assign(tooltip, { titleFont: font, bodyFont: font, footerFont: font });
  return options;
}
