// One-off: extracts the most frequent surnames from the Chinese-Names-Corpus workbook into
// shared/domain/data/surnames.json for the demo-data generator. Run: npx tsx build/scripts/extract-surnames.ts [path.xlsx]
import ExcelJS from 'exceljs';
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const SHEET = '中文姓氏1074个';
const KEEP = 400;

const source = process.argv[2] ?? fileURLToPath(new URL('../../../shared/data/chinese-surnames.xlsx', import.meta.url));
const target = fileURLToPath(new URL('../../shared/domain/data/surnames.json', import.meta.url));

const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(source);
const sheet = workbook.getWorksheet(SHEET);
if (!sheet) throw new Error(`Sheet ${SHEET} not found in ${source}`);

const header = sheet.getRow(1);
let nameCol = 0;
let freqCol = 0;
header.eachCell((cell, col) => {
  if (String(cell.value).trim() === 'NameB') nameCol = col;
  if (String(cell.value).trim() === 'TF') freqCol = col;
});
if (!nameCol || !freqCol) throw new Error('Columns NameB and TF not found');

const seen = new Map<string, number>();
sheet.eachRow((row, rowNumber) => {
  if (rowNumber === 1) return;
  const surname = String(row.getCell(nameCol).value ?? '').trim();
  const frequency = Number(row.getCell(freqCol).value);
  if (!surname || !Number.isFinite(frequency) || frequency <= 0) return;
  seen.set(surname, (seen.get(surname) ?? 0) + frequency);
});

// Stable order: frequency descending, then by code point, so re-running gives the same file.
const rows = [...seen.entries()]
  .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
  .slice(0, KEEP);

// One pair per line keeps the file diffable.
await writeFile(target, `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`, 'utf8');
console.log(`Wrote ${rows.length} of ${seen.size} surnames to ${target}`);
