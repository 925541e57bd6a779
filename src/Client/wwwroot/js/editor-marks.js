// The step's line and the error underline in the Monaco editor that BlazorMonaco made under `id`.
// BlazorMonaco's own DeltaDecorations sends every field of its option classes through reflection-based
// JSON, which in the browser's interpreted .NET cost about 15 ms a step; this takes plain numbers and a
// string. Returns false while the editor is not there yet.

const shown = new Map();

export function showMarks(id, line, errorLine, errorColumn, errorEndLine, errorEndColumn, errorMessage) {
    const editor = window.blazorMonaco?.editor?.getEditor(id, true);
    if (!editor || !window.monaco) {
        return false;
    }
    const decorations = [];
    if (line > 0) {
        decorations.push({
            range: new monaco.Range(line, 1, line, 1),
            options: { isWholeLine: true, className: "current-step-line", linesDecorationsClassName: "current-step-gutter" },
        });
    }
    if (errorLine > 0) {
        decorations.push({
            range: new monaco.Range(errorLine, errorColumn, errorEndLine, errorEndColumn),
            options: { inlineClassName: "error-underline", hoverMessage: [{ value: errorMessage }], isWholeLine: false },
        });
    }
    shown.set(id, editor.deltaDecorations(shown.get(id) ?? [], decorations));
    if (line > 0) {
        editor.revealLineInCenterIfOutsideViewport(line);
    }
    return true;
}

export function forget(id) {
    shown.delete(id);
}
