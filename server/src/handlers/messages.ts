/** Texts the server shows (code action titles, lenses, notices), in zh-CN and en; zh-TW via OpenCC. */
import type { Localized } from '../engine';

export const MESSAGES = {
  fixAllRule: { en: 'Fix all {rule} problems in this file', 'zh-CN': '修复本文件中所有 {rule} 问题' },
  fixAllSource: { en: 'Fix all Five Nets problems', 'zh-CN': '修复所有五张网问题' },
  disableLine: { en: 'Disable {rule} for this line', 'zh-CN': '在此行停用 {rule}' },
  lens: { en: '{count} measures · {incomplete} incomplete', 'zh-CN': '{count} 项措施 · {incomplete} 项不完整' },
  lensOne: { en: '1 measure · {incomplete} incomplete', 'zh-CN': '1 项措施 · {incomplete} 项不完整' },
  measureCount: { en: '{count} measures', 'zh-CN': '{count} 项措施' },
  moreProblems: {
    en: 'Five Nets: {hidden} more problems in this draft are not shown (at most {max} are sent to the editor; `fivenets lint` lists them all).',
    'zh-CN': '五张网：本文稿另有 {hidden} 个问题未显示（最多向编辑器发送 {max} 个；`fivenets lint` 可列出全部）。',
  },
  tooLarge: {
    en: 'Five Nets: {file} is not checked: it is {size} bytes, over fivenets.maxFileSize ({max} bytes).',
    'zh-CN': '五张网：未检查 {file}：文件大小 {size} 字节，超过 fivenets.maxFileSize（{max} 字节）。',
  },
} satisfies Record<string, Localized>;
