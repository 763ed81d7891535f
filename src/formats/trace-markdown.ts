/**
 * A trace as a Markdown table, for bug reports and chat: one row per state, the action that made
 * it, then one column per variable, values printed as TLA+ on one line. Changed values are in bold
 * so that the reader sees the step at a glance, as the trace viewer shows it.
 */
import type { Trace } from '../check/contract/types';
import { printValueOneLine } from '../trace/print';

/** Text safe inside a table cell: pipes escaped, line breaks flattened, code span where needed. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export interface MarkdownOptions {
  /** A heading line above the table, e.g. the spec and what was violated. */
  title?: string;
}

export function traceToMarkdown(trace: Trace, options: MarkdownOptions = {}): string {
  const lines: string[] = [];
  if (options.title) lines.push(`**${cell(options.title)}**`, '');
  lines.push(`| # | Action | ${trace.vars.map(cell).join(' | ')} |`);
  lines.push(`|---:|---|${trace.vars.map(() => '---').join('|')}|`);
  trace.states.forEach((state, i) => {
    const step = trace.steps[i];
    const action = i === 0 ? 'Initial predicate' : step?.label || step?.action || '';
    const values = trace.vars.map((v) => {
      const text = printValueOneLine(state[v]);
      const before = i > 0 ? printValueOneLine(trace.states[i - 1][v]) : text;
      const code = `\`${cell(text).replace(/`/g, "'")}\``;
      return text !== before ? `**${code}**` : code;
    });
    const marker = trace.loop === i ? ' ↺' : '';
    lines.push(`| ${i + 1}${marker} | ${cell(action)} | ${values.join(' | ')} |`);
  });
  if (trace.loop !== undefined)
    lines.push('', `The behaviour loops back to state ${trace.loop + 1} (↺) forever.`);
  return lines.join('\n') + '\n';
}
