/** Texts the server shows (code action titles, lenses, notices), in zh-CN and en; zh-TW via OpenCC. */
import type { Localized } from '../engine';

export const MESSAGES = {
  fixAllRule: { en: 'Fix all {rule} problems in this file', 'zh-CN': '修复本文件中所有 {rule} 问题' },
  fixAllSource: { en: 'Fix all Five Nets problems', 'zh-CN': '修复所有五张网问题' },
  disableLine: { en: 'Disable {rule} for this line', 'zh-CN': '在此行停用 {rule}' },
  lens: { en: '{count} measures · {incomplete} incomplete', 'zh-CN': '{count} 项措施 · {incomplete} 项不完整' },
  lensOne: { en: '1 measure · {incomplete} incomplete', 'zh-CN': '1 项措施 · {incomplete} 项不完整' },
  measureCount: { en: '{count} measures', 'zh-CN': '{count} 项措施' },
  measureOne: { en: '1 measure', 'zh-CN': '1 项措施' },
  statusNets: { en: '{present}/{total} nets', 'zh-CN': '{present}/{total} 张网' },
  statusIncomplete: { en: '{incomplete} incomplete', 'zh-CN': '{incomplete} 项不完整' },
  statusTooltipNets: {
    en: 'Five Nets: {present} of {total} nets have a section; {measures} measures, {incomplete} missing an owner, a metric or a deadline. Click to show the problems.',
    'zh-CN': '五张网：{total} 张网中已有 {present} 张网的章节；共 {measures} 项措施，其中 {incomplete} 项缺少责任单位、指标或完成时限。单击查看问题。',
  },
  statusTooltip: {
    en: 'Five Nets: {measures} measures, {incomplete} missing an owner, a metric or a deadline. Click to show the problems.',
    'zh-CN': '五张网：共 {measures} 项措施，其中 {incomplete} 项缺少责任单位、指标或完成时限。单击查看问题。',
  },
  statusSchema: { en: 'Schema: {name} ({reason})', 'zh-CN': '检查方案：{name}（{reason}）' },
  moreProblems: {
    en: 'Five Nets: {hidden} more problems in this draft are not shown (at most {max} are sent to the editor; `fivenets lint` lists them all).',
    'zh-CN': '五张网：本文稿另有 {hidden} 个问题未显示（最多向编辑器发送 {max} 个；`fivenets lint` 可列出全部）。',
  },
  tooLarge: {
    en: 'Five Nets: {file} is not checked: it is {size} bytes, over fivenets.maxFileSize ({max} bytes).',
    'zh-CN': '五张网：未检查 {file}：文件大小 {size} 字节，超过 fivenets.maxFileSize（{max} 字节）。',
  },
} satisfies Record<string, Localized>;
