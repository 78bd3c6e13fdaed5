/**
 * A long Word plan for the import benchmark, written by the `docx` package: sections numbered
 * 一、 by Word, measures numbered 1. under each, and a task table with a merged owner column
 * per section. 50 sections of 25 measures and a 6-row table are about 200 pages at 三号 (16 pt).
 */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { generateDraft } from './generate';

/** The measure sentences of the Markdown generator, so the plan reads like the bench drafts. */
function measureSentences(seed: number, count: number): string[] {
  return generateDraft(seed, count)
    .split('\n')
    .map((line) => /^\d+[.、]\s*(.+)$/u.exec(line)?.[1])
    .filter((text): text is string => text !== undefined);
}

export async function generateLongDocx(sections = 50, measuresPerSection = 25): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '武汉市织牢织密“五张网”实施方案', bold: true, size: 44 })] })];
  const sentences = measureSentences(1, sections * measuresPerSection * 2);
  for (let section = 0; section < sections; section++) {
    children.push(new Paragraph({ numbering: { reference: 'plan', level: 0 }, children: [new TextRun({ text: `织密第${section + 1}张网`, bold: true })] }));
    for (let measure = 0; measure < measuresPerSection; measure++) {
      const text = sentences[(section * measuresPerSection + measure) % sentences.length];
      children.push(new Paragraph({ numbering: { reference: 'plan', level: 1 }, children: [new TextRun(text)] }));
    }
    const cell = (text: string, rowSpan?: number) => new TableCell({ rowSpan, children: [new Paragraph(text)] });
    children.push(
      new Table({
        rows: [
          new TableRow({ children: [cell('序号'), cell('重点任务'), cell('牵头单位'), cell('完成时限')] }),
          ...Array.from({ length: 5 }, (_, row) => new TableRow({ children: [cell(String(row + 1)), cell(`建设示范项目${row + 1}个`), ...(row === 0 ? [cell('市发改委', 5)] : []), cell('2021年底前')] })),
        ],
      }),
    );
  }
  const document = new Document({
    title: '武汉市织牢织密“五张网”实施方案',
    numbering: {
      config: [
        {
          reference: 'plan',
          levels: [
            { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    sections: [{ children }],
  });
  return Packer.toBuffer(document);
}
