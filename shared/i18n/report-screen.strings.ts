import { defineStrings } from './define';

/**
 * The Reports screen (its fields, buttons and preview) and the errors of a report's
 * parameters, under `report.screen` and `report.errors`; the documents' own words are in
 * report.strings.ts.
 */
export const reportScreenStrings = defineStrings({
  en: {
    report: {
      screen: {
        title: 'Reports',
        kind: 'Report type',
        annual: 'Annual summary',
        dossier: 'Tie dossier',
        country: 'Country list',
        asOf: 'As of',
        since: 'From',
        sinceHint: 'Empty: 1 January of that year',
        locality: 'Locality',
        allLocalities: 'All localities',
        lang: 'Language of the report',
        tie: 'Tie',
        chooseTie: 'Choose a tie',
        countryField: 'Country',
        refresh: 'Update preview',
        print: 'Print…',
        savePdf: 'Save as PDF…',
        saving: 'Preparing the PDF…',
        saved: 'Saved to {{path}}',
        downloaded: 'The PDF was downloaded.',
        loading: 'Preparing the preview…',
        preview: 'Preview of the report',
        previewNote:
          'The preview is the printed document; page breaks, page header and footer are added when it is printed.',
        noTies: 'There are no ties yet.',
        readingTies: 'Reading the ties…',
      },
      errors: {
        asOfDay: 'Give the report date as a full day (YYYY-MM-DD), not “{{value}}”.',
        sinceDay: 'Give the start of the period as a full day (YYYY-MM-DD), not “{{value}}”.',
        sinceAfterAsOf: 'The period starts ({{since}}) after the report date ({{asOf}}).',
        unknownLocality: 'There is no locality named “{{name}}”.',
        unknownTie: 'There is no tie “{{id}}”.',
        printUnavailable:
          'Printing through the system dialog is only available in the desktop app; save a PDF and print it instead.',
        saveUnavailable: 'Saving through a dialog is only available in the desktop app.',
        pdfFailed: 'The PDF could not be made: {{reason}}',
      },
    },
  },
  zh: {
    report: {
      screen: {
        title: '统计报表',
        kind: '报表类型',
        annual: '年度统计',
        dossier: '友城档案',
        country: '国别友城一览',
        asOf: '截至日期',
        since: '起始日期',
        sinceHint: '留空：当年1月1日',
        locality: '地区',
        allLocalities: '全部地区',
        lang: '报表语言',
        tie: '友城关系',
        chooseTie: '选择友城关系',
        countryField: '国家',
        refresh: '更新预览',
        print: '打印…',
        savePdf: '另存为PDF…',
        saving: '正在生成PDF…',
        saved: '已保存到{{path}}',
        downloaded: 'PDF已下载。',
        loading: '正在生成预览…',
        preview: '报表预览',
        previewNote: '预览即打印文档；分页、页眉和页脚在打印时加入。',
        noTies: '尚无友城关系。',
        readingTies: '正在读取友城关系…',
      },
      errors: {
        asOfDay: '截至日期须精确到日（YYYY-MM-DD），而不是“{{value}}”。',
        sinceDay: '起始日期须精确到日（YYYY-MM-DD），而不是“{{value}}”。',
        sinceAfterAsOf: '起始日期（{{since}}）晚于截至日期（{{asOf}}）。',
        unknownLocality: '没有名为“{{name}}”的地区。',
        unknownTie: '没有编号为“{{id}}”的友城关系。',
        printUnavailable: '只有桌面应用可以调用系统打印对话框；请另存为PDF后打印。',
        saveUnavailable: '只有桌面应用可以通过对话框保存。',
        pdfFailed: '无法生成PDF：{{reason}}',
      },
    },
  },
});
