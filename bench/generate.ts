/**
 * A deterministic generator of realistic five-nets drafts at any size: net sections,
 * numbered measures with inline bracket fields, sub-list fields, numbered paragraphs,
 * tables, traditional-script drafts, some missing fields and vague words.
 */
import { traditionalize } from '../server/src/engine/script';

/** mulberry32: a small seeded PRNG, so a generated draft or a failing random test can be replayed from its seed. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NETS = ['城市应急处置网', '公共卫生防护网', '基层社会治理网', '矛盾风险化解网', '城市精细管理网'];
const ORDINALS = ['一', '二', '三', '四', '五', '六'];
const ACTIONS = ['建设', '完善', '推进', '新建', '改造', '打造', '健全', '建立', '提升', '开展', '实施', '编制'];
const OBJECTS = [
  '应急物资储备库',
  '院前急救站',
  '社区服务中心',
  '矛盾纠纷调解室',
  '示范道路',
  '发热门诊',
  '智慧社区平台',
  '应急避难场所',
  '心理援助热线',
  '网格化管理站点',
  '公共活动空间',
  '社区卫生服务站',
  '综合执法队伍',
  '重点项目',
  '便民服务点',
  '排水管网',
  '消防站',
  '信访接待窗口',
];
const UNITS = ['个', '所', '处', '条', '支', '家', '项', '座'];
const PURPOSES = ['实现中心城区全覆盖', '补齐基层服务短板', '提升群众满意度', '形成可复制的经验', '建立长效管理机制', '强化统筹调度能力'];
const OWNERS = [
  '市应急管理局',
  '市卫健委',
  '市民政局',
  '市委政法委',
  '市城管执法委',
  '市发改委',
  '市住房城乡建设局',
  '市公安局',
  '市信访局',
  '市司法局',
  '市财政局',
  '市商务局',
  '市水务局',
  '市消防救援支队',
  '各区人民政府',
  '市政务服务和大数据管理局',
  '市自然资源和规划局',
];
const DEADLINES = ['2020年12月底前', '2021年6月底前', '2021年第三季度', '2021年内', '2022年底前', '长期坚持', '持续推进', '2021年上半年', '2020年10月31日'];
const VAGUE_OWNERS = ['有关部门', '相关单位'];
const CHINESE_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const GROUP_TITLES = ['强化统筹协调', '完善工作机制', '夯实基层基础', '补齐短板弱项', '提升保障能力', '推进智慧治理', '加强队伍建设', '健全制度体系'];
const VAGUE_DEADLINES = ['尽快', '适时'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

function measureText(random: () => number): string {
  const count = 2 + Math.floor(random() * 200);
  const base = `${pick(random, ACTIONS)}${pick(random, OBJECTS)}`;
  if (random() < 0.12) return `进一步提升${pick(random, OBJECTS)}服务能力`;
  const purpose = random() < 0.95 ? `，${pick(random, PURPOSES)}` : '';
  return random() < 0.85 ? `${base}${count}${pick(random, UNITS)}，覆盖率达到${60 + Math.floor(random() * 40)}%${purpose}` : `${base}工作机制${purpose}`;
}

function fields(random: () => number): { owner: string | null; co: string | null; deadline: string | null } {
  const owner = random() < 0.08 ? null : random() < 0.04 ? pick(random, VAGUE_OWNERS) : pick(random, OWNERS);
  const co = random() < 0.4 ? pick(random, OWNERS) : null;
  const deadline = random() < 0.08 ? null : random() < 0.04 ? pick(random, VAGUE_DEADLINES) : pick(random, DEADLINES);
  return { owner, co, deadline };
}

function inline(parts: ReturnType<typeof fields>): string {
  const items = [parts.owner ? `牵头单位：${parts.owner}` : null, parts.co ? `配合单位：${parts.co}` : null, parts.deadline ? `完成时限：${parts.deadline}` : null].filter((item): item is string => item !== null);
  return items.length > 0 ? `（${items.join('；')}）` : '';
}

/** One draft with about `measures` measures (spread over the five nets). */
export function generateDraft(seed: number, measures: number, options: { traditional?: boolean } = {}): string {
  const random = prng(seed);
  const out: string[] = ['---', `title: 第${seed}号实施方案`, 'date: 2020-07-01', 'schema: five-nets', '---', '', `# 织牢织密“五张网”实施方案（第${seed}号）`, ''];
  out.push('根据市委十三届九次全会部署，把查漏洞、补短板、强弱项作为当前工作的重中之重。', '');
  let numbered = 200;
  NETS.forEach((net, netIndex) => {
    out.push(`## ${ORDINALS[netIndex]}、织密${net}`, '');
    const count = Math.floor(measures / NETS.length) + (netIndex < measures % NETS.length ? 1 : 0);
    let written = 0;
    let group = 0;
    let nextGroupAt = 0;
    while (written < count) {
      // Real plans group measures under sub-headings: （一）强化…, （二）完善… every dozen or so.
      if (written >= nextGroupAt && count > 12) {
        out.push(`### （${CHINESE_NUMBERS[group % CHINESE_NUMBERS.length]}）${pick(random, GROUP_TITLES)}`, '');
        group++;
        nextGroupAt = written + 8 + Math.floor(random() * 10);
      }
      const shape = random();
      if (shape < 0.5) {
        // A numbered list with inline bracket fields.
        const run = Math.min(count - written, 1 + Math.floor(random() * 6));
        for (let i = 1; i <= run; i++) out.push(`${i}. ${measureText(random)}${inline(fields(random))}`);
        out.push('');
        written += run;
      } else if (shape < 0.7) {
        // Numbered paragraphs Markdown does not treat as lists.
        const run = Math.min(count - written, 1 + Math.floor(random() * 4));
        for (let i = 0; i < run; i++) out.push(`${numbered++}.${measureText(random)}${inline(fields(random))}`);
        out.push('');
        written += run;
      } else if (shape < 0.85) {
        // A measure with its fields as a sub-list.
        const parts = fields(random);
        out.push(`1. ${measureText(random)}`);
        if (parts.owner) out.push(`   - 责任单位：${parts.owner}${parts.co ? `、${parts.co}` : ''}`);
        if (parts.deadline) out.push(`   - 完成时限：${parts.deadline}`);
        out.push('');
        written += 1;
      } else {
        // A table of tasks.
        const run = Math.min(count - written, 2 + Math.floor(random() * 5));
        out.push('| 序号 | 重点任务 | 牵头单位 | 完成时限 |', '| --- | --- | --- | --- |');
        for (let i = 1; i <= run; i++) {
          const parts = fields(random);
          out.push(`| ${i} | ${measureText(random)} | ${parts.owner ?? ''} | ${parts.deadline ?? ''} |`);
        }
        out.push('');
        written += run;
      }
    }
  });
  out.push('## 保障措施', '', '加强组织领导，各区、各部门要把织牢织密“五张网”作为重大政治任务。', '');
  const text = out.join('\n');
  return options.traditional ? traditionalize(text) : text;
}

/** A draft of about `chars` characters (for the language-server benchmark). */
export function generateDraftOfSize(seed: number, chars: number): string {
  // About 68 characters per measure in the mix above.
  let measures = Math.max(5, Math.round(chars / 68));
  let text = generateDraft(seed, measures);
  while (text.length < chars) {
    measures = Math.ceil(measures * (chars / text.length)) + 1;
    text = generateDraft(seed, measures);
  }
  return text;
}
