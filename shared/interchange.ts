/**
 * The sheets of the interchange format (domain contract, "Interchange"): for each entity, its
 * columns by English name with their Chinese alias and further accepted spellings (the grid's
 * own labels in both languages among them, so a grid exported as shown imports back).
 * Main maps headers with these; the import wizard offers them as choices.
 */

export const SHEET_KINDS = [
  'localities',
  'partners',
  'ties',
  'events',
  'letters',
  'steps',
  'visits',
] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** How a cell is read: the field schemas decide the rest, as for a grid edit. */
export type ColumnType = 'text' | 'date' | 'enum' | 'country' | 'number' | 'list' | 'bool';

export interface ColumnDef {
  readonly id: string;
  readonly zh: string;
  readonly type: ColumnType;
  /** Further headers accepted for this column, in either language. */
  readonly aliases?: readonly string[];
}

export interface SheetDef {
  readonly kind: SheetKind;
  /** The sheet's name in an exported workbook, and the names recognised on import. */
  readonly en: string;
  readonly zh: string;
  readonly aliases?: readonly string[];
  readonly columns: readonly ColumnDef[];
  /** Columns a sheet must have for its rows to mean anything. */
  readonly required: readonly string[];
}

const c = (
  id: string,
  zh: string,
  type: ColumnType,
  aliases: readonly string[] = [],
): ColumnDef => ({ id, zh, type, aliases });

/** The tie a letter, a step or an event belongs to: the tie's identity. */
const TIE_REF = [
  c('local', '我方', 'text', ['Our locality', '我方地区', '我方城市']),
  c('partner', '外方城市', 'text', ['Partner', '外方', '友城', '外方名称']),
  c('country', '国家', 'country', ['Country', '所在国', '国别']),
] as const;

export const SHEETS: Readonly<Record<SheetKind, SheetDef>> = {
  localities: {
    kind: 'localities',
    en: 'Localities',
    zh: '我方地区',
    columns: [
      c('name', '名称', 'text', ['Name', '我方', 'local']),
      c('name_zh', '中文名', 'text', ['Chinese name']),
      c('name_en', '英文名', 'text', ['English name']),
      c('level', '级别', 'enum', ['Level', '我方级别', 'local_level']),
      c('parent', '上级', 'text', ['Parent', '上级地区']),
    ],
    required: ['name', 'level'],
  },
  partners: {
    kind: 'partners',
    en: 'Partners',
    zh: '外方城市',
    aliases: ['外方'],
    columns: [
      c('name', '名称', 'text', ['Name', 'partner']),
      c('name_zh', '中文名', 'text', ['Chinese name', 'partner_zh']),
      c('name_en', '英文名', 'text', ['English name']),
      c('name_local', '当地名称', 'text', ['Local name', '原文名称']),
      c('place_kind', '类别', 'enum', ['Place kind', 'Kind of place']),
      c('country', '国家', 'country', ['Country']),
      c('region', '所属地区', 'text', ['Region', '州/省']),
    ],
    required: ['name', 'country'],
  },
  ties: {
    kind: 'ties',
    en: 'Ties',
    zh: '友城关系',
    aliases: [
      '友好城市',
      '友城',
      '国际友城',
      '国际友好城市',
      '友好城市一览',
      '友城一览',
      '友城名录',
      'Sister cities',
      'Friendship cities',
    ],
    columns: [
      TIE_REF[0],
      c('local_level', '我方级别', 'enum', ['Level', '级别']),
      TIE_REF[1],
      c('partner_zh', '外方城市（中文）', 'text', ['Partner (Chinese)', '外方城市中文名']),
      TIE_REF[2],
      c('region', '所属地区', 'text', ['Region', '外方所属地区', '州/省']),
      c('kind', '类型', 'enum', ['Kind', '关系类型']),
      c('stage', '阶段', 'enum', ['Stage', '状态']),
      c('established_on', '结好日期', 'date', ['Established', '建立日期', '签约日期', '结好时间']),
      c('intent_signed_on', '意向书签署日期', 'date', ['Intent signed', '意向书日期']),
      c('first_contact_on', '首次接触日期', 'date', ['First contact', '首次接触']),
      c('signed_place', '签约地点', 'text', ['Signed at']),
      c('our_signatory', '我方签署人', 'text', ['Our signatory', '我方签约人']),
      c('partner_signatory', '外方签署人', 'text', ['Partner signatory', '外方签约人']),
      c('fields', '合作领域', 'list', ['Fields']),
      c('notes', '备注', 'text', ['Notes', '说明']),
    ],
    required: ['local', 'partner', 'country'],
  },
  events: {
    kind: 'events',
    en: 'Events',
    zh: '历程',
    aliases: ['Tie events', '友城历程', '事件'],
    columns: [
      ...TIE_REF,
      c('seq', '序号', 'number', ['Seq', 'No.']),
      c('type', '事件类型', 'enum', ['Type']),
      c('stage', '阶段', 'enum', ['Stage']),
      c('from_stage', '原阶段', 'enum', ['From stage']),
      c('kind', '类型', 'enum', ['Kind', '关系类型']),
      c('from_kind', '原类型', 'enum', ['From kind']),
      c('on', '日期', 'date', ['Date', 'occurred_on']),
      c('note', '说明', 'text', ['Note', '备注']),
      c('confidential', '内部', 'bool', ['Confidential']),
      c('override_reason', '特批理由', 'text', ['Override reason']),
      c('recorded_by', '记录人', 'text', ['Recorded by']),
      c('recorded_at', '记录时间', 'text', ['Recorded at']),
    ],
    required: ['local', 'partner', 'country', 'type'],
  },
  letters: {
    kind: 'letters',
    en: 'Letters of intent',
    zh: '意向书',
    aliases: ['Letters', '意向', '意向书签署', '友好意向书'],
    columns: [
      ...TIE_REF,
      c('title', '标题', 'text', ['Title', '文件名称']),
      c('doc_type', '文件类型', 'enum', ['Type', 'Document type']),
      c('signed_on', '签署日期', 'date', ['Signed on', 'Signed']),
      c('signed_place', '签署地点', 'text', ['Signed at']),
      c('our_signatory', '我方签署人', 'text', ['Our signatory']),
      c('partner_signatory', '外方签署人', 'text', ['Partner signatory']),
      c('follow_up_on', '跟进日期', 'date', ['Follow up', 'Follow-up on']),
      c('status', '状态', 'enum', ['Status']),
      c('notes', '备注', 'text', ['Notes']),
    ],
    required: ['local', 'partner', 'title'],
  },
  steps: {
    kind: 'steps',
    en: 'Approval steps',
    zh: '报批步骤',
    aliases: ['Approvals', 'Steps', '报批', '审批'],
    columns: [
      ...TIE_REF,
      c('round', '轮次', 'number', ['Round']),
      c('position', '顺序', 'number', ['Position', 'Step', '步骤']),
      c('authority', '审批机关', 'text', ['Authority']),
      c('authority_zh', '审批机关（中文）', 'text', ['Authority (Chinese)']),
      c('authority_en', '审批机关（英文）', 'text', ['Authority (English)']),
      c('submitted_on', '报送日期', 'date', ['Submitted', 'Submitted on']),
      c('decided_on', '批复日期', 'date', ['Decided', 'Decided on']),
      c('outcome', '结果', 'enum', ['Outcome']),
      c('reference_no', '报文文号', 'text', [
        'Reference',
        'Reference no.',
        '文号',
        'Submission ref.',
      ]),
      c('decision_ref', '批文文号', 'text', ['Decision ref.', 'Decision reference']),
      c('note', '备注', 'text', ['Note', 'Notes']),
    ],
    required: ['local', 'partner'],
  },
  visits: {
    kind: 'visits',
    en: 'Visits',
    zh: '出访来访',
    aliases: [
      'Delegations',
      '团组',
      '出访',
      '来访',
      '出访团组',
      '来访团组',
      '出访来访团组',
      'Outgoing visits',
      'Incoming visits',
    ],
    columns: [
      c('direction', '方向', 'enum', ['Direction', '出访/来访']),
      c('local', '我方', 'text', ['Our locality']),
      c('country', '国家', 'country', ['Country']),
      c('leader', '团长', 'text', ['Leader']),
      c('leader_title', '团长职务', 'text', ['Leader title', "Leader's title"]),
      c('start_on', '开始日期', 'date', ['Start', 'From']),
      c('end_on', '结束日期', 'date', ['End', 'To']),
      c('size', '人数', 'number', ['Size', '团组人数']),
      c('organisation', '单位', 'text', ['Organisation', 'Organization']),
      c('purpose', '目的', 'text', ['Purpose', '任务']),
      c('fields', '合作领域', 'list', ['Fields']),
      c('ties', '相关友城', 'text', ['Ties', '友城关系']),
      c('outcomes', '成果', 'text', ['Outcomes']),
      c('agreements_signed', '签署协议数', 'number', ['Agreements signed']),
      c('amount', '经费', 'text', ['Amount']),
      c('currency', '币种', 'text', ['Currency']),
      c('notes', '备注', 'text', ['Notes']),
    ],
    required: ['direction'],
  },
};

/** The order sheets are applied in: what a later sheet names exists by then. */
export const APPLY_ORDER: readonly SheetKind[] = SHEET_KINDS;

/**
 * A header as it is matched: width-folded, lower case, and with no whitespace or underscores
 * at all, since ledgers break long headers over lines (`外方\n城市`) or pad them
 * (`国\u3000\u3000家`), and `local_level`, `Local level` and `locallevel` are one column.
 */
export function foldHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\u3000\u00a0\ufeff]+/g, '');
}

/** A row-number column (序号): a ledger's own numbering, read by no sheet kind. */
const ROW_NUMBER_HEADERS = new Set(['序号', '编号', '顺序号', 'no', 'no.', '#', 'nr', 's/n']);

export function isRowNumberHeader(header: string): boolean {
  return ROW_NUMBER_HEADERS.has(foldHeader(header));
}

/**
 * A total row (合计, 小计, 总计, 共计, Total): its first filled cell names it. It sums the rows
 * above and is no record.
 */
const TOTAL_ROW =
  /^(合计|小计|总计|共计|总数|累计|total|subtotal|sub-total|grandtotal)($|[:：\d（(])/;

export function isTotalLabel(text: string): boolean {
  return TOTAL_ROW.test(foldHeader(text));
}

const headerMaps = new Map<SheetKind, Map<string, string>>();

function headerMap(kind: SheetKind): Map<string, string> {
  let map = headerMaps.get(kind);
  if (!map) {
    map = new Map();
    // Later spellings never steal an earlier column's exact name or alias.
    for (const col of SHEETS[kind].columns)
      for (const spelling of [col.id, col.zh]) map.set(foldHeader(spelling), col.id);
    for (const col of SHEETS[kind].columns)
      for (const spelling of col.aliases ?? []) {
        const key = foldHeader(spelling);
        if (!map.has(key)) map.set(key, col.id);
      }
    headerMaps.set(kind, map);
  }
  return map;
}

/** The column a header names on a sheet of `kind`, or null for an unknown column. */
export function columnForHeader(kind: SheetKind, header: string): string | null {
  return headerMap(kind).get(foldHeader(header)) ?? null;
}

/** The sheet kind a workbook's sheet name names, in either language, or null. */
export function sheetKindForName(name: string): SheetKind | null {
  const key = foldHeader(name);
  for (const def of Object.values(SHEETS)) {
    if ([def.kind, def.en, def.zh, ...(def.aliases ?? [])].some((n) => foldHeader(n) === key))
      return def.kind;
  }
  return null;
}

/** The sheet kind whose columns the headers name best; ties when nothing stands out. */
export function sheetKindForHeaders(headers: readonly string[]): SheetKind {
  let best: SheetKind = 'ties';
  let bestScore = 0;
  for (const kind of SHEET_KINDS) {
    const ids = new Set(headers.map((h) => columnForHeader(kind, h)).filter((id) => id !== null));
    const required = SHEETS[kind].required.every((r) => ids.has(r));
    const score = ids.size + (required ? 0.5 : 0);
    if (score > bestScore || (score === bestScore && kind === 'ties')) {
      best = kind;
      bestScore = score;
    }
  }
  return best;
}

/**
 * A column's header as an office heads it: its Chinese alias, or in English its first further
 * spelling (`Our locality`, `Level`, `Established`), which every column lists first for that
 * reason. Both read back as the same column.
 */
export function officeHeader(column: ColumnDef, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? column.zh : (column.aliases?.[0] ?? column.id);
}

export function columnDef(kind: SheetKind, id: string): ColumnDef | undefined {
  return SHEETS[kind].columns.find((col) => col.id === id);
}

/**
 * Spreadsheet programs run a cell that starts with one of these as a formula; exports write
 * such text with a leading apostrophe (the convention Excel itself uses for "text, not a
 * formula"), and imports take the apostrophe off again.
 */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

export function escapeFormula(text: string): string {
  return FORMULA_TRIGGERS.some((t) => text.startsWith(t)) ? `'${text}` : text;
}

export function unescapeFormula(text: string): string {
  return text.startsWith("'") && FORMULA_TRIGGERS.some((t) => text.startsWith(t, 1))
    ? text.slice(1)
    : text;
}

/** A column's letter as spreadsheet programs show it: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * A new tie's stage where the sheet has no 阶段 column: what its dates show it reached (an
 * establishment date means established, a letter of intent's date intent, else contact).
 */
export function stageFromDates(dates: {
  readonly established_on?: string | null | undefined;
  readonly intent_signed_on?: string | null | undefined;
}): 'established' | 'intent' | 'contact' {
  if (dates.established_on) return 'established';
  if (dates.intent_signed_on) return 'intent';
  return 'contact';
}

/** The direction a visits sheet's name gives all its rows: 出访 outgoing, 来访 incoming. */
export function directionForSheetName(name: string): 'outgoing' | 'incoming' | null {
  const key = foldHeader(name);
  // 出访来访 holds both: its 方向 column says which.
  if (/^(出访来访|来访出访)/.test(key)) return null;
  if (/^(出访|出国|outgoing|visitsout|outgoingvisits)/.test(key)) return 'outgoing';
  if (/^(来访|来华|incoming|visitsin|incomingvisits)/.test(key)) return 'incoming';
  return null;
}
