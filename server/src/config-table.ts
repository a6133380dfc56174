import { VARIABLES } from './config';

const BEGIN = '<!-- variables: generated from server/src/config.ts by `npm run config:doc` -->';
const END = '<!-- end of variables -->';

/** The variables as a Markdown table, padded as prettier pads it: variable, default, meaning. */
export function configurationTable(): string {
  const rows = [
    ['variable', 'default', 'meaning'],
    ...VARIABLES.map((variable) => [`\`${variable.name}\``, variable.default, variable.description]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(rows[0]), line(widths.map((width) => '-'.repeat(width))), ...rows.slice(1).map(line)].join('\n');
}

/** docs/configuration.md with its table between the markers replaced by the current one. */
export function withConfigurationTable(markdown: string): string {
  const begin = markdown.indexOf(BEGIN);
  const end = markdown.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/configuration.md has lost its markers: ${BEGIN} ... ${END}`);
  return `${markdown.slice(0, begin + BEGIN.length)}\n\n${configurationTable()}\n\n${markdown.slice(end)}`;
}
