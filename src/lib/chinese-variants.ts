/**
 * Chinese character forms that stand for the same character in this site's text: the
 * Simplified forms and variants that reposts mixed into the sources (后/後, 裡/里/裏 …). Each
 * group folds to one form, so text can be compared, or searched, whatever form it is in.
 */
export const variantGroups: readonly string[] = [
  '後后', '標标', '確确', '贏赢', '態态', '內内', '將将', '隨随', '於于', '別彆别', '並并', '產産',
  '眾衆', '號号', '諉诿', '討讨', '論论', '衝沖', '採采', '里裡裏', '時时', '間间', '閱阅', '讀读',
  '薦荐', '頁页', '為爲', '著着', '線綫', '峰峯', '群羣', '鏈鍊',
];

export type FoldMap = Readonly<Record<string, string>>;

/**
 * Joins `groups` of interchangeable characters (union–find) and maps every member to one form,
 * the first-listed character of its group, so folding never depends on the order of the text.
 */
export function foldMapOf(groups: readonly string[]): FoldMap {
  const parent = new Map<string, string>();
  const find = (ch: string): string => {
    const p = parent.get(ch);
    if (p === undefined || p === ch) return ch;
    const root = find(p);
    parent.set(ch, root);
    return root;
  };
  for (const group of groups) {
    const [first, ...rest] = [...group];
    if (!first) continue;
    if (!parent.has(first)) parent.set(first, first);
    for (const ch of rest) {
      if (!parent.has(ch)) parent.set(ch, ch);
      const a = find(first);
      const b = find(ch);
      if (a !== b) parent.set(b, a);
    }
  }
  const map: Record<string, string> = {};
  for (const ch of parent.keys()) {
    const root = find(ch);
    if (root !== ch) map[ch] = root;
  }
  return map;
}

/**
 * The map as one string of (character, its folded form) pairs, the way the search page ships
 * it: as JSON in an HTML attribute every pair would cost five times the bytes.
 */
export function packFoldMap(map: FoldMap): string {
  return Object.entries(map)
    .map(([from, to]) => from + to)
    .join('');
}

export function unpackFoldMap(packed: string): FoldMap {
  const chars = [...packed];
  const map: Record<string, string> = {};
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]!] = chars[i + 1]!;
  return map;
}

/** Folds each character through `map`; the result has as many characters as the input. */
export function foldChars(text: string, map: FoldMap): string {
  let out = '';
  for (const ch of text) {
    const folded = map[ch] ?? ch;
    const lower = folded.toLowerCase();
    out += [...lower].length === 1 ? lower : folded;
  }
  return out;
}
