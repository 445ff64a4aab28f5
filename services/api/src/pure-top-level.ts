import ts from "typescript";

/**
 * Marks our modules' top-level `const X = <call>` initialisers as pure, so esbuild drops the ones nothing uses.
 *
 * esbuild keeps every top-level `export const X = z.object(...)` of every module a function imports, used or
 * not, because it cannot prove a call has no side effect. Rewritten as `const X = /* @__PURE__ *\/ (() => (<expr>))()`
 * the call is one esbuild may drop when X is unused; when X is used, the arrow runs once, where the
 * declaration stood, as the expression did (ADR 23, the bundler addendum).
 *
 * Only declarations whose initialiser makes a call (call, `new`, tagged template) outside nested functions are
 * rewritten, and never one containing `await` or `yield` (an arrow cannot hold them) or a `this`/`arguments`
 * outside nested functions. A declaration whose call matters for its side effect while its name goes unused
 * (a registry filled at load) must say so with `KEEP_MARKER` in a comment before it, or be a statement.
 */
export const KEEP_MARKER = "@tandem-keep";

const PURE = "/* @__PURE__ */ (() => (";
const CLOSE = "))()";

function isFunctionLike(node: ts.Node): boolean {
  return (
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isClassStaticBlockDeclaration(node)
  );
}

/** Whether evaluating `expr` calls something (outside nested functions), and whether wrapping it would change it. */
function inspect(expr: ts.Expression): { calls: boolean; unsafe: boolean } {
  let calls = false;
  let unsafe = false;
  const visit = (node: ts.Node, nested: boolean): void => {
    if (ts.isAwaitExpression(node) || ts.isYieldExpression(node)) unsafe = true;
    if (!nested) {
      if (ts.isCallExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) calls = true;
      if (node.kind === ts.SyntaxKind.ThisKeyword) unsafe = true;
      if (ts.isIdentifier(node) && node.text === "arguments") unsafe = true;
      // A class body's computed keys and static fields run at load; its methods do not.
      if (ts.isClassExpression(node)) calls = true;
    }
    // `import("x")` is a call too; `await` in a nested async function stays there, but is still refused above.
    ts.forEachChild(node, (child) => visit(child, nested || isFunctionLike(node)));
  };
  visit(expr, false);
  return { calls, unsafe };
}

/** The source with each eligible top-level `const` initialiser wrapped; unchanged when none is. */
export function markPureTopLevel(source: string, fileName = "module.ts"): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const edits: { at: number; text: string }[] = [];
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
    if (statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) continue;
    const leading = source.slice(statement.getFullStart(), statement.getStart(file));
    if (leading.includes(KEEP_MARKER)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer;
      if (!init || !ts.isIdentifier(declaration.name)) continue;
      const { calls, unsafe } = inspect(init);
      if (!calls || unsafe) continue;
      edits.push({ at: init.getStart(file), text: PURE }, { at: init.getEnd(), text: CLOSE });
    }
  }
  if (edits.length === 0) return source;
  let out = source;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return out;
}

function scriptKind(fileName: string): ts.ScriptKind {
  if (fileName.endsWith(".tsx")) return ts.ScriptKind.TSX;
  if (fileName.endsWith(".ts") || fileName.endsWith(".mts")) return ts.ScriptKind.TS;
  return ts.ScriptKind.JS;
}
