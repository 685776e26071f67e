import ts from 'typescript';

/**
 * User-visible text written into the renderer's JSX instead of the translation files: text
 * between tags, string literals as children, and literals in the attributes a user reads or a
 * screen reader speaks. Only text with a letter counts (symbols such as ✓ or — are not
 * language), nor what is hidden from screen readers as decoration (`aria-hidden="true"`).
 * Names that are the same in every language (encodings, the languages' own names) live in
 * constants, which this check does not read.
 */
export interface Literal {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

export const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-placeholder',
  'aria-roledescription',
  'aria-valuetext',
  'alt',
  'label',
  'placeholder',
  'title',
]);

const LETTER = /\p{L}/u;

export function findLiterals(source: string, file = 'snippet.tsx'): Literal[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: Literal[] = [];
  const report = (node: ts.Node, text: string) => {
    const t = text.trim();
    if (!LETTER.test(t)) return;
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: t });
  };
  /** Literal strings an expression may evaluate to (conditionals, ||, ??, templates). */
  const strings = (e: ts.Expression): void => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) report(e, e.text);
    else if (ts.isTemplateExpression(e)) {
      report(e, [e.head.text, ...e.templateSpans.map((s) => s.literal.text)].join(' '));
    } else if (ts.isConditionalExpression(e)) {
      strings(e.whenTrue);
      strings(e.whenFalse);
    } else if (
      ts.isBinaryExpression(e) &&
      [
        ts.SyntaxKind.BarBarToken,
        ts.SyntaxKind.QuestionQuestionToken,
        ts.SyntaxKind.AmpersandAmpersandToken,
        ts.SyntaxKind.PlusToken,
      ].includes(e.operatorToken.kind)
    ) {
      strings(e.left);
      strings(e.right);
    } else if (ts.isParenthesizedExpression(e)) strings(e.expression);
  };
  /** Decorative marks hidden from screen readers (the brand's 友) are not text to translate. */
  const hidden = (node: ts.Node) =>
    (ts.isJsxElement(node)
      ? node.openingElement
      : ts.isJsxSelfClosingElement(node)
        ? node
        : null
    )?.attributes.properties.some(
      (a) =>
        ts.isJsxAttribute(a) &&
        a.name.getText(sf) === 'aria-hidden' &&
        a.initializer !== undefined &&
        ts.isStringLiteral(a.initializer) &&
        a.initializer.text === 'true',
    ) ?? false;
  const visit = (node: ts.Node): void => {
    if (hidden(node)) return;
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent))
      strings(node.expression);
    else if (ts.isJsxAttribute(node) && node.initializer) {
      const name = node.name.getText(sf);
      if (VISIBLE_ATTRIBUTES.has(name)) {
        if (ts.isStringLiteral(node.initializer)) report(node.initializer, node.initializer.text);
        else if (ts.isJsxExpression(node.initializer) && node.initializer.expression)
          strings(node.initializer.expression);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** Static keys passed to `t('…')` or `x.t('…')` (template keys are left to the run time). */
export function findKeys(source: string, file = 'snippet.tsx'): { key: string; line: number }[] {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const keys: { key: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isT =
        (ts.isIdentifier(callee) && callee.text === 't') ||
        (ts.isPropertyAccessExpression(callee) && callee.name.text === 't');
      const arg = node.arguments[0];
      if (isT && arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)))
        keys.push({
          key: arg.text,
          line: sf.getLineAndCharacterOfPosition(arg.getStart()).line + 1,
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return keys;
}
