/**
 * Spreadsheet formula injection (CWE-1236): a spreadsheet opening a CSV runs a cell that begins
 * with =, +, -, @ (or a tab or carriage return, which some strip first) as a formula, and article
 * text is written by anyone. With --excel-safe such cells of free-text columns get a leading
 * apostrophe, which spreadsheets show as text and do not display. The cost: those cells no longer
 * equal the text they cite (text[start:end]), so the option is off by default and the data exact.
 * Numbers stay numbers (-5 is an integer column, never touched), and so do values with a fixed
 * form (ids, hashes, enumerations), which cannot begin with a formula character.
 */
import type { Cell, Column } from './tables.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a column holds free text: a string with no pattern or closed set of values. */
const isFreeText = (c: Column): boolean => c.type === 'string' && !c.pattern && !c.enum;

/** A function that makes the rows of a table with these columns safe to open in a spreadsheet. */
export function excelSafeRows(columns: Column[]): (rows: Cell[][]) => Cell[][] {
  const free = columns.map(isFreeText);
  return (rows) =>
    rows.map((row) => row.map((cell, i) => (free[i] && typeof cell === 'string' && FORMULA_START.test(cell) ? `'${cell}` : cell)));
}
