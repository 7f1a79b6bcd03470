/**
 * The reviewed terms of the Simplified UI dictionary: where OpenCC's mainland phrasing of
 * zh-hant.ts is wrong or not what a mainland reader of a web course expects. Each must still be
 * needed (test/unit/dictionary.test.ts fails when OpenCC's own output already equals it).
 */
import type { ReviewedTerm } from '../simplified';

export const zhHansTerms: readonly ReviewedTerm[] = [
  { traditional: '離線', simplified: '离线', why: 'Offline reading of a web page; OpenCC gives 脱机, a machine off the network.' },
  { traditional: '背景下載', simplified: '后台下载', why: 'A download that runs in the background; OpenCC keeps 背景, which is a picture’s background.' },
  { traditional: '回饋', simplified: '反馈', why: 'The feedback talk; OpenCC keeps 回馈, which on the mainland is giving back (回馈社会).' },
  { traditional: '導覽', simplified: '导航', why: 'A web page’s navigation; OpenCC keeps 导览, Taiwan usage (the content’s overrides say the same).' },
  { traditional: '資料', simplified: '资料', why: 'Published material and personal details (公開資料, 基本資料); OpenCC gives 数据, data in computing.' },
  { traditional: '鉅亨網', simplified: '钜亨网', why: 'The publisher’s name: 鉅 is written 钜 in Simplified; OpenCC gives 巨, another character (as in the content’s overrides).' },
  { traditional: '底線', simplified: '下划线', why: 'Underlined terms; OpenCC keeps 底线, which on the mainland is a bottom line, a limit.' },
  { traditional: '連到', simplified: '链接到', why: 'A term that links to the glossary; OpenCC’s 连到 is to connect to, not a hyperlink.' },
  { traditional: '建置', simplified: '构建', why: 'Building the site; OpenCC keeps 建置, Taiwan usage.' },
  { traditional: '評估期間', simplified: '考核周期', why: 'The period assessed, the same appraisal period; OpenCC’s 评估期间 reads as “during the assessment”.' },
  { traditional: '紀錄', simplified: '记录', why: 'An employee’s record; OpenCC gives 纪录, a record as in a world record.' },
  { traditional: '情境', simplified: '场景', why: 'A scoring scenario; mainland course material says 场景.' },
  { traditional: '遺失', simplified: '丢失', why: 'Lost progress or answers; mainland usage is 丢失.' },
];
