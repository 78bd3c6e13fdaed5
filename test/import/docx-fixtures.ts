/**
 * Word documents for the import tests, written by the `docx` package (real WordprocessingML:
 * numbering definitions with w:numPr, heading styles, merged cells, run fonts and colours),
 * each beside its Markdown twin in test/import/twins/: the draft a drafter would type for the
 * same plan. Built at test time, so no binary sits in the repository.
 */
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type ILevelsOptions } from 'docx';
import JSZip from 'jszip';

export interface DocxFixture {
  name: string;
  build(): Promise<Buffer>;
}

const plain = (text: string, options: { bold?: boolean; alignment?: (typeof AlignmentType)[keyof typeof AlignmentType] } = {}) =>
  new Paragraph({ alignment: options.alignment, children: [new TextRun({ text, bold: options.bold })] });

const numbered = (text: string, level: number, bold = false) => new Paragraph({ numbering: { reference: 'plan', level }, children: [new TextRun({ text, bold })] });

/** The numbering of Chinese plans: 一、 then 1. then （1）, each level restarting under the one above. */
const PLAN_LEVELS: ILevelsOptions[] = [
  { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT },
  { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.LEFT },
  { level: 2, format: LevelFormat.DECIMAL, text: '（%3）', alignment: AlignmentType.LEFT },
];

const cell = (texts: string[], options: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ ...options, width: { size: 2000, type: WidthType.DXA }, children: texts.map((text) => plain(text)) });

/** docx writes "now" as the creation time: set the date the twin's front matter states. */
async function withCreated(buffer: Buffer, date: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(buffer);
  const core = await zip.file('docProps/core.xml')?.async('string');
  if (!core) throw new Error('docx wrote no docProps/core.xml');
  zip.file('docProps/core.xml', core.replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/u, `$1${date}T09:00:00Z$2`));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** A notice (红头, 文号, cover letter, signature) before a five-nets plan numbered by Word. */
const notice: DocxFixture = {
  name: 'notice-five-nets',
  async build() {
    const document = new Document({
      title: '武汉市织牢织密“五张网”实施方案',
      creator: 'fivenets tests',
      numbering: { config: [{ reference: 'plan', levels: PLAN_LEVELS }] },
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '武汉市人民政府办公厅文件', color: 'FF0000', bold: true, size: 52 })] }),
            plain('武政办〔2020〕12号', { alignment: AlignmentType.CENTER }),
            plain('市人民政府办公厅关于印发武汉市织牢织密“五张网”实施方案的通知', { alignment: AlignmentType.CENTER, bold: true }),
            plain('各区人民政府，市人民政府各部门：'),
            plain('《武汉市织牢织密“五张网”实施方案》已经市人民政府同意，现印发给你们，请认真组织实施。'),
            plain('武汉市人民政府办公厅', { alignment: AlignmentType.RIGHT }),
            plain('2020年7月15日', { alignment: AlignmentType.RIGHT }),
            new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun('武汉市织牢织密“五张网”实施方案')] }),
            plain('根据市委十三届九次全会部署，着力织牢织密“五张网”，以强基固本扎深城市治理之“根”。'),
            numbered('织密城市应急处置网', 0, true),
            numbered('建设市级应急物资储备库3个，实现重要应急物资储备满足30天需求（牵头单位：市应急管理局；责任单位：市发改委、市商务局；完成时限：2020年12月底前）', 1),
            numbered('建立覆盖全市的应急指挥平台，接入13个区应急指挥中心（责任单位：市应急管理局，各区人民政府；完成时限：2021年6月底）', 1),
            numbered('完成市级平台主体建设', 2),
            numbered('完成区级平台联调', 2),
            numbered('开展综合应急演练20次，检验预案可操作性（牵头单位：市应急管理局；完成时限：2020年11月底前）', 1),
            numbered('织密公共卫生防护网', 0, true),
            numbered('推进市、区院前急救中心建设，打造中心城区10分钟医疗急救圈（牵头单位：市卫健委；配合单位：各区人民政府；完成时限：2021年第三季度）', 1),
            new Table({
              rows: [
                new TableRow({ children: [cell(['序号']), cell(['重点任务']), cell(['牵头单位']), cell(['完成时限'])] }),
                new TableRow({ children: [cell(['2']), cell(['新增发热门诊30个，实现二级以上医院全覆盖']), cell(['市卫健委'], { rowSpan: 2 }), cell(['2020年10月底前'])] }),
                new TableRow({ children: [cell(['3']), cell(['建设发热门诊信息平台', '接入全部定点医院']), cell(['2021年6月底前'])] }),
                new TableRow({ children: [cell(['说明：以上任务按季度调度'], { columnSpan: 4 })] }),
              ],
            }),
            numbered('織密城市精細管理網', 0, true),
            numbered('盡快編制全市「產業地圖」，明確13個區產業定位（牽頭單位：市發改委；完成時限：2020年12月底前）', 1),
            numbered('推進政務服務「一網通辦」，即辦事項佔比達到70%（責任單位：市政務服務局；完成時限：2021年第二季度）', 1),
            numbered('保障措施', 0, true),
            plain('加强组织领导，各区、各部门要把织牢织密“五张网”作为重大政治任务。'),
          ],
        },
      ],
    });
    return withCreated(await Packer.toBuffer(document), '2020-07-15');
  },
};

/** A task plan with Word heading styles, typed numbers (1. and 1、) and full-width text. */
const headings: DocxFixture = {
  name: 'tasks-heading-styles',
  async build() {
    const document = new Document({
      title: '2021年重点工作任务分工',
      numbering: { config: [{ reference: 'circled', levels: [{ level: 0, format: LevelFormat.DECIMAL_ENCLOSED_CIRCLE, text: '%1', alignment: AlignmentType.LEFT }] }] },
      sections: [
        {
          children: [
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、提升政务服务效能')] }),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('（一）推进“一网通办”')] }),
            plain('1. 推进政务服务事项全程网办，网办率达到90%（牵头单位：市政务服务局；完成时限：2021年12月底前）'),
            plain('2. 建设Ｗｉ－Ｆｉ全覆盖的政务服务大厅20个（牵头单位：市政务服务局；完成时限：2021年9月底前）'),
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('（二）优化营商环境')] }),
            plain('1、压缩企业开办时间至1个工作日（牵头单位：市市场监管局；完成时限：2021年6月底前）'),
            new Paragraph({ numbering: { reference: 'circled', level: 0 }, children: [new TextRun('开展营商环境评价，评价结果向社会公布（牵头单位：市发改委；完成时限：2021年第四季度）')] }),
            // A typed 一、 sentence with fields is a measure, not a title line.
            plain('三、建立督办台账，每季度通报进展情况（牵头单位：市政府督查室；完成时限：长期坚持）'),
            new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、Improve public services')] }),
            plain('1. Open 30 fever clinics (Owner: Health Commission; Deadline: 2021-09-30)'),
          ],
        },
      ],
    });
    return withCreated(await Packer.toBuffer(document), '2021-01-04');
  },
};

export const DOCX_FIXTURES: DocxFixture[] = [notice, headings];

export async function buildDocxFixture(name: string): Promise<Buffer> {
  const fixture = DOCX_FIXTURES.find((candidate) => candidate.name === name);
  if (!fixture) throw new Error(`no .docx fixture named ${name}`);
  return fixture.build();
}
