/**
 * Structural checks of a reStructuredText README, for machines without docutils: the mistakes
 * that make Odoo's docutils log a "system message" at install. Section adornments as long as
 * their title (overline equal to underline), no line of punctuation that is no adornment (docutils
 * takes it for an incomplete title), list-table rows with as many cells as the header, blank
 * lines around directives and literal blocks, and no Markdown syntax.
 */
const ADORNMENT = /^([!-/:-@[-`{-~])\1+\s*$/;

export function rstProblems(text: string): string[] {
  const lines = text.split('\n');
  const problems: string[] = [];
  const at = (index: number, message: string): void => {
    problems.push(`line ${index + 1}: ${message}`);
  };
  const blank = (index: number): boolean => index < 0 || index >= lines.length || lines[index]!.trim() === '';
  const used = new Set<number>();

  // section titles: [overline] title underline
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!ADORNMENT.test(line) || blank(i - 1) || ADORNMENT.test(lines[i - 1]!)) continue;
    const title = lines[i - 1]!;
    if (/^\s/.test(title)) continue; // indented text: a literal or a table cell, never a title
    used.add(i).add(i - 1);
    if (line.trimEnd().length < title.trimEnd().length) at(i, `underline shorter than the title "${title.trim()}"`);
    const over = lines[i - 2];
    if (over !== undefined && ADORNMENT.test(over)) {
      used.add(i - 2);
      if (over.trimEnd() !== line.trimEnd()) at(i - 2, `overline differs from the underline of "${title.trim()}"`);
    } else if (!blank(i - 2)) {
      at(i - 1, `no blank line before the title "${title.trim()}"`);
    }
    if (!blank(i + 1)) at(i, `no blank line after the title "${title.trim()}"`);
  }
  lines.forEach((line, i) => {
    if (ADORNMENT.test(line) && !used.has(i) && !/^\s/.test(line)) at(i, `"${line.trim()}" is no section adornment`);
  });

  let literal = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (literal) {
      if (blank(i) || /^\s/.test(line)) continue;
      literal = false;
    }
    if (/^\.\. [\w-]+::/.test(line) && !blank(i - 1)) at(i, 'no blank line before the directive');
    if (/::\s*$/.test(line) && !/^\.\. /.test(line)) {
      if (!blank(i + 1)) at(i, 'no blank line before the literal block');
      literal = true;
    }
    if (/^(#{1,6} |```|\| .*\|\s*$)/.test(line)) at(i, `Markdown syntax: "${line.trim()}"`);
  }

  // list-table: options, a blank line, then rows of "* -" cells, all as wide as the first
  for (let i = 0; i < lines.length; i++) {
    if (!/^\.\. list-table::/.test(lines[i]!)) continue;
    let j = i + 1;
    while (j < lines.length && /^ {3}:[\w-]+:/.test(lines[j]!)) j++;
    if (!blank(j)) at(j, 'no blank line between the list-table options and its rows');
    while (blank(j) && j < lines.length) j++;
    const widths: number[] = [];
    for (; j < lines.length && !blank(j); j++) {
      const row = lines[j]!;
      if (row.startsWith('   * - ')) widths.push(1);
      else if (/^ {5}-( |$)/.test(row) && widths.length) widths[widths.length - 1]!++;
      else if (!/^ {7}/.test(row)) at(j, `not a list-table row or cell: "${row}"`);
    }
    if (!widths.length) at(i, 'list-table without rows');
    widths.forEach((width, k) => {
      if (width !== widths[0]) at(i, `row ${k + 1} of the list-table has ${width} cells, the header ${widths[0]}`);
    });
    if (j < lines.length && !blank(j)) at(j, 'no blank line after the list-table');
  }
  return problems;
}
