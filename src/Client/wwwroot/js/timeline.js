// What the timeline needs from the browser and Blazor cannot give: the next animation frame (so the
// page redraws at most once per frame however fast events arrive) and the drawing's width in pixels.

export function nextFrame() {
    return new Promise(resolve => requestAnimationFrame(() => resolve()));
}

export function observeWidth(element, dotnet) {
    if (!element) {
        return null;
    }
    let last = -1;
    const report = () => {
        const width = Math.round(element.clientWidth);
        if (width !== last && width > 0) {
            last = width;
            dotnet.invokeMethodAsync("OnWidthChanged", width);
        }
    };
    const observer = new ResizeObserver(report);
    observer.observe(element);
    report();
    return { dispose: () => observer.disconnect() };
}
