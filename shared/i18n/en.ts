/**
 * English strings. `zh.ts` has the same shape (the type makes a missing key a compile error,
 * and a test checks the reverse). Enum labels come from `shared/enums.ts`, the interchange
 * format's own vocabulary.
 */
export const en = {
  app: {
    name: 'Youcheng',
    title: 'Youcheng · City ties registry',
    loading: 'Loading…',
    language: 'Language',
    registry: 'Registry',
  },
  menu: {
    file: 'File',
    edit: 'Edit',
    view: 'View',
    help: 'Help',
    quit: 'Quit',
    close: 'Close window',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select all',
    find: 'Find',
    resetZoom: 'Actual size',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    about: 'About Youcheng',
    aboutDetail: 'Version {{version}}\nRegistry: {{registry}}',
    openFailed: 'The registry could not be opened',
    newRegistry: 'New registry…',
    openRegistry: 'Open registry…',
    recent: 'Open recent',
    noRecent: 'No recent registries',
    import: 'Import…',
    export: 'Export…',
    backup: 'Back up now',
    print: 'Print…',
    fillDown: 'Fill down',
    language: 'Language',
    resetLayout: 'Reset layout',
    dataFolder: 'Open data folder',
    menuBar: 'Application menu',
  },
  nav: {
    ties: 'Ties',
    letters: 'Letters of intent',
    approvals: 'Approvals',
    visits: 'Visits',
    followups: 'Follow-ups',
    pipeline: 'Pipeline',
    reports: 'Reports',
    places: 'Places',
    settings: 'Settings',
  },
  placeholder: {
    letters:
      'Letters of intent will be kept here: title and type, signing date and place, signatories, follow-up date and status, with the scanned copy.',
    approvals:
      'The approval steps of every tie will be listed here, with the authority, submission and decision dates, outcome and reference number.',
    visits:
      'Delegations sent and received will be kept here: leader and title, dates, size, purpose, fields of cooperation and the ties they served.',
    pipeline:
      'A board with a column per stage will show each prospective tie on its way from first contact to signing.',
    reports: 'The annual summary will be prepared and printed here, with figures as of any date.',
    settings:
      'The office name, its jurisdiction, approval chains and follow-up thresholds will be set here.',
  },
  columns: {
    local: 'Our locality',
    local_level: 'Level',
    partner: 'Partner',
    partner_zh: 'Partner (Chinese)',
    country: 'Country',
    region: 'Region',
    kind: 'Kind',
    stage: 'Stage',
    established_on: 'Established',
    intent_signed_on: 'Intent signed',
    first_contact_on: 'First contact',
    signed_place: 'Signed at',
    our_signatory: 'Our signatory',
    partner_signatory: 'Partner signatory',
    fields: 'Fields',
    notes: 'Notes',
    updated_at: 'Updated',
  },
  ties: {
    add: 'Add tie',
    deleteConfirmOne: 'Delete the tie between {{local}} and {{partner}}?',
    sharedConfirm_one: 'This changes {{name}} for its {{count}} tie. Change it?',
    sharedConfirm_other: 'This changes {{name}} for all its {{count}} ties. Change all?',
    deleted: 'Deleted',
    count_one: '{{count, number}} tie',
    count_other: '{{count, number}} ties',
    newTitle: 'New tie',
    create: 'Create',
    cancel: 'Cancel',
    newLocalityHint: 'A new locality needs its level.',
  },
  countryPicker: {
    placeholder: 'Type a country in Chinese or English',
    none: 'No country matches',
  },
  tiePicker: {
    placeholder: 'Search ties by partner or locality',
    none: 'No tie matches “{{text}}”.',
    remove: 'Remove {{label}}',
    hint: 'Enter adds the highlighted tie; Backspace removes the last.',
  },
  dateInput: {
    hint: 'YYYY, YYYY-MM, YYYY-MM-DD, YYYY/M/D or 2018年5月29日',
  },
  actions: {
    ok: 'OK',
    cancel: 'Cancel',
    close: 'Close',
    confirm: 'Confirm',
    retry: 'Retry',
  },
  entities: {
    tie: 'tie',
    locality: 'locality',
    partner: 'partner',
    letter: 'letter of intent',
    step: 'approval step',
    visit: 'visit',
    tie_event: 'event',
    visit_tie: 'link',
    setting: 'setting',
    command: 'change',
  },
  requirements: {
    established: 'to be established',
    exchange: 'to be a friendly-exchange tie',
    chain: 'an approved chain after its signing',
    letter: 'a letter of intent with its signed date',
    firstStepSubmitted: 'the first approval step submitted',
    allStepsApproved: 'every approval step approved',
    signedOn: 'the signing date',
    signatories: 'the signatories of both sides',
    date: 'the date',
    reason: 'the reason',
  },
  warnings: {
    oneToOne: 'The partner already has a friendship tie with {{others}}: the one-to-one rule.',
    levels: 'The two sides differ in level: our {{ours}} with a partner {{theirs}}.',
    signingBeforeLetter: 'The signing date {{signed}} is before the letter of intent ({{letter}}).',
    signingBeforeApproval:
      'The signing date {{signed}} is before the chain’s last approval ({{approved}}).',
    datesOutOfOrder:
      'Dates out of order: “{{later}}” is dated {{laterOn}}, before “{{earlier}}” ({{earlierOn}}), which was recorded before it. Both dates are kept; the stages count in their order.',
  },
  errors: {
    validation: {
      invalid: 'This value is not valid.',
      required: '{{field}} is required.',
      type: 'Expected {{expected}}.',
      tooLong: 'At most {{max}} characters.',
      tooDeep: 'This is nested more than {{max}} levels deep.',
      tooLarge: 'This is larger than {{max}} KB.',
      column: 'There is no column by this name.',
      unstorable:
        'This text holds a character no registry can store (a NUL, or half of a character pair); remove it and try again.',
      tooSmall: 'At least {{min}}.',
      tooBig: 'At most {{max}}.',
      unknownKey: 'Unknown field: {{keys}}.',
      integer: 'Expected a whole number.',
      nameRequired: 'Give a name in Chinese or English.',
      tieRef: 'Name the tie: its locality and partner (and country where needed).',
      amount: '“{{value}}” is not an amount: write digits, with at most two decimals.',
      currency: '“{{value}}” is not a currency code (CNY, USD, EUR…).',
      passwordShort: 'A password has at least {{min}} characters.',
      passwordMismatch: 'The two passwords differ: type the same password twice.',
    },
    date: {
      empty: 'Give a date.',
      format:
        '“{{value}}” is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, YYYY/M/D or 2018年5月29日.',
      month: '“{{value}}”: there is no month {{month}}.',
      day: '“{{value}}”: that month has {{max}} days.',
      year: '“{{value}}”: the year must be between {{min}} and {{max}}.',
    },
    country: {
      unknown:
        '“{{value}}” is not a country we know: use an ISO code, or the English or Chinese name.',
      chinaRegion:
        '“{{value}}” is part of China, not a foreign country: exchanges with cities in Taiwan, Hong Kong and Macao are not international friendship-city ties.',
      china: '“{{value}}” is China itself: the partner of a friendship-city tie is a foreign city.',
      notRecognised:
        '“{{value}}” is not a state China recognises, so it cannot be a partner country.',
      storedNotForeign:
        '{{country}} is not a foreign country: this tie, recorded earlier, is not an international friendship-city tie. Check it, then correct or delete it.',
    },
    enum: {
      unknown: '“{{value}}” is not one of: {{allowed}}.',
    },
    name: {
      control:
        '“{{value}}” holds a control character ({{code}}): a name is one line of visible text.',
      invisible:
        '“{{value}}” holds an invisible character ({{code}}, zero-width or a direction mark): type the name again without it.',
      bidi: '“{{value}}” holds a text-direction override ({{code}}), which can make a name read as another: type it again without it.',
      surrogate:
        'The text holds a broken character ({{code}}, half of a character pair) and cannot be stored: type or paste it again.',
    },
    notFound: 'That {{entity}} no longer exists.',
    conflict:
      'Someone else saved this {{entity}} first. It now reads as shown; nothing was overwritten.',
    tie: {
      duplicate: '{{local}} already has a tie with {{partner}} ({{country}}).',
      sharedLocality_one:
        'This changes {{name}} for its {{count}} other tie too: the level belongs to the place. Confirm to change it for all.',
      sharedLocality_other:
        'This changes {{name}} for its {{count}} other ties too: the level belongs to the place. Confirm to change it for all.',
      levelRequired: '“{{local}}” is a new locality: give its level (province, city or county).',
      dateAheadOfStage:
        'A date in “{{field}}” means the tie has reached {{to}}, but it is at {{stage}}: record the move to {{to}} from its details, which asks for what that stage needs.',
      stageBeforeDates:
        'The stage {{stage}} is earlier than the dates given (they reach {{dated}}).',
      unknownRef: 'There is no tie between “{{local}}” and “{{partner}}”.',
      ambiguousRef: '“{{local}}” has ties with more than one “{{partner}}”: give the country.',
    },
    locality: {
      duplicate: 'There is already a locality named “{{name}}”.',
      cycle: '“{{name}}” cannot sit under itself.',
      ambiguous:
        'Several places are called “{{local}}” ({{places}}): write the one meant in full, with its city or province.',
    },
    visit: {
      unknownLocality: '“{{local}}” is not one of our localities.',
      unknownTie: 'No tie matches “{{tie}}”.',
      ambiguousTie:
        '“{{tie}}” matches more than one tie: name the locality, or use the tie itself.',
      endBeforeStart: 'The visit ends ({{end}}) before it starts ({{start}}).',
    },
    followups: {
      snoozeUntil: 'A snooze needs a day after today to come back on.',
    },
    workflow: {
      warnings_one: 'One check needs a reason before going ahead.',
      warnings_other: '{{count}} checks need a reason before going ahead.',
      notWaiting: 'The step at {{authority}} is not waiting for a decision.',
      outOfOrder: 'The step at {{authority}} waits for the steps before it.',
      cannotUpgrade: 'The tie cannot be upgraded yet: it needs {{missing}}.',
      decisionFixed: 'A recorded decision is not edited here; undo it from the history instead.',
    },
    undo: {
      changedSince:
        'That {{entity}} was changed since; undoing would overwrite the later change, so nothing was undone.',
      blocked:
        'Undoing would clash with another record (a tie brought back twice?); nothing was changed.',
      cannotUndo: 'This kind of change cannot be undone here.',
      alreadyUndone: 'That change is already undone.',
      notUndone: 'That change is not undone.',
      changedSinceReason: 'That {{entity}} was changed since.',
      superseded: 'That change was undone and then followed by a new one, so it cannot be redone.',
      skipped: '“{{label}}” was skipped and can no longer be undone: {{reason}}',
      skippedRedo: '“{{label}}” was skipped and can no longer be redone: {{reason}}',
    },
    grid: {
      tooWide:
        'The block is {{width}} columns wide, but only {{columns}} columns follow the cell it was pasted at.',
      readOnly: 'This column cannot be pasted into.',
    },
    scan: {
      empty: 'The file is empty.',
      tooLarge: 'A scan may be at most {{max}} MB.',
      kind: '“{{name}}” is not a PDF or an image (PNG, JPEG, TIFF).',
      missing: 'This letter has no scan, or its file is gone from the registry’s folder.',
      notOpenable:
        '“{{name}}” is not a PDF or an image by its content and name, so it is not opened: it may be a program put in the registry’s folder.',
    },
    stage: {
      transition: 'A tie cannot go from {{from}} to {{to}}.',
      missing: 'Before it can go to {{to}}, the tie needs {{missing}}.',
    },
    forbidden: 'This request is not allowed.',
    unknownChannel: 'There is no channel named “{{channel}}”.',
    busy: 'The registry is busy with another writer; try again in a moment.',
    storage: 'The registry could not be written. Nothing was changed.',
    unavailable: 'This is not available here: {{what}}.',
    internal: 'Something went wrong inside Youcheng. Nothing was changed.',
    network: 'Youcheng could not be reached.',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Resources = Widen<typeof en>;
