// Injected into the page by the benchmarks: records the gap between animation frames (a frame that
// took long means the page froze that long), measures how long a click takes to show its effect, and
// how long a key press takes to reach the screen.
(() => {
    // `long`: each gap over 50 ms with when it ended, in ms from start(), to tell a cold start from the rest.
    // `tickAt` is when the last animation frame began, so a key's effect can be placed in the first frame
    // after the key or a later one, whatever the pipeline's own latency.
    const probe = { gaps: [], long: [], recording: false, last: 0, started: 0, tickAt: 0 };
    const tick = now => {
        probe.tickAt = now;
        if (probe.recording && probe.last > 0) {
            probe.gaps.push(now - probe.last);
            if (now - probe.last > 50) {
                probe.long.push([now - probe.started, now - probe.last]);
            }
        }
        probe.last = now;
        requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    probe.start = () => { probe.gaps = []; probe.long = []; probe.last = 0; probe.started = performance.now(); probe.recording = true; };
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
    // Times the next key press: `armKey(selector, text)` waits for a keydown, then for `selector`'s text to
    // contain `text`; `keyTimed` then resolves with [ms from the keydown to that change (the page's own
    // work), ms from the keydown to just after the next frame painted with it, the same from when the page
    // got the keydown]. "Just after the paint" is a message posted from the next requestAnimationFrame
    // callback: it is delivered once that frame is painted. The keydown's timeStamp is when the browser
    // took the key in; the page gets it a few ms later, after the browser passed it on, which no page
    // can shorten. A fourth number counts frame intervals (60 Hz) from the last frame begun before the
    // key to when the frame that paints the change ran its callbacks: 1 when it was painted in the first
    // frame after the key (as soon as any page could show it), 2 when it missed that one. Counted by the
    // clock, not by callbacks nor by rAF's timestamp, since a page that keeps the browser busy for 50 ms
    // delays the next frame rather than skipping it, and Chromium stamps that frame with the vsync it was
    // meant for: it is still the first frame, but three intervals late.
    probe.armKey = (selector, text) => {
        probe.keyTimed = new Promise(resolve => {
            let down = -1, received = -1, before = -1;
            const onKey = e => { down = e.timeStamp; received = performance.now(); before = probe.tickAt; };
            window.addEventListener("keydown", onKey, { capture: true, once: true });
            const observer = new MutationObserver(() => {
                const target = document.querySelector(selector);
                if (down < 0 || !target || !target.textContent.includes(text)) {
                    return;
                }
                observer.disconnect();
                const changed = performance.now() - down;
                requestAnimationFrame(() => {
                    const frames = Math.round((performance.now() - before) / (1000 / 60));
                    const channel = new MessageChannel();
                    channel.port1.onmessage = () => { const now = performance.now(); resolve([changed, now - down, now - received, frames]); };
                    channel.port2.postMessage(0);
                });
            });
            observer.observe(document.body, { characterData: true, childList: true, subtree: true });
        });
    };
    window.__probe = probe;
})();
