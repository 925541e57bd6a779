// Keys a control answers itself must not also do what the browser does with them: End on the focused
// timeline moved its cursor and scrolled the whole page to its foot; arrow keys on the heap graph panned
// it and scrolled the page. Blazor's @onkeydown:preventDefault is read from the element as it was last
// rendered, before the key is known, so it cannot tell End from Tab: this listener decides per key.
// A key with Ctrl, Alt or Meta is left to the browser (its shortcuts), and so is every key not listed
// (Tab still moves the focus).

export function claimKeys(element, keys) {
    if (!element) {
        return null;
    }
    const claimed = new Set(keys);
    const listener = e => {
        if (claimed.has(e.key) && !e.ctrlKey && !e.altKey && !e.metaKey && !e.isComposing) {
            e.preventDefault();
        }
    };
    element.addEventListener("keydown", listener);
    return { dispose: () => element.removeEventListener("keydown", listener) };
}
