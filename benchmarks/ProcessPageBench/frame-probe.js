// Injected into the page by the benchmark: records the gap between animation frames (a frame that
// took long means the page froze that long) and measures how long a click takes to show its effect.
(() => {
    const probe = { gaps: [], recording: false, last: 0 };
    const tick = now => {
        if (probe.recording && probe.last > 0) {
            probe.gaps.push(now - probe.last);
        }
        probe.last = now;
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    probe.start = () => { probe.gaps = []; probe.last = 0; probe.recording = true; };
    probe.stop = () => { probe.recording = false; return probe.gaps; };
    // Clicks `selector` and resolves with the milliseconds until `done(text)` holds for `watched`'s text.
    probe.respond = (selector, watched, expectZoomed) => new Promise(resolve => {
        const target = document.querySelector(watched);
        const start = performance.now();
        const check = () => {
            const zoomed = !document.querySelector(watched).textContent.includes("the whole run");
            if (zoomed === expectZoomed) {
                observer.disconnect();
                resolve(performance.now() - start);
                return true;
            }
            return false;
        };
        const observer = new MutationObserver(check);
        observer.observe(target, { characterData: true, childList: true, subtree: true });
        document.querySelector(selector).click();
        check();
    });
    window.__probe = probe;
})();
